import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findRegionByName, geocode, geocodeDetailed, getUnit, listUnits, regionOf } from './index.ts';

const g = (lang: 'kk' | 'ru' | 'en', text: string, feedRegion?: string) => geocode({ lang, text, feedRegion });
/** [region, district] codes, null when unresolved. */
const main = (lang: 'kk' | 'ru' | 'en', text: string) => {
  const r = g(lang, text);
  return [r.region?.kato ?? null, r.district?.kato ?? null];
};

describe('Kazakh case forms', () => {
  it.each([
    ['Қордай ауданында төбелес болды.', '314800000', '310000000'],
    ['Қордай ауданының әкімі сөйледі.', '314800000', '310000000'],
    ['Алматыда жиын өтті.', '750000000', '750000000'],
    ['Алматыға барамыз.', '750000000', '750000000'],
    ['Шымкенттен келді.', '790000000', '790000000'],
    ['Астанадағы жиын.', '710000000', '710000000'],
    ['Ақтөбеде қар жауды.', '151000000', '150000000'],
    ['Атырауға жел келеді.', '231000000', '230000000'],
    ['Түркістан облысының әкімі.', null, '610000000'],
    ['Қарағанды облысында боран.', null, '350000000'],
  ])('%s', (text, district, region) => {
    const r = g('kk', text);
    expect(r.district?.kato ?? null).toBe(district);
    expect(r.region?.kato ?? null).toBe(region);
  });
  it('resolves a chain region → district → village', () => {
    const r = g('kk', 'Жамбыл облысы Қордай ауданы Масанчи ауылында төбелес болды.');
    expect(r.district?.kato).toBe('314800000');
    expect(r.places.map((p) => p.kato)).toContain('314847100');
    expect(r.places.find((p) => p.kato === '314800000')?.name).toBe('Қордай ауданы');
  });
  it('reads Russian-keyboard spelling and Kazakh Latin script', () => {
    expect(g('kk', 'Кордай ауданында тобелес болды').district?.kato).toBe('314800000');
    expect(g('kk', 'Qordai audanynda tóbeles boldy').district?.kato).toBe('314800000');
    expect(g('kk', 'Şymkentte jol apaty boldy').region?.kato).toBe('790000000');
    expect(g('kk', 'Aqtöbede miting ótti').district?.kato).toBe('151000000');
    expect(g('kk', 'Qaraǵandy oblysynda qar jauady').region?.kato).toBe('350000000');
    // a region's adjective with "городской" is its namesake city; bare "Шу" in Russian is the town
    expect(g('ru', 'Апелляционная коллегия Алматинского городского суда оставила приговор.').district?.kato).toBe('750000000');
    expect(g('ru', 'Карагандинский городской суд вынес приговор.').district?.kato).toBe('351000000');
    expect(g('ru', 'В Шу задержаны четверо молодых людей.').district?.kato).toBe('316600000');
    // a road named by its ends, written as one word in Kazakh (тасжолы)
    expect(g('kk', 'Алматы облысы Жамбыл ауданының аумағында, Алматы–Бішкек тасжолында жол апаты болды.').district?.kato).toBe('194200000');
    // several districts of a city named alike: the city; where a person's family is from: no place of the story
    expect(g('en', 'The Almaty city maslikhat renamed streets in the Alatau, Nauryzbay and Turksib districts.').district?.kato).toBe('750000000');
    expect(g('en', 'Her parents are from Ust-Kamenogorsk, and the family lives in Almaty.').district?.kato).toBe('750000000');
    // the 2017 apostrophe alphabet: s' is ш, c' is ч, y' is у
    expect(g('kk', "Aqmola oblysy By'rabai' ay'danynda, S's'y'c'i'nsk qalasynyn' man'ynda jol apaty boldy").district?.kato).toBe('117000000');
    expect(g('kk', "S'ymkentte jol apaty boldy").region?.kato).toBe('790000000');
  });
});

describe('Russian and English', () => {
  it.each([
    ['ru', 'В Кордайском районе задержали троих.', '314800000'],
    ['ru', 'Суд Кордайского района вынес приговор.', '314800000'],
    ['ru', 'В Шымкенте прошла акция.', '790000000'],
    ['ru', 'В поселке Сортобе Кордайского района усилены патрули.', '314800000'],
    ['en', 'A brawl broke out in Korday district.', '314800000'],
    ['en', 'Protesters gathered in Almaty.', '750000000'],
    ['en', 'Teenagers were detained in Karaganda.', '351000000'],
  ] as const)('%s: %s', (lang, text, district) => {
    expect(g(lang, text).district?.kato).toBe(district);
  });
  it('regions from adjectives and English names', () => {
    expect(g('ru', 'В Карагандинской области буран.').region?.kato).toBe('350000000');
    expect(g('ru', 'В Карагандинской области буран.').district).toBeNull();
    expect(g('en', 'Snow in Zhambyl region.').region?.kato).toBe('310000000');
  });
  it('names places in the article language', () => {
    expect(g('ru', 'В Кордайском районе.').district?.name).toBe('Кордайский район');
    expect(g('en', 'In Korday district.').district?.name).toBe('Korday District');
  });
});

describe('old names', () => {
  it.each([
    ['ru', 'Жители Алма-Аты вышли на субботник.', '750000000'],
    ['ru', 'В Чимкенте открылся рынок.', '790000000'],
    ['ru', 'В Капчагае построят казино.', '191000000'],
    ['ru', 'Акимат Нур-Султана утвердил план.', '710000000'],
    ['ru', 'Семипалатинск отметил юбилей.', '101000000'],
    ['en', 'Nur-Sultan city court upheld the ruling.', '710000000'],
  ] as const)('%s', (lang, text, district) => {
    expect(g(lang, text).district?.kato).toBe(district);
  });
});

describe('settlements and ambiguity', () => {
  it('maps a settlement to its district and region', () => {
    const r = g('ru', 'В селе Масанчи произошла драка.');
    expect(r.district?.kato).toBe('314800000');
    expect(r.region?.kato).toBe('310000000');
  });
  it('uses the explicit district to choose among same-named villages', () => {
    expect(g('ru', 'В селе Жанаталап Сарысуского района сгорел дом.').district?.kato).toBe('316000000');
    expect(g('ru', 'В селе Береке Карасайского района отремонтировали мост.').district?.kato).toBe('195200000');
  });
  it('keeps only the region when the feed region narrows but does not decide', () => {
    const none = g('ru', 'Жители села Жанаталап жалуются на отсутствие воды.');
    expect(none.region).toBeNull();
    const feed = g('ru', 'Жители села Жанаталап жалуются на отсутствие воды.', '310000000');
    expect(feed.region?.kato).toBe('310000000');
    expect(feed.district).toBeNull();
  });
  it('tells Almaty city from Almaty region and Abai district from the poet', () => {
    expect(g('kk', 'Алматы облысында тасқын болды.').region?.kato).toBe('190000000');
    expect(g('kk', 'Алматыда тасқын болды.').region?.kato).toBe('750000000');
    expect(g('ru', 'В Абайском районе Шымкента прорвало водопровод.').district?.kato).toBe('791110000');
    expect(g('kk', 'Абай Құнанбайұлының өлеңдерін оқыдық.').places).toEqual([]);
  });
});

describe('false positives and foreign places', () => {
  it('does not take common words or personal names for villages', () => {
    for (const [lang, text] of [
      ['ru', 'Мир и Победа — главные темы праздника. Заря над рекой.'],
      ['kk', 'Береке мен бірлік — елдің тірегі. Достық пен Жеңіс.'],
      ['en', 'May was warm, and peace and victory were celebrated.'],
      ['kk', 'Жандос Жұмабек, Ерболат Әбіш, Самат Нағашыбекұлы хабарлады.'],
    ] as const) {
      const r = g(lang, text);
      expect(r.region, text).toBeNull();
      expect(r.places.filter((p) => p.level !== 'foreign'), text).toEqual([]);
    }
  });
  it('recognises foreign places and Kazakhstan as not a region', () => {
    const r = geocodeDetailed({ lang: 'kk', text: 'Ресейден, Қытайдан және Қырғызстаннан келген қонақтар Мәскеуде кездесті. Қазақстанда аяз.' });
    expect(r.places.map((p) => p.kato).sort()).toEqual(['foreign:CN', 'foreign:KG', 'foreign:RU']);
    expect(r.places.every((p) => p.level === 'foreign')).toBe(true);
    expect(r.kazakhstan).toBe(true);
    expect(r.region).toBeNull();
    expect(g('en', 'Talks were held in Bishkek and Tashkent.').places.map((p) => p.kato)).toEqual(['foreign:KG', 'foreign:UZ']);
    expect(g('ru', 'В Москве прошли переговоры.').region).toBeNull();
  });
  it('returns nothing for empty or place-free text', () => {
    expect(g('ru', '')).toEqual({ places: [], district: null, region: null });
    expect(g('en', 'The dollar rose against the tenge, the National Bank said.')).toEqual({ places: [], district: null, region: null });
  });
});

describe('helpers', () => {
  it('lists units and maps codes and feed names', () => {
    const us = listUnits();
    expect(us).toHaveLength(250);
    expect(us.filter((u) => u.level === 'region')).toHaveLength(17);
    expect(getUnit('314800000')?.name.ru).toBe('Кордайский район');
    expect(getUnit('314800000')?.parent).toBe('310000000');
    expect(regionOf('314847100')).toBe('310000000');
    expect(regionOf('751710000')).toBe('750000000');
    expect(findRegionByName('Almaty city')).toBe('750000000');
    expect(findRegionByName('Almaty region')).toBe('190000000');
    expect(findRegionByName('North Kazakhstan')).toBe('590000000');
    expect(findRegionByName('Zhetisu')).toBe('330000000');
    expect(findRegionByName('Алматинская область')).toBe('190000000');
  });
});

describe('demonyms and place adjectives: where people come from, half a vote', () => {
  it.each([
    // Kazakh -лық/-лік/-дық/-дік/-тық/-тік, with plural and case endings after it
    ['kk', 'Маңғыстаулық өнерпаздар Түркістанда концерт қойды.', '610000000', '611000000'],
    ['kk', 'Атыраулық балуан Шымкентте жеңіске жетті.', '790000000', '790000000'],
    ['kk', 'Алматылықтарға Қарағандыда жаңа пәтерлер берілді.', '350000000', '351000000'],
    // Russian -ец/-цы/-инцы/-чане and bare -ский adjectives (lower case or sentence-initial)
    ['ru', 'Павлодарцы победили на турнире в Актобе.', '150000000', '151000000'],
    ['ru', 'Алматинцы и астанчане встретились в Таразе.', '310000000', '311000000'],
    ['ru', 'Мангистауские нефтяники провели встречу в Астане.', '710000000', '710000000'],
    ['ru', 'На заседании в Костанае выступили карагандинские шахтёры.', '390000000', '391000000'],
    // English: "X-born"
    ['en', 'The Aktau-born singer gave a concert in Shymkent.', '790000000', '790000000'],
  ] as const)('%s: %s', (lang, text, region, district) => {
    expect(main(lang, text)).toEqual([region, district]);
  });
  it.each([
    ['kk', 'Шымкенттік жүргізуші жол апатына тап болды.', '790000000'],
    ['kk', 'Маңғыстаулық мұнайшылар жиналды.', '470000000'],
    ['ru', 'Павлодарцы вышли на субботник.', '550000000'],
    ['ru', 'Жители города: семейчане и гости отметили праздник.', '100000000'],
    ['ru', 'мангистауские нефтяники получили премии.', '470000000'],
    ['en', 'A Karaganda-born boxer won the title.', '350000000'],
  ] as const)('alone, a demonym still gives the region: %s: %s', (lang, text, region) => {
    expect(g(lang, text).region?.kato).toBe(region);
  });
  it('keeps region and district names that only look like demonyms', () => {
    expect(g('kk', 'Бостандық ауданында жиын өтті.').district?.kato).toBe('751410000');
    expect(g('ru', 'В Мангистауской области прошёл дождь.').region?.kato).toBe('470000000');
    expect(g('ru', 'В Карасайском районе прошёл дождь.').district?.kato).toBe('195200000');
    expect(g('ru', 'Боец и отец пришли на стадион.').region).toBeNull();
  });
});

describe('main place: a sentence votes once per place', () => {
  it('a list of towns in one sentence does not outvote the first one (kk, ru, en)', () => {
    expect(g('kk', 'Ырғыз, Хромтау және Ақтөбе қалаларында суық болды, Ақтөбеде боран.').district?.kato).toBe('156800000');
    expect(g('ru', 'Астана, Караганда, Темиртау и Жезказган остались без рейсов.').region?.kato).toBe('710000000');
    expect(g('en', 'Flights to Astana, Karaganda, Temirtau and Zhezkazgan were cancelled.').region?.kato).toBe('710000000');
  });
  it('a place named in more sentences wins over one named first (kk, ru, en; the lead sentence counts double)', () => {
    expect(g('kk', 'Кеше Алматыда жиын өтті. Атырауда жаңбыр жауды. Атырау облысында жол жабылды. Атыраудағы мектептер жабық.').region?.kato).toBe('230000000');
    expect(g('ru', 'Вчера в Алматы прошёл форум. В Атырау шёл дождь. В Атырауской области закрыли трассу. Школы Атырау закрыты.').region?.kato).toBe('230000000');
    expect(g('en', 'A forum was held in Almaty. It rained in Atyrau. Roads in Atyrau Region were closed. Schools in Atyrau are shut.').region?.kato).toBe('230000000');
  });
  it('an English sentence-initial "Oil" is not Oiyl District', () => {
    const r = g('en', 'Oil workers in Kulsary, Zhylyoi district, went on strike.');
    expect(r.district?.kato).toBe('233600000');
    expect(r.places.map((p) => p.kato)).not.toContain('155200000');
    expect(g('kk', 'Ойыл ауданында жиын өтті.').district?.kato).toBe('155200000');
  });
});

describe('names that are not the place', () => {
  it('a quoted name followed by another capitalised word is an organisation (kk, ru, en)', () => {
    expect(g('kk', '«Астана Моторс» Алматыда зауыт салады.').region?.kato).toBe('750000000');
    expect(g('ru', 'Компания «Астана Моторс» построит завод в Алматы.').region?.kato).toBe('750000000');
    expect(g('en', '"Astana Motors" will build a plant in Almaty.').region?.kato).toBe('750000000');
    // a quoted place name alone, or a quote that is reported speech, still counts
    expect(g('ru', '«Алматы — наш дом», — сказал аким.').region?.kato).toBe('750000000');
  });
  it('Kazakh "келесі" (next) is not Келес district', () => {
    expect(g('kk', 'Келесі жылы Қостанайда жаңа мектеп ашылады.').region?.kato).toBe('390000000');
    expect(g('kk', 'Келесі кезекте жол жөнделеді.').region).toBeNull();
    expect(g('kk', 'Келес ауданында жиын өтті.').district?.kato).toBe('613900000');
  });
});

describe('load time', () => {
  it('loads data and builds its index well under 150 ms in a fresh process', () => {
    const script = `import('${fileURLToPath(new URL('./gazetteer.ts', import.meta.url))}').then((m) => console.log(m.LOAD_MS))`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' });
    expect(Number(out.trim())).toBeLessThan(150);
  });
});

describe('city districts: a named district of the city wins over the city itself', () => {
  const cities: Record<string, { kk: string; up: string; ruGen: string; ruPrep: string; en: string }> = {
    '710000000': { kk: 'Астана', up: 'АСТАНА', ruGen: 'Астаны', ruPrep: 'Астане', en: 'Astana' },
    '750000000': { kk: 'Алматы', up: 'АЛМАТЫ', ruGen: 'Алматы', ruPrep: 'Алматы', en: 'Almaty' },
    '790000000': { kk: 'Шымкент', up: 'ШЫМКЕНТ', ruGen: 'Шымкента', ruPrep: 'Шымкенте', en: 'Shymkent' },
    '351000000': { kk: 'Қарағанды', up: 'ҚАРАҒАНДЫ', ruGen: 'Караганды', ruPrep: 'Караганде', en: 'Karaganda' },
  };
  const districts = listUnits().filter((u) => u.level === 'city_district');
  it('the gazetteer has every current city district (Baikonur 2018, Nura 2022, Nauryzbay, Turan, Karaganda’s two)', () => {
    const codes = districts.map((u) => u.kato);
    for (const k of ['711410000', '711510000', '751810000', '791910000', '351011000', '351013000']) expect(codes).toContain(k);
    expect(districts).toHaveLength(21);
    for (const u of districts) for (const l of ['kk', 'ru', 'en'] as const) expect(u.name[l]).toBeTruthy();
  });
  // The city is named three times and in the dateline, its district once: the district still wins.
  it.each(districts.map((u) => [u.name.en, u] as const))('%s in kk, ru and en', (_, u) => {
    const c = cities[u.parent!]!;
    const kkName = u.name.kk.replace(/ ауданы$/u, '');
    const kk = `${c.up}. ${c.kk} қаласының ${kkName} ауданында жаңа балабақша ашылды. ${c.kk} әкімдігінің мәліметінше, балабақша үш жүз орынға арналған. ${c.kk} бойынша биыл тағы бес балабақша салынады.`;
    const ruDistrict = u.name.ru.endsWith('ский район') ? `В ${u.name.ru.replace(/ский район$/u, 'ском районе')}` : `В ${u.name.ru.replace(/^район /u, 'районе ')}`;
    const ru = `${c.up}. ${ruDistrict} ${c.ruGen} открыли новый детский сад. По данным акимата ${c.ruGen}, сад рассчитан на триста мест. В ${c.ruPrep} в этом году построят ещё пять садов.`;
    const en = `${c.en.toUpperCase()} (Kazinform) – A new kindergarten has opened in the ${u.name.en.replace(/ District$/, '')} district of ${c.en}. ${c.en} officials said it has 300 places. ${c.en} plans five more this year.`;
    for (const [lang, text] of [['kk', kk], ['ru', ru], ['en', en]] as const) {
      const r = g(lang, text);
      expect(r.district?.kato, `${lang}: ${text}`).toBe(u.kato);
      expect(r.region?.kato).toBe(u.region);
    }
  });
  it('Karaganda: "район имени Алихана Бокейхана", "район им. Казыбек би"', () => {
    expect(g('ru', 'Жители района имени Алихана Бокейхана Караганды жалуются на отопление. Аким Караганды обещал проверку.').district?.kato).toBe('351011000');
    expect(g('ru', 'В районе им. Казыбек би Караганды отремонтируют три школы.').district?.kato).toBe('351013000');
    expect(g('en', 'Karaganda: heating failed in the Kazybek Bi district; Karaganda utilities blamed a pipe.').district?.kato).toBe('351013000');
    expect(g('kk', 'Қарағанды қаласының Қазыбек би атындағы ауданында кафе иесі соққыға жығылды.').district?.kato).toBe('351013000');
  });
  it('"столица" resolves a shared district name to Astana', () => {
    expect(g('ru', 'В Есильском районе столицы открыли бассейн.').district?.kato).toBe('711210000');
  });
});

describe('hyphenated names', () => {
  it.each([
    ['en', 'Snowdrifts cut off two villages in Katon-Karagay district overnight.'],
    ['en', 'UST-KAMENOGORSK. The Katon-Karagay District akimat opened a new clinic.'],
    ['ru', 'В Катон-Карагайском районе медведь вышел к пасеке.'],
    ['kk', 'Катон-Қарағай ауданында қар көшкіні жолды жауып қалды.'],
    ['kk', 'Катонқарағай ауданының тұрғындары жаңа көпір сұрады.'],
  ] as const)('%s: %s', (lang, text) => {
    expect(g(lang, text).district?.kato).toBe('635400000');
  });
  it('the hyphenated village name alone still finds its district', () => {
    expect(g('en', 'A honey fair was held in the village of Katon-Karagay.').district?.kato).toBe('635400000');
  });
});

describe('an explicit district beats a dateline and common words', () => {
  it.each([
    ['kk', 'ТҮРКІСТАН. Сауран ауданында екі шаруа арасында жанжал болды. Сауран ауданының полициясы тексеріс бастады.', '615500000'],
    ['ru', 'ТАЛДЫКОРГАН. В Ескельдинском районе сгорел склад. Пожарные Ескельдинского района работали всю ночь.', '333600000'],
    ['en', 'TARAZ, May 14 (Kazinform) – Two trucks collided in Baizak district. Baizak district police closed the road.', '313600000'],
  ] as const)('%s: %s', (lang, text, district) => {
    expect(g(lang, text).district?.kato).toBe(district);
  });
  it('Kazakh common words are not the villages named after them (Өндіріс, Теңіз)', () => {
    const a = g('kk', 'Жылыой ауданында мұнай өндіру артты. Өндірісі кеңейген кәсіпорын жаңа цех ашты. Теңіз жағасындағы жол жөнделді.');
    expect(a.district?.kato).toBe('233600000');
    expect(a.places.map((p) => p.kato)).toEqual(['233600000']);
    // a former district name (Теңіз ауданы → Нұра ауданы) counts only with its generic term
    expect(g('kk', 'Теңіз жағалауында демалушылар көбейді.').region).toBeNull();
    expect(g('kk', 'Бұрынғы Теңіз ауданының ауылдарында жол жөнделді.').district?.kato).toBe('355200000');
  });
});

describe('clubs and companies named after places', () => {
  it.each([
    ['ru', 'ФК «Астана» обыграл «Тобол» со счётом 3:1 на стадионе в Костанае.', '390000000'],
    ['ru', 'Нападающий «Актобе» забил дважды, матч прошёл в Уральске.', '270000000'],
    ['kk', '«Қайрат» футбол клубы «Ақтөбені» 2:0 есебімен жеңді. Ойын Алматыда өтті.', '750000000'],
    ['kk', '«Ертіс» хоккей клубы Павлодарда жаңа маусымды бастады.', '550000000'],
    ['en', 'FC Astana drew 1-1 with Kairat in Almaty on Saturday.', '750000000'],
    ['en', 'Astana Motors will open a service centre in Kostanay.', '390000000'],
    ['en', 'Aktobe vs Ordabasy ended goalless in Shymkent.', '790000000'],
  ] as const)('%s: %s', (lang, text, region) => {
    expect(g(lang, text).region?.kato).toBe(region);
  });
  it('a club word after the city in Kazakh belongs to the club, not to the city after it', () => {
    expect(g('kk', '«Тобыл» командасы Қостанайда жаттығу өткізді.').region?.kato).toBe('390000000');
  });
});

describe('teams named after places in a match report (quoted or bare); the venue is still a place', () => {
  it.each([
    ['ru', '«Тобол» разгромил «Астану» в матче Кубка Казахстана', null],
    ['ru', 'Тобол разгромил Астану в матче Кубка Казахстана.', null],
    ['ru', 'Ордабасы уступил Актобе в 10-м туре чемпионата.', null],
    ['ru', 'Шахтёр проиграл Астане в полуфинале кубка.', null],
    ['ru', '«Тобол» разгромил «Астану» в матче Кубка Казахстана в Костанае.', '390000000'],
    ['ru', 'Актобе обыграл Атырау со счётом 2:0 на стадионе в Павлодаре.', '550000000'],
    ['ru', 'Кайрат и Астана сыграли вничью в Алматы.', '750000000'],
    ['kk', '«Тобыл» «Астананы» Қазақстан кубогы матчында ұтты.', null],
    ['kk', 'Тобыл Астананы 3:1 есебімен жеңді.', null],
    ['kk', 'Ордабасы Қазақстан чемпионатының 5-турында Атырауды жеңді.', null],
    ['kk', 'Ақтөбе Атырауға ұтылды, ойын Қостанайда өтті.', '390000000'],
    ['kk', 'Қайрат пен Астана Алматыда тең ойнады.', '750000000'],
    ['en', 'Tobol thrashed Astana 4-0 in the Kazakhstan Cup.', null],
    ['en', 'Aktobe lost to Atyrau in the league on Sunday.', null],
    ['en', 'Ordabasy defeated Aktobe in a cup fixture.', null],
    ['en', 'Tobol beat Astana 2-1 in Kostanay.', '390000000'],
    ['en', 'Kairat drew with Astana in Almaty.', '750000000'],
  ] as const)('%s: %s', (lang, text, region) => {
    expect(g(lang, text).region?.kato ?? null).toBe(region);
  });
  it.each([
    ['ru', 'В Астане прошёл турнир по шахматам среди школьников.', '710000000'],
    ['ru', 'Аким Павлодара вручил кубок победителям.', '550000000'],
    ['en', 'Police in Astana beat a suspect, the court heard.', '710000000'],
    ['en', 'Almaty hosted the league final.', '750000000'],
    ['kk', 'Астанада футбол турнирі өтті.', '710000000'],
  ] as const)('not a team: %s: %s', (lang, text, region) => {
    expect(g(lang, text).region?.kato ?? null).toBe(region);
  });
});

describe('a capital dateline alone over national news is unresolved', () => {
  it.each([
    ['ru', 'АСТАНА. KAZINFORM – Правительство утвердило новые правила выдачи пособий. Изменения вступят в силу с 1 января.'],
    ['ru', 'Астана. 24 ноября. КазТАГ – Минтруд предложил повысить минимальную зарплату. Проект закона опубликован.'],
    ['ru', 'Алматы. КазТАГ – Нацбанк сохранил базовую ставку. Решение принято единогласно.'],
    ['kk', 'АСТАНА. KAZINFORM – Үкімет жәрдемақы төлеудің жаңа ережелерін бекітті. Өзгерістер қаңтардан күшіне енеді.'],
    ['en', 'ASTANA (Kazinform) – The Government approved new rules for social benefits. The changes take effect on January 1.'],
  ] as const)('%s: %s', (lang, text) => {
    const r = g(lang, text);
    expect(r.region).toBeNull();
    expect(r.district).toBeNull();
  });
  it.each([
    ['ru', 'АСТАНА. KAZINFORM – Аким Астаны провёл встречу с жителями.', '710000000', '710000000'],
    ['ru', 'АСТАНА. KAZINFORM – В Есильском районе открыли школу.', '710000000', '711210000'],
    ['ru', 'АСТАНА. KAZINFORM – В столице открыли новую школу.', '710000000', '710000000'],
    ['kk', 'АСТАНА. KAZINFORM – Астана әкімі тұрғындармен кездесті.', '710000000', '710000000'],
    ['en', 'ALMATY (Kazinform) – A fire broke out in Medeu district overnight.', '750000000', '751710000'],
    ['ru', 'АСТАНА. KAZINFORM – В Караганде открыли школу.', '350000000', '351000000'],
    // a regional dateline still gives its city
    ['ru', 'УСТЬ-КАМЕНОГОРСК. KAZINFORM – Правительство утвердило правила.', '630000000', '631000000'],
  ] as const)('the dateline still counts when the text names its city or another place: %s: %s', (lang, text, region, district) => {
    const r = g(lang, text);
    expect(r.region?.kato).toBe(region);
    expect(r.district?.kato).toBe(district);
  });
});

describe('spurious foreign places', () => {
  it('the Criminal Code (УК РК, UK RK) is not the United Kingdom', () => {
    const ru = geocodeDetailed({ lang: 'ru', text: 'В Караганде возбуждено дело по статье 174 УК РК.' });
    expect(ru.places.map((p) => p.kato)).toEqual(['351000000']);
    const en = geocodeDetailed({ lang: 'en', text: 'Astana police opened a case under Article 174 of the UK RK.' });
    expect(en.places.map((p) => p.kato)).toEqual(['710000000']);
    expect(g('en', 'Ministers from the UK visited Almaty.').places.map((p) => p.kato)).toContain('foreign:GB');
    expect(g('ru', 'Делегация США прибыла в Астану.').places.map((p) => p.kato)).toContain('foreign:US');
  });
  it('a Russian people plural is not its country (монголы ≠ Монголия), the country still is', () => {
    const foreign = (text: string) => g('ru', text).places.filter((p) => p.level === 'foreign').map((p) => p.kato);
    expect(foreign('Киргизы и казахи подрались в Кордайском районе.')).toEqual([]);
    expect(foreign('Монголы и казахи встретились в Усть-Каменогорске.')).toEqual([]);
    expect(foreign('Сербы и хорваты сыграли вничью.')).toEqual([]);
    expect(foreign('Делегация Монголии прибыла в Усть-Каменогорск.')).toEqual(['foreign:MN']);
    expect(foreign('Он вернулся из Киргизии в Кордай.')).toEqual(['foreign:KG']);
    expect(foreign('Монголия и Казахстан подписали соглашение.')).toEqual(['foreign:MN']);
  });
  it('English ethnonym adjectives are not countries or villages', () => {
    expect(g('en', 'Russian and Korean families cooked together in Taraz.').places.map((p) => p.kato)).toEqual(['311000000']);
    expect(g('en', 'Kazakh villagers and Uyghur villagers met in Chundzha.').places.every((p) => p.kato !== '315035600')).toBe(true);
  });
});

describe('Kazakh townships, lower-case name words and regional epithets', () => {
  it.each([
    // кент "township" in its case forms is a generic term; Кентау stays a city
    ['kk', 'Меновное кентіндегі бос телімдер халыққа берілді.', '630000000', '631000000'],
    ['kk', 'Кентауда жаңа мектеп ашылды.', '610000000', '612000000'],
    // "батыр" is written in lower case inside a village name, as "би" and "сал" are
    ['kk', 'Өтеген батыр кентінде көпқабатты үй салынды.', '190000000', '196800000'],
    ['kk', 'Қабанбай батыр ауылында жиын өтті.', '110000000', '116600000'],
    // journalists' names for regions: Сыр өңірі (Kyzylorda), Тобыл өңірі (Kostanay), Жайық өңірі (West Kazakhstan)
    ['kk', 'Сыр өңірінде күріш орағы басталды.', '430000000', null],
    ['kk', 'Тобыл өңірі диқандары астық жинап жатыр.', '390000000', null],
    ['kk', 'Жайық өңірінің малшылары жайылымға көшті.', '270000000', null],
    ['kk', 'Баян өңірі биыл мыңдаған тынығушыны қарсы алды.', '550000000', '553600000'],
    ['ru', 'В Прииртышье открылась ярмарка.', '550000000', null],
  ] as const)('%s: %s', (lang, text, region, district) => {
    expect(main(lang, text)).toEqual([region, district]);
  });
});

describe('towns named after a person, city adjectives, adjectives of peoples', () => {
  it.each([
    // Сатпаев and Курчатов are towns; the genitive Сатпаева is the town, not the village "с. Сатпаева"
    ['ru', 'Около сотни жителей Сатпаева пришли к вахтовому посёлку.', '620000000', '622000000'],
    ['ru', 'Под Сатпаевым собрались рабочие.', '620000000', '622000000'],
    ['ru', 'В Курчатове открыли музей.', '100000000', '101800000'],
    ['en', 'SATPAEV, Ulytau region — Around 200 workers gathered outside the akimat.', '620000000', '622000000'],
    ['kk', 'Сәтбаевта жиын өтті.', '620000000', '622000000'],
    // … and people after a first name, before University / атындағы, after имени
    ['ru', 'Каныш Сатпаев родился в Баянауле.', '550000000', '553600000'],
    ['en', 'Satbayev University in Almaty hosted a forum.', '750000000', '750000000'],
    ['kk', 'Қаныш Сәтбаев атындағы университетте конференция өтті.', null, null],
    ['ru', 'Студенты университета имени Сатпаева провели акцию.', null, null],
    // a bare masculine adjective shared with a city is the city's: the club, not a district of that name
    ['ru', 'Алматинский «Кайрат» разгромил шымкентский «Ордабасы».', '750000000', '750000000'],
    ['ru', 'Павлодарский «Иртыш» обыграл «Сарыарку».', '550000000', '551000000'],
    ['ru', 'Кордайский аким провёл встречу с жителями.', '310000000', '314800000'],
    ['ru', 'Алматинский районный суд Астаны вынес приговор.', '710000000', '711110000'],
    // English: "a Kazakh village" is no village named Қазақ
    ['en', 'Homes set on fire in a southern Kazakh village; Tajik families take shelter.', null, null],
  ] as const)('%s: %s', (lang, text, region, district) => {
    expect(main(lang, text)).toEqual([region, district]);
  });
});

describe('an adjective of a people is no district without район', () => {
  it.each([
    ['ru', 'Ушёл из жизни актёр Уйгурского театра.', null, null],
    ['ru', 'В Уйгурском районе прошёл сход.', '190000000', '196600000'],
  ] as const)('%s: %s', (lang, text, region, district) => {
    expect(main(lang, text)).toEqual([region, district]);
  });
});

describe('a road named after the cities it joins', () => {
  it.each([
    ['ru', 'ДТП на трассе Алматы – Бишкек: в Кордайском районе погибли трое.', '310000000', '314800000'],
    ['en', 'Three killed on the Almaty-Bishkek highway in Korday district.', '310000000', '314800000'],
    ['kk', 'Алматы – Бішкек тас жолындағы жол апаты. Жамбыл облысы Қордай ауданының аумағында көлік соқтығысты.', '310000000', '314800000'],
    // alone, the first city still answers
    ['ru', 'На трассе Караганда – Балхаш перевернулся автобус.', '350000000', '351000000'],
  ] as const)('%s: %s', (lang, text, region, district) => {
    expect(main(lang, text)).toEqual([region, district]);
  });
});

describe('a bare district of a city the article names', () => {
  it.each([
    ['kk', 'Түрксібте такси жүргізушісін ұрып-соққан. Алматы полициясы күдіктілерді іздеп жатыр.', '750000000', '751910000'],
    ['ru', 'В Турксибе избили таксиста, сообщила полиция Алматы.', '750000000', '751910000'],
    // without its city it is no place
    ['kk', 'Медеуде жаңа мектеп ашылды.', null, null],
  ] as const)('%s: %s', (lang, text, region, district) => {
    expect(main(lang, text)).toEqual([region, district]);
  });
});

describe('names that start like a generic term', () => {
  it.each([
    // Әулиекөл is no "аул": the word is a generic term only in its own forms
    ['en', 'Will Afghans be settled in Auliekol district? Residents alarmed.', '390000000', '393600000'],
    ['kk', 'Әулиекөл ауданында жиын өтті.', '390000000', '393600000'],
    ['kk', 'Құлыкөл аулындағы үйлерге су жақындады.', '590000000', null],
  ] as const)('%s: %s', (lang, text, region, district) => {
    expect(main(lang, text)).toEqual([region, district]);
  });
});

describe("a road's destination is where the road goes, not the story", () => {
  it.each([
    ['ru', 'Жители Нарынкола пригрозили перекрыть дорогу на Кеген.', '190000000', '195800000'],
    ['en', 'Herders in Narynkol threatened to block the road to Kegen.', '190000000', '195800000'],
    // alone, the destination still answers
    ['ru', 'Авария на дороге на Кеген: погибли двое.', '190000000', '194400000'],
  ] as const)('%s: %s', (lang, text, region, district) => {
    expect(main(lang, text)).toEqual([region, district]);
  });
});

describe('a first name before a surname that is also a town', () => {
  it('Дастан Сатпаев is a footballer, not the village Дастан', () => {
    const r = geocodeDetailed({ lang: 'ru', text: 'Алматинский «Кайрат» разгромил «Тобол» — 4:0. Дубль оформил Дастан Сатпаев.' });
    expect(r.mentions.map((m) => m.code)).not.toContain('615465880');
    expect(r.district?.kato).toBe('750000000');
  });
});

describe('datelines, Kazakh case forms of -ый names, plural terms', () => {
  it.each([
    ['en', 'SARYAGASH, March 25 (RIA Novosti) - Hundreds of people queued at the checkpoint.', '610000000', '615400000'],
    ['en', 'Saryagash, March 25 - Hundreds of people queued at the checkpoint.', '610000000', '615400000'],
    ['kk', 'Рудныйда мас көршілер подъезде төбелесті.', '390000000', '392400000'],
    ['kk', 'Рудныйдагы бес кабатты уйде коршилер тобелести.', '390000000', '392400000'],
    // a plural term names no single place written in lower case
    ['ru', 'В крупных городах русский язык всё ещё доминирует.', null, null],
  ] as const)('%s: %s', (lang, text, region, district) => {
    expect(main(lang, text)).toEqual([region, district]);
  });
});

describe('Kazakh Latin of 2018 (ý is у) and where people came from', () => {
  it.each([
    ['kk', 'Almaty qalasy polıtsııa departamentiniń qyzmetkerleri Bostandyq aýdanynda alaıaqtar tobyn ustady.', '750000000', '751410000'],
    ['kk', 'Túrkistan oblysy Saýran aýdanynda jańa mektep ashyldy.', '610000000', '615500000'],
    ['ru', 'Болельщики, приехавшие из Шымкента, поддерживали команду в Алматы.', '750000000', '750000000'],
  ] as const)('%s: %s', (lang, text, region, district) => {
    expect(main(lang, text)).toEqual([region, district]);
  });
});

describe("a city district's police department (РУП, РОП) names the district", () => {
  it.each([
    ['ru', 'Задержанных доставили в Алмалинское РУП, сообщила полиция Алматы.', '750000000', '751110000'],
    ['ru', 'Мужчину доставили в Бостандыкский РОП города Алматы.', '750000000', '751410000'],
  ] as const)('%s: %s', (lang, text, region, district) => {
    expect(main(lang, text)).toEqual([region, district]);
  });
});

describe('demonyms and place adjectives in lower case (as Russian and Kazakh write them)', () => {
  it.each([
    ['ru', 'Вчера алматинцы вышли на субботник.', '750000000'],
    ['ru', 'В третьем туре шымкентский «Ордабасы» на своём поле обыграл «Жетысу» со счётом 4:1.', '790000000'],
    ['kk', 'Кеше алматылық кәсіпкер жаңа зауыт ашты.', '750000000'],
    ['kk', 'Премьер-лиганың үшінші турында шымкенттік «Ордабасы» өз алаңында 4:1 есебімен жеңді.', '790000000'],
    ['kk', 'Кеше павлодарлықтар сенбілікке шықты.', '551000000'],
  ] as const)('%s: %s', (lang, text, district) => {
    expect(g(lang, text).district?.kato).toBe(district);
  });
  it('a place named outright still wins over a demonym', () => {
    expect(g('ru', 'Вчера в Кордайском районе алматинцы провели субботник.').district?.kato).toBe('314800000');
  });
  it('a place adjective before a lake, a reservoir or a population names the feature, not the town', () => {
    expect(g('ru', 'Экологи обсудили уровень балхашского озера и капшагайского водохранилища.').region).toBeNull();
    expect(g('ru', 'Крупнейшей остаётся уральская популяция сайгаков.').region).toBeNull();
  });
  it('"Жалған" (false) closing a fact-check is no village', () => {
    expect(g('kk', 'Видео ескі екені анықталды. Қорытынды: Жалған.').region).toBeNull();
  });
});

describe('a story abroad has no district here', () => {
  it('a Kazakh dateline or expert does not place a Kyrgyz–Tajik border story in Kazakhstan', () => {
    const r = g('en', 'ASTANA – Three people were killed in a shootout on the Kyrgyz–Tajik border in Batken region, officials in Bishkek and Dushanbe said. Kyrgyzstan and Tajikistan blamed each other. An Almaty-based analyst said talks in Bishkek would resume.');
    expect(r.region).toBeNull();
    expect(r.places.some((p) => p.kato.startsWith('foreign:'))).toBe(true);
  });
  it('a story here that mentions a country abroad keeps its place', () => {
    expect(g('ru', 'В Жаркенте прошла встреча кандасов, переехавших из Китая. Аким Панфиловского района пообещал выделить участки.').district?.kato).toBe('334600000');
  });
});
