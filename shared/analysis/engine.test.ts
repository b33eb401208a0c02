import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createEngine, ENGINE_VERSION, type Engine } from './engine.ts';
import type { AnalysisResult } from './types.ts';

let engine: Engine;
beforeAll(() => {
  engine = createEngine();
});

describe('analyzeLine', () => {
  it('returns the result shape for a good line', () => {
    const r = engine.analyzeLine(
      JSON.stringify({ id: 'a1', title: 'Массовая драка', text: 'В селе произошла массовая драка между казахами и чеченцами, пострадали семь человек.' }),
    ) as AnalysisResult;
    expect(r.id).toBe('a1');
    expect(r.lang).toBe('ru');
    expect(Object.keys(r).sort()).toEqual(['district', 'evidence', 'id', 'lang', 'places', 'region', 'tension']);
    expect(r.tension.label).toBe(1);
    expect(r.evidence.some((e) => e.type === 'violence' && e.sentence === 0)).toBe(true);
  });

  it.each([
    ['{not json', null, /invalid JSON/],
    ['[1,2]', null, /JSON object/],
    ['{"text":"драка"}', null, /id must be/],
    ['{"id":"x1","text":""}', 'x1', /text must be a non-empty string/],
    ['{"id":"x2","text":"   "}', 'x2', /text must be/],
    ['{"id":"x3","text":"ok","lang":"de"}', 'x3', /lang must be one of kk, ru, en/],
    ['{"id":"x4","text":"ok","feedRegion":"75"}', 'x4', /feedRegion must be a 9-digit KATO/],
    ['{"id":"x5","text":"ok","title":5}', 'x5', /title must be a string/],
  ])('bad line %s → error for id %s', (line, id, msg) => {
    const r = engine.analyzeLine(line) as { id: string | null; error: string };
    expect(r.id).toBe(id);
    expect(r.error).toMatch(msg);
  });

  it('accepts a language hint and a feed region', () => {
    const r = engine.analyzeLine(JSON.stringify({ id: 'k1', text: 'Ауылда тыныштық.', lang: 'kk', feedRegion: '310000000' })) as AnalysisResult;
    expect(r.lang).toBe('kk');
  });
});

describe('large input', () => {
  it('returns a bounded evidence list for a pathological article', () => {
    const r = engine.analyze({ id: 'big', text: 'Казахи и чеченцы подрались. '.repeat(2000) });
    expect(r.evidence.length).toBeLessThanOrEqual(100);
    expect(r.evidence.some((e) => e.type === 'classifier')).toBe(true);
  });
});

describe('start-up', () => {
  it('loads all data (lexicon, model) and compiles the matcher in under 300 ms', () => {
    const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'eval/startup.ts');
    const out = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' });
    expect(out.status, out.stderr).toBe(0);
    const t = JSON.parse(out.stdout) as { importMs: number; createMs: number; version: string };
    expect(t.version).toBe(ENGINE_VERSION);
    expect(t.importMs + t.createMs).toBeLessThan(300);
  });

  it('ENGINE_VERSION names the lexicon and model versions', () => {
    expect(ENGINE_VERSION).toMatch(/lexicon:groups@[\d.]+.*\|model:/);
  });
});
