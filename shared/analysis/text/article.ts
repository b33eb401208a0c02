// An article tokenised once: the tension analyser and the geocoder both read these tokens
// (engine.ts passes them to each), so the text is normalised, split and tokenised a single time.

import { normalizeText } from './normalize.ts';
import { splitSentences } from './sentences.ts';
import { tokenize, tokenizeRange, type Token } from './tokenize.ts';

export interface ArticleSentence {
  text: string;
  /** Offset of the sentence in the body. */
  start: number;
  end: number;
  /** Tokens; their offsets are offsets in the body. */
  tokens: Token[];
}

export interface TokenizedArticle {
  /** normalizeText(title).trim(); '' when there is none. */
  title: string;
  /** Tokens of the title (offsets in `title`). */
  titleTokens: Token[];
  /** normalizeText(text). */
  body: string;
  sentences: ArticleSentence[];
}

export function tokenizeArticle(text: string, title?: string): TokenizedArticle {
  const body = normalizeText(text);
  const t = title ? normalizeText(title).trim() : '';
  const sentences: ArticleSentence[] = [];
  for (const sp of splitSentences(body)) sentences.push({ text: sp.text, start: sp.start, end: sp.end, tokens: tokenizeRange(body, sp.start, sp.end) });
  return { title: t, titleTokens: t ? tokenize(t, 0) : [], body, sentences };
}
