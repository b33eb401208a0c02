// Script-independent "skeleton" keys for place names and tokens.
//
// Every name (Kazakh Cyrillic, Russian, Kazakh Latin of 2018/2021, English) and every token of an
// article is reduced to one loose ASCII skeleton, so a single hash index serves all three languages
// and the informal Russian-keyboard spelling of Kazakh (қ→к, ә→а, ө→о, ү/ұ→у, ғ→г, ң→н, і→и, һ→х):
//   Қарағанды, Карагандa, Qaraǵandy, Qaragandy, Karagandy → "karagandi"
//   Шымкент, Şymkent, Shymkent → "shimkent";  Жамбыл, Zhambyl, Jambyl → "jambil"
// The skeleton is used only for lookup; display names come from the gazetteer.

import { FORMS, type Form } from '../text/intern.ts';
import type { Token as TextToken } from '../text/tokenize.ts';

const CYR: Record<string, string> = {
  а: 'a', ә: 'a', б: 'b', в: 'v', г: 'g', ғ: 'g', д: 'd', е: 'e', ё: 'e', ж: 'j', з: 'z', и: 'i',
  й: 'i', і: 'i', к: 'k', қ: 'k', л: 'l', м: 'm', н: 'n', ң: 'n', о: 'o', ө: 'o', п: 'p', р: 'r',
  с: 's', т: 't', у: 'u', ұ: 'u', ү: 'u', ф: 'f', х: 'h', һ: 'h', ц: 'ts', ч: 'ch', ш: 'sh',
  щ: 'sh', ъ: '', ы: 'i', ь: '', э: 'e', ю: 'iu', я: 'ia', ї: 'i', є: 'e', ґ: 'g', ў: 'u', ј: 'i',
};

const LAT_PRE: Record<string, string> = {
  ş: 'sh', ș: 'sh', š: 'sh', ç: 'ch', č: 'ch', ğ: 'g', ǵ: 'g', ñ: 'n', ń: 'n', ı: 'i', ž: 'zh',
  // Kazakh Latin of 2018: ý is у (aýdany, Aqtóbe ... ó and ú are plain o, u once the mark is stripped)
  ý: 'u',
};

const cache = new Map<string, string>();

/** Skeleton of one word (no spaces expected, but any string works). */
export function skeleton(word: string): string {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  let lower = word.toLowerCase();
  // the 2017 apostrophe alphabet: s' c' y' are ш ч у (S'ymkent, ay'dany); other letters lose the mark below
  if (lower.includes("'") || lower.includes('’') || lower.includes('ʼ')) lower = lower.replace(/([scy])['’ʼ]/g, (_, c: string) => (c === 's' ? 'ş' : c === 'c' ? 'ç' : 'ý'));
  let out = '';
  let latin = false;
  for (const ch of lower) {
    const c = CYR[ch];
    if (c !== undefined) {
      out += c;
      continue;
    }
    const l = LAT_PRE[ch];
    if (l !== undefined) {
      out += l;
      latin = true;
      continue;
    }
    if ((ch >= 'a' && ch <= 'z') || ch === ' ') {
      out += ch;
      latin = true;
      continue;
    }
    if (ch >= '0' && ch <= '9') {
      out += ch;
      continue;
    }
    // Latin letters with diacritics (ö, ü, ā, ū, é …): strip the mark.
    const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    if (base.length === 1 && base >= 'a' && base <= 'z') {
      out += base;
      latin = true;
    }
    // apostrophes, soft signs in other scripts and punctuation are dropped
  }
  if (latin) {
    out = out
      .replace(/dzh/g, 'j')
      .replace(/zh/g, 'j')
      .replace(/kh/g, 'h')
      .replace(/gh/g, 'g')
      .replace(/q/g, 'k')
      .replace(/y/g, 'i')
      .replace(/w/g, 'u');
  }
  out = out.replace(/^ie/, 'e').replace(/([aeou])ie/g, '$1e').replace(/ii(?=[^aeiou])/g, 'i');
  if (cache.size < 200_000) cache.set(word, out);
  return out;
}

/** Skeleton of a multi-word name: words split on spaces and hyphens, joined by one space. */
export function nameKey(name: string): string {
  return name
    .split(/[\s\-‐–—]+/u)
    .filter(Boolean)
    .map(skeleton)
    .filter(Boolean)
    .join(' ');
}

// Kazakh case / possessive / derivational suffixes in skeleton form (vowel harmony variants
// collapse: -да/-де/-та/-те → da/de/ta/te, -ның/-нің/-дың/-дің/-тың/-тің → nin/din/tin …).
// -лық/-лік/-дық/-дік/-тық/-тік (lik/dik/tik) make demonyms: Маңғыстаулық, Шымкенттік, Алматылықтар.
const KK_SUFFIXES = [
  'ndagi', 'ndegi', 'dagi', 'degi', 'tagi', 'tegi', 'nikі', 'niki', 'diki', 'tiki',
  'nin', 'din', 'tin', 'nan', 'nen', 'dan', 'den', 'tan', 'ten', 'men', 'ben', 'pen',
  'nda', 'nde', 'da', 'de', 'ta', 'te', 'ga', 'ge', 'ka', 'ke', 'na', 'ne', 'a', 'e',
  'ni', 'di', 'ti', 'n', 'lik', 'liktar', 'likter', 'dik', 'tik', 'lar', 'ler', 'dar', 'der', 'tar', 'ter',
  'si', 'i', 'dai', 'dei', 'tai', 'tei', 'sha', 'she',
];
// Russian noun endings with the nominative endings they may replace.
const RU_ENDINGS = ['ami', 'iami', 'ah', 'iah', 'om', 'em', 'oi', 'ei', 'iu', 'ia', 'u', 'e', 'a', 'i', 'o', 'im' /* -ым: под Сатпаевым, за Курчатовым */];
const RU_RESTORE = ['', 'a', 'ia', 'i', 'o', 'e', 'ii'];

/**
 * Candidate stems of one token skeleton (Kazakh suffix chains, Russian noun endings). `kazakh`:
 * also strip Kazakh suffixes (not in English text, where Korean is no Korea + accusative -н; the
 * Russian endings stay for transliterations such as Rudny = Рудный).
 */
export function stemCandidates(t: string, out: Set<string>, minBase = 3, kazakh = true): void {
  out.add(t);
  if (t.length < minBase + 1) return;
  if (kazakh) kazakhStems(t, out, minBase);
  for (const e of RU_ENDINGS) {
    if (t.length - e.length >= minBase && t.endsWith(e)) {
      const base = t.slice(0, -e.length);
      for (const r of RU_RESTORE) out.add(base + r);
    }
  }
}

function kazakhStems(t: string, out: Set<string>, minBase: number): void {
  // Kazakh: strip up to three suffix layers (…+ы+нда+ғы).
  let layer: string[] = [t];
  for (let depth = 0; depth < 3; depth++) {
    const next: string[] = [];
    for (const w of layer) {
      for (const s of KK_SUFFIXES) {
        if (w.length - s.length >= minBase && w.endsWith(s)) {
          const st = w.slice(0, -s.length);
          if (!out.has(st)) {
            out.add(st);
            next.push(st);
            // final consonant voicing before vowel suffixes: Бостандығы → Бостандық
            const last = st[st.length - 1];
            if (last === 'g') out.add(st.slice(0, -1) + 'k');
            else if (last === 'b') out.add(st.slice(0, -1) + 'p');
            // -ый before a suffix loses a letter in the skeleton (Рудныйда → rudnida): Рудный is rudnii
            else if (last === 'i' && depth === 0 && /[^aeiou]i$/.test(st) && /^[^aeiou]/.test(s)) out.add(st + 'i');
          }
        }
      }
    }
    if (!next.length) break;
    layer = next;
  }
}

/** Kazakh demonym suffix right after the name (Маңғыстау-лық, Шымкент-тік): the rest of a token after its name stem. */
export function isKazakhDemonymRest(rest: string): boolean {
  return rest.startsWith('lik') || rest.startsWith('dik') || rest.startsWith('tik');
}

// Russian demonym nouns: -ец/-цы/-цев/-цам/-цами/-цах/-ца/-цу/-цем (павлодарец, алматинцы,
// шымкентцы) and -чанин/-чане/-чан/-чанам/-чанами/-чанах/-чанка (астанчане, семейчане).
const RU_DEMONYM_RE = /^(.{3,}?)(ets|tsi|tsev|tsam|tsami|tsah|tsa|tsu|tsem|chanin|chane|chan|chanam|chanami|chanah|chanka|chanki)$/;

/**
 * Candidate place-name skeletons of a Russian demonym noun, most likely first: the stem itself
 * (павлодар-ец, атырау-цы), without its linking consonant (алмати-н-ец, актау-с-цы), with -ин- read
 * as the name's final -а (кызылорд-ин-цы), plus -а (астан-чане), plus -ск (ураль-цы → Уральск,
 * петропавлов-цы → Петропавловск).
 */
export function ruDemonymStems(key: string): string[] {
  const m = RU_DEMONYM_RE.exec(key);
  if (!m) return [];
  const x = m[1]!;
  const out = [x, x.slice(0, -1)];
  if (x.endsWith('in')) out.push(x.slice(0, -2) + 'a');
  out.push(x + 'a', x + 'sk');
  return out.filter((c) => c.length >= 4);
}

export type AdjGender = 'm' | 'f' | 'x';
const ADJ_RE = /^(.*sk)(ii|i|ogo|omu|om|im|oi|aia|uiu|ie|ih|imi|oe|ai)$/;

/** Russian -ский/-ская adjective: the stem up to "sk" and the grammatical gender of the ending. */
export function adjective(t: string): { stem: string; gender: AdjGender } | null {
  const m = ADJ_RE.exec(t);
  if (!m || m[1].length < 4) return null;
  const e = m[2];
  const gender: AdjGender =
    e === 'ii' || e === 'i' || e === 'ogo' || e === 'omu' || e === 'om' || e === 'im'
      ? 'm'
      : e === 'aia' || e === 'oi' || e === 'uiu' || e === 'ai'
        ? 'f'
        : 'x';
  return { stem: m[1], gender };
}

// ---------------------------------------------------------------- tokens
//
// The geocoder reads its tokens off the tension tokeniser's (tokensFrom below): one scan of the
// text serves both. Per-character case facts are computed once per UTF-16 code unit and kept in a
// table.

const UNKNOWN = 255;
/** Bit 1: c.toLowerCase() !== c; bit 2: c.toUpperCase() === c. */
const CASE_TABLE = new Uint8Array(0x10000).fill(UNKNOWN);

function caseBits(c: number): number {
  let v = CASE_TABLE[c]!;
  if (v === UNKNOWN) {
    const ch = String.fromCharCode(c);
    v = (ch.toLowerCase() !== ch ? 1 : 0) | (ch.toUpperCase() === ch ? 2 : 0);
    CASE_TABLE[c] = v;
  }
  return v;
}

const isApos = (c: number): boolean => c === 39 || c === 0x2019 || c === 0x2bc || c === 96;
const isSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdfff;

/** No hyphen and no apostrophe in the form. */
function isPlain(raw: string): boolean {
  for (let k = 0; k < raw.length; k++) {
    const c = raw.charCodeAt(k);
    if (c === 45 || isApos(c)) return false;
  }
  return true;
}

/** Opening quotes before a name: «"“„' */
const isQuoteBefore = (c: number): boolean => c === 0xab || c === 34 || c === 0x201c || c === 0x201e || c === 39;

/** The interned word form (../text/intern.ts), shared with the tension tokeniser. */
export type Word = Form;

/** Case flags of a form: 1 starts with an upper-case letter, 2 all letters upper case (АҚШ, СКО). */
function caseFlags(raw: string): number {
  const fb = caseBits(raw.charCodeAt(0));
  const cap = (fb & 3) === 3;
  let upper = false;
  if (cap && raw.length > 1) {
    upper = true;
    for (let k = 1; k < raw.length; k++) {
      const ch = raw.charCodeAt(k);
      if (isSurrogate(ch)) {
        upper = raw === raw.toUpperCase();
        break;
      }
      if ((caseBits(ch) & 2) === 0) {
        upper = false;
        break;
      }
    }
  }
  return (cap ? 1 : 0) | (upper ? 2 : 0);
}

/** A geocoder token: a plain object (built once per word in tokensFrom, read everywhere). */
export interface Token {
  /** The interned word form. */
  readonly word: Word;
  /** Text as written. */
  readonly raw: string;
  /** Skeleton of the form. */
  readonly key: string;
  start: number;
  end: number;
  /** Starts with an upper-case letter. */
  readonly cap: boolean;
  /** All letters upper case (abbreviation such as АҚШ, СКО). */
  readonly upper: boolean;
  /** Followed directly by a period. */
  dot: boolean;
  /** Joined to the next token by a hyphen (Нұр-Сұлтан, Алма-Ата). */
  hyphenNext: boolean;
  /** Followed by a dash and the next token, spaces allowed (Алматы – Бішкек, Almaty-Bishkek). */
  dashNext: boolean;
  /** Followed by a comma, colon, semicolon, parenthesis or spaced dash before the next token ("Saryagash, March 25"). */
  sepNext: boolean;
  sentence: number;
  /** First token of its sentence. */
  first: boolean;
  /** Directly preceded by an opening quote («Бәйтерек», "Астана" …): names of organisations, projects. */
  quoted: boolean;
}

/**
 * Geocoder tokens read off the analyser's tokens of the same text (text/tokenize.ts), instead of a
 * second scan: an analyser token is cut at its hyphens (Нұр-Сұлтан → Нұр + Сұлтан, joined by
 * hyphenNext) and loses a final 's; everything else (sentence breaks, initial capitals, a period
 * after the word, an opening quote before it) is read from the text around it, as the geocoder's
 * own scanner did before. The analyser's words are Latin and Cyrillic only, so letters of other
 * scripts, which name no place in Kazakhstan, make no tokens here.
 */
export function tokensFrom(text: string, groups: ReadonlyArray<readonly TextToken[]>, sentenceBase = 0): Token[] {
  const toks: Token[] = [];
  let sentence = sentenceBase;
  let lastEnd = 0;
  let newSentence = true;
  const len = text.length;
  for (const group of groups) {
    for (const src of group) {
      let a = src.start;
      const e = src.end;
      // Most forms have no hyphen and no apostrophe: the token is one geocoder token as it is.
      const sw = src.word;
      if (sw.geoPlain === undefined) sw.geoPlain = isPlain(sw.raw);
      while (a < e) {
        // The next hyphen-free part [a, b) of the token.
        let b = a;
        if (sw.geoPlain) b = e;
        else while (b < e && text.charCodeAt(b) !== 45) b++;
        const mEnd = b;
        // Apostrophes at either end are dropped, else a final 's (English possessive).
        let ra = a;
        let rb = b;
        if (isApos(text.charCodeAt(ra)) || isApos(text.charCodeAt(rb - 1))) {
          while (ra < rb && isApos(text.charCodeAt(ra))) ra++;
          while (rb > ra && isApos(text.charCodeAt(rb - 1))) rb--;
        } else if (rb - ra > 2 && text.charCodeAt(rb - 1) === 115 && isApos(text.charCodeAt(rb - 2))) rb -= 2;
        if (ra === rb) {
          a = b + 1;
          continue;
        }
        const word = ra === src.start && rb === e ? src.word : FORMS.get(text, ra, rb);
        if (word.geoFlags < 0) {
          word.geoFlags = caseFlags(word.raw);
          word.key ??= skeleton(word.raw);
        }
        const start = a;
        if (toks.length) {
          const prev = toks[toks.length - 1]!;
          let brk = false;
          let dot = false;
          let hyphen = start - lastEnd === 1;
          let dashOnly = start > lastEnd;
          let dashSeen = false;
          let sep = false;
          for (let k = lastEnd; k < start; k++) {
            const ch = text.charCodeAt(k);
            if (ch === 44 || ch === 58 || ch === 59 || ch === 40 || ch === 41) sep = true;
            if (ch === 33 || ch === 63 || ch === 0x2026 || ch === 10) brk = true;
            else if (ch === 46) dot = true;
            if (hyphen && ch !== 45 && ch !== 0x2010 && ch !== 0x2013) hyphen = false;
            if (ch === 45 || ch === 0x2010 || ch === 0x2013 || ch === 0x2014) dashSeen = true;
            else if (ch !== 32 && ch !== 0xa0) dashOnly = false;
          }
          if (!brk && dot && prev.raw.length > 2) brk = (caseBits(text.charCodeAt(ra)) & 1) !== 0;
          if (brk) {
            sentence++;
            newSentence = true;
          }
          prev.hyphenNext = hyphen;
          prev.dashNext = dashOnly && dashSeen && !brk;
          prev.sepNext = sep || (dashSeen && !hyphen);
        }
        toks.push({
          word,
          raw: word.raw,
          key: word.key!,
          start,
          end: mEnd,
          cap: (word.geoFlags & 1) !== 0,
          upper: (word.geoFlags & 2) !== 0,
          dot: mEnd < len && text.charCodeAt(mEnd) === 46,
          hyphenNext: false,
          dashNext: false,
          sepNext: false,
          sentence,
          first: newSentence,
          quoted: start > 0 && isQuoteBefore(text.charCodeAt(start - 1)),
        });
        newSentence = false;
        lastEnd = mEnd;
        a = b + 1;
      }
    }
  }
  return toks;
}
