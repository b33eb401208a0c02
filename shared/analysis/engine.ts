// The analysis engine: one pure entry point used by the score worker, the API and the CLI.
// createEngine() reads the lexicon and the model once (≈30 ms); analyze() does no I/O. An article is
// tokenised once (text/article.ts) and the tokens are shared by the tension analyser and the geocoder.

import type { AnalysisResult, AnalyzeInput, GeoInput, GeoResult } from './types.ts';
import { geocodeArticle } from './geo/index.ts';
import { tokenizeArticle } from './text/article.ts';
import { TensionAnalyzer } from './tension/analyze.ts';
import { loadLexicon } from './tension/lexicon.ts';
import { loadModel } from './tension/classifier.ts';

const ENGINE_CODE_VERSION = '1.5.0';

/** Code + lexicon files + model; bump ENGINE_CODE_VERSION on scoring-code changes. */
export const ENGINE_VERSION = `bitim-engine@${ENGINE_CODE_VERSION}|lexicon:${loadLexicon().version}|model:${loadModel().version}`;

export interface AnalyzeError {
  id: string | null;
  error: string;
}

export interface Engine {
  readonly version: string;
  analyze(input: AnalyzeInput): AnalysisResult;
  /** Parse and validate one JSON line; a bad line gives an error object for that id. */
  analyzeLine(line: string): AnalysisResult | AnalyzeError;
}

export interface EngineOptions {
  /** Geocoder; defaults to shared/analysis/geo. */
  geocode?: (input: GeoInput) => GeoResult;
}

const KATO_RE = /^\d{9}$/;
const MAX_TEXT = 1_000_000;

/** Validate an unknown value as AnalyzeInput; returns a readable message on failure. */
export function validateInput(v: unknown): { ok: true; input: AnalyzeInput } | { ok: false; id: string | null; error: string } {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return { ok: false, id: null, error: 'input must be a JSON object' };
  const o = v as Record<string, unknown>;
  const id = typeof o.id === 'string' ? o.id : null;
  if (typeof o.id !== 'string' || o.id.trim() === '') return { ok: false, id, error: 'id must be a non-empty string' };
  if (typeof o.text !== 'string' || o.text.trim() === '') return { ok: false, id, error: 'text must be a non-empty string' };
  if (o.text.length > MAX_TEXT) return { ok: false, id, error: `text is longer than ${MAX_TEXT} characters` };
  if (o.title !== undefined && o.title !== null && typeof o.title !== 'string') return { ok: false, id, error: 'title must be a string when given' };
  if (o.lang !== undefined && o.lang !== null && o.lang !== 'kk' && o.lang !== 'ru' && o.lang !== 'en') {
    return { ok: false, id, error: `lang must be one of kk, ru, en (got ${JSON.stringify(o.lang)})` };
  }
  if (o.feedRegion !== undefined && o.feedRegion !== null && (typeof o.feedRegion !== 'string' || !KATO_RE.test(o.feedRegion))) {
    return { ok: false, id, error: `feedRegion must be a 9-digit KATO code (got ${JSON.stringify(o.feedRegion)})` };
  }
  const input: AnalyzeInput = { id: o.id, text: o.text };
  if (typeof o.title === 'string') input.title = o.title;
  if (o.lang === 'kk' || o.lang === 'ru' || o.lang === 'en') input.lang = o.lang;
  if (typeof o.feedRegion === 'string') input.feedRegion = o.feedRegion;
  return { ok: true, input };
}

const FOCUS_TYPES = new Set(['violence', 'hostility', 'mobilisation', 'rumour']);

/** Sentences whose conflict evidence is strong (a term next to a group): where the incident is told. */
function focusSentences(evidence: AnalysisResult['evidence']): Set<number> {
  const out = new Set<number>();
  for (const e of evidence) if (FOCUS_TYPES.has(e.type) && e.weight >= 0.5) out.add(e.sentence);
  return out;
}

export function createEngine(opts: EngineOptions = {}): Engine {
  const tension = new TensionAnalyzer();
  const analyze = (input: AnalyzeInput): AnalysisResult => {
    // Normalise, split and tokenise once; the analyser and the geocoder read the same tokens.
    const doc = tokenizeArticle(input.text, input.title);
    const t = tension.analyze({ text: input.text, title: input.title, lang: input.lang, doc });
    const geo = opts.geocode
      ? opts.geocode({ text: input.text, title: input.title, lang: t.lang, feedRegion: input.feedRegion })
      : geocodeArticle(doc, t.lang, input.feedRegion, t.tension.label ? focusSentences(t.evidence) : undefined);
    return { id: input.id, lang: t.lang, tension: t.tension, evidence: t.evidence, places: geo.places, district: geo.district, region: geo.region };
  };
  return {
    version: ENGINE_VERSION,
    analyze,
    analyzeLine(line: string): AnalysisResult | AnalyzeError {
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch (e) {
        return { id: null, error: `invalid JSON: ${(e as Error).message}` };
      }
      const v = validateInput(parsed);
      if (!v.ok) return { id: v.id, error: v.error };
      try {
        return analyze(v.input);
      } catch (e) {
        return { id: v.input.id, error: `analysis failed: ${(e as Error).message}` };
      }
    },
  };
}

let defaultEngine: Engine | undefined;

/** The lazily created process-wide engine. */
export function getEngine(): Engine {
  defaultEngine ??= createEngine();
  return defaultEngine;
}

export function analyze(input: AnalyzeInput): AnalysisResult {
  return getEngine().analyze(input);
}

export function analyzeLine(line: string): AnalysisResult | AnalyzeError {
  return getEngine().analyzeLine(line);
}
