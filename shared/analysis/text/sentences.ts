// Sentence splitting tuned for news prose in Kazakh, Russian and English.
// A boundary is . ! ? … (optionally followed by closing quotes/brackets) and whitespace, then an
// upper-case letter, a digit, an opening quote or a dash; or a line break. Abbreviations that end
// with a dot (г., т.е., ж., т.б., Mr., e.g., initials) do not end a sentence.

export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

const ABBREV = new Set([
  // ru
  'г', 'гг', 'т', 'е', 'д', 'ул', 'пр', 'им', 'тыс', 'млн', 'млрд', 'руб', 'см', 'стр', 'обл', 'р-н', 'р', 'с', 'пос', 'янв', 'февр', 'апр', 'авг', 'сент', 'окт', 'нояб', 'дек', 'н', 'э', 'мкр', 'ст', 'чел', 'св', 'проф', 'акад',
  // kk
  'ж', 'жж', 'б', 'облысы', 'ауд', 'қ', 'а',
  // en
  'mr', 'mrs', 'ms', 'dr', 'st', 'no', 'vs', 'etc', 'e.g', 'i.e', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'gen', 'col', 'lt', 'sgt', 'inc', 'ltd', 'co', 'u.s', 'u.k',
]);

const BOUNDARY_RE = /([.!?…]+)(["»”’)\]]*)(\s+)(?=["«“(\-–—]?\s*[\p{Lu}\d])|\n\s*\n?|([!?…])(\s+)/gu;

const UPPER_RE = /\p{Lu}/u;
const WORD_CHAR_RE = /[\p{L}.\-]/u;
const wordCharCache = new Uint8Array(0x10000); // 0 unknown, 1 yes, 2 no

/**
 * The lower-cased run of letters, dots and hyphens that ends at `end` and starts no earlier than
 * `from`: what /([\p{L}.\-]+)$/u finds in text.slice(from, end), read backwards with a
 * per-character cache instead of a slice and a Unicode regex at every full stop.
 */
function wordBefore(text: string, from: number, end: number): string {
  let a = end;
  while (a > from) {
    const c = text.charCodeAt(a - 1);
    if (c >= 0xd800 && c <= 0xdfff) {
      // Astral characters: leave it to the regex.
      return /([\p{L}.\-]+)$/u.exec(text.slice(from, end))?.[1]?.toLowerCase() ?? '';
    }
    let v = wordCharCache[c]!;
    if (v === 0) wordCharCache[c] = v = WORD_CHAR_RE.test(String.fromCharCode(c)) ? 1 : 2;
    if (v !== 1) break;
    a--;
  }
  return a === end ? '' : text.slice(a, end).toLowerCase();
}

export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let start = 0;
  BOUNDARY_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BOUNDARY_RE.exec(text)) !== null) {
    const end = m.index + m[0].length;
    if (m[1] === '.') {
      // Look at the word before the dot: abbreviations and single-letter initials do not split.
      const w = wordBefore(text, Math.max(start, m.index - 12), m.index);
      if (w && (ABBREV.has(w) || (w.length === 1 && UPPER_RE.test(text[m.index - 1]!)))) continue;
    }
    push(out, text, start, end);
    start = end;
  }
  push(out, text, start, text.length);
  return out;
}

function push(out: SentenceSpan[], text: string, start: number, end: number): void {
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const s = raw.trim();
  if (s) out.push({ text: s, start: start + lead, end: start + lead + s.length });
}
