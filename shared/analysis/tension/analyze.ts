// The tension pipeline: normalise → detect language → split → tokenise → match lexicon → rule
// features → classifier → calibrated stacker → label and severity. Pure: data files are read once
// when the analyser is created.

import type { Evidence, Lang, Severity, Tension } from '../types.ts';
import { foldToken, russianLatinToCyrillic } from '../text/normalize.ts';
import { tokenizeArticle, type TokenizedArticle } from '../text/article.ts';
import type { Token, Word } from '../text/tokenize.ts';
import { detectFromWords, detectLanguage, wordEvidence, type WordEvidence } from '../lang/detect.ts';
import { stemmerFor } from '../stem/index.ts';
import { memo } from '../text/memo.ts';
import { FOREIGN_OVER_DOMESTIC } from '../abroad.ts';
import { loadLexicon } from './lexicon.ts';
import { Matcher, type Match, type Reading } from './matcher.ts';
import type { LexEntry } from './lexicon.ts';
import { scoreRules, SEVERITY_ORDER, type RuleFeatures, type RuleResult, type SentenceInput } from './rules.ts';
import { classifierWeight, loadModel, logitFromSum, SHORT_SENTENCES, stackVector, stackerScore, type TensionModel } from './classifier.ts';

/** Classifier feature key of a lower-cased token ("ru:столкновен"), or '' for short/numeric tokens. */
const FEATURE_KEYS = Object.fromEntries(
  (['kk', 'ru', 'en', 'other'] as const).map((lang) => {
    const stem = stemmerFor(lang);
    return [lang, memo((lower: string) => (lower.length < MIN_FEATURE_LEN || /^\d+$/.test(lower) ? '' : `${lang}:${stem(lower)}`))];
  }),
) as Record<Lang, (lower: string) => string>;

export interface TensionInput {
  text: string;
  title?: string;
  lang?: 'kk' | 'ru' | 'en';
  /** tokenizeArticle(text, title), when the caller has it already (the engine shares it with the geocoder). */
  doc?: TokenizedArticle;
}

export interface Extracted {
  lang: Lang;
  sentences: Array<SentenceInput & { featureIds: number[] }>;
  rules: RuleResult;
  /** Classifier features (language-prefixed stems), each once. */
  features: string[];
  /** The analyser's ids of `features`, in the same order. */
  featureIdList: number[];
}

export interface TensionOutput {
  lang: Lang;
  tension: Tension;
  evidence: Evidence[];
}

/**
 * The years 1900–2099 written as a number of their own (what /\b(19\d\d|20\d\d)\b/g finds), by a
 * scan: it runs on every sentence that has a "19" or "20" in it.
 */
export function yearsIn(text: string): number[] {
  const out: number[] = [];
  const n = text.length;
  const a = text.indexOf('19');
  const b = text.indexOf('20');
  for (let i = a < 0 ? b : b < 0 ? a : Math.min(a, b); i >= 0 && i + 4 <= n; i++) {
    const c = text.charCodeAt(i);
    const d = text.charCodeAt(i + 1);
    if (!((c === 49 && d === 57) || (c === 50 && d === 48))) continue;
    if (!isDigit(text.charCodeAt(i + 2)) || !isDigit(text.charCodeAt(i + 3))) continue;
    if ((i > 0 && isAsciiWord(text.charCodeAt(i - 1))) || (i + 4 < n && isAsciiWord(text.charCodeAt(i + 4)))) continue;
    out.push(Number(text.slice(i, i + 4)));
    i += 3;
  }
  return out;
}
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAsciiWord = (c: number): boolean => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) || c === 95;
type TokenInfo = { specs: number[]; featureId: number };
/** Cache slots of a word form (TensionAnalyzer.slots): token info per article language, then detection evidence and Kazakh verbal negation. */
const LANG_SLOT: Record<Reading, number> = { kk: 0, ru: 1, en: 2, other: 3, 'ru-lat': 4 };
const MIN_FEATURE_LEN = 2;
/** Words read for language detection: the opening of an article is enough. */
const DETECT_WORDS = 150;
/** Distinct feature keys remembered before the ids are reset. */
const MAX_FEATURE_IDS = 500_000;
/**
 * Score cap for the two overrides below; below every threshold training can choose (≥ 0.3).
 */
export const OVERRIDE_CAP = 0.25;

/**
 * Rule overrides applied after the stacker (also when training picks thresholds):
 *  - negation: every conflict term in the article is negated ("no clashes were reported",
 *    "столкновений не было") and nothing else signals hostility;
 *  - violence only: a fight, a stabbing or a death with no group reference and no other signal
 *    (violenceOnly below);
 *  - foreign: a titled article is about events abroad (foreign places named at least twice, the headline
 *    counting double, and FOREIGN_OVER_DOMESTIC times as often as Kazakhstan's regions, cities and akims) —
 *    out of scope;
 *  - no signal: a titled or longer article with no evidence at all (noSignal below);
 *  - accident: an accident story (rules.ts) with no hostility, mobilisation or rumour;
 *  - debunk: a fact-check headline over an article in which nobody gathers or fights.
 */
export function applyOverrides(score: number, f: RuleFeatures): number {
  if (f.negated > 0 && f.conflict <= 0 && f.hostility <= 0) return Math.min(score, OVERRIDE_CAP);
  if (violenceOnly(f) || noSignal(f)) return Math.min(score, OVERRIDE_CAP);
  // An accident story in which nobody fights, hates or gathers: migrant workers killed when their
  // minibus overturned are victims of a road, not of a clash (the people named are its passengers).
  if (f.accidentStory && f.hostility <= 0 && f.mobilisation <= 0) return Math.min(score, OVERRIDE_CAP);
  // A fact-check of a claim that moved nobody (no crowd, no fight): the guideline's label 0.
  if (f.debunkOnly) return Math.min(score, OVERRIDE_CAP);
  if (f.titled && f.foreignMentions >= 2 && f.foreignMentions >= FOREIGN_OVER_DOMESTIC * f.domesticMentions) return Math.min(score, OVERRIDE_CAP);
  return score;
}

/** Titled, or longer than a post: news rather than a comment. */
const articleLength = (f: RuleFeatures) => f.titled || f.sentences > SHORT_SENTENCES;

/**
 * No group reference, interethnic qualifier, hostility, mobilisation or rumour, or grievance beside a
 * group. Threats and insults one person aims at another (personalHostility) do not count.
 */
const noGroupSignal = (f: RuleFeatures) =>
  f.groups === 0 && f.interethnic === 0 && f.hostility - f.personalHostility <= 1e-9 && f.mobilisation === 0 && f.grievanceWithGroup === 0;

/**
 * An article whose only signal is a fight or a death, with no group reference, no interethnic
 * qualifier, no hostility, mobilisation, rumour or grievance and no denial: a fight between two
 * drivers over a parking space, a man who stabbed his brother. Nothing makes it interethnic. A mass
 * brawl, clashes, a riot or a pogrom are group events even when the article names no people
 * (officials often avoid naming them: Korday 2020 was first reported as a mass brawl), so an article
 * with one of them (groupEvent) is left to the model, also when it reports deaths.
 */
export function violenceOnly(f: RuleFeatures): boolean {
  return articleLength(f) && f.anySeverityIndex > 0 && !f.groupEvent && noGroupSignal(f) && f.conflictWithGroup === 0 && f.denials === 0;
}

/**
 * An article in which the lexicon finds no signal at all: a wellness calendar, a phone review. A flag
 * there could show the analyst no evidence; the classifier alone decides only short untitled posts,
 * where hate often comes without the lexicon's words.
 */
export function noSignal(f: RuleFeatures): boolean {
  return articleLength(f) && f.anySeverityIndex === 0 && f.conflict === 0 && noGroupSignal(f);
}

export class TensionAnalyzer {
  readonly matcher: Matcher;
  readonly model: TensionModel | null;

  /** Per article language: token → lexicon spec ids and classifier feature id, memoised. */
  private tokenInfo: Record<Reading, (lower: string) => { specs: number[]; featureId: number }>;
  private readonly featureIds = new Map<string, number>();
  private readonly featureKeys: string[] = [];
  private stamps = new Int32Array(1 << 14);
  private stampNo = 0;
  /**
   * Identity of the current tokenInfo memos. Each interned word form (text/intern.ts) keeps the
   * per-language results of the last analyser generation that saw it, so a token costs a field read
   * instead of a Map look-up; a form filled by another analyser or before a reset is refilled.
   */
  private infoGen: object = {};

  /** Per feature id: the classifier weight, NaN when the model has none (see classifierWeight). */
  private featureWeights: number[] = [];

  private featureId(key: string): number {
    if (!key) return -1;
    let id = this.featureIds.get(key);
    if (id === undefined) {
      id = this.featureKeys.length;
      this.featureKeys.push(key);
      this.featureIds.set(key, id);
      this.featureWeights.push((this.model && classifierWeight(this.model.classifier, key)) ?? NaN);
    }
    return id;
  }

  private growStamps(id: number): void {
    const next = new Int32Array(Math.max(id + 1, this.stamps.length * 2));
    next.set(this.stamps);
    this.stamps = next;
  }

  constructor(opts: { model?: TensionModel | null } = {}) {
    this.matcher = new Matcher(loadLexicon());
    this.tokenInfo = this.buildTokenInfo();
    this.model = opts.model === undefined ? loadModel() : opts.model;
  }

  private buildTokenInfo(): Record<Reading, (lower: string) => { specs: number[]; featureId: number }> {
    const matcher = this.matcher;
    // Russian in Latin letters has the features of the same words in Cyrillic.
    const ruLatFeature = (lower: string) => FEATURE_KEYS.ru(lower.charCodeAt(0) < 0x400 ? russianLatinToCyrillic(lower) : lower);
    return Object.fromEntries(
      (['kk', 'ru', 'en', 'other', 'ru-lat'] as const).map((lang) => {
        const feature = lang === 'ru-lat' ? ruLatFeature : FEATURE_KEYS[lang];
        return [
          lang,
          memo((lower: string) => {
            const specs = matcher.tokenSpecs(lang, lower);
            // Names of peoples and places give the classifier no feature: it is to learn how
            // articles speak, not that one people or one district is calmer than another. The
            // rules read group references themselves. (One shared feature per kind was tried: its
            // weight made any mention of a people push towards label 1, recipes included.)
            return { specs, featureId: this.featureId(matcher.nameKind(specs) ? '' : feature(lower)) };
          }),
        ];
      }),
    ) as Record<Reading, (lower: string) => { specs: number[]; featureId: number }>;
  }

  /** Bound memory in a long-running worker: forget feature ids (and the memos that hold them). */
  private maybeResetFeatures(): void {
    if (this.featureKeys.length < MAX_FEATURE_IDS) return;
    this.featureIds.clear();
    this.featureKeys.length = 0;
    this.featureWeights.length = 0;
    this.stamps.fill(0);
    this.tokenInfo = this.buildTokenInfo();
    this.infoGen = {};
  }

  get version(): string {
    return `${this.matcher.version}|model@${this.model?.version ?? 'none'}`;
  }

  /** Everything up to (not including) the model: used by training and by analyze(). */
  extract(input: TensionInput): Extracted {
    this.maybeResetFeatures();
    // Tokenise once (or take the engine's tokens); the language is read from the same tokens.
    const doc = input.doc ?? tokenizeArticle(input.text, input.title);
    const body = doc.body;
    const raw: Array<{ text: string; offset: number; isTitle: boolean; tokens: Token[] }> = [];
    if (doc.title) raw.push({ text: doc.title, offset: 0, isTitle: true, tokens: doc.titleTokens });
    for (const sp of doc.sentences) raw.push({ text: sp.text, offset: sp.start, isTitle: false, tokens: sp.tokens });
    const lang: Lang = input.lang ?? this.detect(raw, body);
    const reading: Reading = lang === 'ru' && latinScript(raw) ? 'ru-lat' : lang;
    const sentences: Array<SentenceInput & { featureIds: number[] }> = raw.map((r) => this.sentence(r.text, r.offset, r.isTitle, lang, reading, r.tokens));
    const rules = scoreRules(sentences);
    // Distinct feature keys without a Set: every key has an integer id, stamped per article.
    const features: string[] = [];
    const featureIdList: number[] = [];
    const stamp = ++this.stampNo;
    for (const s of sentences) {
      for (const id of s.featureIds) {
        if (id < 0) continue;
        if (id >= this.stamps.length) this.growStamps(id);
        if (this.stamps[id] === stamp) continue;
        this.stamps[id] = stamp;
        features.push(this.featureKeys[id]!);
        featureIdList.push(id);
      }
    }
    return { lang, sentences, rules, features, featureIdList };
  }

  private detect(raw: Array<{ tokens: Token[] }>, body: string): Lang {
    const words: string[] = [];
    const evidence: WordEvidence[] = [];
    let chars = 0;
    for (const r of raw) {
      for (const t of r.tokens) {
        words.push(t.lower);
        const w = this.own(t.word);
        evidence.push((w.tDetect ??= wordEvidence(t.lower)) as WordEvidence);
        chars += t.lower.length;
        if (words.length >= DETECT_WORDS) break;
      }
      if (words.length >= DETECT_WORDS) break;
    }
    // Few tokens for a long text means another script (the tokeniser reads Latin and Cyrillic only).
    if (chars < Math.min(body.length, 600) * 0.3) return detectLanguage(body);
    return detectFromWords(words, evidence);
  }

  private sentence(text: string, offset: number, isTitle: boolean, lang: Lang, reading: Reading, tokens: Token[]): SentenceInput & { featureIds: number[] } {
    const info = this.tokenInfo[reading];
    const li = LANG_SLOT[reading];
    // Filled with push: packed arrays (new Array(n) would be holey, slower to read).
    const specs: number[][] = [];
    const featureIds: number[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const w = this.own(tokens[i]!.word);
      // the reading's own field of the form (a switch, not a computed key: this runs for every token)
      let ti: TokenInfo;
      switch (li) {
        case 0: ti = (w.tKk ??= info(w.lower)) as TokenInfo; break;
        case 1: ti = (w.tRu ??= info(w.lower)) as TokenInfo; break;
        case 2: ti = (w.tEn ??= info(w.lower)) as TokenInfo; break;
        case 3: ti = (w.tOther ??= info(w.lower)) as TokenInfo; break;
        default: ti = (w.tRuLat ??= info(w.lower)) as TokenInfo;
      }
      specs.push(ti.specs);
      featureIds.push(ti.featureId);
    }
    const matches = this.matcher.matchSpecs(specs, lang);
    if (lang === 'kk') addKazakhVerbNegations(tokens, matches, this);
    const years = yearsIn(text);
    return { text, offset, tokens, matches, isTitle, years, featureIds };
  }

  /** The interned word form, its tension fields emptied if another analyser generation filled them (see infoGen). */
  own(w: Word): Word {
    if (w.owner !== this.infoGen) {
      w.owner = this.infoGen;
      w.tKk = w.tRu = w.tEn = w.tOther = w.tRuLat = w.tDetect = w.tKkNeg = undefined;
    }
    return w;
  }

  analyze(input: TensionInput): TensionOutput {
    const x = this.extract(input);
    const evidence = x.rules.evidence;
    let score: number;
    let threshold = 0.5;
    if (this.model) {
      // classifierLogit(model, x.features), with the weights cached per feature id: the same
      // additions in the same order (engine.test.ts checks that both agree).
      let sum = 0;
      for (const id of x.featureIdList) {
        const w = this.featureWeights[id]!;
        if (!Number.isNaN(w)) sum += w; // NaN: the model has no weight for this feature
      }
      const logit = logitFromSum(this.model.classifier, sum, x.featureIdList.length);
      score = stackerScore(this.model.stacker, stackVector(logit, x.rules.features));
      threshold = this.model.thresholds[x.lang];
      evidence.push({ type: 'classifier', text: '', sentence: 0, weight: Math.round(logit * 1000) / 1000 });
    } else {
      // Without a model (used only while training): a squashed rule score.
      score = 1 / (1 + Math.exp(-(x.rules.raw - 1.5)));
    }
    score = applyOverrides(score, x.rules.features);
    const label: 0 | 1 = score >= threshold ? 1 : 0;
    return {
      lang: x.lang,
      tension: { score: Math.round(score * 10000) / 10000, label, severity: severityOf(label, x.rules) },
      evidence: capEvidence(evidence),
    };
  }
}

/** Words read to tell Latin from Cyrillic script. */
const SCRIPT_WORDS = 60;

/** Most of the article's first words are in Latin letters (a Russian article typed in translit). */
function latinScript(raw: ReadonlyArray<{ tokens: Token[] }>): boolean {
  let lat = 0;
  let cyr = 0;
  for (const r of raw) {
    for (const t of r.tokens) {
      const c = t.lower.charCodeAt(0);
      if (c >= 0x400 && c <= 0x52f) cyr++;
      else if (c >= 97) lat++;
      if (lat + cyr >= SCRIPT_WORDS) return lat > cyr;
    }
  }
  return lat > cyr;
}

/**
 * Kazakh negates a verb with -ма/-ме/-ба/-бе/-па/-пе before the tense ending (тіркел-ме-ді "was not
 * registered", бол-ма-ған, шек-пе-пті). Such a verb is a negation cue (scope 6, as "болған жоқ"), even
 * when the lexicon does not list it. Tokens are folded first, so Russian-keyboard spelling works.
 */
const KK_VERB_NEGATION_RE = /[а-я]{3,}(ма|ме|ба|бе|па|пе)(ды|ди|ган|ген|кан|кен|йды|йди|пты|пти|йтын|йтин|с)$/;
const KK_VERB_NEGATION: LexEntry = { lang: 'kk', pattern: '-ма/-ме + tense', type: 'negation', weight: 0, scope: 6, note: 'Kazakh verbal negation' };

const isKazakhNegatedVerb = memo((lower: string) => KK_VERB_NEGATION_RE.test(foldToken(lower)));

function addKazakhVerbNegations(tokens: Token[], matches: Match[], analyzer: TensionAnalyzer): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.lower.length < 6) continue;
    const w = analyzer.own(t.word);
    if (!((w.tKkNeg ??= isKazakhNegatedVerb(t.lower)) as boolean)) continue;
    // A negated verb inside a matched phrase ("зардап шекпеді") still negates it.
    if (matches.some((m) => i >= m.start && i < m.end && m.entry.type === 'negation')) continue;
    matches.push({ start: i, end: i + 1, entry: KK_VERB_NEGATION, lang: 'kk' });
  }
  matches.sort((a, b) => a.start - b.start);
}

/** At most this many evidence items are returned (the strongest by |weight|, in text order). */
export const MAX_EVIDENCE = 100;

function capEvidence(evidence: Evidence[]): Evidence[] {
  if (evidence.length <= MAX_EVIDENCE) return evidence;
  const keep = new Set(
    evidence
      .map((e, i) => ({ i, w: e.type === 'classifier' ? Infinity : Math.abs(e.weight) }))
      .sort((a, b) => b.w - a.w || a.i - b.i)
      .slice(0, MAX_EVIDENCE)
      .map((x) => x.i),
  );
  return evidence.filter((_, i) => keep.has(i));
}

/**
 * Severity tier: none for label 0; otherwise the strongest non-negated, non-historical violence
 * term that co-occurs with a group reference (same or adjacent sentence), else the strongest
 * violence term at all; hostility or mobilisation without violence is "quarrel".
 */
export function severityOf(label: 0 | 1, r: RuleResult): Severity {
  if (label === 0) return 'none';
  const f = r.features;
  const idx = f.severityIndex || f.anySeverityIndex;
  if (idx > 0) return SEVERITY_ORDER[idx]!;
  return f.hostility > 0 || f.mobilisation > 0 ? 'quarrel' : 'none';
}
