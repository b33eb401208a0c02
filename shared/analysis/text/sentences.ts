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

export function splitSentences(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  let start = 0;
  BOUNDARY_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = BOUNDARY_RE.exec(text)) !== null) {
    const end = m.index + m[0].length;
    if (m[1] === '.') {
      // Look at the word before the dot: abbreviations and single-letter initials do not split.
      const before = text.slice(Math.max(start, m.index - 12), m.index);
      const w = /([\p{L}.\-]+)$/u.exec(before)?.[1]?.toLowerCase() ?? '';
      if (w && (ABBREV.has(w) || (w.length === 1 && /\p{Lu}/u.test(text[m.index - 1]!)))) continue;
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
