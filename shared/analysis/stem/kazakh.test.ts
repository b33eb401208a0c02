import { describe, expect, it } from 'vitest';
import { stemKazakh, stemKazakhDetailed } from './kazakh.ts';
import { stemmerFor } from './index.ts';

describe('Kazakh stemmer on real word forms', () => {
  it.each([
    ['қақтығыстар', 'қақтығыс'], // plural (back)
    ['қақтығыстың', 'қақтығыс'], // genitive
    ['ауылдағы', 'ауыл'], // locative-attributive
    ['ауылында', 'ауыл'], // possessive + locative with buffer н
    ['ауылына', 'ауыл'], // possessive + dative
    ['төбелесті', 'төбелес'], // past tense / accusative
    ['төбелескен', 'төбелес'], // participle
    ['төбелесіп', 'төбелес'], // converb
    ['халқымыздың', 'халық'], // 1pl possessive + genitive, dropped vowel restored
    ['ұлтаралық', 'ұлтаралық'], // derivational -лық kept
    ['жастардың', 'жас'], // plural + genitive
    ['қазақтар', 'қазақ'],
    ['қазағы', 'қазақ'], // voiced final ғ → қ
    ['орыстарға', 'орыс'], // plural + dative
    ['өзбектердің', 'өзбек'], // front harmony
    ['шешендермен', 'шешен'], // instrumental
    ['дүнгендер', 'дүнген'], // protected root ending in a suffix shape
    ['татарлар', 'татар'],
    ['қытайлар', 'қытай'],
    ['тұрғындары', 'тұрғын'],
    ['азаматтарымыздың', 'азамат'],
    ['жүрегі', 'жүрек'],
    ['әкімдігі', 'әкімдік'],
    ['орны', 'орын'],
    ['аудан', 'аудан'], // protected: not ау + дан
    ['ауданында', 'аудан'],
    ['түнде', 'түн'], // locative -де, not the buffer form -нде
    ['өнімді', 'өнім'],
    ['желіде', 'желі'],
    ['ауданның', 'аудан'], // genitive -ның after a nasal, not the 2sg possessive -ың
    ['адамнан', 'адам'], // ablative -нан after a nasal
    ['сығандар', 'сыған'], // protected: not сы + -ған
    ['сығанның', 'сыған'],
  ])('%s → %s', (word, stem) => {
    expect(stemKazakh(word)).toBe(stem);
  });

  it('strips Russian-keyboard variants of the same suffixes', () => {
    expect(stemKazakh('казактардын')).toBe('казак');
    expect(stemKazakh('ауылдагы')).toBe('ауыл');
  });

  it('keeps a minimum stem and does not strip roots that only look suffixed', () => {
    expect(stemKazakh('адам')).toBe('адам');
    expect(stemKazakh('шекара')).toBe('шекара');
    expect(stemKazakh('ел')).toBe('ел');
    expect(stemKazakh('қуып').length).toBeGreaterThanOrEqual(2);
  });

  it('enforces vowel harmony when the word is written with Kazakh letters', () => {
    // -лер (front) must not be stripped from a back-vowel stem; the back variant -лар is.
    expect(stemKazakhDetailed('ұйғырлер').removed).not.toContain('лер');
    expect(stemKazakhDetailed('ұйғырлар').removed).toContain('лар');
  });

  it('reports a removed verbal negation suffix', () => {
    expect(stemKazakhDetailed('болмады')).toMatchObject({ stem: 'бол', negated: true });
    expect(stemKazakhDetailed('болды').negated).toBe(false);
  });

  it('stemmerFor("kk") folds to lexicon keys and handles Latin Kazakh', () => {
    const kk = stemmerFor('kk');
    expect(kk('қақтығыстар')).toBe('кактыгыс');
    expect(kk('qaqtyǵystar')).toBe('кактыгыс');
    expect(kk('qazaqtardyń')).toBe('казак');
  });
});

describe('natural stemmers behind stemmerFor', () => {
  it('Russian Porter through the cache', () => {
    const ru = stemmerFor('ru');
    expect(ru('столкновения')).toBe(ru('столкновений'));
    expect(ru('межнациональный')).toBe(ru('межнационального'));
  });
  it('English Porter', () => {
    const en = stemmerFor('en');
    expect(en('clashes')).toBe('clash');
    expect(en('killing')).toBe(en('killed'));
  });
});
