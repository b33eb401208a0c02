// Word tokenisation. One regex pass per sentence; every token keeps its offsets (for evidence text),
// its lower-cased form, and the clause index (clauses end at , ; : — and at "but"-words), which
// bounds negation scope. Quote depth is tracked so the scorer can tell quoted from reported speech.

import { lowerToken } from './normalize.ts';

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

// Letters (incl. combining marks), digits, inner apostrophes and hyphens.
const TOKEN_RE = /[\p{L}\p{M}\d]+(?:['’ʼ\-][\p{L}\p{M}\d]+)*|[,;:—–«»“”"()]/gu;
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
    const lower = lowerToken(raw);
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

