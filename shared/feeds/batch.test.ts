import { describe, expect, it } from 'vitest';
import { batchRows, dedupKey } from './batch.ts';
import type { NormalisedItem } from './types.ts';

const body =
  'Аким области встретился с жителями села и обсудил строительство новой школы, ремонт дороги и подачу питьевой воды в дома до конца года. Работы начнутся весной, финансирование уже выделено.';
const item = (over: Partial<NormalisedItem>): NormalisedItem => ({
  guid: null,
  url: null,
  title: 'Заголовок',
  summary: body,
  content: '',
  author: null,
  published: '2026-11-24T10:00:00.000Z',
  publishedFromFeed: true,
  ...over,
});

describe('dedupKey', () => {
  it('prefers the canonical URL, then the feed GUID, then a hash of the text', () => {
    expect(dedupKey(7, item({ url: 'https://a.kz/1', guid: 'g1' }))).toBe('u:https://a.kz/1');
    expect(dedupKey(7, item({ guid: 'g1' }))).toBe('g:7:g1');
    const h = dedupKey(7, item({}));
    expect(h).toMatch(/^h:7:[0-9a-f]{40}$/);
    expect(dedupKey(7, item({ summary: 'другой текст' }))).not.toBe(h);
  });
});

describe('batchRows', () => {
  it('keeps the first item per key and numbers rows in feed order', () => {
    const rows = batchRows(1, [
      item({ url: 'https://a.kz/1', title: 'Первый' }),
      item({ url: 'https://a.kz/1', title: 'Повтор того же адреса' }),
      item({ url: 'https://a.kz/2', title: 'Второй' }),
      item({ guid: 'g3', title: 'Без адреса' }),
    ]);
    expect(rows.map((r) => [r.dedup_key, r.ord])).toEqual([
      ['u:https://a.kz/1', 1],
      ['u:https://a.kz/2', 2],
      ['g:1:g3', 3],
    ]);
    expect(rows[0]!.title).toBe('Первый');
  });

  it('serialises to the JSON the insert statement reads', () => {
    const rows = JSON.parse(JSON.stringify(batchRows(1, [item({ url: 'https://a.kz/1' })])));
    expect(rows[0]).toMatchObject({ dedup_key: 'u:https://a.kz/1', published_at: '2026-11-24T10:00:00.000Z', published_from_feed: true });
    expect(rows).toHaveLength(1);
  });
});
