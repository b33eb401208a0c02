export { normalizeText, lowerToken, foldToken, latinKazakhToCyrillic, stripMarkup, KAZAKH_LETTERS_RE } from './normalize.ts';
export { splitSentences, type SentenceSpan } from './sentences.ts';
export { tokenize, type Token } from './tokenize.ts';
