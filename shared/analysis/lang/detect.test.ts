import { describe, expect, it } from 'vitest';
import { detectLanguage } from './detect.ts';

describe('detectLanguage', () => {
  it.each([
    ['kk Cyrillic', 'Ауылда екі топ арасында төбелес болды, полиция қылмыстық іс қозғады.', 'kk'],
    ['kk Latin (2018 acute alphabet)', 'Aýylda eki top arasynda tóbeles boldy, polısııa qylmystyq is qozǵady.', 'kk'],
    ['kk Latin (2021 alphabet)', 'Auylda eki top arasynda töbeles boldy, polisia qylmystyq is qozğady jäne tergeu bastady.', 'kk'],
    ['kk informal Latin', 'Auylda eki top arasynda tobeles boldy, policia is qozgady jane eki adam jaraqat aldy.', 'kk'],
    ['kk typed on a Russian keyboard', 'Кеше ауылда жастар арасында томпак болды, полиция келди. Бул туралы аудан акимдиги хабарлады.', 'kk'],
    ['ru', 'В селе произошла массовая драка между жителями, полиция возбудила уголовное дело.', 'ru'],
    ['en', 'A mass brawl broke out in the village and police opened a criminal case.', 'en'],
    ['mixed kk/ru, mostly Kazakh', 'Ауылда төбелес болды, оған жастар қатысты. Полиция сообщает, что пострадали двое.', 'kk'],
    ['mixed ru/kk, mostly Russian', 'В Жамбылской области прошла встреча аксакалов, которые обсудили ситуацию в селе и призвали к спокойствию. «Бірлік» деді ақсақал.', 'ru'],
    ['short ru', 'Драка', 'ru'],
    ['short kk', 'Төбелес', 'kk'],
    ['short en', 'Brawl', 'en'],
    ['Chinese', '北京发生冲突', 'other'],
    ['Turkish', 'Köyde kavga çıktı ve polis bir soruşturma başlattı ama çok kişi yaralandı.', 'other'],
    ['ru typed in Latin letters', 'Pishu iz Uigurskogo raiona. Vchera v chatah poshlo soobshchenie chto iz sosednego sela edut parni, lyudi ispugalis.', 'ru'],
    ['en with Russian names', 'Police in Kordai said the village of Sortobe was quiet on Monday, and no one was detained.', 'en'],
    ['kk informal Latin with "men" and "na"', 'Kordai audanynda qazaqtar men dungender arasynda tobeles boldy, policia is qozgady.', 'kk'],
  ])('%s', (_name, text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });
});
