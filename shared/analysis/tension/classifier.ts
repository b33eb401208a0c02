// Lexical classifier and stacker: inference side (training is in training/train.ts).
//
// Features are the stems of the article's tokens, language-prefixed ("ru:столкновен", "kk:тобелес"),
// except names of peoples and places (analyze.ts: a score must not depend on which one is named),
// present/absent, L2-normalised so that a 3 KB article and a 100-character comment are on one scale.
// The classifier is a logistic regression over those features; the stacker is a second, small
// logistic regression over [classifier logit, rule features] fit on a validation split, so its
// output is a calibrated probability.

import { readFileSync } from 'node:fs';
import type { RuleFeatures } from './rules.ts';

export interface TensionModel {
  version: string;
  /** The lexicon version (with content hash) the model was trained with. */
  lexiconVersion: string;
  /** How the training set was assembled and the figures on the validation split (informational). */
  about: Record<string, unknown>;
  classifier: { bias: number; weights: Record<string, number> };
  stacker: { names: string[]; bias: number; weights: number[] };
  /** Per article language: score ≥ threshold → label 1. */
  thresholds: Record<'kk' | 'ru' | 'en' | 'other', number>;
}

/** Untitled texts of at most this many sentences count as short (posts, comments). */
export const SHORT_SENTENCES = 4;

export function featureVectorNames(): string[] {
  return [
    'clf_logit', 'conflict', 'conflict_no_group', 'conflict_with_group', 'hostility', 'groups', 'interethnic', 'peace', 'denial', 'negated',
    'historical', 'severity', 'mobilisation', 'grievance_with_group', 'foreign', 'short', 'clf_logit_short',
  ];
}

/**
 * The stacker's input vector, in featureVectorNames() order. `short` marks a short untitled text
 * (a post or a comment rather than an article); with `clf_logit_short` the stacker can lean on the
 * classifier for such texts and on the rules for articles.
 */
export function stackVector(clfLogit: number, r: RuleFeatures): number[] {
  const short = r.titled ? 0 : r.sentences <= SHORT_SENTENCES ? 1 : 0;
  return [
    clfLogit,
    Math.log1p(Math.max(0, r.conflict - r.conflictNoGroup)),
    Math.log1p(r.conflictNoGroup),
    Math.log1p(r.conflictWithGroup),
    Math.log1p(r.hostility),
    Math.min(r.groups, 4) / 4,
    r.interethnic > 0 ? 1 : 0,
    Math.log1p(r.peace),
    r.denials > 0 ? 1 : 0,
    r.negated > 0 ? 1 : 0,
    r.historical,
    r.severityIndex / 5,
    Math.log1p(r.mobilisation),
    r.grievanceWithGroup > 0 ? 1 : 0,
    r.foreign,
    short,
    clfLogit * short,
  ];
}

const weightMaps = new WeakMap<TensionModel['classifier'], Map<string, number>>();

/** The model's weights as a Map, built once per model. */
function weightMap(model: TensionModel['classifier']): Map<string, number> {
  let w = weightMaps.get(model);
  if (!w) {
    w = new Map(Object.entries(model.weights));
    weightMaps.set(model, w);
  }
  return w;
}

export function classifierLogit(model: TensionModel['classifier'], features: Iterable<string>): number {
  const w = weightMap(model);
  let sum = 0;
  let count = 0;
  for (const f of features) {
    count++;
    sum += w.get(f) ?? 0;
  }
  return logitFromSum(model, sum, count);
}

/**
 * The weight classifierLogit adds for one feature (undefined when the model has none). The analyser
 * caches it per feature id, so that an article costs no look-ups in the 10,000-entry weight map.
 */
export function classifierWeight(model: TensionModel['classifier'], feature: string): number | undefined {
  return weightMap(model).get(feature);
}

/** The logit from the sum of the weights of `count` distinct features (training uses it too). */
export function logitFromSum(model: { bias: number }, sum: number, count: number): number {
  return model.bias + (count > 0 ? sum / Math.sqrt(count) : 0);
}

export function stackerScore(model: TensionModel['stacker'], vector: number[]): number {
  let z = model.bias;
  for (let i = 0; i < vector.length; i++) z += (model.weights[i] ?? 0) * vector[i]!;
  return sigmoid(z);
}

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

let cached: TensionModel | undefined;

export const MODEL_URL = new URL('../models/tension-model.json', import.meta.url);

export function loadModel(): TensionModel {
  if (cached) return cached;
  const m = JSON.parse(readFileSync(MODEL_URL, 'utf8')) as TensionModel;
  if (!m.classifier || !m.stacker || typeof m.thresholds?.ru !== 'number') throw new Error('tension model: malformed file');
  if (m.stacker.names.join() !== featureVectorNames().join()) throw new Error('tension model: stacker features differ from this code; run npm run train');
  cached = m;
  return m;
}
