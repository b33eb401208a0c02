// Language identification for kk / ru / en / other, per article.
//
// Evidence, cheapest first:
//  1. script: Cyrillic vs Latin letter counts (anything else dominant → "other");
//  2. Kazakh-specific Cyrillic letters (ә ғ қ ң ө ұ ү һ і) — one token with them is strong kk evidence;
//  3. frequent function words per language, matched on folded tokens so that Kazakh typed on a Russian
//     keyboard ("жане", "ушин", "бойынша") still counts;
//  4. Kazakh suffix shapes on folded Cyrillic tokens (-дагы, -лары, -ган/-ген, -ынан, -нын/-нин…);
//  5. for Latin script, Kazakh Latin letters (á ǵ ń ó ú ý ş ı ä ğ ñ ö ü ū, and "q") and Latin Kazakh
//     function words against English ones; Turkish/Uzbek function words push towards "other"; Russian
//     function words and endings in Latin transliteration ("v chatah pishut chto") make it Russian
//     (the analyser then reads its words back into Cyrillic, see russianLatinToCyrillic).
// Mixed kk/ru text is labelled by the majority of evidence; a Kazakh article quoting Russian stays kk.

import type { Lang } from '../types.ts';
import { foldToken, lowerToken } from '../text/normalize.ts';
import { memo } from '../text/memo.ts';

const KK_WORDS = new Set(
  ('және мен бұл деп үшін туралы бойынша болды болып болған кезде жылы осы оның олар бар жоқ емес тағы сондай-ақ сонымен қатар керек қалай неге бірақ барлық ол біз сіз менің біздің деді делінген ретінде арасында кейін дейін бері қазір әлі өз өзі облысы ауданы ауылы қаласы тұрғындары жөнінде жатқан мұнда онда кім немесе яғни екен еді ғана ешқандай деген күні қала қаласында бойы бірге сияқты жыл уақыт адам адамдар халық ел аудан облыс ауыл жергілікті әкімдік әкімдігі кеше бүгін ертең мерекесі орталығы арқылы бері соң қарсы үлкен жаңа жас жастар балалар ұйымдастыруымен бірлестігі жұмыс')
    .split(' ')
    .map((w) => foldToken(w)),
);
const RU_WORDS = new Set(
  'и в не на что с по это как для из от был была были года к у за о же бы то так но а или его ее их они он она мы вы также который которые после при уже если только во со до об без через между чтобы еще когда где этом этого этот эти есть нет будет был сообщил сообщает заявил отметил'.split(' '),
);
const EN_WORDS = new Set(
  'the and of to in is was for that on with as by at from it this are were be has have had not an or but which said after its their they he she who will been would also than into about over more'.split(' '),
);
const KK_LATIN_WORDS = new Set(
  'jáne jane zhane men bul bıl dep ushin úshin turaly boıynsha boiynsha boldy bolyp bolǵan bolgan kezde jyly osy onyń onyn olar bar joq zhoq emes taǵy tagy kerek qalaı qalai biraq barlyq biz siz deidi dedi retinde arasynda keıin kein qazir áli ózi oblysy aýdany audany aýyly auyly qalasy turǵyndary qazaq qazaqstan qazaqtar ǵana gana edi eken nemese iaǵnı sonymen qatar'.split(' '),
);
// Russian typed in Latin letters by readers: function words no English or Kazakh text has
// (v, na, chto, eto, kak, uzhe, segodnya …; not "no", "to", "on", "i", which English has).
const RU_LATIN_WORDS = new Set(
  'v vo na ne ni po chto shto eto kak iz ot zhe ili ego ee ikh ih oni ona tozhe uzhe esli tolko cherez mezhdu chtoby eshe eshche ischo kogda gde est budet byl byla bylo byli vse vsyo vsyu vsego nas nam vas vam segodnya vchera seichas seychas potom posle tut kto nikto nichego ochen prosto mne menya nash nashi nashikh dlya pro pri takzhe kotorye kotoryi s k za'.split(' '),
);
// Russian endings in common Latin transliteration.
const RU_LATIN_SUFFIX_RE = /(ogo|ego|omu|emu|ykh|ikh|aya|yaya|iye|oye|tsya|tsa|ovat|ovali|enie|eniya|ami|yami|akh|yakh|skiy|skii|skoy|skogo|skom|skie|yut|ili|ilis|alis|ayut|yayut)$/;

const OTHER_LATIN_WORDS = new Set(
  've bir bu için ile ama çok daha gibi olarak olan değil hem yani ham uchun bilan emas va lekin der die das und ist nicht ein eine le la les et est une des el los las que por para con una'.split(' '),
);

const KK_LETTER_RE = /[әғқңөұүһі]/;
const KK_LATIN_LETTER_RE = /[áǵńóúýşıäğñöüū]/;
// Folded Kazakh suffix shapes that Russian words almost never end with.
const KK_SUFFIX_RE = /(ында|инде|ымен|имен|уымен|ларга|лерге|дарга|дерге|тарга|терге|ларын|лерин|дарын|дерин|сынын|синин|ынын|инин|ыгы|иги|дагы|тагы|деги|теги|ндагы|ндеги|лары|лери|дары|дери|тары|тери|ынан|инен|нын|нин|дын|дин|тын|тин|ган|ген|кан|кен|лык|лик|дык|дик|тык|тик|мыз|миз|ушы|уши|шылар|шилер)$/;

// Russian inflection shapes (adjective, verb, abstract-noun endings) that Kazakh words do not have.
const RU_SUFFIX_RE = /(ого|его|ому|ему|ыми|ими|ость|ости|ться|тся|ение|ения|ании|ении|ский|ская|ское|ских|ция|ции|цию|ами|ями|ает|ают|ует|уют|ился|лась|лись|ешь|ишь|вали|вать|ного|ной|ных|ную|ые|ий|ая)$/;

const KK_TOKEN_SHARE = 0.25;

const WORD_RE = /[A-Za-z\u00C0-\u024F\u0400-\u052F'’\-]+/g;
const MAX_WORDS = 250;
const MAX_CHARS = 2500;

export interface WordEvidence {
  cyr: boolean;
  kk: number;
  ru: number;
  en: number;
  kkLat: number;
  otherLat: number;
  /** Russian in Latin letters. */
  ruLat: number;
}

/** Evidence one word gives, memoised: news vocabulary repeats a lot. */
export const wordEvidence = memo((word: string): WordEvidence => {
  const lower = lowerToken(word);
  const first = lower.charCodeAt(0);
  const e: WordEvidence = { cyr: false, kk: 0, ru: 0, en: 0, kkLat: 0, otherLat: 0, ruLat: 0 };
  if (first >= 0x400 && first <= 0x4ff) {
    e.cyr = true;
    const kkLetters = KK_LETTER_RE.test(lower);
    const f = foldToken(lower);
    if (kkLetters) e.kk += 1.5;
    if (KK_WORDS.has(f)) e.kk += 1;
    else if (RU_WORDS.has(lower)) e.ru += 1;
    else if (!kkLetters && f.length > 4) {
      if (RU_SUFFIX_RE.test(lower)) e.ru += 0.5;
      else if (KK_SUFFIX_RE.test(f)) e.kk += 0.5;
    }
    if (/[ёщъэ]/.test(lower)) e.ru += 0.5;
  } else {
    if (EN_WORDS.has(lower)) e.en += 1;
    if (KK_LATIN_WORDS.has(lower)) e.kkLat += 1.5;
    if (OTHER_LATIN_WORDS.has(lower)) e.otherLat += 2;
    if (RU_LATIN_WORDS.has(lower)) e.ruLat += 1;
    else if (lower.length > 4 && !EN_WORDS.has(lower) && RU_LATIN_SUFFIX_RE.test(lower)) e.ruLat += 0.5;
    if (KK_LATIN_LETTER_RE.test(lower)) e.kkLat += 1;
    else if (lower.includes('q') && !lower.startsWith('qu')) e.kkLat += 0.5;
  }
  return e;
});

export function detectLanguage(fullText: string): Lang {
  // The opening of an article is enough evidence; long articles are not scanned to the end.
  const text = fullText.length > MAX_CHARS ? fullText.slice(0, MAX_CHARS) : fullText;
  let letters = 0;
  let otherScript = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f) || (c >= 0x400 && c <= 0x52f)) letters++;
    else if ((c > 0x2e7f && c < 0xa000) || (c >= 0x600 && c <= 0x6ff)) otherScript++; // CJK, Arabic script
  }
  if (letters === 0 || otherScript > letters) return 'other';
  return detectFromWords(text.match(WORD_RE) ?? []);
}

/**
 * The same decision from words the caller has already tokenised (the engine tokenises once).
 * Words may be raw or lower-cased; only the first MAX_WORDS are read. `evidence[i]`, when given, is
 * wordEvidence(words[i]) already at hand (the engine keeps it on its interned word forms).
 */
export function detectFromWords(words: readonly string[], evidence?: readonly WordEvidence[]): Lang {
  let cyr = 0;
  let lat = 0;
  let kk = 0;
  let ru = 0;
  let en = 0;
  let kkLat = 0;
  let otherLat = 0;
  let ruLat = 0;
  let cyrTokens = 0;
  let kkTokens = 0;
  const limit = Math.min(words.length, MAX_WORDS);
  for (let i = 0; i < limit; i++) {
    const w = words[i]!;
    const c = w.charCodeAt(0);
    if ((c >= 0x30 && c <= 0x39) || w.length === 0) continue;
    const e = evidence ? evidence[i]! : wordEvidence(w);
    if (e.cyr) {
      cyr += w.length;
      cyrTokens++;
      kk += e.kk;
      ru += e.ru;
      if (e.kk > 0) kkTokens++;
    } else {
      lat += w.length;
      en += e.en;
      kkLat += e.kkLat;
      otherLat += e.otherLat;
      ruLat += e.ruLat;
    }
  }
  if (cyr + lat === 0) return 'other';

  if (cyr >= lat) {
    if (kk === 0 && ru === 0) return cyr >= 3 ? 'ru' : lat > 0 ? 'en' : 'other';
    // Kazakh evidence is sparse per word (Kazakh letters appear in ~40% of Kazakh words), Russian
    // function words are dense; weigh accordingly.
    // In Kazakh prose 40–60% of the words carry Kazakh evidence (letters, function words,
    // suffixes); in Russian with a Kazakh quote or name, well under a quarter.
    return kk >= ru * 0.6 && kkTokens >= cyrTokens * KK_TOKEN_SHARE ? 'kk' : 'ru';
  }
  // Russian in Latin letters: its function words outnumber English and Kazakh ones
  if (ruLat >= 3 && ruLat > en * 1.5 && ruLat > kkLat * 1.5) return 'ru';
  if (otherLat > en && otherLat > kkLat) return 'other';
  if (kkLat > en) return 'kk';
  if (en === 0 && kkLat === 0) return lat >= 3 ? 'en' : 'other';
  return en >= kkLat ? 'en' : 'kk';
}
