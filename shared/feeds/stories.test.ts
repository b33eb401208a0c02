import { describe, expect, it } from 'vitest';
import { storyCandidate, storyRows } from './stories.ts';

const body =
  'Аким области встретился с жителями села и обсудил строительство новой школы, ремонт дороги и подачу питьевой воды в дома до конца года. Работы начнутся весной, финансирование уже выделено.';
const other =
  'Совсем другая новость о погоде: в регионе ожидается снег, сильный ветер и гололёд на дорогах, водителей просят быть осторожными.';
const at = new Date('2026-11-24T10:00:00Z');

describe('storyRows', () => {
  it('orders by article id and groups copies of one story under their first member', () => {
    const rows = storyRows([
      { articleId: 12, title: 'Копия первого с другим заголовком', text: body, fetchedAt: at },
      { articleId: 10, title: 'Первый', text: body, fetchedAt: at },
      { articleId: 11, title: 'Погода', text: other, fetchedAt: at },
    ]);
    expect(rows.map((r) => [r.id, r.ord, r.grp])).toEqual([
      [10, 1, 1],
      [11, 2, 2],
      [12, 3, 1],
    ]);
    expect(rows[0]!.fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(rows[0]!.bands.split(',')).toHaveLength(11);
    expect(rows[0]!.fetched_at).toBe('2026-11-24T10:00:00.000Z');
  });

  it('is empty for no candidates', () => {
    expect(storyRows([])).toEqual([]);
  });
});

describe('storyCandidate', () => {
  it('takes a stored article with its fuller text', () => {
    expect(storyCandidate({ id: '7', title: 'T', summary: 'short teaser', content: body, fetched_at: '2026-11-24T10:00:00Z' })).toEqual({ articleId: 7, title: 'T', text: body, fetchedAt: at });
    expect(storyCandidate({ id: 8, title: 'T', summary: other, content: '', fetched_at: at })).toMatchObject({ articleId: 8, text: other });
  });
});
