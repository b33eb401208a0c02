// Word tokenisation. One pass per sentence; every token keeps its offsets (for evidence text),
// its lower-cased form, and the clause index (clauses end at , ; : — and at "but"-words), which
// bounds negation scope. Quote depth is tracked so the scorer can tell quoted from reported speech.
//
// Tokens are the matches of
//   [W]+(?:['’ʼ\-][W]+)*  |  [,;:—–«»“”"()]
// where W is Latin (incl. extended: á ǵ ş ı …), Cyrillic (incl. Kazakh), combining marks and
// digits; other scripts are not tokenised (such articles are language "other"). The pattern is
// run as a char-code scanner over a lookup table rather than a regex: it runs over every character
// of every article. Word forms are interned (intern.ts), so the lower-cased form and everything
// the analyser derives from a form are computed once per form, not once per token.

import { FNV_OFFSET, FNV_PRIME, FORMS, type Form } from './intern.ts';

/** One distinct word form (shared by every token spelled the same way; see intern.ts). */
export type Word = Form;

export interface Token {
  /** Surface form. */
  raw: string;
  /** lowerToken(raw). */
  lower: string;
  start: number;
  end: number;
  clause: number;
  /** Inside «…» or "…" at this position. */
  quoted: boolean;
  /** Index of the quote span this token belongs to (or -1). */
  quoteId: number;
  /** The interned form. */
  word: Word;
}

const forms = FORMS;

// Character classes: 1 word character, 2 joiner inside a word (' ’ -; ʼ is a word character),
// 3 punctuation token.
const CLASS = new Uint8Array(0x10000);
const setRange = (from: number, to: number, v: number) => CLASS.fill(v, from, to + 1);
setRange(0x41, 0x5a, 1);
setRange(0x61, 0x7a, 1);
setRange(0x30, 0x39, 1);
setRange(0xc0, 0x24f, 1);
setRange(0x2b0, 0x2ff, 1);
setRange(0x300, 0x36f, 1);
setRange(0x400, 0x52f, 1);
for (const c of "'’-") CLASS[c.charCodeAt(0)] = 2;
for (const c of ',;:—–«»“”"()') CLASS[c.charCodeAt(0)] = 3;

export function tokenize(sentence: string, offset = 0): Token[] {
  return tokenizeRange(sentence, 0, sentence.length, offset);
}

/**
 * Tokenise text[from, to) as one sentence; token offsets are indices in `text` plus `shift`.
 * The analyser passes the whole article body with each sentence's range, which reads the flat body
 * string instead of a sliced copy of every sentence.
 */
export function tokenizeRange(sentence: string, from: number, to: number, shift = 0): Token[] {
  const offset = shift;
  const out: Token[] = [];
  let clause = 0;
  let quoteDepth = 0;
  let quoteId = -1;
  let quoteCount = 0;
  const len = to;
  let i = from;
  while (i < len) {
    const cls = CLASS[sentence.charCodeAt(i)]!;
    if (cls === 3) {
      // A straight double quote toggles; typographic quotes open/close explicitly.
      const ch = sentence[i]!;
      i++;
      if (ch === '«' || ch === '“') {
        quoteDepth++;
        if (quoteDepth === 1) quoteId = quoteCount++;
      } else if (ch === '»' || ch === '”') {
        quoteDepth = Math.max(0, quoteDepth - 1);
      } else if (ch === '"') {
        if (quoteDepth > 0) quoteDepth--;
        else {
          quoteDepth = 1;
          quoteId = quoteCount++;
        }
      } else if (ch !== '(' && ch !== ')') {
        clause++;
      }
      continue;
    }
    if (cls !== 1) {
      i++;
      continue;
    }
    const start = i;
    // The form's hash is computed while scanning (see FormTable.getHashed).
    let h = Math.imul(FNV_OFFSET ^ sentence.charCodeAt(i), FNV_PRIME);
    i++;
    for (;;) {
      let c = 0;
      while (i < len && CLASS[(c = sentence.charCodeAt(i))] === 1) {
        h = Math.imul(h ^ c, FNV_PRIME);
        i++;
      }
      // A joiner continues the word only when a word character follows it.
      if (i + 1 < len && CLASS[c] === 2 && CLASS[sentence.charCodeAt(i + 1)] === 1) {
        h = Math.imul(Math.imul(h ^ c, FNV_PRIME) ^ sentence.charCodeAt(i + 1), FNV_PRIME);
        i += 2;
      } else break;
    }
    const word = forms.getHashed(sentence, start, i, h);
    if (word.clauseWord && out.length > 0) clause++;
    out.push({
      raw: word.raw,
      lower: word.lower,
      start: offset + start,
      end: offset + i,
      clause,
      quoted: quoteDepth > 0,
      quoteId: quoteDepth > 0 ? quoteId : -1,
      word,
    });
  }
  return out;
}
