import { describe, expect, it } from 'vitest';
import { foldToken, latinKazakhToCyrillic, lowerToken, normalizeText, russianLatinToCyrillic } from './normalize.ts';
import { splitSentences } from './sentences.ts';
import { tokenize } from './tokenize.ts';

describe('normalisation', () => {
  it('folds Kazakh letters to their Russian-keyboard substitutes and ё to е', () => {
    expect(foldToken(lowerToken('Қақтығыс'))).toBe('кактыгыс');
    expect(foldToken(lowerToken('Әкімдік'))).toBe('акимдик');
    expect(lowerToken('Ёлка')).toBe('елка');
  });
  it('transliterates Latin Kazakh', () => {
    expect(latinKazakhToCyrillic('qaqtyǵys')).toBe('қақтығыс');
    expect(latinKazakhToCyrillic('shekara')).toBe('шекара');
    expect(latinKazakhToCyrillic('jastardyń')).toBe('жастардың');
  });
  it('reads the 2018 acute and the 2021 alphabets (y = ы; i/ı = й after a vowel)', () => {
    expect(latinKazakhToCyrillic('uıǵyrlar')).toBe('уйғырлар');
    expect(latinKazakhToCyrillic('respýblıkasy')).toBe('республікасы');
    expect(latinKazakhToCyrillic('ūiğyrlar')).toBe('ұйғырлар');
    expect(latinKazakhToCyrillic('ūlttyq')).toBe('ұлттық');
    expect(latinKazakhToCyrillic('qazaqtar')).toBe('қазақтар');
  });
  it('reads dotless ı as ы in a back-vowel word (informal, Turkish-style writing)', () => {
    expect(latinKazakhToCyrillic('qıtailar')).toBe('қытайлар');
    expect(latinKazakhToCyrillic('audanındağı')).toBe('ауданындағы');
    expect(latinKazakhToCyrillic('bılım')).toBe('білім'); // no back letter: the 2021 reading і
    expect(latinKazakhToCyrillic('ketsın')).toBe('кетсін'); // т + с, not ц
    // the 2017 apostrophe alphabet: s' c' y' a' g' n' o' u' are ш ч у ә ғ ң ө ү, i' is и/й, i is і, u is ұ
    expect(latinKazakhToCyrillic("s'ymkentte")).toBe('шымкентте');
    expect(latinKazakhToCyrillic("qay'esetten")).toBe('қауесеттен');
    expect(latinKazakhToCyrillic("kei'in")).toBe('кейін');
    expect(latinKazakhToCyrillic("turg'yndar")).toBe('тұрғындар');
    expect(latinKazakhToCyrillic("a'ley'mettik")).toBe('әлеуметтік');
    expect(latinKazakhToCyrillic('politsiia').startsWith('поліц')).toBe(true); // ц in loans
  });
  it('reads Russian typed in Latin letters back into Cyrillic', () => {
    const words = "v kordaiskom raione draka muzhchiny dezhurili noch'yu s uigurami razbiratsya domoy".split(' ').map(russianLatinToCyrillic);
    expect(words.join(' ')).toBe('в кордайском районе драка мужчины дежурили ночью с уйгурами разбиратся домой');
  });
  it('strips markup and entities', () => {
    expect(normalizeText('<b>казахи</b>&nbsp;и<br/>узбеки')).toBe(' казахи  и\nузбеки');
  });

  it('composes decomposed letters (NFC) and leaves plain Cyrillic and Latin text as it is', () => {
    // и + combining breve is й; Latin a + combining diaeresis is ä (2021 Kazakh alphabet).
    expect(normalizeText('Кордаи\u0306 ауданы, Qazaqstan a\u0308')).toBe('Кордай ауданы, Qazaqstan ä');
    expect(normalizeText('Angstrom \u212B')).toBe('Angstrom \u00C5');
    const plain = 'Қордай ауданында «төбелес» — 2020 жылы; Korday district… №5';
    expect(normalizeText(plain)).toBe(plain);
  });
});

describe('sentences and tokens', () => {
  it('does not split on abbreviations and initials', () => {
    const s = splitSentences('В с. Масанчи 7 февр. 2020 г. произошла драка. Погибли 11 человек! Ауылда жағдай тыныш.');
    expect(s.map((x) => x.text)).toEqual(['В с. Масанчи 7 февр. 2020 г. произошла драка.', 'Погибли 11 человек!', 'Ауылда жағдай тыныш.']);
  });
  it('keeps offsets, clause indices and quote spans', () => {
    const text = '«Это не конфликт», — заявил аким, но жители спорят.';
    const toks = tokenize(text);
    expect(toks.map((t) => text.slice(t.start, t.end))).toEqual(toks.map((t) => t.raw));
    const q = toks.find((t) => t.lower === 'конфликт')!;
    expect(q.quoted).toBe(true);
    expect(toks.find((t) => t.lower === 'заявил')!.quoted).toBe(false);
    expect(toks.find((t) => t.lower === 'жители')!.clause).toBeGreaterThan(toks.find((t) => t.lower === 'заявил')!.clause);
  });
});
