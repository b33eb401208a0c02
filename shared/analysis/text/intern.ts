// Interned word forms. The engine sees the same few thousand word forms in article after article;
// whatever depends on the form alone (lower case, skeleton, stems, lexicon spec ids, feature ids) is
// computed once and kept on the form. A tokeniser looks a form up by its character range in the
// text: the FNV-1a hash is computed from the characters, so a form seen before costs neither a
// substring allocation nor a Map look-up with string hashing.
//
// Open addressing with linear probing. The slots are an Int32Array holding index + 1 into a packed
// array of forms: a plain JS array this large would be kept in dictionary mode by V8 and cost a hash
// look-up per probe. Memory is bounded: the table is emptied when half full (65,536 forms by default,
// some 20 MB with what is cached on them). Smaller tables were emptied every few hundred articles of
// social-media text, and every per-form result had to be recomputed after each emptying.

import { lowerToken } from './normalize.ts';

/** FNV-1a over UTF-16 code units: start from FNV_OFFSET, then h = Math.imul(h ^ code, FNV_PRIME). */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 0x01000193;

export class FormTable<W extends { readonly raw: string }> {
  private readonly slots: Int32Array;
  private readonly forms: W[] = [];
  private readonly mask: number;
  private readonly max: number;

  constructor(
    private readonly make: (raw: string) => W,
    bits = 17,
  ) {
    this.slots = new Int32Array(1 << bits);
    this.mask = (1 << bits) - 1;
    this.max = 1 << (bits - 1);
  }

  /** The form text.slice(a, b), created on first sight. */
  get(text: string, a: number, b: number): W {
    let h = FNV_OFFSET;
    for (let k = a; k < b; k++) h = Math.imul(h ^ text.charCodeAt(k), FNV_PRIME);
    return this.getHashed(text, a, b, h);
  }

  /**
   * The same, with `h` already computed by the caller's scanning loop (fnvStep over the characters
   * of text[a, b) from FNV_OFFSET), which saves a second pass over the characters.
   */
  getHashed(text: string, a: number, b: number, h: number): W {
    const n = b - a;
    h ^= n;
    h ^= h >>> 16;
    const mask = this.mask;
    const slots = this.slots;
    let idx = h & mask;
    for (let s = slots[idx]!; s !== 0; s = slots[idx]!) {
      const w = this.forms[s - 1]!;
      if (w.raw.length === n && sameChars(w.raw, text, a, n)) return w;
      idx = (idx + 1) & mask;
    }
    if (this.forms.length >= this.max) {
      slots.fill(0);
      this.forms.length = 0;
      idx = h & mask;
    }
    const w = this.make(copyOf(text, a, b));
    this.forms.push(w);
    slots[idx] = this.forms.length;
    return w;
  }

  get size(): number {
    return this.forms.length;
  }
}

/**
 * text.slice(a, b) as a string of its own. V8 makes a slice of 13 or more characters a view into the
 * whole text, so a long form kept in the table would keep its article alive and read its characters
 * through an extra indirection on every look-up.
 */
function copyOf(text: string, a: number, b: number): string {
  const s = text.slice(a, b);
  return s.length < 13 ? s : Buffer.from(s, 'utf16le').toString('utf16le');
}

function sameChars(s: string, text: string, a: number, n: number): boolean {
  for (let k = 0; k < n; k++) if (s.charCodeAt(k) !== text.charCodeAt(a + k)) return false;
  return true;
}


const CLAUSE_WORDS = new Set(['но', 'однако', 'а', 'but', 'however', 'although', 'бірақ', 'алайда', 'дегенмен', 'while', 'whereas']);

/**
 * One distinct word form, shared by the tension tokeniser (text/tokenize.ts) and the geocoder's
 * (geo/normalize.ts). They cut words slightly differently (hyphens, apostrophes), but most forms
 * are the same, so one table serves both: the geocoder finds the forms the tension pass of the same
 * article has just touched, and the process keeps one vocabulary instead of two.
 */
export class Form {
  readonly raw: string;
  /** lowerToken(raw). */
  readonly lower: string;
  /** A "but"-word that starts a new clause. */
  readonly clauseWord: boolean;
  /**
   * Tension analyser cache (tension/analyze.ts): who filled it, and what — per reading of the word
   * (kk, ru, en, other, ru-lat), its language-detection evidence, its Kazakh verb negation. Fields of
   * the form itself, not an array beside it: they are read for every token.
   */
  owner: unknown = undefined;
  tKk: unknown = undefined;
  tRu: unknown = undefined;
  tEn: unknown = undefined;
  tOther: unknown = undefined;
  tRuLat: unknown = undefined;
  tDetect: unknown = undefined;
  tKkNeg: unknown = undefined;
  /** Geocoder (geo/normalize.ts, geo/index.ts): case flags (-1 until computed), skeleton, generic-term and demonym readings. */
  geoFlags = -1;
  key: string | undefined = undefined;
  generic: unknown = undefined;
  demonym: unknown = undefined;
  /** Geocoder: the word starts a multi-word name; its one-word gazetteer reading. */
  geoMulti: boolean | undefined = undefined;
  geoName: unknown = undefined;
  /** The same for an English article, where names take no case endings (Korean is not Korea + -n). */
  geoNameEn: unknown = undefined;
  /** Geocoder: the form has no hyphen and no apostrophe (it is one geocoder token as it stands). */
  geoPlain: boolean | undefined = undefined;
  constructor(raw: string) {
    this.raw = raw;
    this.lower = lowerToken(raw);
    this.clauseWord = CLAUSE_WORDS.has(this.lower);
  }
}

/** The process-wide table of word forms. */
export const FORMS = new FormTable<Form>((raw) => new Form(raw));
