// The tension pipeline: normalise → detect language → split → tokenise → match lexicon → rule
// features → classifier → calibrated stacker → label and severity. Pure: data files are read once
// when the analyser is created.

import type { Evidence, Lang, Severity, Tension } from '../types.ts';
import { normalizeText } from '../text/normalize.ts';
import { splitSentences } from '../text/sentences.ts';
import { tokenize } from '../text/tokenize.ts';
import { detectLanguage } from '../lang/detect.ts';
import { stemmerFor } from '../stem/index.ts';
import { loadLexicon } from './lexicon.ts';
import { Matcher } from './matcher.ts';
import { scoreRules, SEVERITY_ORDER, type RuleResult, type SentenceInput } from './rules.ts';
import { classifierLogit, loadModel, stackVector, stackerScore, type TensionModel } from './classifier.ts';

export interface TensionInput {
  text: string;
  title?: string;
  lang?: 'kk' | 'ru' | 'en';
}

export interface Extracted {
  lang: Lang;
  sentences: SentenceInput[];
  rules: RuleResult;
  /** Classifier features (language-prefixed stems). */
  features: Set<string>;
}

export interface TensionOutput {
  lang: Lang;
  tension: Tension;
  evidence: Evidence[];
}

const YEAR_RE = /\b(19\d\d|20\d\d)\b/g;
const MIN_FEATURE_LEN = 2;
/** Score cap, as a fraction of the threshold, for articles whose conflict terms are all negated. */
export const NEGATED_CAP = 0.8;

export class TensionAnalyzer {
  readonly matcher: Matcher;
  readonly model: TensionModel | null;

  constructor(opts: { model?: TensionModel | null } = {}) {
    this.matcher = new Matcher(loadLexicon());
    this.model = opts.model === undefined ? loadModel() : opts.model;
  }

  get version(): string {
    return `${this.matcher.version}|model@${this.model?.version ?? 'none'}`;
  }

  /** Everything up to (not including) the model: used by training and by analyze(). */
  extract(input: TensionInput): Extracted {
    const body = normalizeText(input.text);
    const title = input.title ? normalizeText(input.title).trim() : '';
    const lang: Lang = input.lang ?? detectLanguage(title ? `${title}\n${body}` : body);
    const spans = splitSentences(body);
    const sentences: SentenceInput[] = [];
    if (title) sentences.push(this.sentence(title, 0, true, lang));
    for (const sp of spans) sentences.push(this.sentence(sp.text, sp.start, false, lang));
    const rules = scoreRules(sentences);
    const features = new Set<string>();
    const stem = stemmerFor(lang);
    for (const s of sentences) {
      for (const t of s.tokens) {
        if (t.lower.length < MIN_FEATURE_LEN || /^\d+$/.test(t.lower)) continue;
        features.add(`${lang}:${stem(t.lower)}`);
      }
    }
    return { lang, sentences, rules, features };
  }

  private sentence(text: string, offset: number, isTitle: boolean, lang: Lang): SentenceInput {
    const tokens = tokenize(text, offset);
    const matches = this.matcher.match(tokens, lang);
    const years: number[] = [];
    if (text.includes('19') || text.includes('20')) for (const m of text.matchAll(YEAR_RE)) years.push(Number(m[1]));
    return { text, offset, tokens, matches, isTitle, years };
  }

  analyze(input: TensionInput): TensionOutput {
    const x = this.extract(input);
    const evidence = x.rules.evidence;
    let score: number;
    let threshold = 0.5;
    if (this.model) {
      const logit = classifierLogit(this.model.classifier, x.features);
      score = stackerScore(this.model.stacker, stackVector(logit, x.rules.features));
      threshold = this.model.thresholds[x.lang];
      evidence.push({ type: 'classifier', text: '', sentence: 0, weight: Math.round(logit * 1000) / 1000 });
    } else {
      // Without a model (used only while training): a squashed rule score.
      score = 1 / (1 + Math.exp(-(x.rules.raw - 1.5)));
    }
    // Negation override: when every conflict term in the article is negated ("no clashes were
    // reported", "столкновений не было") and nothing else signals hostility, the article is not
    // labelled tension, whatever the bag-of-words classifier says about its vocabulary.
    const f = x.rules.features;
    if (f.negated > 0 && f.conflict <= 0 && f.hostility <= 0) score = Math.min(score, NEGATED_CAP * threshold);
    const label: 0 | 1 = score >= threshold ? 1 : 0;
    return {
      lang: x.lang,
      tension: { score: Math.round(score * 10000) / 10000, label, severity: severityOf(label, x.rules) },
      evidence,
    };
  }
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
