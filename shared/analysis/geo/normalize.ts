// Script-independent "skeleton" keys for place names and tokens.
//
// Every name (Kazakh Cyrillic, Russian, Kazakh Latin of 2018/2021, English) and every token of an
// article is reduced to one loose ASCII skeleton, so a single hash index serves all three languages
// and the informal Russian-keyboard spelling of Kazakh (қ→к, ә→а, ө→о, ү/ұ→у, ғ→г, ң→н, і→и, һ→х):
//   Қарағанды, Карагандa, Qaraǵandy, Qaragandy, Karagandy → "karagandi"
//   Шымкент, Şymkent, Shymkent → "shimkent";  Жамбыл, Zhambyl, Jambyl → "jambil"
// The skeleton is used only for lookup; display names come from the gazetteer.

const CYR: Record<string, string> = {
  а: 'a', ә: 'a', б: 'b', в: 'v', г: 'g', ғ: 'g', д: 'd', е: 'e', ё: 'e', ж: 'j', з: 'z', и: 'i',
  й: 'i', і: 'i', к: 'k', қ: 'k', л: 'l', м: 'm', н: 'n', ң: 'n', о: 'o', ө: 'o', п: 'p', р: 'r',
  с: 's', т: 't', у: 'u', ұ: 'u', ү: 'u', ф: 'f', х: 'h', һ: 'h', ц: 'ts', ч: 'ch', ш: 'sh',
  щ: 'sh', ъ: '', ы: 'i', ь: '', э: 'e', ю: 'iu', я: 'ia', ї: 'i', є: 'e', ґ: 'g', ў: 'u', ј: 'i',
};

const LAT_PRE: Record<string, string> = {
  ş: 'sh', ș: 'sh', š: 'sh', ç: 'ch', č: 'ch', ğ: 'g', ǵ: 'g', ñ: 'n', ń: 'n', ı: 'i', ž: 'zh',
};

const cache = new Map<string, string>();

/** Skeleton of one word (no spaces expected, but any string works). */
export function skeleton(word: string): string {
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  const lower = word.toLowerCase();
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
const KK_SUFFIXES = [
  'ndagi', 'ndegi', 'dagi', 'degi', 'tagi', 'tegi', 'nikі', 'niki', 'diki', 'tiki',
  'nin', 'din', 'tin', 'nan', 'nen', 'dan', 'den', 'tan', 'ten', 'men', 'ben', 'pen',
  'nda', 'nde', 'da', 'de', 'ta', 'te', 'ga', 'ge', 'ka', 'ke', 'na', 'ne', 'a', 'e',
  'ni', 'di', 'ti', 'n', 'lik', 'liktar', 'likter', 'lar', 'ler', 'dar', 'der', 'tar', 'ter',
  'si', 'i', 'dai', 'dei', 'tai', 'tei', 'sha', 'she',
];
// Russian noun endings with the nominative endings they may replace.
const RU_ENDINGS = ['ami', 'iami', 'ah', 'iah', 'om', 'em', 'oi', 'ei', 'iu', 'ia', 'u', 'e', 'a', 'i', 'o'];
const RU_RESTORE = ['', 'a', 'ia', 'i', 'o', 'e', 'ii'];

/** Candidate stems of one token skeleton (Kazakh suffix chains, Russian noun endings). */
export function stemCandidates(t: string, out: Set<string>, minBase = 3): void {
  out.add(t);
  if (t.length < minBase + 1) return;
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
          }
        }
      }
    }
    if (!next.length) break;
    layer = next;
  }
  for (const e of RU_ENDINGS) {
    if (t.length - e.length >= minBase && t.endsWith(e)) {
      const base = t.slice(0, -e.length);
      for (const r of RU_RESTORE) out.add(base + r);
    }
  }
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

export class Token {
  /** Text as written. */
  raw: string;
  start: number;
  end: number;
  /** Starts with an upper-case letter. */
  cap: boolean;
  /** All letters upper case (abbreviation such as АҚШ, СКО). */
  upper: boolean;
  /** Followed directly by a period. */
  dot: boolean;
  /** Joined to the next token by a hyphen (Нұр-Сұлтан, Алма-Ата). */
  hyphenNext = false;
  sentence: number;
  /** First token of its sentence. */
  first: boolean;
  /** Directly preceded by an opening quote («Бәйтерек», "Астана" …): names of organisations, projects. */
  quoted: boolean;
  private k: string | undefined;
  constructor(raw: string, start: number, end: number, cap: boolean, upper: boolean, dot: boolean, sentence: number, first: boolean, quoted: boolean) {
    this.raw = raw;
    this.start = start;
    this.end = end;
    this.cap = cap;
    this.upper = upper;
    this.dot = dot;
    this.sentence = sentence;
    this.first = first;
    this.quoted = quoted;
  }
  /** Skeleton (computed on first use). */
  get key(): string {
    if (this.k === undefined) this.k = skeleton(this.raw);
    return this.k;
  }
}

const WORD_RE = /[\p{L}\p{M}\d'’ʼ`]+/gu;
const APOS = "'’ʼ`";
const QUOTES = '«"“„\'';

/** Tokenise; sentence indices start at `sentenceBase`. */
export function tokenize(text: string, sentenceBase = 0): Token[] {
  const toks: Token[] = [];
  let sentence = sentenceBase;
  let lastEnd = 0;
  let newSentence = true;
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(text); m; m = WORD_RE.exec(text)) {
    let raw = m[0];
    if (APOS.includes(raw[0]) || APOS.includes(raw[raw.length - 1])) raw = raw.replace(/^['’ʼ`]+|['’ʼ`]+$/g, '');
    else if (raw.length > 2 && raw[raw.length - 1] === 's' && APOS.includes(raw[raw.length - 2])) raw = raw.slice(0, -2);
    if (!raw) continue;
    const start = m.index;
    if (toks.length) {
      const prev = toks[toks.length - 1];
      // sentence break: ! ? … or a line break, or a period before a capitalised word (not after a 1-2 letter abbreviation)
      let brk = false;
      let dot = false;
      let hyphen = start - lastEnd === 1;
      for (let i = lastEnd; i < start; i++) {
        const c = text.charCodeAt(i);
        if (c === 33 || c === 63 || c === 0x2026 || c === 10) brk = true;
        else if (c === 46) dot = true;
        if (hyphen && c !== 45 && c !== 0x2010 && c !== 0x2013) hyphen = false;
      }
      if (!brk && dot && prev.raw.length > 2) {
        const f = raw[0];
        brk = f !== f.toLowerCase();
      }
      if (brk) {
        sentence++;
        newSentence = true;
      }
      prev.hyphenNext = hyphen;
    }
    const first = raw[0];
    const cap = first !== first.toLowerCase() && first === first.toUpperCase();
    const upper = cap && raw.length > 1 && raw === raw.toUpperCase();
    const end = start + m[0].length;
    toks.push(new Token(raw, start, end, cap, upper, text.charCodeAt(end) === 46, sentence, newSentence, start > 0 && QUOTES.includes(text[start - 1])));
    newSentence = false;
    lastEnd = end;
  }
  return toks;
}
