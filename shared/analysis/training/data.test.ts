import { describe, expect, it } from 'vitest';
import { cleanEthnoHate, foldOf, isHeldOut } from './data.ts';

describe('held-out split', () => {
  it('is deterministic and holds out about 20% of ids', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `ru-ethnohate-${1000000 + i * 7}`);
    const held = ids.filter(isHeldOut).length;
    expect(held / ids.length).toBeGreaterThan(0.17);
    expect(held / ids.length).toBeLessThan(0.23);
    expect(ids.filter(isHeldOut)).toEqual(ids.filter(isHeldOut));
  });

  it('folds cover 0..k-1', () => {
    const folds = new Set(Array.from({ length: 500 }, (_, i) => foldOf(`id-${i}`, 5)));
    expect([...folds].sort()).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('RuEthnoHate markup cleaning', () => {
  it('removes the label-predicting markup', () => {
    const raw = 'Под <b>хачами</b> я понимаю <font color=\\#E42217\\">злых</font> людей<br/>и всё"';
    const clean = cleanEthnoHate(raw);
    expect(clean).not.toMatch(/<|>|\\\\|font|color/);
    expect(clean).toContain('хачами');
    expect(clean).toContain('злых');
    expect(clean.endsWith('"')).toBe(false);
    expect(clean).toContain('людей\nи всё');
  });

  it('unescapes quotes and keeps a balanced final quote', () => {
    expect(cleanEthnoHate('по словом \\<b>хачи</b>\\" ?')).toBe('по словом хачи" ?');
    expect(cleanEthnoHate('он сказал "нет"')).toBe('он сказал "нет"');
  });

  it('drops the stray final quote after an escaped one, and decodes entities', () => {
    expect(cleanEthnoHate('их язык \\"диалект\\""')).toBe('их язык "диалект"');
    expect(cleanEthnoHate('мы против ватников\\" аналогична\\"."')).toBe('мы против ватников" аналогична".');
    expect(cleanEthnoHate('&gt;Суть &quot;логики&quot;')).toBe('>Суть "логики"');
  });
});
