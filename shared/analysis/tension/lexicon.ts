// Lexicon data files (shared/analysis/lexicon/*.json): loaded once and validated.
// File format: { "version": "YYYY.MM.N", "description": "...", "entries": [Entry, ...] }.
// Entry: { lang: kk|ru|en, stem?: "word" | pattern?: "word word* ...", type, weight, severity?, group?,
//          topic?, scope?, note? }
//  - `stem`: one word; it matches any token whose stem (stem/index.ts) equals the word's stem or the
//    word itself; with `exactForm`, only the word itself (a case form whose stem another word shares:
//    Монголия and монголы both stem to монгол).
//  - `pattern`: one or more words separated by spaces; a word ending in `*` is a prefix of the
//    token's normalised form (Kazakh: folded, Latin transliterated), other words match by stem.
//  - type "stop" marks false friends and country names; as the longest match it consumes the tokens
//    and yields no evidence (e.g. "казахстан*" shadows the ethnonym prefix "казах*").

import { readFileSync } from 'node:fs';
import type { EvidenceType, Severity } from '../types.ts';
import { fnv1a } from '../text/hash.ts';

/** `present`: a present-time cue (вчера, бүгін, this week) that ends a retrospective (rules.ts); it gives no evidence. */
/** `side`: a side of a fight that is no people (football fans, ultras): see `groupEvent` in rules.ts; it gives no evidence. */
export type EntryType = Exclude<EvidenceType, 'classifier'> | 'stop' | 'domestic' | 'present' | 'side';

export interface LexEntry {
  lang: 'kk' | 'ru' | 'en';
  stem?: string;
  pattern?: string;
  type: EntryType;
  weight: number;
  severity?: Severity;
  group?: string;
  topic?: string;
  /** Negation scope in tokens (0 = the phrase neutralises a negation word, see "не менее"). */
  scope?: number;
  /** Negation reaches only the words after the cue (Russian "не", English "no"/"not"). */
  forward?: boolean;
  /** A hostility entry that is a threat (угрожать, threaten, қорқыту): with mobilisation it marks escalation, which weakens peace signals (rules.ts). */
  threat?: boolean;
  /**
   * A group entry naming citizenship or origin ("гражданин Узбекистана", "Өзбекстан азаматы", "a Kyrgyz
   * national", "из Китая"): a group reference only when the article frames events along group lines (rules.ts).
   */
  citizenship?: boolean;
  /** A violence entry naming harm without an agent (killed, died, injured, қаза тапты): what an accident explains (rules.ts). */
  outcome?: boolean;
  /**
   * Words people say: a chant, a call, an idiom (уезжайте, leave the village, «Кет!», «стенка на
   * стенку»). They keep their weight inside a short quotation, where such words are reported; other
   * terms there are names of films or operations.
   */
  call?: boolean;
  /** A historical entry that dates the story in the past ("years ago", "лет спустя", "жыл бұрын"): the sentences after it continue the retrospective (rules.ts). */
  past?: boolean;
  /** A rumour entry that says people acted on it (panic, children kept home): see `debunkOnly` in rules.ts. */
  reaction?: boolean;
  /** A rumour entry that only hedges a claim (якобы, allegedly): it frames nothing along group lines (rules.ts). */
  hedge?: boolean;
  /** A denial entry that announces a fact-check (фактчек, fact check): see `debunkOnly` in rules.ts. */
  factCheck?: boolean;
  /**
   * A quote entry that introduces what a video, photo or post shows or claims ("it shows", "на видео",
   * "видеода", "a post claiming"): in a fact-check, its sentence is the claim's content, and a fight
   * it names is no reaction (see `debunkOnly` in rules.ts).
   */
  claim?: boolean;
  /** A `stem` entry that matches its own word form only, not every word with the same stem. */
  exactForm?: boolean;
  note?: string;
}

export interface LexiconFile {
  version: string;
  description: string;
  entries: LexEntry[];
}

export const LEXICON_FILES = ['groups', 'violence', 'hostility', 'mobilisation', 'rumour', 'grievance', 'peace', 'modifiers', 'places'] as const;

const TYPES = new Set<EntryType>(['group', 'violence', 'hostility', 'mobilisation', 'rumour', 'grievance', 'peace', 'negation', 'denial', 'historical', 'accident', 'quote', 'stop', 'foreign', 'domestic', 'present', 'side']);
const SEVERITIES = new Set<Severity>(['quarrel', 'brawl', 'group_clash', 'pogrom', 'killing']);

export function validateLexicon(name: string, file: LexiconFile): LexiconFile {
  if (typeof file.version !== 'string' || !Array.isArray(file.entries)) throw new Error(`lexicon ${name}: missing version or entries`);
  file.entries.forEach((e, i) => {
    const where = `lexicon ${name} entry ${i}`;
    if (e.lang !== 'kk' && e.lang !== 'ru' && e.lang !== 'en') throw new Error(`${where}: bad lang ${String(e.lang)}`);
    if (!e.stem === !e.pattern) throw new Error(`${where}: exactly one of stem or pattern is required`);
    if (!TYPES.has(e.type)) throw new Error(`${where}: bad type ${String(e.type)}`);
    if (typeof e.weight !== 'number' || !Number.isFinite(e.weight)) throw new Error(`${where}: weight must be a number`);
    if (e.type === 'violence' && !SEVERITIES.has(e.severity as Severity)) throw new Error(`${where}: violence needs a severity`);
    if (e.citizenship !== undefined && (e.citizenship !== true || e.type !== 'group')) throw new Error(`${where}: citizenship: true marks group entries only`);
    if (e.outcome !== undefined && (e.outcome !== true || e.type !== 'violence')) throw new Error(`${where}: outcome: true marks violence entries only`);
    if (e.exactForm !== undefined && (e.exactForm !== true || !e.stem)) throw new Error(`${where}: exactForm: true marks stem entries only`);
    if (e.call !== undefined && (e.call !== true || (e.type !== 'hostility' && e.type !== 'mobilisation' && e.type !== 'violence'))) throw new Error(`${where}: call: true marks hostility, mobilisation and violence entries only`);
    if (e.reaction !== undefined && (e.reaction !== true || e.type !== 'rumour')) throw new Error(`${where}: reaction: true marks rumour entries only`);
    if (e.hedge !== undefined && (e.hedge !== true || e.type !== 'rumour')) throw new Error(`${where}: hedge: true marks rumour entries only`);
    if (e.factCheck !== undefined && (e.factCheck !== true || e.type !== 'denial')) throw new Error(`${where}: factCheck: true marks denial entries only`);
    if (e.claim !== undefined && (e.claim !== true || e.type !== 'quote')) throw new Error(`${where}: claim: true marks quote entries only`);
    if (e.past !== undefined && (e.past !== true || e.type !== 'historical')) throw new Error(`${where}: past: true marks historical entries only`);
    if (e.threat !== undefined && (e.threat !== true || e.type !== 'hostility')) throw new Error(`${where}: threat: true marks hostility entries only`);
    // Short prefixes match far too much ("қу*" would take "күрдтер"): 3 letters for a first word,
    // 2 for a later word of a phrase.
    (e.pattern ?? '').split(/\s+/).forEach((w, k) => {
      if (w.endsWith('*') && w.length - 1 < (k === 0 ? 3 : 2)) throw new Error(`${where}: prefix "${w}" is too short`);
    });
  });
  return file;
}

export interface Lexicon {
  /** "groups@2026.11.1+violence@…#<content hash>": the hash changes with any entry. */
  version: string;
  entries: LexEntry[];
}

let loaded: Lexicon | undefined;

/** Read and validate every lexicon file once per process. */
export function loadLexicon(): Lexicon {
  if (loaded) return loaded;
  const entries: LexEntry[] = [];
  const versions: string[] = [];
  let hash = 0;
  for (const name of LEXICON_FILES) {
    const url = new URL(`../lexicon/${name}.json`, import.meta.url);
    const text = readFileSync(url, 'utf8');
    const file = validateLexicon(name, JSON.parse(text) as LexiconFile);
    versions.push(`${name}@${file.version}`);
    hash = fnv1a(`${hash}:${text}`);
    entries.push(...file.entries);
  }
  loaded = { version: `${versions.join('+')}#${hash.toString(16)}`, entries };
  return loaded;
}
