// The lexicon compiled into one matcher.
//
// Every distinct word of every entry becomes a "word spec" (language + exact stem key, or language +
// prefix). Exact keys live in one hash map, prefixes in another (looked up for each prefix length
// that occurs in the lexicon). A token is resolved once to the list of spec ids it satisfies
// (memoised per language), and phrases are indexed by the spec id of their first word, so matching
// a sentence is a walk over its tokens with a few hash look-ups per token.
// At each position the longest phrase wins (then the more specific one: longer keys, exact over
// prefix) and consumes its tokens; a winning "stop" entry yields nothing.

import type { Lang } from '../types.ts';
import { foldToken, latinKazakhToCyrillic, lowerToken, russianLatinToCyrillic, KAZAKH_LETTERS_RE } from '../text/normalize.ts';
import type { Token } from '../text/tokenize.ts';
import { kazakhDetails, stemmerFor } from '../stem/index.ts';
import type { LexEntry, Lexicon } from './lexicon.ts';

type MLang = 'kk' | 'ru' | 'en';
/**
 * How an article's words are looked up: its language, or 'ru-lat' for Russian typed in Latin letters,
 * whose Latin words are read back into Cyrillic (russianLatinToCyrillic) and looked up as Russian.
 */
export type Reading = Lang | 'ru-lat';

interface Phrase {
  specs: number[];
  rank: number;
  /** Position in its first spec's list (highest rank first): the order ties are reported in. */
  seq: number;
  entries: LexEntry[];
  /** Per primary language: the entries this phrase yields when it wins alone (see phraseOutput). */
  out: Partial<Record<MLang, LexEntry[]>>;
}

export interface Match {
  /** Token index range [start, end). */
  start: number;
  end: number;
  entry: LexEntry;
  lang: MLang;
}

const PEOPLE = 1;
const PLACE = 2;
const STOP = 4;
/** Group entries that name a category of people (foreigners, migrants, "interethnic"), not a people. */
const CATEGORIES = new Set(['foreigner', 'migrant_group', 'interethnic', 'generic']);
const LATIN_WORD_RE = /^[a-zà-ɏ'’ʼ\-]+$/;
const CACHE_LIMIT = 100_000;

/** English compounds that say who owns, runs or made a thing (Chinese-owned, Turkish-built). */
const ATTRIBUTIVE_COMPOUND = /-(owned|run|based|built|made|funded|backed|operated|managed|registered)$/;

export class Matcher {
  private exact = new Map<string, number[]>();
  /** Specs of exactForm words: looked up by the token's own form only. */
  private exactForm = new Map<string, number[]>();
  private prefix = new Map<string, number[]>();
  private prefixLens: Record<MLang, number[]> = { kk: [], ru: [], en: [] };
  /** Phrases by the spec id of their first word (an array: spec ids are dense). */
  private byFirst: Array<Phrase[] | undefined> = [];
  /** The one-word phrase of each spec id. */
  private single: Array<Phrase | undefined> = [];
  /**
   * Phrases of two or more words by the spec ids of their first two words (s1 * PAIR_KEY + s2), highest
   * rank first: a token looks up only the phrases its next token can continue, not every phrase that
   * starts with it ("не" starts dozens).
   */
  private byPair = new Map<number, Phrase[]>();
  /** Per spec id: 1 when some phrase of two or more words starts with it (most specs start none). */
  private startsPair = new Uint8Array(0);
  private specKeyLen: number[] = [];
  private specIsPrefix: boolean[] = [];
  private tokenCache: Record<MLang, Map<string, number[]>> = { kk: new Map(), ru: new Map(), en: new Map() };
  private specLang: MLang[] = [];
  /** Per spec id: the PEOPLE / PLACE / STOP bits of the one-word entries it is (see nameKind). */
  private wordKinds: number[] = [];
  /** Per article language: lower-cased token → spec ids over all languages it is looked up in. */
  private merged: Record<Reading, Map<string, number[]>> = { kk: new Map(), ru: new Map(), en: new Map(), other: new Map(), 'ru-lat': new Map() };
  readonly version: string;

  constructor(lexicon: Lexicon) {
    this.version = lexicon.version;
    const specIds = new Map<string, number>();
    const phrases = new Map<string, Phrase>();
    const lens: Record<MLang, Set<number>> = { kk: new Set(), ru: new Set(), en: new Set() };
    for (const entry of lexicon.entries) {
      const words = (entry.pattern ?? entry.stem!).trim().split(/\s+/);
      const ids: number[] = [];
      for (const w of words) {
        const isPrefix = w.endsWith('*');
        const lower = lowerToken(isPrefix ? w.slice(0, -1) : w);
        const form = surfaceKey(entry.lang, lower);
        const formOnly = !isPrefix && entry.exactForm === true;
        const specKey = `${entry.lang}${isPrefix ? '*' : formOnly ? '!' : '='}${form}`;
        let id = specIds.get(specKey);
        if (id === undefined) {
          id = specIds.size;
          specIds.set(specKey, id);
          this.specKeyLen[id] = form.length;
          this.specIsPrefix[id] = isPrefix;
          this.specLang[id] = entry.lang;
          if (isPrefix) {
            push(this.prefix, `${entry.lang}:${form}`, id);
            lens[entry.lang].add(form.length);
            // A Kazakh stem's final к/қ/п is voiced before a vowel suffix (наразылық → наразылығы,
            // араздық → араздығы, 174-бап → 174-бабы): the prefix stands for both.
            const voiced = entry.lang === 'kk' && form.length >= 3 ? VOICED[form[form.length - 1]!] : undefined;
            if (voiced) push(this.prefix, `${entry.lang}:${form.slice(0, -1)}${voiced}`, id);
          } else if (formOnly) {
            push(this.exactForm, `${entry.lang}:${form}`, id);
          } else {
            // A Kazakh word whose stemming removes a verbal negation (болмады → бол) is keyed by its
            // surface form only, or it would match the affirmative (болды).
            const negatedKk = entry.lang === 'kk' && kazakhDetails(lower).negated;
            // A stem shorter than 3 letters is only a key for the word itself ("су" water), not for
            // a longer word that stems to it ("судан" → "су").
            const stem = stemmerFor(entry.lang)(lower);
            const keys = new Set(negatedKk || (stem.length < 3 && stem !== form) ? [form] : [form, stem]);
            for (const k of keys) push(this.exact, `${entry.lang}:${k}`, id);
          }
        }
        ids.push(id);
      }
      const pkey = ids.join(',');
      let ph = phrases.get(pkey);
      if (!ph) {
        const rank = ids.length * 1000 + ids.reduce((a, id) => a + this.specKeyLen[id]! * 2 + (this.specIsPrefix[id] ? 0 : 1), 0);
        ph = { specs: ids, rank, seq: 0, entries: [], out: {} };
        phrases.set(pkey, ph);
        const list = this.byFirst[ids[0]!] ?? [];
        list.push(ph);
        this.byFirst[ids[0]!] = list;
      }
      ph.entries.push(entry);
    }
    for (const l of ['kk', 'ru', 'en'] as const) this.prefixLens[l] = [...lens[l]].sort((a, b) => a - b);
    for (const ph of phrases.values()) {
      if (ph.specs.length !== 1) continue;
      const id = ph.specs[0]!;
      for (const e of ph.entries) {
        const kind = e.type === 'group' ? (CATEGORIES.has(e.group ?? '') ? 0 : PEOPLE) : e.type === 'domestic' || e.type === 'foreign' ? PLACE : e.type === 'stop' ? STOP : 0;
        this.wordKinds[id] = (this.wordKinds[id] ?? 0) | kind;
      }
    }
    // Highest rank first (stable: equal ranks keep lexicon order), so that matching can stop at
    // the first phrase ranked below the best one found.
    for (const list of this.byFirst) {
      if (!list) continue;
      list.sort((a, b) => b.rank - a.rank);
      list.forEach((ph, k) => {
        ph.seq = k;
        if (ph.specs.length === 1) this.single[ph.specs[0]!] = ph;
        else push(this.byPair, ph.specs[0]! * PAIR_KEY + ph.specs[1]!, ph);
      });
    }
    if (specIds.size >= PAIR_KEY) throw new Error(`lexicon: ${specIds.size} word specs, more than the matcher's pair index holds`);
    this.startsPair = new Uint8Array(specIds.size);
    for (const list of this.byPair.values()) this.startsPair[list[0]!.specs[0]!] = 1;
  }

  /**
   * What a token names on its own, for the classifier's features (analyze.ts): 'place' (a region,
   * city or country of places.json), 'people' (an ethnonym; not a category such as migrants or
   * foreigners), or null — also for words a one-word stop entry shadows (false friends keep their
   * own feature).
   */
  nameKind(specs: number[]): 'place' | 'people' | null {
    let kinds = 0;
    for (const id of specs) kinds |= this.wordKinds[id] ?? 0;
    return kinds & STOP ? null : kinds & PLACE ? 'place' : kinds & PEOPLE ? 'people' : null;
  }

  /** Spec ids a lower-cased token satisfies in one language (memoised). */
  specsFor(lang: MLang, lower: string): number[] {
    const cache = this.tokenCache[lang];
    let ids = cache.get(lower);
    if (ids !== undefined) return ids;
    ids = [];
    const form = surfaceKey(lang, lower);
    const stem = stemmerFor(lang)(lower);
    addAll(ids, this.exact.get(`${lang}:${stem}`));
    if (form !== stem) addAll(ids, this.exact.get(`${lang}:${form}`));
    addAll(ids, this.exactForm.get(`${lang}:${form}`));
    for (const n of this.prefixLens[lang]) {
      if (n > form.length) break;
      addAll(ids, this.prefix.get(`${lang}:${form.slice(0, n)}`));
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(lower, ids);
    return ids;
  }

  /** Languages whose lexicon a token is looked up in, given the article language. */
  static tokenLangs(articleLang: Lang, lower: string): MLang[] {
    const c = lower.charCodeAt(0);
    // Numbers belong to the article's language: "статье 174", "174-бабы", "Article 174".
    if (c >= 48 && c <= 57) return articleLang === 'kk' ? ['kk', 'ru'] : articleLang === 'en' ? ['en'] : ['ru'];
    const cyr = c >= 0x400 && c <= 0x4ff;
    if (cyr) {
      const kkLetters = KAZAKH_LETTERS_RE.test(lower);
      if (articleLang === 'kk') return kkLetters ? ['kk'] : ['kk', 'ru'];
      return kkLetters ? ['kk', 'ru'] : ['ru'];
    }
    if (articleLang === 'kk' && LATIN_WORD_RE.test(lower)) return ['kk', 'en'];
    return ['en'];
  }

  /** Spec ids of a token in an article of the given language, over every language it is looked up in. */
  tokenSpecs(reading: Reading, lower: string): number[] {
    const merged = this.merged[reading];
    let ids = merged.get(lower);
    if (ids === undefined && reading === 'ru-lat') {
      const c = lower.charCodeAt(0);
      ids = c < 0x400 && !(c >= 48 && c <= 57) ? this.specsFor('ru', russianLatinToCyrillic(lower)) : this.tokenSpecs('ru', lower);
      if (merged.size >= CACHE_LIMIT) merged.clear();
      merged.set(lower, ids);
      return ids;
    }
    const articleLang = reading as Lang;
    if (ids === undefined && ATTRIBUTIVE_COMPOUND.test(lower)) ids = [];
    if (ids === undefined) {
      const langs = Matcher.tokenLangs(articleLang, lower);
      if (langs.length === 1) ids = this.specsFor(langs[0]!, lower);
      else {
        const a = this.specsFor(langs[0]!, lower);
        const b = this.specsFor(langs[1]!, lower);
        ids = b.length === 0 ? a : a.length === 0 ? b : [...a, ...b];
      }
      // A hyphenated word the lexicon does not list is read by its parts: турок-месхетинцев,
      // мигранты-узбеки, кыргызско-таджикской, по-казахски, anti-Russian. Not an English attributive
      // compound: a Chinese-owned company or a Turkish-built road names no people.
      if (ids.length === 0 && lower.includes('-')) {
        for (const part of lower.split('-')) {
          if (part.length < 3) continue;
          const more = this.tokenSpecs(articleLang, part);
          if (more.length) ids = ids.length ? [...new Set([...ids, ...more])] : more;
        }
      }
      if (merged.size >= CACHE_LIMIT) merged.clear();
      merged.set(lower, ids);
    }
    return ids;
  }

  /** Match one sentence's tokens. */
  match(tokens: Token[], articleLang: Lang): Match[] {
    return this.matchSpecs(tokens.map((t) => this.tokenSpecs(articleLang, t.lower)), articleLang);
  }

  /** Match a sentence given each token's spec ids (see tokenSpecs). */
  matchSpecs(specs: number[][], articleLang: Lang): Match[] {
    const n = specs.length;
    const primary: MLang = articleLang === 'other' ? 'ru' : articleLang;
    // 1. The best phrase starting at each position.
    const cands: Array<{ start: number; len: number; rank: number; phrases: Phrase[] }> = [];
    let multi = false;
    for (let i = 0; i < n; i++) {
      const here = specs[i]!;
      if (here.length === 0) continue;
      let best: Phrase[] | null = null;
      let bestRank = -1;
      // Phrases of two or more words (they outrank every one-word phrase), then one-word phrases.
      const next = i + 1 < n ? specs[i + 1]! : NONE;
      if (next.length > 0) {
        for (const s of here) {
          if (this.startsPair[s] === 0) continue;
          for (const s2 of next) {
            const list = this.byPair.get(s * PAIR_KEY + s2);
            if (!list) continue;
            for (const ph of list) {
              if (ph.rank < bestRank) break;
              if (i + ph.specs.length > n) continue;
              let ok = true;
              for (let k = 2; k < ph.specs.length; k++) {
                if (!specs[i + k]!.includes(ph.specs[k]!)) {
                  ok = false;
                  break;
                }
              }
              if (!ok) continue;
              if (ph.rank > bestRank) {
                bestRank = ph.rank;
                best = [ph];
              } else if (!best!.includes(ph)) best!.push(ph);
            }
          }
        }
      }
      if (!best) {
        for (const s of here) {
          const ph = this.single[s];
          if (!ph || ph.rank < bestRank) continue;
          if (ph.rank > bestRank) {
            bestRank = ph.rank;
            best = [ph];
          } else if (!best!.includes(ph)) best!.push(ph);
        }
      }
      // Ties in the order of the token's spec ids, then of their phrase lists.
      if (best && best.length > 1) best.sort((a, b) => here.indexOf(a.specs[0]!) - here.indexOf(b.specs[0]!) || a.seq - b.seq);
      if (best) {
        const len = best[0]!.specs.length;
        if (len > 1) multi = true;
        cands.push({ start: i, len, rank: bestRank, phrases: best });
      }
    }
    if (cands.length === 0) return [];
    // 2. Longest (then most specific, then leftmost) first; a candidate overlapping a chosen one is dropped.
    let chosen = cands;
    if (multi) {
      const taken = new Uint8Array(n);
      chosen = [];
      const order = [...cands].sort((a, b) => b.rank - a.rank || a.start - b.start);
      for (const c of order) {
        let free = true;
        for (let k = c.start; k < c.start + c.len; k++) if (taken[k]) free = false;
        if (!free) continue;
        for (let k = c.start; k < c.start + c.len; k++) taken[k] = 1;
        chosen.push(c);
      }
      chosen.sort((a, b) => a.start - b.start);
    }
    const out: Match[] = [];
    for (const c of chosen) {
      if (c.phrases.length === 1) {
        // The common case: one phrase; its filtered, de-duplicated entries are computed once.
        const ph = c.phrases[0]!;
        const lang = this.specLang[ph.specs[0]!]!;
        for (const entry of ph.out[primary] ?? (ph.out[primary] = phraseOutput([ph], lang, primary, this.specLang))) {
          out.push({ start: c.start, end: c.start + c.len, entry, lang });
        }
        continue;
      }
      const seen = new Set<string>();
      for (const ph of c.phrases) {
        const lang = this.specLang[ph.specs[0]!]!;
        for (const entry of ph.entries) {
          if (!yields(entry, lang, primary)) continue;
          const key = entryKey(entry);
          if (seen.has(key)) continue;
          seen.add(key);
          out.push({ start: c.start, end: c.start + c.len, entry, lang });
        }
      }
    }
    return out;
  }
}

/**
 * Whether a winning entry yields a match. "stop" entries yield nothing; function-word cues
 * (negation, quote) only count in the article's own language, so that Kazakh "не" ("what") in a
 * Kazakh article is not read as Russian "не".
 */
function yields(entry: LexEntry, lang: MLang, primary: MLang): boolean {
  if (entry.type === 'stop') return false;
  return !(lang !== primary && (entry.type === 'negation' || entry.type === 'quote'));
}

/** Entries with the same type, severity, group and topic at one position count once. */
function entryKey(entry: LexEntry): string {
  return `${entry.type}|${entry.severity ?? ''}|${entry.group ?? ''}|${entry.topic ?? ''}`;
}

function phraseOutput(phrases: Phrase[], _lang: MLang, primary: MLang, specLang: MLang[]): LexEntry[] {
  const seen = new Set<string>();
  const out: LexEntry[] = [];
  for (const ph of phrases) {
    const lang = specLang[ph.specs[0]!]!;
    for (const entry of ph.entries) {
      if (!yields(entry, lang, primary)) continue;
      const key = entryKey(entry);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(entry);
    }
  }
  return out;
}

/** Kazakh final consonants and their voiced forms before a vowel suffix (folded: қ is к, ғ is г). */
const VOICED: Record<string, string> = { к: 'г', п: 'б' };

function surfaceKey(lang: MLang, lower: string): string {
  if (lang === 'kk') return foldToken(LATIN_WORD_RE.test(lower) ? latinKazakhToCyrillic(lower) : lower);
  return lower;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) {
    if (!list.includes(value)) list.push(value);
  } else map.set(key, [value]);
}

/** Spec ids below this many make a pair key s1 * PAIR_KEY + s2 that stays an exact integer. */
const PAIR_KEY = 1 << 20;
const NONE: number[] = [];

function addAll(into: number[], from: number[] | undefined): void {
  if (!from) return;
  for (const x of from) if (!into.includes(x)) into.push(x);
}
