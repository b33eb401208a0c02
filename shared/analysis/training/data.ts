// Training/evaluation data loading shared by training/train.ts and eval/tension.ts.
// This module does I/O; the engine never imports it.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { fnv1a } from '../text/hash.ts';

export interface LabelledDoc {
  id: string;
  lang: 'kk' | 'ru' | 'en';
  text: string;
  title?: string;
  label: 0 | 1;
  /** ethnohate | snlp | ethos | news | extra */
  source: string;
  severity?: string;
}

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(HERE, '../../..');
export const TENSION_DEV = process.env.BITIM_TENSION_DEV ?? path.resolve(REPO_ROOT, '../shared/data/eval/tension-dev.jsonl');
export const NEWS_TRAIN = path.join(HERE, 'corpus/news-train.jsonl');
export const NEWS_TEST = path.resolve(REPO_ROOT, 'bench/data/news-test.jsonl');

export { fnv1a };

/** Deterministic held-out split of tension-dev: 20% by a hash of the id. Never train on it. */
export function isHeldOut(id: string): boolean {
  return fnv1a(`bitim-heldout-v1:${id}`) % 100 < 20;
}

/** Fold index (0..k-1) for cross-validation inside the training portion. */
export function foldOf(id: string, k: number): number {
  return fnv1a(`bitim-fold-v1:${id}`) % k;
}

/**
 * RuEthnoHate markup leak (SOURCES.md §1a): <b> around ethnonyms, <font> around sentiment words,
 * <br/>, <a>/<u>, backslash-escaped quotes, a stray final quote. The markup predicts the label.
 */
export function cleanEthnoHate(t: string): string {
  // The stray final quote is an unescaped " at the very end; quotes inside the posts are escaped
  // (\"). Count the unescaped ones before unescaping: an odd count means the last one is stray.
  let s = t.trimEnd();
  const unescaped = (s.match(/(^|[^\\])"/g) ?? []).length;
  if (s.endsWith('"') && !s.endsWith('\\"') && unescaped % 2 === 1) s = s.slice(0, -1);
  s = s.replace(/\\"/g, '"').replace(/\\/g, '');
  s = s.replace(/<\/?(?:b|u|a|font)\b[^>]*>/gi, '');
  s = s.replace(/<br\s*\/?>/gi, '\n');
  s = s.replace(/&(gt|lt|amp|quot|nbsp);/g, (_, e: string) => ({ gt: '>', lt: '<', amp: '&', quot: '"', nbsp: ' ' })[e]!);
  const quotes = (s.match(/"/g) ?? []).length;
  if (s.endsWith('"') && quotes % 2 === 1) s = s.slice(0, -1);
  return s.trim();
}

/** One JSON object per non-blank line. */
export function readJsonl<T = Record<string, unknown>>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** The dev set lives beside the repository (../shared), not in it: its licences do not allow shipping it. */
export const tensionDevAvailable = () => existsSync(TENSION_DEV);

export function loadTensionDev(): LabelledDoc[] {
  if (!tensionDevAvailable()) {
    throw new Error(`tension dev set not found at ${TENSION_DEV}: put the data folder beside the repository (../shared/data/eval) or set BITIM_TENSION_DEV to the file`);
  }
  return readJsonl(TENSION_DEV).map((r) => {
    const id = String(r.id);
    const source = id.split('-')[1]!;
    const raw = String(r.text);
    return {
      id,
      lang: r.lang as 'ru' | 'en',
      text: source === 'ethnohate' ? cleanEthnoHate(raw) : raw,
      label: Number(r.label) === 1 ? 1 : 0,
      source,
    };
  });
}

function loadNewsFile(file: string, source: string): LabelledDoc[] {
  if (!existsSync(file)) return [];
  return readJsonl(file).map((r) => ({
    id: String(r.id),
    lang: r.lang as 'kk' | 'ru' | 'en',
    title: typeof r.title === 'string' ? r.title : undefined,
    text: String(r.text),
    label: Number(r.label) === 1 ? 1 : 0,
    source,
    severity: typeof r.severity === 'string' ? r.severity : undefined,
  }));
}

export function loadNewsTrain(): LabelledDoc[] {
  return loadNewsFile(NEWS_TRAIN, 'news');
}

export function loadNewsTest(): LabelledDoc[] {
  return loadNewsFile(NEWS_TEST, 'news-test');
}

/** Our own sentences: shared/analysis/training/extra-*.jsonl. */
export function loadExtra(): LabelledDoc[] {
  const out: LabelledDoc[] = [];
  for (const f of readdirSync(HERE).filter((n) => /^extra-.*\.jsonl$/.test(n)).sort()) {
    out.push(...loadNewsFile(path.join(HERE, f), 'extra'));
  }
  return out;
}
