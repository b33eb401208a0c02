import { describe, expect, it } from 'vitest';
import { LEXICON_FILES, loadLexicon, validateLexicon, type LexiconFile } from './lexicon.ts';
import { Matcher } from './matcher.ts';
import { TensionAnalyzer } from './analyze.ts';
import { loadModel } from './classifier.ts';
import { tokenize } from '../text/tokenize.ts';

const lex = loadLexicon();
const matcher = new Matcher(lex);

function groupsIn(text: string, lang: 'kk' | 'ru' | 'en'): string[] {
  return matcher
    .match(tokenize(text), lang)
    .filter((m) => m.entry.group)
    .map((m) => m.entry.group!);
}

describe('lexicon files', () => {
  it('every file has a version and valid entries', () => {
    const [names, hash] = lex.version.split('#');
    expect(hash).toMatch(/^[0-9a-f]+$/);
    expect(names!.split('+')).toHaveLength(LEXICON_FILES.length);
    for (const part of names!.split('+')) expect(part).toMatch(/^[a-z]+@\d{4}\.\d{2}\.\d+$/);
  });

  it('the shipped model was trained with this lexicon (retrain after editing a lexicon file)', () => {
    expect(loadModel().lexiconVersion).toBe(lex.version);
  });

  it('rejects malformed entries with a message naming the entry', () => {
    const bad = { version: '1', description: '', entries: [{ lang: 'de', stem: 'x', type: 'group', weight: 1 }] } as unknown as LexiconFile;
    expect(() => validateLexicon('t', bad)).toThrow(/entry 0: bad lang/);
    const noSev = { version: '1', description: '', entries: [{ lang: 'ru', stem: 'драка', type: 'violence', weight: 1 }] } as unknown as LexiconFile;
    expect(() => validateLexicon('t', noSev)).toThrow(/severity/);
    const short = { version: '1', description: '', entries: [{ lang: 'kk', pattern: 'қу*', type: 'violence', severity: 'brawl', weight: 1 }] } as unknown as LexiconFile;
    expect(() => validateLexicon('t', short)).toThrow(/too short/);
  });

  it('each signal family has entries in kk, ru and en', () => {
    for (const type of ['group', 'violence', 'hostility', 'mobilisation', 'rumour', 'grievance', 'peace', 'negation', 'denial', 'historical', 'quote']) {
      for (const lang of ['kk', 'ru', 'en']) {
        const n = lex.entries.filter((e) => e.type === type && e.lang === lang).length;
        expect(n, `${type}/${lang}`).toBeGreaterThanOrEqual(5);
      }
    }
  });

  it('violence covers every severity tier in every language', () => {
    for (const sev of ['quarrel', 'brawl', 'group_clash', 'pogrom', 'killing']) {
      for (const lang of ['kk', 'ru', 'en']) {
        expect(lex.entries.some((e) => e.type === 'violence' && e.severity === sev && e.lang === lang), `${sev}/${lang}`).toBe(true);
      }
    }
  });
});

describe('ethnonyms of Kazakhstan in three languages, inflected', () => {
  it.each([
    ['kazakh', 'қазақтардың', 'казахами', 'Kazakhs'],
    ['russian', 'орыстарға', 'русских', 'Russians'],
    ['uzbek', 'өзбектер', 'узбеков', 'Uzbeks'],
    ['ukrainian', 'украиндар', 'украинцы', 'Ukrainians'],
    ['uyghur', 'ұйғырлардың', 'уйгурами', 'Uyghurs'],
    ['german', 'немістер', 'немцы', 'Germans'],
    ['tatar', 'татарлар', 'татарам', 'Tatars'],
    ['dungan', 'дүнгендер', 'дунганами', 'Dungans'],
    ['tajik', 'тәжіктер', 'таджиков', 'Tajiks'],
    ['azerbaijani', 'әзірбайжандар', 'азербайджанцы', 'Azerbaijanis'],
    ['korean', 'кәрістер', 'корейцев', 'Koreans'],
    ['turkish', 'түріктер', 'турок', 'Turks'],
    ['kurdish', 'күрдтер', 'курдов', 'Kurds'],
    ['chechen', 'шешендер', 'чеченцев', 'Chechens'],
    ['ingush', 'ингуштар', 'ингушей', 'Ingush'],
    ['kyrgyz', 'қырғыздар', 'кыргызов', 'Kyrgyz'],
    ['chinese', 'қытайлар', 'китайцы', 'Chinese'],
    ['belarusian', 'белорустар', 'белорусов', 'Belarusians'],
    ['polish', 'поляктар', 'поляки', 'Poles'],
  ] as const)('%s', (group, kk, ru, en) => {
    expect(groupsIn(`Ауылда ${kk} тұрады.`, 'kk')).toContain(group);
    expect(groupsIn(`В селе живут ${ru}.`, 'ru')).toContain(group);
    expect(groupsIn(`${en} live in the village.`, 'en')).toContain(group);
  });

  it('Kazakh written without Kazakh letters and in Latin script', () => {
    expect(groupsIn('Ауылда казактар мен уйгырлар турады.', 'kk')).toEqual(expect.arrayContaining(['kazakh', 'uyghur']));
    expect(groupsIn('Auylda qazaqtar men uıǵyrlar turady.', 'kk')).toEqual(expect.arrayContaining(['kazakh', 'uyghur']));
  });

  it('derogatory forms are hostility entries with a group', () => {
    const forms = [
      ['чурки', 'ru'], ['хохлы', 'ru'], ['шүршіттер', 'kk'], ['азерботы', 'ru'], ['армяшки', 'ru'], ['пиндосы', 'ru'], ['кавказоиды', 'ru'],
      ['косоглазые', 'ru'], ['гастеры', 'ru'], ['wetbacks', 'en'], ['beaners', 'en'], ['krauts', 'en'], ['zipperheads', 'en'], ['yids', 'en'],
    ] as const;
    for (const [text, lang] of forms) {
      const ms = matcher.match(tokenize(text), lang);
      expect(ms.some((m) => m.entry.type === 'hostility' && m.entry.group), text).toBe(true);
    }
  });
});

describe('matcher', () => {
  it('prefers the longest phrase and lets a stop entry shadow a shorter match', () => {
    const ms = matcher.match(tokenize('В Казахстане произошла массовая драка'), 'ru');
    expect(ms.map((m) => `${m.entry.type}:${m.end - m.start}`)).toEqual(['domestic:1', 'violence:2']);
  });

  it('domestic and foreign places are told apart', () => {
    const kz = matcher.match(tokenize('В Шымкенте и Алматы'), 'ru').map((m) => m.entry.type);
    const abroad = matcher.match(tokenize('In Nigeria and Sudan'), 'en').map((m) => m.entry.type);
    expect(kz).toEqual(['domestic', 'domestic']);
    expect(abroad).toEqual(['foreign', 'foreign']);
  });
});

describe('a people is not its country (places.json)', () => {
  const foreignOf = (text: string, lang: 'ru' | 'en' | 'kk') => new TensionAnalyzer().extract({ text, lang }).rules.features.foreignMentions;
  it.each(['Украинцы Павлодара провели праздник.', 'Украинская диаспора отметила юбилей.', 'Пакистанцы открыли кафе.', 'Израильтяне приехали на форум.', 'Ukrainians in Pavlodar held a festival.'])('%s names no foreign place', (text) => {
    expect(foreignOf(text, /^[A-Za-z]/.test(text) ? 'en' : 'ru')).toBe(0);
  });
  it.each(['Украина', 'Украине', 'Украину', 'Украины', 'Украиной', 'Пакистана', 'Грузии', 'Азербайджане'])('the country in every case form is foreign: %s', (w) => {
    expect(foreignOf(`Делегация говорила о ${w} вчера.`, 'ru')).toBe(1);
  });
});
