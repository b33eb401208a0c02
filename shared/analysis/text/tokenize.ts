// Word tokenisation. One regex pass per sentence; every token keeps its offsets (for evidence text),
// its lower-cased form, and the clause index (clauses end at , ; : — and at "but"-words), which
// bounds negation scope. Quote depth is tracked so the scorer can tell quoted from reported speech.

import { lowerToken } from './normalize.ts';
import { memo } from './memo.ts';

const lowerMemo = memo(lowerToken);

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
}

// Letters of the Latin (incl. extended: á ǵ ş ı …) and Cyrillic (incl. Kazakh) blocks, combining
// marks, digits, inner apostrophes and hyphens. Explicit ranges instead of \p{L}: this regex runs
// over every character of every article, and the ranges are about twice as fast in V8. Other
// scripts are not tokenised (such articles are language "other").
const W = 'A-Za-z0-9\u00C0-\u024F\u02B0-\u02FF\u0300-\u036F\u0400-\u052F';
const TOKEN_RE = new RegExp(`[${W}]+(?:['’ʼ\\-][${W}]+)*|[,;:—–«»“”"()]`, 'g');
const PUNCT = new Set([',', ';', ':', '—', '–', '«', '»', '“', '”', '"', '(', ')']);
const CLAUSE_WORDS = new Set(['но', 'однако', 'а', 'but', 'however', 'although', 'бірақ', 'алайда', 'дегенмен', 'while', 'whereas']);

export function tokenize(sentence: string, offset = 0): Token[] {
  const out: Token[] = [];
  let clause = 0;
  let quoteDepth = 0;
  let quoteId = -1;
  let quoteCount = 0;
  // A straight double quote toggles; typographic quotes open/close explicitly.
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(sentence)) !== null) {
    const raw = m[0];
    if (raw.length === 1 && PUNCT.has(raw)) {
      if (raw === '«' || raw === '“') {
        quoteDepth++;
        if (quoteDepth === 1) quoteId = quoteCount++;
      } else if (raw === '»' || raw === '”') {
        quoteDepth = Math.max(0, quoteDepth - 1);
      } else if (raw === '"') {
        if (quoteDepth > 0) quoteDepth--;
        else {
          quoteDepth = 1;
          quoteId = quoteCount++;
        }
      } else if (raw !== '(' && raw !== ')') {
        clause++;
      }
      continue;
    }
    const lower = lowerMemo(raw);
    if (CLAUSE_WORDS.has(lower) && out.length > 0) clause++;
    out.push({
      raw,
      lower,
      start: offset + m.index,
      end: offset + m.index + raw.length,
      clause,
      quoted: quoteDepth > 0,
      quoteId: quoteDepth > 0 ? quoteId : -1,
    });
  }
  return out;
}

