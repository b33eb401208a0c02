import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BAND_BITS, fingerprintBands, hammingDistance, isSameStory, normaliseWords, SAME_STORY_MAX_DISTANCE, storyFingerprint, storyGroups } from './fingerprint.ts';

// One story as two outlets would run it (other headline, a few words edited, the closing
// sentence dropped) and a different story on the same topic (oil workers' protest in Mangystau).
const ORIGINAL = {
  title: 'В Жанаозене рабочие нефтесервисной компании объявили забастовку',
  text: 'Около 300 работников нефтесервисной компании в Жанаозене Мангистауской области в понедельник утром отказались выйти на смены и собрались у административного здания предприятия. Они требуют повысить заработную плату на 50 процентов и вернуть выплату за вредные условия труда, которую отменили в начале года. По словам участников акции, руководство компании пока не вышло к собравшимся. В акимате города сообщили, что к месту сбора направлена рабочая группа, в которую вошли представители департамента труда и профсоюза. Полиция следит за порядком, задержаний нет. Аналогичные требования работники этой компании выдвигали и прошлой осенью, тогда конфликт удалось урегулировать после переговоров с участием акима области.',
};
const EDITED = {
  title: 'Нефтяники Жанаозена вышли на забастовку и требуют повышения зарплаты',
  text: 'Около 300 работников нефтесервисной компании в Жанаозене (Мангистауская область) в понедельник утром отказались выйти на смены и собрались у административного здания предприятия. Они требуют повысить зарплату на 50% и вернуть выплату за вредные условия труда, которую отменили в начале года. По словам участников акции, руководство компании пока не вышло к людям. В акимате Жанаозена сообщили, что к месту сбора направлена рабочая группа, в которую вошли представители департамента труда и профсоюза. Полиция следит за порядком, задержаний нет. Аналогичные требования работники компании выдвигали и прошлой осенью, тогда конфликт удалось урегулировать после переговоров с участием акима области.',
};
const SHORTENED = {
  title: 'Забастовка в Жанаозене: 300 нефтяников требуют прибавки',
  text: 'Около 300 работников нефтесервисной компании в Жанаозене Мангистауской области в понедельник утром отказались выйти на смены и собрались у административного здания предприятия. Они требуют повысить заработную плату на 50 процентов и вернуть выплату за вредные условия труда, которую отменили в начале года. По словам участников акции, руководство компании пока не вышло к собравшимся. В акимате города сообщили, что к месту сбора направлена рабочая группа, в которую вошли представители департамента труда и профсоюза. Полиция следит за порядком, задержаний нет.',
};
const OTHER = {
  title: 'В Актау нефтяники провели акцию протеста',
  text: 'Несколько десятков сотрудников буровой компании в Актау во вторник собрались у здания акимата, требуя погасить задолженность по заработной плате за три месяца. Представители компании заявили, что задержка связана с неплатежами заказчика, и пообещали выплатить долг до конца месяца. Аким города встретился с протестующими и создал комиссию для проверки предприятия. Полиция сообщила, что акция прошла спокойно.',
};
const fp = (s: { title: string; text: string }) => storyFingerprint(s.title, s.text);

describe('story fingerprints', () => {
  it('is 16 hex digits and deterministic', () => {
    expect(fp(ORIGINAL)).toMatch(/^[0-9a-f]{16}$/);
    expect(fp(ORIGINAL)).toBe(fp({ ...ORIGINAL }));
  });

  it('keeps its values: stored fingerprints and bands are compared with new ones', () => {
    // A change here splits stories across the upgrade (old rows no longer match new copies): make it
    // on purpose, in a commit that says so.
    expect(storyFingerprint('В Жанаозене рабочие', 'Около 300 работников нефтесервисной компании в Жанаозене')).toBe('cff0a79c1011ce77');
    expect(storyFingerprint('', 'елка зеленая')).toBe('bf62b5fa60f900b4');
  });

  it('normalises case, ё and punctuation', () => {
    expect(normaliseWords('Ещё, ЁЛКА!  ёлка…')).toEqual(normaliseWords('еще елка елка'));
    expect(storyFingerprint('', 'Ёлка, ЗЕЛЁНАЯ!')).toBe(storyFingerprint('', 'елка зеленая'));
  });

  it('reworded copies of one story are the same story', () => {
    expect(isSameStory(fp(ORIGINAL), fp(EDITED))).toBe(true);
    expect(isSameStory(fp(ORIGINAL), fp(SHORTENED))).toBe(true);
    expect(isSameStory(fp(EDITED), fp(SHORTENED))).toBe(true);
  });

  it('a different story on the same topic is not', () => {
    // 18–22 bits with the current feature hash (22–25 with the md5 one it replaced): a 64-bit SimHash
    // distance is a binomial draw, ±4 bits around what the texts' similarity implies.
    for (const s of [ORIGINAL, EDITED, SHORTENED]) {
      expect(isSameStory(fp(s), fp(OTHER))).toBe(false);
      expect(hammingDistance(fp(s), fp(OTHER))).toBeGreaterThan(SAME_STORY_MAX_DISTANCE + 5);
    }
  });

  it('no two different articles of the held-out news set are taken for one story', () => {
    const lines = readFileSync(join(import.meta.dirname, '../../bench/data/news-test.jsonl'), 'utf8').split('\n').filter(Boolean);
    const fps = lines.map((l) => JSON.parse(l) as { title: string; text: string }).map(fp);
    let closest = 64;
    for (let i = 0; i < fps.length; i++) for (let j = i + 1; j < fps.length; j++) closest = Math.min(closest, hammingDistance(fps[i]!, fps[j]!));
    expect(fps.length).toBeGreaterThan(100);
    expect(closest).toBeGreaterThan(SAME_STORY_MAX_DISTANCE);
  });

  it('groups a batch greedily by its founders', () => {
    const a = fp(ORIGINAL);
    const far = fp(OTHER);
    expect(storyGroups([a, far, fp(EDITED), 'zz', fp(SHORTENED), far])).toEqual([0, 1, 0, 3, 0, 1]);
    expect(storyGroups([])).toEqual([]);
  });

  it('bands: copies share a band; every fingerprint within the threshold shares one (pigeonhole)', () => {
    const shared = (a: string, b: string) => fingerprintBands(a).some((x) => fingerprintBands(b).includes(x));
    expect(shared(fp(ORIGINAL), fp(EDITED))).toBe(true);
    const a = fp(ORIGINAL);
    // Flip SAME_STORY_MAX_DISTANCE bits spread over the word: still one identical band.
    let x = BigInt(`0x${a}`);
    for (let i = 0; i < SAME_STORY_MAX_DISTANCE; i++) x ^= 1n << BigInt(i * 6);
    const b = x.toString(16).padStart(16, '0');
    expect(hammingDistance(a, b)).toBe(SAME_STORY_MAX_DISTANCE);
    expect(shared(a, b)).toBe(true);
    expect(new Set(fingerprintBands(a)).size).toBe(SAME_STORY_MAX_DISTANCE + 1);
  });

  it('bands are the bit fields of the 64-bit value, lowest first (the format stored in story_bands)', () => {
    const reference = (hex: string) => {
      let x = BigInt(`0x${hex}`);
      return BAND_BITS.map((bits, i) => {
        const band = `${i}:${(x & ((1n << BigInt(bits)) - 1n)).toString(16)}`;
        x >>= BigInt(bits);
        return band;
      });
    };
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    for (let k = 0; k < 500; k++) {
      const hex = next().toString(16).padStart(8, '0') + next().toString(16).padStart(8, '0');
      expect(fingerprintBands(hex)).toEqual(reference(hex));
    }
    expect(fingerprintBands('ffffffffffffffff')).toEqual(reference('ffffffffffffffff'));
    expect(fingerprintBands('0000000000000000')).toEqual(reference('0000000000000000'));
  });

  it('malformed fingerprints never match', () => {
    expect(isSameStory('zz', fp(ORIGINAL))).toBe(false);
  });
});
