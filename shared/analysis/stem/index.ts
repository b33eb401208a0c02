// Per-language stemmers with a memo cache. Input is a lower-cased token (see text/normalize.ts);
// output is the lexicon key: Russian and English go through natural's Porter stemmers, Kazakh
// through our own suffix stripper (stem/kazakh.ts) and is then folded to Russian-keyboard letters
// so that text typed without Kazakh letters meets the same key. Latin-script Kazakh is
// transliterated to Cyrillic first.
//
// natural is loaded by deep module path: its index pulls in dotenv (which prints to stdout) and
// takes ~350 ms to load.

import { createRequire } from 'node:module';
import type { Lang } from '../types.ts';
import { foldToken, latinKazakhToCyrillic } from '../text/normalize.ts';
import { stemKazakh, stemKazakhDetailed, type KazakhStem } from './kazakh.ts';
import { memo } from '../text/memo.ts';

const require = createRequire(import.meta.url);
const porterRu = require('natural/lib/natural/stemmers/porter_stemmer_ru.js') as { stem(t: string): string };
const porterEn = require('natural/lib/natural/stemmers/porter_stemmer.js') as { stem(t: string): string };

export type Stemmer = (lowerToken: string) => string;

/** Stems are memoised per word form: news repeats its words. */
const CACHE_LIMIT = 200_000;

const LATIN_RE = /^[a-zà-ɏ'’ʼ\-]+$/;

function kazakhKey(t: string): string {
  const cyr = LATIN_RE.test(t) ? latinKazakhToCyrillic(t) : t;
  return foldToken(stemKazakh(cyr));
}

function russianKey(t: string): string {
  // Porter-RU expects Cyrillic only; keep digits and Latin tokens as they are.
  return /[а-я]/.test(t) ? porterRu.stem(t) : t;
}

function englishKey(t: string): string {
  return /^[a-z]/.test(t) ? porterEn.stem(t.replace(/[’']s$/, '')) : t;
}

const STEMMERS: Record<Lang, Stemmer> = {
  kk: memo(kazakhKey, CACHE_LIMIT),
  ru: memo(russianKey, CACHE_LIMIT),
  en: memo(englishKey, CACHE_LIMIT),
  other: (t) => t,
};

/** The cached stemmer for a language; returns lexicon keys (see module comment). */
export function stemmerFor(lang: Lang): Stemmer {
  return STEMMERS[lang];
}

/** Kazakh stemming with the removed suffixes and the verbal-negation flag (Latin input allowed). */
export function kazakhDetails(lowerToken: string): KazakhStem {
  const cyr = LATIN_RE.test(lowerToken) ? latinKazakhToCyrillic(lowerToken) : lowerToken;
  return stemKazakhDetailed(cyr);
}

export { stemKazakh, stemKazakhDetailed };
