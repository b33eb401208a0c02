import { describe, expect, it } from 'vitest';
import { fingerprintBands, hammingDistance, isSameStory, normaliseWords, SAME_STORY_MAX_DISTANCE, storyFingerprint } from './fingerprint.ts';

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
    for (const s of [ORIGINAL, EDITED, SHORTENED]) {
      expect(isSameStory(fp(s), fp(OTHER))).toBe(false);
      expect(hammingDistance(fp(s), fp(OTHER))).toBeGreaterThan(2 * SAME_STORY_MAX_DISTANCE);
    }
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

  it('malformed fingerprints never match', () => {
    expect(isSameStory('zz', fp(ORIGINAL))).toBe(false);
  });
});
