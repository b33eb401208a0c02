// Character-level normalisation shared by detection, stemming and matching.
//
// Two levels are kept apart on purpose:
//  - `lowerToken` keeps Kazakh-specific letters (ә ғ қ ң ө ұ ү һ і), so the Kazakh stemmer can use
//    vowel harmony when the writer used them;
//  - `foldToken` maps every Kazakh-specific letter to the Russian-keyboard letter people type in its
//    place (қ→к, ә→а, ғ→г, ң→н, ө→о, ұ→у, ү→у, һ→х, і→и) and ё→е. Lexicon keys are stored folded, so
//    "қазақтар" and "казактар" reach the same entry.

const KK_FOLD: Record<string, string> = {
  'ә': 'а', 'ғ': 'г', 'қ': 'к', 'ң': 'н', 'ө': 'о', 'ұ': 'у', 'ү': 'у', 'һ': 'х', 'і': 'и', 'ё': 'е',
  // Look-alikes that appear in Kazakh text typed on Latin or Ukrainian layouts.
  'i': 'и', 'ї': 'и', 'ӊ': 'н', 'ҳ': 'х',
};
const KK_FOLD_RE = /[әғқңөұүһіёїӊҳi]/g;

/** Letters that exist in Kazakh Cyrillic but not in Russian. */
export const KAZAKH_LETTERS_RE = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/;

/** Lower-case, NFC, ё→е; the Ukrainian/Latin "i" inside a Cyrillic word becomes Kazakh "і". */
export function lowerToken(token: string): string {
  let t = token.toLowerCase();
  if (t.includes('ё')) t = t.replace(/ё/g, 'е');
  if (t.includes('i') && /[а-яәғқңөұүһ]/.test(t)) t = t.replace(/i/g, 'і');
  return t;
}

/** Fold a lower-cased Cyrillic token to the Russian-keyboard form used as lexicon key. */
export function foldToken(lower: string): string {
  return KK_FOLD_RE.test(lower) ? lower.replace(KK_FOLD_RE, (c) => KK_FOLD[c] ?? c) : lower;
}

// Latin Kazakh → Cyrillic. Covers the 2017 apostrophe alphabet (APOSTROPHE_2017 below), the 2018 acute alphabet (á ǵ ń ó ú ý, ı for и/й, "Respýblıkasy"),
// the 2021 alphabet (ä ğ ñ ö ü ū ş ç, "Respublikasy", "Ūiğyr") and informal ASCII spelling (sh, ch,
// zh, gh digraphs, q for қ, w for у). In all three y is ы; i and ı are й after a vowel and і/и
// otherwise (ı is ы in a back-vowel word, see BACK_RE) (і and и fold together, so the lexicon does not need to know which). The output is
// Cyrillic; letters that fold together (ұ/у/ү, і/и) are harmless because lexicon keys are folded.
const LATIN_DIGRAPHS: Array<[string, string]> = [
  ['shch', 'щ'], ['sh', 'ш'], ['ch', 'ч'], ['zh', 'ж'], ['gh', 'ғ'], ['kh', 'х'], ['ts', 'ц'],
  ['ya', 'я'], ['yu', 'ю'], ['ng', 'ң'],
];
const LATIN_SINGLE: Record<string, string> = {
  a: 'а', á: 'ә', ä: 'ә', b: 'б', c: 'с', ç: 'ч', d: 'д', e: 'е', f: 'ф', g: 'г', ǵ: 'ғ', ğ: 'ғ',
  h: 'х', i: 'і', ı: 'і', j: 'ж', k: 'к', l: 'л', m: 'м', n: 'н', ń: 'ң', ñ: 'ң', o: 'о', ó: 'ө',
  ö: 'ө', p: 'п', q: 'қ', r: 'р', s: 'с', ş: 'ш', t: 'т', u: 'у', ú: 'ү', ü: 'ү', ū: 'ұ', ý: 'у',
  v: 'в', w: 'у', x: 'х', y: 'ы', z: 'з', 'ʼ': '', "'": '',
};
const LATIN_VOWEL_RE = /[aeiouáäóöúüıyūý]/;

// Dotless ı is і in the 2021 alphabet and и/й in 2018, but much informal and Turkish-style writing
// uses it for ы (Qıtailar, audanındağı). Vowel harmony tells them apart: і is a front vowel, so in a
// word whose other vowels and consonants are all back (a o ū y q ğ) and none front, ı is ы
// (i is и/й, neutral in harmony).
const BACK_RE = /[aoūyqğ]/;
const FRONT_RE = /[äöüeéáóúǵ]/;

// The 2017 apostrophe alphabet: a' g' n' o' u' s' c' y' are ә ғ ң ө ү ш ч у, i' is и (й after a vowel) and
// plain i is always і, u is ұ, y is ы ("S'ymkent", "ay'dany", "kei'in"). A word written in it has an
// apostrophe after one of these letters; it is read letter by letter, without the digraphs of informal spelling.
const APOSTROPHE_2017: Record<string, string> = { a: 'ә', g: 'ғ', n: 'ң', o: 'ө', u: 'ү', s: 'ш', c: 'ч', y: 'у' };
const APOSTROPHE_2017_RE = /[agnousyci]['’ʼ]/;
const isApostrophe = (ch: string | undefined): boolean => ch === "'" || ch === '’' || ch === 'ʼ';

function latin2017ToCyrillic(lower: string): string {
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const ch = lower[i]!;
    if (isApostrophe(ch)) continue;
    if (isApostrophe(lower[i + 1])) {
      if (ch === 'i') out += i > 0 && LATIN_VOWEL_RE.test(lower[i - 1]!) ? 'й' : 'и';
      else out += APOSTROPHE_2017[ch] ?? LATIN_SINGLE[ch] ?? ch;
      i++;
      continue;
    }
    out += ch === 'i' ? 'і' : ch === 'u' ? 'ұ' : LATIN_SINGLE[ch] ?? ch;
  }
  return out;
}

export function latinKazakhToCyrillic(lower: string): string {
  if (APOSTROPHE_2017_RE.test(lower)) return latin2017ToCyrillic(lower);
  const backI = lower.includes('ı') && BACK_RE.test(lower) && !FRONT_RE.test(lower);
  let out = '';
  let i = 0;
  outer: while (i < lower.length) {
    for (const [lat, cyr] of LATIN_DIGRAPHS) {
      if (lower.startsWith(lat, i)) {
        // "ng" is ң only at the end of a word or before a consonant.
        if (lat === 'ng' && i + 2 < lower.length && LATIN_VOWEL_RE.test(lower[i + 2]!)) break;
        // "ts" is ц in loans (politsiia, tsentr); elsewhere т + с (ketsın, aitsyn)
        if (lat === 'ts' && i > 0 && !lower.startsWith('tsii', i)) break;
        out += cyr;
        i += lat.length;
        continue outer;
      }
    }
    const ch = lower[i]!;
    if ((ch === 'ı' || ch === 'i') && i > 0 && LATIN_VOWEL_RE.test(lower[i - 1]!)) out += 'й';
    else if (ch === 'ı' && backI) out += 'ы';
    else out += LATIN_SINGLE[ch] ?? ch;
    i++;
  }
  return out;
}

// Russian typed in Latin letters by readers ("v Kordaiskom raione draka", "muzhchiny dezhurili noch'yu"):
// the common informal transliteration read back into Cyrillic, for lexicon look-up only. Digraphs first;
// i after a vowel is й (Kordaiskom, raione, uigurami); y is ы, or й after a vowel at the end (domoy);
// an apostrophe is the soft sign.
const RU_LATIN_DIGRAPHS: Array<[string, string]> = [
  ['shch', 'щ'], ['sch', 'щ'], ['tsya', 'тся'], ['zh', 'ж'], ['kh', 'х'], ['ts', 'ц'], ['ch', 'ч'], ['sh', 'ш'],
  ['yu', 'ю'], ['ya', 'я'], ['yo', 'ё'], ['ju', 'ю'], ['ja', 'я'], ['jo', 'ё'],
];
const RU_LATIN_SINGLE: Record<string, string> = {
  a: 'а', b: 'б', v: 'в', g: 'г', d: 'д', e: 'е', z: 'з', i: 'и', k: 'к', l: 'л', m: 'м', n: 'н', o: 'о',
  p: 'п', r: 'р', s: 'с', t: 'т', u: 'у', f: 'ф', h: 'х', c: 'ц', w: 'в', x: 'кс', q: 'к', j: 'й', y: 'ы',
  "'": 'ь', '’': 'ь', 'ʼ': 'ь',
};
const RU_LATIN_VOWEL_RE = /[aeiouy]/;

export function russianLatinToCyrillic(lower: string): string {
  let out = '';
  let i = 0;
  outer: while (i < lower.length) {
    for (const [lat, cyr] of RU_LATIN_DIGRAPHS) {
      if (lower.startsWith(lat, i)) {
        out += cyr;
        i += lat.length;
        continue outer;
      }
    }
    const ch = lower[i]!;
    const afterVowel = i > 0 && RU_LATIN_VOWEL_RE.test(lower[i - 1]!);
    if (ch === 'i' && afterVowel) out += 'й';
    else if (ch === 'y' && afterVowel && (i + 1 === lower.length || !RU_LATIN_VOWEL_RE.test(lower[i + 1]!))) out += 'й';
    else out += RU_LATIN_SINGLE[ch] ?? ch;
    i++;
  }
  return out;
}

/** Strip HTML-ish markup and entities that leak from feeds and scraped corpora. */
export function stripMarkup(text: string): string {
  return text
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?[a-z][^>]{0,200}>/gi, ' ')
    .replace(/&(nbsp|#160);/g, ' ')
    .replace(/&quot;/g, '"')
    .replace(/&laquo;/g, '«')
    .replace(/&raquo;/g, '»')
    .replace(/&amp;/g, '&');
}

/**
 * Text made only of Basic Latin to Latin Extended-B, Cyrillic, general punctuation and currency
 * signs has no character NFC would change (no combining mark, no singleton), so the (costly) call
 * is skipped for nearly every article.
 */
const NFC_STABLE_RE = /^[\u0000-\u02ff\u0400-\u052f\u2010-\u2027\u2030-\u205e\u20a0-\u20bf\u2116]*$/;

/** Text-level normalisation applied once per article before splitting. */
export function normalizeText(text: string): string {
  let t = NFC_STABLE_RE.test(text) ? text : text.normalize('NFC');
  if (t.includes('<') || t.includes('&')) t = stripMarkup(t);
  return t.replace(/[\u00ad\u200b-\u200d\ufeff]/g, '').replace(/\u00a0/g, ' ');
}
