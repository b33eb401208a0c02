import { beforeAll, describe, expect, it } from 'vitest';
import { severityOf, TensionAnalyzer, yearsIn } from './analyze.ts';
import { HEADLINE_FACTOR, PEACE_CAP, PEACE_ESCALATION_FACTOR, PEACE_REPEAT_FACTOR } from './rules.ts';
import type { Evidence, EvidenceType } from '../types.ts';

let a: TensionAnalyzer;
beforeAll(() => {
  a = new TensionAnalyzer();
});

const types = (ev: Evidence[]) => new Set(ev.map((e) => e.type));
const evOf = (ev: Evidence[], t: EvidenceType) => ev.filter((e) => e.type === t);

describe('signal families, each in kk, ru and en', () => {
  const cases: Array<[EvidenceType, 'kk' | 'ru' | 'en', string, string]> = [
    ['group', 'ru', 'Казахи и узбеки живут в одном селе.', 'узбеки'],
    ['group', 'en', 'Kazakhs and Uyghurs live in the same village.', 'Uyghurs'],
    ['group', 'kk', 'Ауылда қазақтар мен дүнгендер тұрады.', 'дүнгендер'],
    ['violence', 'ru', 'Вечером в селе произошла массовая драка.', 'массовая драка'],
    ['violence', 'en', 'A mass brawl broke out in the village.', 'mass brawl'],
    ['violence', 'kk', 'Кеше ауылда жаппай төбелес болды.', 'жаппай төбелес'],
    ['hostility', 'ru', 'В посте звучали призывы к разжиганию межнациональной розни.', 'разжиганию межнациональной розни'],
    ['hostility', 'en', 'He was charged with inciting ethnic hatred online.', 'inciting ethnic hatred'],
    ['hostility', 'kk', 'Ол ұлттық араздықты қоздырды деп айыпталды.', 'ұлттық араздықты қоздырды'],
    ['mobilisation', 'ru', 'В чатах призывают собраться у акимата.', 'призывают'],
    ['mobilisation', 'en', 'Residents were urged to rally outside the akimat.', 'rally'],
    ['mobilisation', 'kk', 'Тұрғындарды әкімдік алдына жиналуға шақырды.', 'жиналуға шақырды'],
    ['rumour', 'ru', 'По селу ходят слухи о готовящейся мести.', 'слухи'],
    ['rumour', 'en', 'Rumours of revenge spread across the village.', 'Rumours'],
    ['rumour', 'kk', 'Ауылда кек алу туралы қауесет тарады.', 'қауесет'],
    ['grievance', 'ru', 'Казахские и кыргызские чабаны спорят из-за пастбищ.', 'пастбищ'],
    ['grievance', 'en', 'Kazakh and Kyrgyz herders argue over pastures.', 'pastures'],
    ['grievance', 'kk', 'Қазақ және қырғыз малшылары жайылым үшін дауласады.', 'жайылым'],
    ['peace', 'ru', 'Аксакалы провели встречу и договорились о примирении.', 'примирении'],
    ['peace', 'en', 'Elders met and agreed on reconciliation.', 'reconciliation'],
    ['peace', 'kk', 'Ақсақалдар кездесіп, татуласуға келісті.', 'татуласуға'],
  ];
  it.each(cases)('%s (%s): %s', (type, lang, text, matched) => {
    const r = a.analyze({ text, lang });
    const hits = evOf(r.evidence, type);
    expect(hits.map((e) => e.text)).toContain(matched);
    if (type === 'peace') expect(hits.every((e) => e.weight < 0)).toBe(true);
    else expect(hits.every((e) => e.weight > 0)).toBe(true);
  });

  it('derogatory forms are hostility that also names the group', () => {
    for (const text of ['Эти чурки опять понаехали.', 'Хохлы и кацапы снова спорят.']) {
      const x = a.extract({ text, lang: 'ru' });
      expect(x.rules.features.hostility).toBeGreaterThan(0);
      expect(x.rules.features.groups).toBeGreaterThan(0);
    }
  });

  it('country names do not count as ethnonyms', () => {
    for (const [text, lang] of [
      ['Казахстан и Узбекистан подписали соглашение.', 'ru'],
      ['Kazakhstan and Uzbekistan signed an agreement.', 'en'],
      ['Қазақстан мен Өзбекстан келісімге қол қойды.', 'kk'],
    ] as const) {
      expect(evOf(a.analyze({ text, lang }).evidence, 'group')).toEqual([]);
    }
  });
});

describe('co-occurrence', () => {
  it('a conflict term counts more next to a group reference than alone', () => {
    const withGroup = a.extract({ text: 'В селе произошла массовая драка между казахами и чеченцами.', lang: 'ru' });
    const alone = a.extract({ text: 'В селе произошла массовая драка после свадьбы.', lang: 'ru' });
    expect(withGroup.rules.features.conflict).toBeGreaterThan(alone.rules.features.conflict * 3);
    const adjacent = a.extract({ text: 'В селе живут казахи и чеченцы. Вечером произошла массовая драка.', lang: 'ru' });
    expect(adjacent.rules.features.conflict).toBeGreaterThan(alone.rules.features.conflict);
    expect(adjacent.rules.features.conflict).toBeLessThan(withGroup.rules.features.conflict);
  });
});

describe('negation', () => {
  it.each([
    ['ru', 'Столкновений между казахами и узбеками не было.', 'В селе произошли столкновения между казахами и узбеками.'],
    ['en', 'No clashes were reported between Kazakh and Uzbek residents.', 'Clashes were reported between Kazakh and Uzbek residents.'],
    ['kk', 'Қазақ және өзбек жастары арасында қақтығыс болған жоқ.', 'Қазақ және өзбек жастары арасында қақтығыс болды.'],
  ] as const)('%s: negated clash is not tension, the affirmative is', (lang, negated, affirmative) => {
    const n = a.analyze({ text: negated, lang });
    const p = a.analyze({ text: affirmative, lang });
    expect(types(n.evidence).has('negation')).toBe(true);
    expect(n.tension.label).toBe(0);
    expect(p.tension.label).toBe(1);
    expect(p.tension.score).toBeGreaterThan(n.tension.score);
  });

  it('a Kazakh verb negated by its suffix is a cue even when the lexicon does not list it', () => {
    const r = a.extract({ text: 'Қазақ және өзбек жастары арасында жанжал тіркелмепті.', lang: 'kk' });
    expect(r.rules.features.negated).toBe(1);
    expect(r.rules.features.conflict).toBe(0);
    // ... including inside a matched phrase: "зардап шекпеді" (did not suffer).
    const p = a.extract({ text: 'Қазақ және дүнген жастары зардап шекпеді.', lang: 'kk' });
    expect(p.rules.features.negated).toBe(1);
    const yes = a.extract({ text: 'Қазақ және дүнген жастары зардап шекті.', lang: 'kk' });
    expect(yes.rules.features.negated).toBe(0);
    expect(yes.rules.features.conflict).toBeGreaterThan(0);
  });

  it('Russian "не" negates only what follows it', () => {
    const r = a.extract({ text: 'В чатах звучат призывы к казахам «не отдавать город».', lang: 'ru' });
    expect(r.rules.features.negated).toBe(0);
    expect(r.rules.features.mobilisation).toBeGreaterThan(0);
  });

  it('"не менее" / "no fewer than" do not negate', () => {
    const r = a.extract({ text: 'В драке между казахами и чеченцами погибли не менее пяти человек.', lang: 'ru' });
    expect(r.rules.features.negated).toBe(0);
    const e = a.extract({ text: 'No fewer than five people were killed in the clash between Kazakh and Chechen youths.', lang: 'en' });
    expect(e.rules.features.negated).toBe(0);
  });
});

describe('denial: evidence, and it does not cancel a real incident', () => {
  it.each([
    ['ru', 'В селе произошла массовая драка между казахами и дунганами, пострадали 12 человек. Аким заявил, что конфликт не носит межнационального характера.'],
    ['en', 'Twelve people were injured in a mass brawl between Kazakh and Dungan youths. The akim said it was not an ethnic conflict.'],
    ['kk', 'Ауылда қазақ және дүнген жастары арасында жаппай төбелес болып, 12 адам зардап шекті. Әкім бұл ұлтаралық қақтығыс емес деді.'],
  ] as const)('%s', (lang, text) => {
    const r = a.analyze({ text, lang });
    const denials = evOf(r.evidence, 'denial');
    expect(denials.length).toBe(1);
    expect(denials[0]!.weight).toBeLessThan(0);
    expect(r.tension.label).toBe(1);
    expect(['group_clash', 'brawl']).toContain(r.tension.severity);
  });

  it('the denied words are not counted as an interethnic reference', () => {
    const r = a.extract({ text: 'Полиция сообщает, что инцидент не носит межнационального характера.', lang: 'ru' });
    expect(r.rules.features.interethnic).toBe(0);
    expect(r.rules.features.denials).toBe(1);
  });
});

describe('historical framing', () => {
  const cases = [
    ['ru', 'В феврале 2020 года в Кордайском районе произошли столкновения между казахами и дунганами, погибли 11 человек. В 2025 году жители отметили годовщину трагедии.', 'В Кордайском районе произошли столкновения между казахами и дунганами, погибли 11 человек.'],
    ['en', 'Five years ago, in 2020, clashes between Kazakhs and Dungans killed 11 people. This week residents marked the anniversary.', 'Clashes between Kazakhs and Dungans killed 11 people in Korday district.'],
    ['kk', 'Бес жыл бұрын, 2020 жылы, Қордайда қазақтар мен дүнгендер арасында қақтығыс болып, 11 адам қаза тапты. Биыл тұрғындар оқиғаның жылдығын еске алды.', 'Қордайда қазақтар мен дүнгендер арасында қақтығыс болып, 11 адам қаза тапты.'],
  ] as const;
  it.each(cases)('%s: an anniversary piece scores below the same events reported as news', (lang, past, present) => {
    const h = a.analyze({ text: past, lang });
    const p = a.analyze({ text: present, lang });
    expect(types(h.evidence).has('historical')).toBe(true);
    expect(h.tension.label).toBe(0);
    expect(p.tension.label).toBe(1);
    expect(p.tension.severity).toBe('killing');
  });
});

describe('peace signals lower the score', () => {
  it.each([
    ['ru', 'Между казахской и дунганской молодёжью произошла ссора.', ' Аксакалы провели встречу, стороны договорились о примирении, Ассамблея народа Казахстана организовала диалог.'],
    ['en', 'A quarrel broke out between Kazakh and Dungan youths.', ' Elders held a meeting, the sides agreed on reconciliation and the Assembly of People of Kazakhstan organised a dialogue.'],
    ['kk', 'Қазақ және дүнген жастары арасында жанжал болды.', ' Ақсақалдар жиналып, тараптар татуласты, Қазақстан халқы Ассамблеясы диалог ұйымдастырды.'],
  ] as const)('%s', (lang, incident, peace) => {
    const without = a.analyze({ text: incident, lang });
    const withPeace = a.analyze({ text: incident + peace, lang });
    expect(evOf(withPeace.evidence, 'peace').length).toBeGreaterThanOrEqual(2);
    expect(withPeace.tension.score).toBeLessThan(without.tension.score);
  });
});

describe('severity tiers', () => {
  it.each([
    ['Между казахами и чеченцами произошла ссора.', 'quarrel'],
    ['Казахи и чеченцы подрались возле кафе, есть пострадавшие.', 'brawl'],
    ['Между казахами и чеченцами произошли массовые беспорядки.', 'group_clash'],
    ['После столкновения казахов и дунган толпа сожгла несколько домов.', 'pogrom'],
    ['В столкновении между казахами и дунганами погибли четыре человека.', 'killing'],
  ])('%s → %s', (text, severity) => {
    expect(severityOf(1, a.extract({ text, lang: 'ru' }).rules)).toBe(severity);
    // As a news item (headline + body) it is labelled tension with that tier.
    const r = a.analyze({ title: 'Происшествие в селе', text: `${text} Полиция проводит проверку.`, lang: 'ru' });
    expect(r.tension).toMatchObject({ label: 1, severity });
  });

  it('label 0 has severity none', () => {
    const r = a.analyze({ text: 'В Костанае прошёл фестиваль немецкой культуры.', lang: 'ru' });
    expect(r.tension).toMatchObject({ label: 0, severity: 'none' });
  });
});

describe('headline and quotes', () => {
  it('the headline is sentence 0 and weighs more', () => {
    const body = 'Полиция проводит проверку.';
    const r = a.analyze({ title: 'Массовая драка между казахами и чеченцами', text: body, lang: 'ru' });
    const inTitle = evOf(r.evidence, 'violence').find((e) => e.sentence === 0)!;
    const b = a.analyze({ text: `Массовая драка между казахами и чеченцами. ${body}`, lang: 'ru' });
    const inBody = evOf(b.evidence, 'violence').find((e) => e.sentence === 0)!;
    expect(inTitle.weight).toBeCloseTo(inBody.weight * HEADLINE_FACTOR, 5);
    expect(r.tension.score).toBeGreaterThan(b.tension.score);
  });

  it('terms inside a short quotation (a name) count little', () => {
    const named = a.extract({ text: 'Казахские и узбекские артисты показали спектакль «Война».', lang: 'ru' });
    const plain = a.extract({ text: 'Казахские и узбекские парни начали войну.', lang: 'ru' });
    expect(named.rules.features.conflict).toBeLessThan(plain.rules.features.conflict / 2);
  });

  it('evidence text is the surface text of the article', () => {
    const text = 'Вечером КАЗАХИ и Чеченцы устроили массовую драку.';
    const r = a.analyze({ text, lang: 'ru' });
    for (const e of r.evidence.filter((x) => x.type !== 'classifier')) expect(text).toContain(e.text);
  });
});

describe('foreign framing', () => {
  it.each([
    ['en', 'Ethnic clashes in Nigeria', 'Clashes between Fulani herders and Berom farmers in Nigeria killed dozens; houses were burned in Plateau state, Nigeria.', 'Ethnic clashes in Shymkent', 'Clashes between Kazakh and Uzbek youths in Shymkent left dozens injured; houses were burned, the akim said.'],
    ['ru', 'Межэтнические столкновения в Судане', 'В Судане в ходе межэтнических столкновений погибли десятки человек, в Дарфуре сожжены дома.', 'Межэтнические столкновения в Шымкенте', 'В Шымкенте в ходе столкновений между казахскими и узбекскими парнями пострадали десятки человек, сожжены дома.'],
    ['kk', 'Үндістанда этникалық қақтығыс', 'Үндістанның Манипур штатында этникалық қақтығыстарда ондаған адам қаза тапты, Үндістан билігі әскер енгізді.', 'Шымкентте ұлтаралық қақтығыс', 'Шымкентте қазақ және өзбек жастары арасындағы қақтығыста ондаған адам зардап шекті, үйлер өртелді.'],
  ] as const)('%s: a conflict abroad is out of scope, the same at home is not', (lang, ft, fx, dt, dx) => {
    const abroad = a.analyze({ title: ft, text: fx, lang });
    const home = a.analyze({ title: dt, text: dx, lang });
    expect(types(abroad.evidence).has('foreign')).toBe(true);
    expect(abroad.tension.label).toBe(0);
    expect(home.tension.label).toBe(1);
  });
});

describe('Kazakh in Latin script', () => {
  it.each([
    ['2021 alphabet', 'Qordai audanynda qazaq jäne düngen jastary arasynda jappai töbeles boldy. Bes adam jaraqat aldy.'],
    ['2018 acute alphabet', 'Qordaı aýdanynda qazaq jáne dúngen jastary arasynda jappaı tóbeles boldy. Bes adam jaraqat aldy.'],
    ['informal ASCII', 'Kordai audanynda kazak jane dungen zhastary arasynda zhappai tobeles boldy. Bes adam zharakat aldy.'],
  ])('%s: detected as kk, groups and the clash matched', (_name, text) => {
    const r = a.analyze({ title: 'Auyldağy oqiğa', text });
    expect(r.lang).toBe('kk');
    expect(evOf(r.evidence, 'group').length).toBeGreaterThanOrEqual(2);
    expect(r.tension).toMatchObject({ label: 1, severity: 'group_clash' });
  });
});

describe('score contract', () => {
  it('score is in [0,1] and the language is detected when no hint is given', () => {
    const r = a.analyze({ text: 'Ауылда жаппай төбелес болды, қазақ және шешен жастары жарақат алды.' });
    expect(r.lang).toBe('kk');
    expect(r.tension.score).toBeGreaterThanOrEqual(0);
    expect(r.tension.score).toBeLessThanOrEqual(1);
  });
});

describe('false friends: stemming collisions and loose entries', () => {
  const none = (lang: 'kk' | 'ru' | 'en', text: string, t: EvidenceType) => evOf(a.analyze({ text, lang }).evidence, t);
  it.each([
    ['en', 'A pensioner suffered minor injuries when his car slid off the road.', 'group'],
    ['en', 'Neighbours brought water and blankets to the Kazakh family whose house flooded.', 'grievance'],
    ['en', 'Two men argued outside a shop on Abay Avenue.', 'hostility'],
    ['en', 'Petty crime fell by a tenth in Kostanay this year.', 'foreign' as EvidenceType],
    ['en', 'Tens of Russian families visited the theatre.', 'violence'],
    ['ru', 'Водители грузовиков простояли в пробке четыре часа.', 'grievance'],
    ['ru', 'Русские и казахские школьники убрали место у памятника.', 'hostility'],
    ['ru', 'Это единственный корейский театр в стране.', 'peace'],
    ['ru', 'Участковый инспектор провёл встречу с узбекскими семьями.', 'grievance'],
    ['ru', 'Немецкий культурный центр собирается открыть курсы.', 'mobilisation'],
    ['kk', 'Жастар кешке дейін сол жерде қалды, қалғандары үйге кетті.', 'group'],
    ['kk', 'Ауылдан қалаға дейін он бес шақырым.', 'mobilisation'],
    ['kk', 'Ұйғыр музыкасының алтын дәуірі туралы кітап шықты.', 'violence'],
    ['kk', 'Дүнген жастары олимпиадаға қатысты.', 'violence'],
    ['kk', 'Өзбек диаспорасы тұрақты жұмыс орындарын ашты.', 'peace'],
  ] as Array<['kk' | 'ru' | 'en', string, EvidenceType]>)('%s: %s has no %s evidence', (lang, text, t) => {
    expect(none(lang, text, t)).toEqual([]);
  });
  it('the real words still match', () => {
    expect(evOf(a.analyze({ lang: 'en', text: 'Ethnic minorities complained of being treated as outsiders.' }).evidence, 'hostility').length).toBe(1);
    expect(evOf(a.analyze({ lang: 'ru', text: 'Уйгуры и казахи не могут поделить воду из арыка, звучат угрозы мести.' }).evidence, 'hostility').length).toBeGreaterThanOrEqual(1);
    expect(evOf(a.analyze({ lang: 'kk', text: 'Қалмақтар мен қазақтар арасында дау шықты.' }).evidence, 'group').length).toBeGreaterThanOrEqual(2);
  });
});

describe('a fight with no group reference stays below the label threshold', () => {
  it.each([
    ['en', 'Two taxi drivers fight over a parking space in Semey', 'Two taxi drivers got into a fistfight outside a supermarket in Semey on Friday after arguing over a parking space. One of them suffered minor injuries; a passer-by brought water and called an ambulance. Police fined both men for hooliganism.'],
    ['ru', 'В Семее таксисты подрались из-за парковки', 'Двое таксистов подрались у супермаркета в Семее, не поделив парковочное место. Один из них получил лёгкие травмы, прохожие вызвали скорую. Полиция оштрафовала обоих за мелкое хулиганство.'],
    ['kk', 'Семейде екі такси жүргізушісі көлік тұрағы үшін төбелесті', 'Жұма күні Семейдегі супермаркет алдында екі такси жүргізушісі көлік тұрағын бөлісе алмай төбелесіп қалды. Біреуі жеңіл жарақат алды. Полиция екеуіне де ұсақ бұзақылық үшін айыппұл салды.'],
  ] as const)('%s', (lang, title, text) => {
    const r = a.analyze({ title, text, lang });
    expect(r.tension.label).toBe(0);
    expect(evOf(r.evidence, 'group')).toEqual([]);
  });
  it('the same fight between named groups is label 1', () => {
    const r = a.analyze({
      lang: 'ru',
      title: 'В Семее подрались казахские и чеченские таксисты',
      text: 'Двое казахских и трое чеченских таксистов подрались у супермаркета в Семее. Один получил травмы, в чатах звучат призывы «разобраться».',
    });
    expect(r.tension.label).toBe(1);
  });
});

describe('Kazakh adjective forms of peoples (-лық/-лік/-дық/-дік/-тық/-тік)', () => {
  it.each([
    ['қытайлық', 'chinese'], ['қытайлықтар', 'chinese'], ['кореялық', 'korean'], ['түркиялық', 'turkish'], ['украиналық', 'ukrainian'],
    ['армениялық', 'armenian'], ['грузиялық', 'georgian'], ['әзірбайжандық', 'azerbaijani'], ['дағыстандық', 'dagestani'], ['кавказдық', 'caucasian'],
    ['өзбекстандықтарға', 'foreigner'], ['тәжікстандық', 'foreigner'], ['қырғызстандық', 'foreigner'], ['қарақалпақстандық', 'karakalpak'], ['татарстандық', 'tatar'],
  ])('%s names a group', (word) => {
    const r = a.analyze({ lang: 'kk', text: `Базарда ${word} саудагерлер мен жергілікті тұрғындар арасында жанжал болды.` });
    expect(evOf(r.evidence, 'group').map((e) => e.text.toLowerCase())).toContain(word);
  });
  it('шешендік (eloquence) is not a Chechen reference', () => {
    expect(evOf(a.analyze({ lang: 'kk', text: 'Оқушылар шешендік өнер сайысында жеңіске жетті.' }).evidence, 'group')).toEqual([]);
  });
});

describe('grievances need a conflict next to them', () => {
  it.each([
    ['en', 'Kazakh and Uzbek volunteers brought water to the flooded village.'],
    ['ru', 'Казахские и узбекские волонтёры привезли воду в подтопленное село.'],
    ['kk', 'Қазақ және өзбек еріктілері су басқан ауылға ауыз су жеткізді.'],
  ] as const)('no grievance without a conflict term: %s', (lang, text) => {
    expect(evOf(a.analyze({ lang, text }).evidence, 'grievance')).toEqual([]);
  });
});

describe('peace signals during escalation', () => {
  const cases = [
    ['ru', 'Спор за воду между уйгурскими и казахскими фермерами обостряется',
      'Уйгурские и казахские фермеры двух соседних сёл вторую неделю спорят из-за воды в канале. Жители пригрозили перекрыть трассу, если акимат не вмешается.',
      ' Аким встретился с аксакалами, совет старейшин обещал помочь.'],
    ['en', 'Water row between Uyghur and Kazakh farmers escalates',
      'Uyghur and Kazakh farmers in two neighbouring villages have argued over canal water for two weeks. Villagers threatened to block the highway if the akimat does not step in.',
      ' The akim met the elders; the council of elders promised to help.'],
    ['kk', 'Ұйғыр және қазақ фермерлері арасындағы су дауы ушығып барады',
      'Көрші екі ауылдың ұйғыр және қазақ фермерлері екі аптадан бері арықтағы су үшін дауласып жүр. Тұрғындар әкімдік араласпаса, трассаны жабамыз деп қорқытты.',
      ' Әкім ақсақалдармен кездесті, ақсақалдар кеңесі көмектесуге уәде берді.'],
  ] as const;
  it.each(cases)('%s: elders do not cancel a threat to block a road', (lang, title, text, elders) => {
    const r = a.analyze({ lang, title, text: text + elders });
    expect(r.tension.label).toBe(1);
    const peace = evOf(r.evidence, 'peace');
    expect(peace.length).toBeGreaterThanOrEqual(2);
    // capped and halved: all peace cues together weigh at most half of PEACE_CAP
    expect(-peace.reduce((s, e) => s + e.weight, 0)).toBeLessThanOrEqual(PEACE_CAP * PEACE_ESCALATION_FACTOR + 1e-9);
  });
  it('without escalation every peace cue keeps its full weight', () => {
    const r = a.analyze({ lang: 'ru', text: 'Аксакалы и совет старейшин помирили две семьи, поссорившиеся из-за межи.' });
    expect(evOf(r.evidence, 'peace').every((e) => e.weight <= -0.7)).toBe(true);
  });
});

describe('citizenship of a foreign state is a group reference only with group framing', () => {
  const label = (lang: 'kk' | 'ru' | 'en', title: string, text: string) => a.analyze({ lang, title, text });
  it.each([
    ['ru', 'Гражданин Узбекистана погиб в ДТП', 'Гражданин Узбекистана погиб в ДТП на трассе Алматы – Бишкек. Водитель легкового автомобиля не справился с управлением и выехал на встречную полосу. Полиция начала расследование.'],
    ['kk', 'Өзбекстан азаматы жол апатында қаза тапты', 'Өзбекстан азаматы жол апатында қаза тапты. Жүргізуші көлікті басқара алмай, қарсы жолаққа шығып кеткен. Полиция тергеу бастады.'],
    ['en', 'Kyrgyz national dies in road accident', 'A Kyrgyz national died in a road accident on the highway near Taraz. The driver lost control of the car and hit a truck. Police have opened an investigation.'],
    ['en', 'Two detained for theft at a market', 'Two citizens of Tajikistan were detained for theft at a market. They stole phones from a stall and beat a guard. A criminal case was opened.'],
    ['ru', 'На стройке погиб рабочий', 'На стройке в Актобе с высоты упал рабочий из Китая. Он погиб на месте. Проводится проверка соблюдения техники безопасности.'],
    ['ru', 'ДТП на трассе', 'В результате столкновения грузовика и легкового автомобиля на трассе погиб гражданин Китая. Водитель грузовика задержан.'],
  ] as const)('%s: an accident or a crime naming a foreign citizen is label 0 (%s)', (lang, title, text) => {
    const r = label(lang, title, text);
    expect(r.tension.label).toBe(0);
    expect(evOf(r.evidence, 'group').every((e) => e.weight === 0)).toBe(true);
  });
  it.each([
    ['ru', 'Массовая драка в Актау', 'В Актау произошла массовая драка между местными жителями и гражданами Узбекистана. Пострадали пять человек.'],
    ['en', 'Mass brawl in Aktau', 'A mass brawl broke out in Aktau between local residents and citizens of Uzbekistan. Five people were injured.'],
    ['kk', 'Ақтауда жаппай төбелес', 'Ақтауда жергілікті тұрғындар мен Өзбекстан азаматтары арасында жаппай төбелес болды. Бес адам жарақат алды.'],
    ['ru', 'Драка у общежития', 'Ночью у общежития местные парни и граждане Кыргызстана устроили драку. Трое задержаны.'],
    ['ru', 'Призывы выгнать мигрантов', 'В соцсетях распространяют посты с призывами выгнать граждан Узбекистана из города. Полиция проводит проверку по статье о разжигании розни.'],
    ['en', 'Hate posts against foreign workers', 'Posts calling to drive out citizens of Uzbekistan spread on social media. Police opened a case for inciting ethnic hatred.'],
    ['kk', 'Шетелдіктерге қарсы үндеу', 'Әлеуметтік желіде Қытай азаматтарын ауылдан қуып шығуға шақырған жазбалар тарады. Полиция ұлтаралық араздықты қоздыру фактісі бойынша тексеру бастады.'],
    ['ru', 'Массовая драка с мигрантами', 'В Актау произошла массовая драка между местными жителями и трудовыми мигрантами. Пострадали пять человек.'],
    ['en', 'Uzbek-owned shops attacked', 'Unknown men smashed windows and set fire to three Uzbek-owned shops in the village overnight. Residents said the attackers shouted insults.'],
  ] as const)('%s: framed along group lines it stays label 1 (%s)', (lang, title, text) => {
    expect(label(lang, title, text).tension.label).toBe(1);
  });
});

describe('peoples and places are weighed alike', () => {
  // Names of peoples, regions and countries give the classifier no feature: the same event scores
  // the same whichever people or place it names.
  const same = (texts: string[]) => {
    const scores = texts.map((t) => a.analyze({ text: t }).tension);
    for (const s of scores.slice(1)) expect(s).toEqual(scores[0]);
  };
  it('in Russian', () => {
    same([
      'Киргизы и казахи подрались в селе, есть пострадавшие.',
      'Узбеки и казахи подрались в селе, есть пострадавшие.',
      'Уйгуры и дунгане подрались в селе, есть пострадавшие.',
      'Чеченцы и русские подрались в селе, есть пострадавшие.',
    ]);
    same(['В Жамбылской области подрались киргизы и казахи.', 'В Туркестанской области подрались киргизы и казахи.']);
  });
  it('in Kazakh', () => {
    same([
      'Ауылда қырғыздар мен қазақтар төбелесіп, зардап шеккендер бар.',
      'Ауылда өзбектер мен қазақтар төбелесіп, зардап шеккендер бар.',
      'Ауылда ұйғырлар мен дүнгендер төбелесіп, зардап шеккендер бар.',
    ]);
  });
  it('in English', () => {
    same([
      'Kyrgyz and Kazakh villagers clashed; several were injured.',
      'Uzbek and Kazakh villagers clashed; several were injured.',
      'Uyghur and Dungan villagers clashed; several were injured.',
    ]);
  });
});

describe('stems shared with a place abroad', () => {
  it('газ (gas) is not Газа: Russian names of places abroad match by their case forms as written, Gaza with its sector', () => {
    expect(evOf(a.analyze({ title: 'Протест против цен на газ', text: 'Жители Жанаозена вышли на площадь против повышения цен на сжиженный газ.' }).evidence, 'foreign')).toEqual([]);
    expect(evOf(a.analyze({ text: 'Столкновения в секторе Газа унесли жизни десятков людей.' }).evidence, 'foreign').map((e) => e.text)).toEqual(['секторе Газа']);
  });
});

describe('stems shared with a hostility word', () => {
  it('"replace" is not "replacement": a stem shared with a hostility word is matched as written', () => {
    expect(evOf(a.analyze({ text: 'Phone makers rush to replace fingerprint readers.' }).evidence, 'hostility')).toEqual([]);
    expect(evOf(a.analyze({ text: 'They spread the great replacement conspiracy about migrants.' }).evidence, 'hostility').map((e) => e.text)).toContain('replacement');
  });
});

describe('English colour words', () => {
  it('black and white are a people only as a plural noun or before a person noun', () => {
    const groups = (text: string) => evOf(a.analyze({ text }).evidence, 'group').map((e) => e.text);
    for (const text of [
      'Investigators recovered the black box after the crash that killed 12 people.',
      'Police raided a black market for weapons; two suspects were injured.',
      'Shoppers clashed with guards during Black Friday sales.',
      'The ministry published a white paper on violence in schools.',
      'A blacksmith was injured in the fire.',
    ]) {
      expect(groups(text), text).toEqual([]);
      expect(a.analyze({ title: text.slice(0, 30), text }).tension.label, text).toBe(0);
    }
    expect(groups('A Black student was beaten by a group shouting racist slurs.')).toEqual(['Black student']);
    expect(groups('Whites and blacks clashed in the stands.')).toEqual(['Whites', 'blacks']);
    expect(groups('Black residents said they feel targeted.')).toEqual(['Black residents']);
  });
});

describe('accidents', () => {
  // Deaths and injuries in a crash, fire or collapse are not violence between people, whoever the
  // victims are; a fight, an attack or arson in the same sentence still is.
  const cases: Array<['kk' | 'ru' | 'en', string, string, 0 | 1]> = [
    ['ru', 'Мигранты погибли при пожаре на стройке', 'Трое трудовых мигрантов погибли при пожаре на строительной площадке в Астане, сообщили в ДЧС.', 0],
    ['ru', 'Рабочие из Узбекистана погибли при обрушении', 'Двое рабочих из Узбекистана погибли при обрушении стены на стройке в Шымкенте.', 0],
    ['kk', 'Құрылыста өрт: үш мигрант қаза тапты', 'Астанадағы құрылыс алаңында болған өрттен үш еңбек мигранты қаза тапты.', 0],
    ['en', 'Russian tourist dies in Almaty crash', 'A Russian tourist was killed in a car crash on Al-Farabi Avenue in Almaty, police said.', 0],
    ['en', 'Chinese workers die in mine collapse', 'Two Chinese workers died when a mine shaft collapsed near Karaganda.', 0],
    ['ru', 'Пожар после погрома', 'После нападения толпы на дома дунган начался пожар, несколько человек пострадали.', 1],
    ['kk', 'Ауылда дүнгендердің үйлері өртелді', 'Топ дүнген отбасыларының үйлерін өртеп жіберді, өрттен бірнеше адам зардап шекті.', 1],
    ['en', 'Mob sets fire to Dungan homes', 'A fire broke out after a mob attacked and set fire to Dungan homes; several people were injured.', 1],
  ];
  for (const [lang, title, text, label] of cases) {
    it(`${lang}: ${title} → ${label}`, () => {
      const r = a.analyze({ title, text });
      expect(r.tension.label).toBe(label);
      expect(types(r.evidence).has('accident')).toBe(true);
    });
  }
});

describe('one person of a people', () => {
  // "An Uzbek man stabbed his neighbour" is a crime report, not intergroup: the person counts as a
  // group reference only when the article frames events along group lines.
  const cases: Array<[string, string, 0 | 1]> = [
    ['Police detain man over stabbing', 'Police in Shymkent detained a 30-year-old Uzbek man suspected of stabbing his neighbour during a quarrel over a debt.', 0],
    ['Шымкентте пышақ жарақаты', 'Шымкентте 30 жастағы өзбек ер адам қарызға байланысты дау кезінде көршісін пышақтап жаралады.', 0],
    ['Fight in Shymkent market', 'A Kazakh man and an Uzbek man fought at a market in Shymkent; both were injured.', 1],
    ['Базардағы төбелес', 'Шымкент базарында қазақ жігіт пен өзбек жігіт төбелесіп, екеуі де жараланды.', 1],
    ['Uzbek man beaten by nationalists', 'An Uzbek man was beaten by a group of young men shouting nationalist slogans in Shymkent.', 1],
  ];
  for (const [title, text, label] of cases) {
    it(`${title} → ${label}`, () => {
      expect(a.analyze({ title, text }).tension.label).toBe(label);
    });
  }
});

describe('group events with no people named', () => {
  // Officials often avoid naming peoples (Korday 2020 was first reported as a mass brawl): a mass
  // brawl, clashes or a riot are group events and are not capped as a mere fight.
  for (const [title, text] of [
    ['Сортөбеде жаппай төбелес', 'Қордай ауданының Сортөбе ауылында жаппай төбелес болып, бірнеше адам жараланды, ауылға қосымша полиция күштері жіберілді.'],
    ['Массовая драка в Сортобе', 'В селе Сортобе Кордайского района произошла массовая драка между жителями, есть пострадавшие, в село стянуты силы полиции.'],
    ['Mass brawl in Sortobe', 'A mass brawl broke out in the village of Sortobe in Korday district; several people were injured and police reinforcements were sent.'],
  ]) {
    it(`${title} → 1, group_clash`, () => {
      expect(a.analyze({ title, text }).tension).toMatchObject({ label: 1, severity: 'group_clash' });
    });
  }
  it('a brawl between two people or two colleges stays capped', () => {
    const r = a.analyze({ title: 'Students from two colleges brawl', text: 'Police detained 12 young people after a brawl between students of two colleges in a city park. Three were injured.' });
    expect(r.tension.label).toBe(0);
  });
});

describe('an accident story', () => {
  it('explains the injuries of its follow-up sentences too, when nobody is said to fight', () => {
    const r = a.analyze({
      title: 'Minibus with Turkish tourists overturns',
      text: 'Nine people were injured when a minibus carrying tourists overturned near Turkistan. Five of the injured are Turkish citizens, the Kazakh driver among the others. Two of them were taken to hospital with head injuries.',
    });
    expect(r.tension.label).toBe(0);
  });
});

describe('"under control"', () => {
  // What officials say after an incident: it barely lowers the risk of the incident it follows.
  for (const [title, text] of [
    ['Қордайда жанжал', 'Қордай ауданында жергілікті тұрғындар мен дүнгендер арасында жанжал болды, полиция жағдайды бақылауға алды.'],
    ['Конфликт в Кордае', 'В Кордайском районе произошёл конфликт между местными жителями и дунганами, полиция сообщила, что ситуация под контролем.'],
    ['Quarrel in Korday', 'A quarrel broke out between local residents and Dungans in Korday district; police said the situation was under control.'],
  ]) {
    it(`${title} → 1`, () => {
      expect(a.analyze({ title, text }).tension.label).toBe(1);
    });
  }
});

describe('prevention', () => {
  // Preventing a conflict says it did not happen (a negation) and is peace work.
  it.each([
    ['kk', 'Ұлтаралық қақтығыстың алдын алу', 'Жамбыл облысында медиаторлар ауыл тұрғындары арасындағы ұлтаралық шиеленісті болдырмау үшін кездесу өткізді.'],
    ['ru', 'Предотвращение межнациональных конфликтов', 'В Жамбылской области медиаторы провели встречу с жителями сёл, чтобы предотвратить межнациональную напряжённость.'],
    ['en', 'Preventing interethnic conflict', 'Mediators in Zhambyl region met villagers to prevent interethnic tension.'],
  ] as const)('%s: %s → 0', (_lang, title, text) => {
    const r = a.analyze({ title, text });
    expect(r.tension.label).toBe(0);
    expect(types(r.evidence).has('negation')).toBe(true);
  });
  it('"алдын ала" (preliminary) is no prevention', () => {
    const r = a.analyze({ title: 'Ауылда жаппай төбелес', text: 'Алдын ала мәлімет бойынша, ауылда қазақ және ұйғыр жастары арасында жаппай төбелес болды, бес адам жараланды.' });
    expect(r.tension.label).toBe(1);
  });
});

describe('hyphenated words are read by their parts', () => {
  it.each([
    ['ru', 'Ночью подожгли два дома турок-месхетинцев в селе под Талгаром.', 'турок-месхетинцев'],
    ['ru', 'Мигранты-узбеки и местные жители подрались у рынка.', 'Мигранты-узбеки'],
    ['ru', 'Покупатель потребовал говорить по-казахски, началась перепалка.', 'по-казахски'],
  ] as const)('%s: %s', (lang, text, word) => {
    const r = a.analyze({ text, lang });
    expect(evOf(r.evidence, 'group').map((e) => e.text)).toContain(word);
  });
});

describe('chants and calls keep their weight inside a short quotation', () => {
  it.each([
    ['ru', 'Ночью у домов дунганских семей кричали «Уезжайте отсюда!»', 'Уезжайте'],
    ['en', 'Men outside the Uyghur families\' houses shouted "leave our village".', 'leave our village'],
    ['kk', 'Түнде дүнген отбасыларының үйі алдында «Кетіңдер!» деп айқайлады.', 'Кетіңдер'],
  ] as const)('%s: %s', (lang, text, word) => {
    const r = a.analyze({ text, lang });
    const h = evOf(r.evidence, 'hostility').find((e) => e.text === word);
    expect(h?.weight).toBeGreaterThanOrEqual(0.5);
  });
  it('a quoted film title stays a name, not a threat', () => {
    const r = a.analyze({ lang: 'ru', title: 'Премьера', text: 'В Астане показали фильм «Резня» с участием казахских и узбекских актёров.' });
    expect(r.tension.label).toBe(0);
  });
});

describe('refugees are a status, not an act of violence', () => {
  it.each([
    ['en', 'Ukrainian centre in Karaganda raises money for refugees', 'The Ukrainian ethnocultural centre held a charity evening for refugee families from Kharkiv who settled in Karaganda region; Kazakh and Russian choirs took part.'],
    ['ru', 'Украинский центр в Караганде помогает беженцам', 'Украинский этнокультурный центр провёл благотворительный вечер для семей беженцев, поселившихся в Карагандинской области; выступили казахский и русский хоры.'],
    ['kk', 'Қарағандыдағы украин орталығы босқындарға көмектесті', 'Украин этномәдени орталығы облысқа қоныстанған босқын отбасыларына қайырымдылық кешін өткізді, қазақ және орыс хорлары өнер көрсетті.'],
  ] as const)('%s: %s → 0', (lang, title, text) => {
    expect(a.analyze({ lang, title, text }).tension.label).toBe(0);
  });
  it('people who fled still count', () => {
    const r = a.analyze({ lang: 'en', title: 'Dungan families flee after night of arson', text: 'Dozens of Dungan families fled the village after a crowd set fire to their houses, police said.' });
    expect(r.tension.label).toBe(1);
    expect(r.tension.severity).toBe('pogrom');
  });
});

describe('expulsion leaflets and the discord article', () => {
  it.each([
    ['en', 'Leaflets found in Kostanay mailboxes', 'Leaflets telling Ukrainians to pack their suitcases and leave were found in several buildings; police opened a case under Article 174.'],
    ['ru', 'Листовки в почтовых ящиках Костаная', 'В нескольких домах нашли листовки, призывающие украинцев собирать чемоданы; полиция возбудила дело по статье 174.'],
  ] as const)('%s: %s → 1', (lang, title, text) => {
    expect(a.analyze({ lang, title, text }).tension.label).toBe(1);
  });
});

describe('a mass fight is a group event', () => {
  it('en: "mass fight" is group_clash', () => {
    const r = a.analyze({ lang: 'en', text: 'A mass fight broke out between local youths and seasonal workers from Uzbekistan in a village of Shardara district.' });
    expect(r.tension.label).toBe(1);
    expect(r.tension.severity).toBe('group_clash');
  });
});

describe('a retrospective dated years back', () => {
  it('reads the years 1900–2099 that stand as numbers of their own', () => {
    const cases = ['В 2020 году', '2007-2011 жылдары', 'in 1986, and 2022.', '12020 20201 x2020 2020x 2020ж 1899 2100', '19 20 19x', '(2011)'];
    for (const t of cases) expect(yearsIn(t), t).toEqual([...t.matchAll(/\b(19\d\d|20\d\d)\b/g)].map((m) => Number(m[1])));
    expect(yearsIn('2007-2011 жылдары')).toEqual([2007, 2011]);
  });
  it('the story told after "in March 2007" is history, even with no later year named', () => {
    const r = a.analyze({
      lang: 'en',
      title: 'What the village learnt from 2007',
      text: 'In March 2007 the name of the village was on every news agency. A fight in a cafe between Kazakh and Chechen youths ended with several deaths and the torching of houses. Today the village looks like any other along the highway, the columnist writes.',
    });
    expect(r.tension.label).toBe(0);
  });
});

describe('a repeated peace cue counts less each time', () => {
  it('"мереке" said four times is not four festivals', () => {
    const r = a.analyze({
      lang: 'kk',
      title: 'Павлодар қала күнін тойлады',
      text: 'Павлодар демалыс күндері мерекені атап өтті. Мереке аясында саябақта жәрмеңке өтті. Түнде аулада қазақ және орыс жастары арасында тіл туралы дау шығып, төбелеске ұласты. Мереке күндері көлік түнге дейін қатынады.',
    });
    const festive = evOf(r.evidence, 'peace').filter((e) => /^мереке/i.test(e.text));
    expect(festive.length).toBe(3);
    expect(festive[1]!.weight).toBeCloseTo(festive[0]!.weight * PEACE_REPEAT_FACTOR, 5);
    expect(festive[2]!.weight).toBeCloseTo(festive[0]!.weight * PEACE_REPEAT_FACTOR, 5);
  });
});

describe('a retrospective goes on until the story returns to the present', () => {
  const text = (tail: string) =>
    `В марте 2007 года в селе произошли столкновения. После драки в кафе толпа подожгла дома курдских семей. Несколько человек были осуждены. ${tail}`;
  it('the sentences after the dated one are history', () => {
    const r = a.analyze({ lang: 'ru', title: 'Что произошло в 2007 году', text: text('Сейчас в селе спокойно, работает школа.') });
    expect(r.tension.label).toBe(0);
  });
  it('a present-time cue ends it: the fresh incident counts', () => {
    const r = a.analyze({ lang: 'ru', title: 'Новая драка в селе', text: text('Вчера вечером толпа снова подожгла дом курдской семьи, жителям угрожают расправой.') });
    expect(r.tension.label).toBe(1);
  });
});

describe('escalation needs a real call or threat', () => {
  it('elders who "gather" every week keep their full peace weight', () => {
    const r = a.analyze({
      lang: 'en',
      title: 'Village elders meet every week',
      text: 'Every Wednesday twelve elders gather at the rural akimat to hear quarrels between Uzbek and Kazakh neighbours over water. Mediation, they say, works.',
    });
    const peace = evOf(r.evidence, 'peace');
    expect(peace.some((e) => e.weight <= -0.7)).toBe(true);
  });
});

describe('slurs are matched as words, not as the start of any word', () => {
  it('spice and spicy are no slur; "a chink in the armour" neither', () => {
    const r = a.analyze({ lang: 'en', title: 'Spice makers eye exports', text: 'A spicy carrot salad maker found a chink in the armour of its rivals and plans to export to China.' });
    expect(evOf(r.evidence, 'hostility')).toEqual([]);
  });
});

describe('a people\'s language names its speakers', () => {
  it.each([
    ['kk', 'Жасөспірімді орыс тілінде сөйлегені үшін ұрып-соққан, полиция іс қозғады.'],
    ['ru', 'Подростка избили за то, что он говорил по-казахски, полиция возбудила дело.'],
  ] as const)('%s: %s → 1', (lang, text) => {
    expect(a.analyze({ lang, text }).tension.label).toBe(1);
  });
});

describe('drills: what is rehearsed did not happen', () => {
  it.each([
    ['en', 'Police rehearse response to mass riots', 'Police and National Guard units held an exercise in Kostanay to rehearse the suppression of mass riots.'],
    ['ru', 'Полицейские отработали действия при массовых беспорядках', 'На учениях в Таразе отработали действия при массовых беспорядках и захвате заложников.'],
    ['kk', 'Полиция жаппай тәртіпсіздікке қарсы оқу-жаттығу өткізді', 'Таразда жаппай тәртіпсіздіктерді басу бойынша оқу-жаттығу өтті.'],
  ] as const)('%s: %s → 0', (lang, title, text) => {
    expect(a.analyze({ lang, title, text }).tension.label).toBe(0);
  });
});

describe('an accident story, also when an "incident" is named', () => {
  it.each([
    ['kk', 'Автобус аударылды: екі адам қаза тапты', 'Оқиға таңертең болған. Автобуста Өзбекстан азаматтары болған, екі адам қаза тапты, бесеуі жарақат алды.'],
    ['en', 'Bus overturns on Taraz highway, two dead', 'The incident happened at dawn. The bus carried citizens of Uzbekistan; two people died and five were injured.'],
  ] as const)('%s: %s → 0', (lang, title, text) => {
    expect(a.analyze({ lang, title, text }).tension.label).toBe(0);
  });
});

describe('a story told along group lines', () => {
  it('an arson in the headline counts with the people named only later in the article', () => {
    const r = a.analyze({
      lang: 'ru',
      title: 'В селе под Таразом после ДТП подожгли дома',
      text: 'Ночью в селе были подожжены два дома и три автомобиля. Накануне водитель сбил подростка. Соседи рассказывают, что толпа кричала «чеченцы, уезжайте отсюда» и бросала камни. Задержаны восемь человек.',
    });
    expect(r.tension.label).toBe(1);
  });
});

describe('months, planes and citizens', () => {
  it('"March" is a month, "lands" is a plane landing, Kazakh citizens are citizens', () => {
    const r = a.analyze({ lang: 'en', title: 'Plane with Kazakh citizens lands in Almaty', text: 'In March a plane carrying Kazakh citizens evacuated from a war zone abroad landed in Almaty.' });
    expect(evOf(r.evidence, 'mobilisation')).toEqual([]);
    expect(evOf(r.evidence, 'grievance')).toEqual([]);
    expect(r.tension.label).toBe(0);
  });
});

describe('an accident story with foreign passengers is no clash', () => {
  it('migrant workers killed when their minibus overturned', () => {
    const r = a.analyze({
      lang: 'en',
      title: 'Minibus carrying migrant workers overturns near Taraz; 3 dead',
      text: 'Three people were killed and nine injured when a minibus carrying labour migrants overturned near Taraz. All passengers were citizens of Tajikistan travelling to building sites. The Tajik embassy has been informed.',
    });
    expect(r.tension.label).toBe(0);
  });
});

describe('a fact-check of a claim nobody acted on', () => {
  it.each([
    ['ru', 'Фактчек: правда ли, что узбеков перестанут брать на госслужбу?', 'В Telegram распространяется пост о запрете принимать узбеков на госслужбу. Закона нет, дискриминация по национальности запрещена. Пост набрал 2 тысячи просмотров, реакции не было. Вердикт: фейк.'],
    ['en', 'Fact check: will Uzbeks be barred from the civil service?', 'A Telegram post claims Uzbeks will be barred from the civil service. No such bill exists; the constitution prohibits discrimination by ethnicity. The post drew a few comments. Verdict: false.'],
  ] as const)('%s → 0', (lang, title, text) => {
    expect(a.analyze({ lang, title, text }).tension.label).toBe(0);
  });
  it('a fact-check of a rumour that brought a crowd stays a signal', () => {
    const r = a.analyze({ lang: 'en', title: 'Fact check: no abductions by Lyuli in Shymkent', text: 'A voice message claimed that Lyuli women kidnap children. It is false, police said. But on Tuesday a crowd of men gathered at the Lyuli settlement and shouted at families to leave the city.' });
    expect(r.tension.label).toBe(1);
  });
});

describe('ownership is no people', () => {
  it('a Chinese-owned warehouse destroyed by a fire', () => {
    const r = a.analyze({ lang: 'en', title: 'Fire destroys warehouse of Chinese-owned company in Atyrau', text: 'A fire destroyed a warehouse belonging to a Chinese-owned company overnight. No one was hurt. Investigators suspect faulty wiring.' });
    expect(evOf(r.evidence, 'group')).toEqual([]);
    expect(r.tension.label).toBe(0);
  });
});

describe('desecration and hate inscriptions', () => {
  it.each([
    ['ru', 'Вандалы осквернили еврейское кладбище', 'Неизвестные нарисовали свастику и оскорбительные надписи на надгробиях еврейского кладбища. Полиция начала проверку.'],
    ['en', 'Vandals desecrate Uyghur cemetery', 'Unknown people sprayed swastikas and offensive inscriptions against Uyghurs on gravestones. Police opened a case.'],
    ['kk', 'Корей мәдени орталығының қабырғасына балағат жазулар жазылды', 'Белгісіз адамдар корейлерге қарсы қорлайтын жазулар мен свастика салған. Полиция тексеру бастады.'],
  ] as const)('%s: %s → 1', (lang, title, text) => {
    expect(a.analyze({ lang, title, text }).tension.label).toBe(1);
  });
});

describe('newcomers and seasonal workers are a group set against locals', () => {
  it('a fight between local young men and seasonal workers', () => {
    const r = a.analyze({ lang: 'en', title: 'Fight at workers\' hostel: six hurt', text: 'Six people were injured in a fight between local young men and seasonal workers at a hostel in Shardara. Witnesses say the locals came to deal with the newcomers.' });
    expect(r.tension.label).toBe(1);
  });
});

describe('a grievance between named communities frames what follows', () => {
  it('a water dispute between a Kurdish and a Kazakh village, with threats two sentences later', () => {
    const r = a.analyze({
      lang: 'ru',
      title: 'Спор за воду в Енбекшиказахском районе',
      text: 'Жители двух сёл – одного, где живут в основном курды, и другого, казахского, – не могут договориться о графике полива. Вчера на собрании в акимате стороны обменялись резкими выражениями. Звучали оскорбления, часть жителей пригрозила перекрыть трассу.',
    });
    expect(r.tension.label).toBe(1);
  });
});

describe('go back where you came from', () => {
  it.each([
    ['ru', 'На стене корейского культурного центра написали требование «уезжать в свою Корею», полиция начала проверку по ст. 174 УК.'],
    ['ru', 'На сходе из зала кричали «пусть возвращаются в Каракалпакстан», кандасов встретили свистом.'],
    ['ru', 'Таксист крикнул пассажиру-кыргызу: «Ехай к себе в Бишкек», а потом написал оскорбительное слово про киргизов.'],
    ['kk', 'Түнде дүкен қабырғасына «өз еліңе қайт» деп жазып кетті, өзбек отбасы полицияға жүгінді.'],
    ['en', 'Under the post about Afghan families, comments said "we won\'t let them in" and "gather everyone at the akimat".'],
  ] as const)('%s: %s → 1', (lang, text) => {
    expect(a.analyze({ lang, text, title: 'Инцидент' }).tension.label).toBe(1);
  });
});

describe('a fact-check whose rumour people acted on', () => {
  it('parents kept children at home: a signal, whatever the verdict', () => {
    const r = a.analyze({
      lang: 'en',
      title: 'Fact check: no abductions in Taraz, but rumour empties classrooms',
      text: 'Voice messages said that Lyuli women lure children into a minivan. Verdict: false. Still, parents kept children at home, and on Wednesday groups of men at the bazaar forced Lyuli women to leave the city.',
    });
    expect(r.tension.label).toBe(1);
  });
});

describe('elders after a clash between groups are the response to it', () => {
  it('a mass brawl between local and Chechen youths, then a meeting of elders', () => {
    const r = a.analyze({
      lang: 'ru',
      title: 'В селе после футбола подрались две группы молодёжи',
      text: 'Вечером произошла массовая драка: сцепились местные парни и чеченская молодёжь, около 30 человек. Полиция: конфликт на бытовой почве. В село прибыли представители этнокультурного объединения, прошла встреча старейшин.',
    });
    expect(r.tension.label).toBe(1);
  });
});

describe('more false friends', () => {
  it.each([
    ['en', 'Taxi apps fight a price war', 'Apps are in a price war over drivers; one app doubled its fleet.'],
    ['en', 'Turkmen truck drivers injured in collision', 'Two citizens of Turkmenistan were injured when their truck collided with a Kazakh-registered truck.'],
  ] as const)('%s: %s → 0', (lang, title, text) => {
    expect(a.analyze({ lang, title, text }).tension.label).toBe(0);
  });
});

describe('numbers are read in the article\'s language', () => {
  it.each([
    ['ru', 'Возбуждено дело по статье 174 УК.', 'статье 174'],
    ['ru', 'Полиция начала проверку по ст. 174 УК.', 'ст. 174'],
    ['kk', 'ҚК-нің 174-бабы бойынша іс қозғалды.', '174-бабы'],
  ] as const)('%s: %s', (lang, text, found) => {
    const r = a.analyze({ lang, text });
    expect(evOf(r.evidence, 'hostility').map((e) => e.text)).toContain(found);
  });
});

describe('a memory inside a quotation does not make the story history', () => {
  it('"our grandfathers lived here a hundred years ago", shouted at a meeting about water', () => {
    const r = a.analyze({
      lang: 'kk',
      title: 'Су кестесі бойынша жиын шуға ұласты',
      text: 'Жиында бір тарап «келімсектер біздің суымызды ұрлайды» десе, екінші тарап «біздің аталарымыз бұл жерде жүз жыл бұрын тұрған» деп жауап берді, өзбек және қазақ тілдерінде балағат сөздер естілді. Тұрғындар тас жолын жауып тастайтынын ескертті.',
    });
    expect(r.tension.label).toBe(1);
    // the threat two sentences on is not dampened as history
    expect(evOf(r.evidence, 'mobilisation').find((e) => e.text === 'жолын жауып')?.weight).toBeGreaterThanOrEqual(0.4);
  });
});

describe('murder motivated by national hatred, told through the charges', () => {
  it.each([
    ['ru', 'Суд санкционировал арест подозреваемых в убийстве', 'Подозреваемые напали на потерпевшего во дворе и нанесли ему ножевые ранения, от которых он скончался. Потерпевший — уроженец Дагестана, с детства живший в Караганде. Расследование ведётся по статье 99 УК (убийство по мотиву национальной вражды) и статье 174 УК.'],
    ['en', 'Court remands two suspects in killing of Chechen man', 'The suspects are charged with murder motivated by national hatred under Article 99.'],
  ] as const)('%s → 1', (lang, title, text) => {
    const r = a.analyze({ lang, title, text });
    expect(r.tension.label).toBe(1);
    expect(evOf(r.evidence, 'foreign')).toEqual([]); // where the victim was born is no place of the story
  });
});

describe('an anniversary opens a retrospective even in a sentence about today', () => {
  it('on Monday … marking the anniversary of the 1986 protest; the protests were suppressed …', () => {
    const r = a.analyze({
      lang: 'en',
      title: 'Almaty marks anniversary of December 1986 events',
      text: 'Participants of the December 1986 events laid flowers on Monday, marking the anniversary of the youth protest. The protests, on what is now Republic Square, were suppressed by troops; several people died and hundreds were expelled from universities. The commemoration ended with a minute of silence.',
    });
    expect(r.tension.label).toBe(0);
  });
});

describe('parents guarding schools after a rumour acted on it', () => {
  it('fathers on duty at the gates, whatever the police say of the rumour', () => {
    const r = a.analyze({
      lang: 'ru',
      title: 'Полиция: слухи о похищении детей — фейк',
      text: 'Полиция опровергает аудиосообщения о том, что «приезжие из соседней страны» похищают детей у школ. Из-за слухов часть родителей не отпустила детей в школы, у ворот дежурили отцы.',
    });
    expect(evOf(r.evidence, 'rumour').some((e) => /дежурили отцы/.test(e.text))).toBe(true);
  });
});

describe('a fall from a height is an accident', () => {
  it.each([
    ['kk', 'Құрылыс алаңында Өзбекстан азаматы қаза тапты', 'Тұрғын үй кешенінің құрылысында 32 жастағы Өзбекстан азаматы 9-қабаттан құлап, оқиға орнында көз жұмды. Еңбек инспекциясы тексеріс бастады.'],
    ['ru', 'На стройке погиб гражданин Узбекистана', 'В Шымкенте 30-летний гражданин Узбекистана упал с высоты девятого этажа и скончался на месте. Трудовая инспекция проводит проверку.'],
    ['en', 'Uzbek worker dies at construction site', 'A 32-year-old citizen of Uzbekistan fell from a height at a residential building under construction and died at the scene. Labour inspectors are checking the contractor.'],
  ] as const)('%s', (lang, title, text) => {
    const r = a.analyze({ lang, title, text });
    expect(evOf(r.evidence, 'accident').length).toBeGreaterThan(0);
    expect(r.tension.label).toBe(0);
  });
});

describe('people "from a neighbouring country" are a group', () => {
  it.each([
    ['kk', 'Ауылда ата-аналар балаларын мектепке жібермей қойды', 'Ауылда ата-аналар балаларын мектепке жібермей отыр. Себеп – көрші елден келген жұмысшылар қыз ұрламақ болды деген аудио. Ауыл чатында «оларды ауылдан шығару керек» деген жазбалар көбейген.', 'көрші елден келген'],
    ['ru', 'Родители не пускают детей в школу', 'В селе родители не пускают детей в школу: в чатах пишут, что рабочие из соседней страны пытались похитить девочку.', 'из соседней страны'],
    ['en', 'Parents keep children home after rumour', 'Parents in the village kept their children home after a voice message claimed that workers from a neighbouring country had tried to abduct a girl.', 'from a neighbouring country'],
  ] as const)('%s', (lang, title, text, group) => {
    const r = a.analyze({ lang, title, text });
    expect(evOf(r.evidence, 'group').map((e) => e.text)).toContain(group);
    expect(r.tension.label).toBe(1);
  });
  it('kk: a call to drive people out of the village is hostility', () => {
    const r = a.analyze({ lang: 'kk', text: 'Ауыл чатында «ол жұмысшыларды ауылдан шығару керек» деген жазбалар көбейген.' });
    expect(evOf(r.evidence, 'hostility').map((e) => e.text)).toContain('ауылдан шығару керек');
  });
});

describe('housing notices against a people are hostility', () => {
  it.each([
    ['en', 'Notices appeared at entrances reading "Rent only to Kazakhs", and a Kyrgyz family moved out after their door was smeared with paint.', 'only to kazakhs'],
    ['ru', 'На подъездах появились объявления «сдаём только казахам», кыргызская семья съехала.', 'только казахам'],
  ] as const)('%s', (lang, text, matched) => {
    const r = a.analyze({ lang, text });
    expect(evOf(r.evidence, 'hostility').map((e) => e.text.toLowerCase())).toContain(matched);
  });
});

describe('a renamed place in parentheses is no present-time cue', () => {
  it('"(today Kyzylkairat)" does not keep a 2007 story in the present', () => {
    const r = a.analyze({
      lang: 'en',
      title: 'Malovodnoye, 2007: what a village fight taught the authorities',
      text: 'Almost twenty years have passed since March 2007, when a fight in the village of Malovodnoye (today Kyzylkairat) escalated into attacks on the homes of Kurdish families. Several houses were set on fire. The events began after reports that a young Kurdish man had assaulted a Kazakh boy. Several people were later convicted of hooliganism.',
    });
    expect(evOf(r.evidence, 'violence').find((e) => e.text === 'set on fire')!.weight).toBeLessThan(1);
    expect(r.tension.label).toBe(0);
  });
});

describe('English false friends of mob and argue', () => {
  it.each([
    'Rumours spread by mobile phones reached the village within hours.',
    'Analysts argue that the Kazakh and Uzbek economies are converging.',
  ])('%s', (text) => {
    const r = a.analyze({ lang: 'en', text });
    expect(evOf(r.evidence, 'violence')).toEqual([]);
  });
  it('a mob and an argument with someone still count', () => {
    const r = a.analyze({ lang: 'en', text: 'A mob attacked the shop after an argument with the Uyghur owner.' });
    expect(evOf(r.evidence, 'violence').map((e) => e.text)).toEqual(expect.arrayContaining(['mob', 'argument with']));
  });
});

describe('"personal animosity" is the police formula for a motive that is not ethnic', () => {
  it.each([
    ['ru', 'Продлили арест гражданину Узбекистана', 'Суд продлил арест гражданину Узбекистана, подозреваемому в убийстве работодателя. В полиции уточнили, что преступление совершено на почве личных неприязненных отношений.', 'личных неприязненных'],
    ['en', 'Remand extended for Uzbek citizen', 'A court extended the custody of a citizen of Uzbekistan suspected of killing his employer. Police said the crime was committed out of personal animosity.', 'personal animosity'],
  ] as const)('%s', (lang, title, text, matched) => {
    const r = a.analyze({ lang, title, text });
    expect(evOf(r.evidence, 'denial').map((e) => e.text)).toContain(matched);
    expect(evOf(r.evidence, 'hostility')).toEqual([]);
    expect(r.tension.label).toBe(0);
  });
});

describe('a denied rumour is still a rumour; people who acted on it make it a signal', () => {
  it('ru: a crowd of thirty men at the migrants\' hostel after a fake message', () => {
    const r = a.analyze({
      lang: 'ru',
      title: 'В Актобе полиция опровергла слухи о нападении мигрантов на школьницу',
      text: 'Вечером у общежития, где живут строители из Узбекистана, собрались около 30 мужчин после рассылки в WhatsApp о «нападении на девочку». Полиция сообщила, что сообщение — фейк.',
    });
    expect(evOf(r.evidence, 'rumour').find((e) => e.text === 'слухи')!.weight).toBeGreaterThan(0);
    expect(evOf(r.evidence, 'mobilisation').map((e) => e.text)).toContain('собрались около');
    expect(r.tension.label).toBe(1);
  });
});

describe('convictions and parole open a retrospective', () => {
  it('kk: parole refused in a 2022 incitement case', () => {
    const r = a.analyze({
      lang: 'kk',
      title: '2022 жылы араздық қоздырғаны үшін сотталған адамның мерзімінен бұрын босату туралы өтініші қабылданбады',
      text: 'Аудандық сот 2022 жылы әлеуметтік желіде ұлттық араздық қоздыратын видео жариялағаны үшін сотталған тұрғынның өтінішін қанағаттандырмады. Ол кезде ешқандай тәртіпсіздік тіркелмеген еді.',
    });
    expect(evOf(r.evidence, 'historical').length).toBeGreaterThan(0);
    expect(r.tension.label).toBe(0);
  });
});

describe('expulsion slogans and graffiti on a community\'s property', () => {
  it.each([
    ['en', 'The work was interrupted when somebody spray-painted "Russians, go to Russia" on the new fence around the church.', ['spray-painted', 'go to Russia']],
    ['ru', 'На заборе храма написали «Русские, уезжайте в Россию».', ['уезжайте в Россию']],
    ['kk', 'Шіркеу қоршауына «Орыстар, Ресейге кетіңдер» деп жазып кетті.', ['Ресейге кетіңдер']],
  ] as const)('%s', (lang, text, matched) => {
    const r = a.analyze({ lang, text });
    expect(evOf(r.evidence, 'hostility').map((e) => e.text)).toEqual(expect.arrayContaining([...matched]));
  });
});

describe('"nothing to do with nationality" is a denial', () => {
  it.each([
    ['en', 'The district police chief said the fight "had nothing to do with nationality".', 'nothing to do with nationality'],
    ['ru', 'В полиции заявили, что драка не имеет отношения к национальности участников.', 'не имеет отношения к национальности'],
  ] as const)('%s', (lang, text, matched) => {
    const r = a.analyze({ lang, text });
    expect(evOf(r.evidence, 'denial').map((e) => e.text)).toContain(matched);
  });
});

describe('labour and contract disputes are no quarrel', () => {
  it.each([
    ['en', 'Cotton pickers dispute rates with cluster company', 'Around 300 pickers, including local residents and workers from Uzbekistan, refused to work in a pay dispute with the company.'],
    ['ru', 'Трудовой спор на стройке', 'Рабочие из Узбекистана и местные жители обратились в инспекцию: трудовой спор о зарплате решат в суде.'],
  ] as const)('%s', (lang, title, text) => {
    const r = a.analyze({ lang, title, text });
    expect(evOf(r.evidence, 'violence')).toEqual([]);
  });
});

describe('what does not frame a crime story along group lines', () => {
  it('en: a foreign defendant, "allegedly", foreign workers with "no conflicts between staff"', () => {
    const r = a.analyze({
      lang: 'en',
      title: 'Court hears case of man accused of killing his roommate',
      text: 'The defendant, a citizen of Uzbekistan, and the victim had shared a flat. After drinking, the two men argued about money; the defendant allegedly owed the victim rent. He stabbed his roommate with a kitchen knife. The factory employs about 40 foreign workers and has had no conflicts between staff. Police said the case was a domestic crime.',
    });
    expect(evOf(r.evidence, 'group').find((e) => e.text === 'citizen of Uzbekistan')!.weight).toBe(0);
    // no group lines either: the killing counts as a crime with no group beside it
    expect(evOf(r.evidence, 'violence').find((e) => e.text === 'killing')!.weight).toBeLessThan(0.6);
  });
  it('en: a drunk patient who threatened staff', () => {
    const r = a.analyze({
      lang: 'en',
      title: 'Doctors ask for police posts after assault in A&E',
      text: 'A 34-year-old citizen of Uzbekistan became aggressive and struck a nurse. In February a local resident threatened a surgeon with a knife. The hospital plans to install panic buttons.',
    });
    expect(evOf(r.evidence, 'group').find((e) => e.text === 'citizen of Uzbekistan')!.weight).toBe(0);
    expect(evOf(r.evidence, 'rumour')).toEqual([]);
  });
});

describe('vehicles that hit each other (kk соғысты) are an accident', () => {
  it('kk, typed without Kazakh letters', () => {
    const r = a.analyze({ lang: 'kk', title: 'Жук колиги мен жениил колик согысты: екеу каза тапты', text: 'Трассада жук колиги мен жениил колик согысып, екеу оқиға орнында каза тапты. Жүргізушілердің бірі Қырғызстан азаматы.' });
    expect(evOf(r.evidence, 'accident').length).toBeGreaterThan(0);
    expect(r.tension.label).toBe(0);
  });
});

describe('"dead souls" at an election are no violence', () => {
  it('en', () => {
    const r = a.analyze({ lang: 'en', text: "Observers recorded a minibus bringing 'dead souls' to the polling station." });
    expect(evOf(r.evidence, 'violence')).toEqual([]);
  });
});

describe('Kazakh prefixes stand for the voiced stem too (наразылық → наразылығы)', () => {
  it.each([
    ['Ауылда тұрғындардың наразылығы туды.', 'mobilisation', 'наразылығы'],
    ['Жаппай тәртіпсіздігі үшін іс қозғалды.', 'violence', 'Жаппай тәртіпсіздігі'],
    ['Желідегі жазбада ұлттық араздығы бар сөздер болды.', 'hostility', 'ұлттық араздығы'],
  ] as const)('%s', (text, type, matched) => {
    const r = a.analyze({ lang: 'kk', text });
    expect(evOf(r.evidence, type).map((e) => e.text)).toContain(matched);
  });
});

describe('hosts and guests, accusations traded, crowds of men', () => {
  it.each([
    ['en', "One elderly man shouted that 'guests should not dictate to hosts'.", 'hostility', 'guests should not'],
    ['en', "Posts called on young men 'to remind them whose land this is'.", 'hostility', 'whose land this is'],
    ['ru', 'На сходе кричали: «Вы сюда приехали, а теперь учите нас».', 'hostility', 'Вы сюда приехали'],
    ['kk', 'Әлеуметтік желіде «қаладан қуамыз» деген жазбалар пайда болды.', 'hostility', 'қаладан қуамыз'],
    ['en', 'Residents of the two villages traded accusations over the sluices.', 'violence', 'traded accusations'],
    ['ru', 'На встрече с водниками спор перешёл на крик.', 'violence', 'перешёл на крик'],
    ['kk', 'Аудан әкімдігінде өткен кездесу ушығып кетті.', 'violence', 'кездесу ушығып'],
    ['en', 'Around 150 young men gathered near the camp gate.', 'mobilisation', 'young men gathered'],
    ['ru', 'У въезда в село собирались группы молодых людей на машинах.', 'mobilisation', 'группы молодых людей'],
    ['kk', 'Ата-аналар жатақханалардың жанында кезекшілік ұйымдастырамыз деп жазды.', 'rumour', 'кезекшілік ұйымдастырамыз'],
  ] as const)('%s: %s', (lang, text, type, matched) => {
    const r = a.analyze({ lang, text });
    expect(evOf(r.evidence, type).map((e) => e.text)).toContain(matched);
  });
  it('kk: "the town\'s peace was broken" is no peace signal', () => {
    const r = a.analyze({ lang: 'kk', text: 'Қаланың тыныштығын өткен айда болған оқиға бұзды.' });
    expect(evOf(r.evidence, 'peace')).toEqual([]);
  });
  it('ru: "едва не" (almost) negates nothing', () => {
    const r = a.analyze({ lang: 'ru', text: 'В мае между жителями сёл едва не случилось серьёзное столкновение.' });
    expect(evOf(r.evidence, 'violence').map((e) => e.text)).toContain('столкновение');
  });
  it('en: foreign specialists are a group', () => {
    const r = a.analyze({ lang: 'en', text: 'Posts called on men to gather outside a camp where foreign specialists live.' });
    expect(evOf(r.evidence, 'group').map((e) => e.text)).toContain('foreign specialists');
  });
});

describe('"спустя" (later) and "тогда" (then) tell a sequence, not history', () => {
  it('ru', () => {
    const r = a.analyze({ lang: 'ru', text: 'Спустя два часа полиция задержала участников драки между казахскими и чеченскими парнями. Тогда же пострадавших доставили в больницу.' });
    expect(evOf(r.evidence, 'historical')).toEqual([]);
  });
});

describe('an ordinary day (news-test12 classes)', () => {
  it.each([
    ['ru', 'Столкновения в Манипуре: трое погибших', 'В индийском штате Манипур снова произошли столкновения между двумя общинами, погибли три человека, сожжены дома. Стороны обвиняют друг друга. Власти Индии ввели комендантский час. По данным посольства РК, казахстанских граждан среди пострадавших нет.'],
    ['en', 'Clashes in Rakhine leave five dead', 'Fresh clashes between two communities in Myanmar\'s Rakhine state left five people dead and dozens of homes burned, local media reported. The army imposed a curfew in two townships. No Kazakh citizens were among the victims, the Kazakh embassy in Bangkok said.'],
    ['kk', 'Мьянмада қақтығыс: бес адам қаза тапты', 'Мьянманың Ракхайн штатында екі қауым арасындағы жаңа қақтығыстарда бес адам қаза тапты, ондаған үй өртенді. Армия екі ауданда коменданттық сағат енгізді. ҚР елшілігінің мәліметінше, зардап шеккендер арасында қазақстандықтар жоқ.'],
  ] as const)('%s: a conflict abroad with the consular line (no citizens among the victims) is out of scope', (lang, title, text) => {
    expect(a.extract({ lang, title, text }).rules.features.domesticMentions).toBe(0);
    expect(a.analyze({ lang, title, text }).tension.label).toBe(0);
  });

  it.each([
    ['kk', 'Базарда екі саудагер төбелесті', 'Базарда екі саудагер сауда орны үшін жанжалдасып, төбелесіп қалды. Полиция мәліметінше, 35 жастағы жергілікті тұрғын мен Қырғызстан азаматы бір-біріне жеңіл жарақат салған. Екеуіне де әкімшілік хаттама толтырылды.'],
    ['ru', 'На рынке подрались два продавца', 'На рынке два продавца не поделили торговое место и подрались. По данным полиции, местный житель и гражданин Кыргызстана нанесли друг другу лёгкие телесные повреждения. На обоих составлены протоколы.'],
    ['en', 'Two traders fight over a market stall', 'Two traders came to blows over a stall at the city market. According to police, a local man and a citizen of Kyrgyzstan, 44, punched each other; both received minor injuries. Both were fined for petty hooliganism.'],
  ] as const)('%s: a local and one foreign citizen in a fight are two people, not two sides', (lang, title, text) => {
    expect(a.analyze({ lang, title, text }).tension.label).toBe(0);
  });

  it('ru: locals and citizens of Kyrgyzstan (plural) in a mass fight are still two sides', () => {
    const r = a.analyze({ lang: 'ru', title: 'Массовая драка на рынке', text: 'На рынке произошла массовая драка между местными жителями и гражданами Кыргызстана. Пострадали шесть человек.' });
    expect(r.tension.label).toBe(1);
  });

  it.each([
    ['en', 'Migration police checked the documents of the team; all the foreign workers held valid permits.', 'Migration'],
    ['ru', 'Миграционная полиция проверила документы бригады.', 'Миграционная'],
    ['kk', 'Көші-қон полициясы бригаданың құжаттарын тексерді.', 'Көші-қон'],
  ] as const)('%s: the migration police is an office, not the migrants topic', (lang, text, word) => {
    const r = a.analyze({ lang, text });
    expect(evOf(r.evidence, 'grievance').map((e) => e.text)).not.toContain(word);
  });

  it.each([
    ['en', 'Man detained for threatening his brother with a knife', 'Police detained a 38-year-old man who threatened his younger brother with a kitchen knife during an argument over their late father\'s house. No one was injured. A case has been opened for threatening murder.'],
    ['ru', 'Задержан мужчина, угрожавший брату ножом', 'Полиция задержала 38-летнего мужчину, который во время ссоры из-за родительского дома угрожал младшему брату ножом. Никто не пострадал. Возбуждено дело об угрозе убийством.'],
    ['kk', 'Інісін пышақпен қорқытқан ер адам ұсталды', 'Полиция әкесінен қалған үй үшін ұрысып, інісін пышақпен қорқытқан 38 жастағы ер адамды ұстады. Ешкім зардап шеккен жоқ. Өлтіремін деп қорқыту дерегі бойынша іс қозғалды.'],
    ['en', 'Fence dispute between neighbours ends with axe threat', 'A months-long dispute between neighbours over a fence ended with one man threatening the other with an axe and insulting him. No one was injured. The man has been given a written undertaking not to leave the district.'],
  ] as const)('%s: a threat between two people, with no people named, is ordinary crime', (lang, title, text) => {
    const r = a.analyze({ lang, title, text });
    expect(evOf(r.evidence, 'violence').map((e) => e.text)).not.toContain('murder');
    expect(r.tension.label).toBe(0);
  });

  it.each([
    ['en', 'Fans detained after scuffles outside stadium', 'Police detained nine supporters after fans of the two clubs clashed near the stadium gates after the match. They exchanged insults and threw bottles at each other. Two men received minor injuries.'],
    ['ru', 'Болельщиков задержали после драки у стадиона', 'Полиция задержала девять болельщиков после того, как фанаты двух клубов устроили массовую драку у ворот стадиона. Они обменивались оскорблениями и бросали бутылки. Двое получили лёгкие травмы.'],
    ['kk', 'Стадион маңындағы төбелестен кейін жанкүйерлер ұсталды', 'Матчтан кейін екі клубтың жанкүйерлері стадион қақпасы алдында жаппай төбелесті. Полиция тоғыз адамды ұстады. Екі адам жеңіл жарақат алды.'],
  ] as const)('%s: fans of two clubs clashing are two sides, not two peoples', (lang, title, text) => {
    expect(a.analyze({ lang, title, text }).tension.label).toBe(0);
  });

  it('ru: fans who shout ethnic slurs at each other are a signal again', () => {
    const r = a.analyze({ lang: 'ru', title: 'Драка болельщиков у стадиона', text: 'После матча болельщики двух клубов устроили массовую драку у стадиона, выкрикивая оскорбления в адрес казахов и узбеков. Задержаны 12 человек.' });
    expect(r.tension.label).toBe(1);
  });

  it.each([
    ['ru', 'Из зала кричали «это наша земля», рабочих из Китая называли «чужаками».', ['это наша земля', 'чужаками']],
    ['kk', 'Залдан қытайлық жұмысшыларға «бұл біздің жер» деп айқайлады.', ['бұл біздің жер']],
    ['en', 'Some shouted "this is our land" at the Chinese workers.', ['this is our land']],
  ] as const)('%s: the hosts\' slogan and name-calling keep their weight inside quotes', (lang, text, words) => {
    const r = a.analyze({ lang, text });
    const hostile = evOf(r.evidence, 'hostility');
    for (const w of words) expect(hostile.find((e) => e.text === w)?.weight ?? 0).toBeGreaterThanOrEqual(0.5);
  });

  it('en: a fact-check whose video "was disputed" on the platform moved nobody', () => {
    const r = a.analyze({
      lang: 'en',
      title: 'Fact check: video of "Uzbek traders taking over" the bazaar was filmed abroad',
      text: 'A viral video claims Uzbek traders are taking over the city bazaar. The footage was filmed in Andijan. The platform labelled the video\'s context as disputed. Police registered no incidents.',
    });
    expect(r.tension.label).toBe(0);
  });
});

describe('where people meet (news-test13 classes)', () => {
  it.each([
    ['en', 'Two Chinese welders among three killed in blast at Pavlodar plant', 'Three workers, two of them citizens of China, were killed when a boiler exploded during repairs at a plant in Pavlodar. Four were injured. A case for violating safety rules has been opened.'],
    ['ru', 'Два гражданина Турции погибли при взрыве на стройке в Атырау', 'При взрыве резервуара на стройплощадке в Атырау погибли трое рабочих, двое из них граждане Турции. Ещё четверо получили ранения. Возбуждено дело о нарушении правил безопасности.'],
    ['kk', 'Зауыт құрылысында екі Қытай азаматы қаза тапты', 'Зауыт құрылысында металл конструкция құлап, Қытай азаматтары болып табылатын екі монтажшы қаза тапты. Тағы бір жұмысшы жарақат алды. Еңбек қауіпсіздігі талаптарын бұзу бабы бойынша тергеу басталды.'],
    ['ru', 'Пожар в общежитии колледжа: эвакуированы 150 студентов', 'Ночью в общежитии колледжа произошёл пожар, эвакуированы 150 студентов. Сгорели две комнаты, пострадавших нет. Студенты — казахи, русские, узбеки — помогали выносить вещи.'],
  ] as const)('%s: an industrial accident or a fire that names the peoples of its victims is no clash', (lang, title, text) => {
    expect(a.analyze({ lang, title, text }).tension.label).toBe(0);
  });

  it.each([
    ['en', 'Post about "sick Uzbek workers" is fake, health department says', 'The health department denied a post claiming that Uzbek workers had brought a disease to the town. No cases were registered. The post drew a few comments and was deleted.'],
    ['ru', 'Видео о «драке с мигрантами» оказалось фейком', 'Ролик, который выдавали за драку местных жителей с мигрантами, снят в другой стране. Полиция установила автора. Обращений от жителей не поступало.'],
    ['kk', '«Қытайлықтарға жер беріледі» деген ақпарат жалған болып шықты', 'Әлеуметтік желіде тараған бейнежазбадағы мәлімет расталмады. Әкімдік ауыл шаруашылығы жері шетелдіктерге берілмейтінін айтты. Тұрғындардан шағым түскен жоқ.'],
  ] as const)('%s: a headline verdict ("is fake") over a claim nobody acted on', (lang, title, text) => {
    expect(a.analyze({ lang, title, text }).tension.label).toBe(0);
  });

  it('en: the same verdict over a rumour that emptied classrooms stays a signal', () => {
    const r = a.analyze({ lang: 'en', title: 'Police: reports of abductions by migrant workers are fake', text: 'Classrooms in two schools were half-empty on Monday after messages claimed that Tajik workers were luring children. A group of residents went to the building site to check the workers. Police said no such cases were registered.' });
    expect(r.tension.label).toBe(1);
  });

  it.each([
    ['kk', 'Аудан әкімдігінің қызметкері мүдделер қақтығысы үшін жұмыстан босатылды.'],
    ['en', 'The official was dismissed over a conflict of interest.'],
  ] as const)('%s: a conflict of interest is no conflict', (lang, text) => {
    expect(evOf(a.analyze({ lang, text }).evidence, 'violence')).toEqual([]);
  });

  it('kk: жеміс-жидек (fruit and berries) is no slur', () => {
    expect(evOf(a.analyze({ lang: 'kk', text: 'Базарда жеміс-жидек бағасы өсті.' }).evidence, 'hostility')).toEqual([]);
  });

  it.each([
    ['en', 'An online petition against the settlement of Afghans collected 3,000 signatures.', 'petition against'],
    ['ru', 'Около сорока жителей пришли к зданию акимата и потребовали гарантий.', 'пришли к зданию акимата'],
  ] as const)('%s: a petition or a crowd at the akimat is mobilisation', (lang, text, matched) => {
    expect(evOf(a.analyze({ lang, text }).evidence, 'mobilisation').map((e) => e.text)).toContain(matched);
  });
});

describe('one person of a people (English)', () => {
  it('a driver and a Chinese shift foreman fighting over overtime are two people', () => {
    const r = a.analyze({ lang: 'en', title: 'Driver and Chinese foreman fined after fight over overtime', text: 'A court fined a haul truck driver and a Chinese shift foreman after they fought in the dispatch office. The driver demanded payment for two extra shifts. Both received minor injuries.' });
    expect(r.tension.label).toBe(0);
  });
  it('the same foreman targeted with slurs about his people is a signal', () => {
    const r = a.analyze({ lang: 'en', title: 'Workers beat Chinese foreman, shouting slurs', text: 'Three workers beat a Chinese shift foreman, shouting ethnic slurs and telling the Chinese to leave the town. Police opened a case for inciting ethnic hatred.' });
    expect(r.tension.label).toBe(1);
  });
  it('a boxer who knocks out his Uzbek opponent before an Asian title bout', () => {
    const r = a.analyze({ lang: 'en', title: 'Local heavyweight knocks out Uzbek opponent', text: 'Our heavyweight destroyed his Uzbek opponent in the second round. Both fighters hugged after the bout. Next stop: the Asian title eliminator in March.' });
    expect(r.tension.label).toBe(0);
  });
});

describe('one person of a people (Russian and Kazakh)', () => {
  it.each([
    ['ru', 'Драка на стройке', 'Водитель самосвала подрался с китайским мастером из-за сверхурочных. Оба получили ушибы. На обоих составлены протоколы.'],
    ['kk', 'Құрылыстағы төбелес', 'Жүргізуші қытайлық шебермен жалақы үшін төбелесіп қалды. Екеуі де жеңіл жарақат алды. Екеуіне де хаттама толтырылды.'],
  ] as const)('%s: a driver and one foreman of a people fighting over pay are two people', (lang, title, text) => {
    expect(a.analyze({ lang, title, text }).tension.label).toBe(0);
  });
  it.each([
    ['ru', 'Массовая драка на стройке', 'Местные рабочие устроили массовую драку с китайскими рабочими. Пострадали восемь человек.'],
    ['kk', 'Құрылыстағы жаппай төбелес', 'Жергілікті жұмысшылар қытайлық жұмысшылармен жаппай төбелесті. Сегіз адам жарақат алды.'],
  ] as const)('%s: workers of two peoples (plural) in a mass fight are two sides', (lang, title, text) => {
    expect(a.analyze({ lang, title, text }).tension.label).toBe(1);
  });
});

describe('news from abroad with a Kazakh angle (news-test14 classes)', () => {
  it.each([
    ['en', 'Kyrgyz–Tajik border shooting leaves three dead; Kazakhstan says no citizens affected', 'BISHKEK – Three people were killed in a shootout on the Kyrgyz–Tajik border in Batken region, officials in Bishkek and Dushanbe said. Kyrgyzstan and Tajikistan blamed each other. Kazakhstan\'s foreign ministry said no Kazakh citizens were affected and called for talks.'],
    ['kk', 'Қырғыз–тәжік шекарасындағы қақтығыс: Қазақстан азаматтары зардап шекпеді', 'Қырғызстан мен Тәжікстан шекарасындағы Баткен облысында болған қақтығыста үш адам қаза тапты. Бішкек пен Душанбе бір-бірін айыптады. Қазақстанның СІМ Қазақстан азаматтары зардап шекпегенін хабарлады.'],
    ['en', 'Kazakh students in Bishkek safe after mob attacks on foreign students', 'ASTANA – Mobs attacked foreign students in Bishkek overnight, Kyrgyzstan\'s interior ministry said. Students from India and Pakistan were injured. Kazakhstan\'s ministry of education said all Kazakh students in Bishkek were safe.'],
  ] as const)('%s: Kazakhstan as an actor or a dateline does not make a conflict abroad domestic', (lang, title, text) => {
    expect(a.analyze({ lang, title, text }).tension.label).toBe(0);
  });
  it('en: a town here where people react to news from abroad stays domestic', () => {
    const r = a.analyze({ lang: 'en', title: 'Calls to drive out Russian relocants appear in Oskemen after video from Russia', text: 'After a video from Russia spread online, graffiti telling Russian relocants to "go home" appeared on buildings in Oskemen. Posts in local chats called for them to be driven out of the city. Police opened a case for inciting ethnic hatred.' });
    expect(r.tension.label).toBe(1);
  });
});

describe('officialese (news-test15 classes)', () => {
  it.each([
    ['ru', 'Видео «массовой драки в Актобе» оказалось снятым за рубежом', 'ДП области опроверг информацию о якобы произошедшей в городе массовой драке между представителями двух диаспор. Ролик с подписью «Актобе, сегодня» снят в соседнем государстве. Обращений граждан не поступало.'],
    ['kk', 'Таразда «ұлттар арасындағы жаппай төбелес» туралы видео басқа елде түсірілген', 'Полиция «Таразда ұлттар арасында жаппай төбелес болды» деген жазумен таралған видеоның шындыққа жанаспайтынын хабарлады. Видео көрші мемлекетте түсірілген. Тұрғындардан шағым түскен жоқ.'],
    ['en', 'Video of "ethnic mass brawl in Taraz" was filmed abroad, police say', 'Police said a video captioned "mass brawl between nationalities in Taraz" was filmed in a neighbouring country in 2019. No incidents were registered and residents filed no complaints.'],
  ] as const)('%s: a video debunk whose verdict is "filmed abroad", the claimed fight in the caption', (lang, title, text) => {
    expect(a.analyze({ lang, title, text }).tension.label).toBe(0);
  });
});

describe('explainers and prevention lectures', () => {
  it.each([
    ['kk', 'Мектептерде діни экстремизмнің алдын алу бойынша дәрістер өтті', 'Полиция қызметкерлері оқушыларға ұлттық араздықты қоздыру мен арандатушылық үшін жауапкершілік туралы айтты. Дәрістерге 400 оқушы қатысты.'],
    ['ru', 'Прокуроры разъясняют ответственность за разжигание розни в соцсетях', 'Прокуратура области напоминает, что за разжигание межнациональной розни предусмотрена уголовная ответственность по статье 174. Прокуроры провели встречи со студентами колледжей.'],
  ] as const)('%s: a headline that announces an explainer names the crime it explains', (lang, title, text) => {
    expect(a.analyze({ lang, title, text }).tension.label).toBe(0);
  });
});

describe('scripts, spellings and transliterations (news-test16 classes)', () => {
  it.each([
    ['kk', "S'ymkentte «li'y'li'ler bala urlap ju'r» degen qay'esetten kei'in turg'yndar kezeks'ilik ui'ymdastyrdy", "Ay'danda s'ag'yn qauesetten ata-analar balalaryn mektepke jibermedi, turg'yndar tu'nde kezeks'ilik ui'ymdastyrdy."],
  ] as const)('%s: the 2017 apostrophe alphabet is read (қауесет, кезекшілік)', (lang, title, text) => {
    const r = a.analyze({ lang, title, text });
    expect(evOf(r.evidence, 'rumour').length).toBeGreaterThan(0);
  });

  it.each([
    ['en', 'Fact check: no shops were burned in Chundzha', 'A post claiming that "Uighur shops were burned in Chundzha last night" appeared on a little-known page. The photo shows a market fire in another country in 2015. Police said no fires were registered; the post drew no reaction.'],
    ['en', "Fact check: viral 'Kordai clash' video was filmed abroad", 'A video captioned "Kordai is burning again" appeared on anonymous accounts. It shows dozens of young men fighting on a road at night. The footage was filmed at a wedding abroad in 2021. Police registered no incidents.'],
    ['ru', 'Видео о «погроме в Жаркенте» оказалось фейком', 'На видео видно, как толпа громит магазины уйгуров. Ролик снят в другой стране в 2015 году. Обращений от жителей не поступало.'],
    ['kk', '«Алматыда ұйғырлар шабуыл жасап жатыр» деген видео жалған', 'Видеода жастардың төбелесі көрсетілген. Полиция мұндай оқиға тіркелмегенін хабарлады. Тұрғындардан шағым түскен жоқ.'],
  ] as const)('%s: in a fact-check, what a video or a post shows is the claim, not a reaction', (lang, title, text) => {
    expect(a.analyze({ lang, title, text }).tension.label).toBe(0);
  });

  it.each([
    ['en', 'Police report a quiet night', 'Police said the night passed calmly: no mass fights, interethnic incidents or serious crimes were recorded. Officers answered 212 calls about fireworks.', 'incidents'],
    ['ru', 'Ночь прошла спокойно', 'В полиции сообщили, что не зарегистрировано массовых драк, межнациональных конфликтов или тяжких преступлений. Поступило 200 вызовов.', 'конфликтов'],
  ] as const)('%s: a negation covers every item of its list', (lang, title, text, item) => {
    const r = a.analyze({ lang, title, text });
    expect(evOf(r.evidence, 'negation').map((e) => e.text)).toContain(item);
    expect(r.tension.label).toBe(0);
  });

  it('en: "No one was hurt, and the fight…" is no list: the fight stays', () => {
    const r = a.analyze({ lang: 'en', text: 'No one was hurt, and the fight between Kazakh and Chechen youths was stopped by police.' });
    expect(evOf(r.evidence, 'violence').map((e) => e.text)).toContain('fight');
  });

  it('en: a fan brawl story that names no people is about fans throughout ("the club condemned the violence")', () => {
    const r = a.analyze({ lang: 'en', title: 'Derby marred by fan brawl', text: 'Police detained 19 supporters after a fight between fans of two clubs near the stadium. About 40 young men fought with fists and belts. The club condemned the violence and said it would ban those involved.' });
    expect(r.tension.label).toBe(0);
  });

  it.each([
    ['en', 'A petition signed by more than 900 people, Kazakhs, Russians, Uighurs and Turks among them, was handed to the akim.'],
    ['ru', 'Обращение подписали более 900 жителей — казахи, русские, уйгуры и турки.'],
    ['kk', 'Өтінішке 900-ден астам тұрғын қол қойды: қазақтар, орыстар, ұйғырлар және түріктер.'],
  ] as const)('%s: a sentence that lists three or more peoples and no conflict is a mixed community, no group reference', (lang, text) => {
    expect(evOf(a.analyze({ lang, title: 'Residents protest over pasture', text }).evidence, 'group').every((e) => e.weight === 0)).toBe(true);
  });

  it('ru: three peoples beside a fight are still sides', () => {
    const r = a.analyze({ lang: 'ru', text: 'Вечером казахи, узбеки и таджики подрались у рынка.' });
    expect(evOf(r.evidence, 'group').some((e) => e.weight > 0)).toBe(true);
  });

  it('ru: Russian typed in Latin letters is read as Russian (a chat call against a people)', () => {
    const r = a.analyze({ title: 'Taraz: v chatah zovut idti na rynok protiv kyrgyzov', text: 'U nas v Taraze s utra vo vseh chatah rassylayut soobshchenie: "vse muzhiki v 6 vechera sobiraemsya u vorot rynka, pokazhem kyrgyzam kto tut hozyain". K vecheru u vorot sobralos chelovek 50 molodyh parnei, potom priehala policiya.' });
    expect(r.lang).toBe('ru');
    expect(r.tension.label).toBe(1);
    expect(r.evidence.some((e) => e.type === 'group' && e.text === 'kyrgyzov')).toBe(true);
  });

  it('en: the rallies of a retrospective are no reaction to today\'s post', () => {
    const r = a.analyze({ lang: 'en', title: 'Fact check: China is not buying Kazakh land', text: 'A post claims that Chinese companies bought Kazakh farmland. Foreigners cannot own agricultural land. In 2016, proposed amendments led to rallies in several cities. Verdict: false.' });
    expect(r.tension.label).toBe(0);
  });
});

describe('language, identity and the online world (news-test17 classes)', () => {
  it.each([
    ['ru', 'Фейк: в Казахстане не собираются закрывать русские школы', 'В соцсетях распространяется сообщение о том, что русские школы якобы закроют. В министерстве назвали это недостоверной информацией. Обращений не поступало.'],
    ['en', 'Fake: no, Kazakh will not be the only language in shops', 'A post claims that shop assistants will be fined for speaking Russian to Kazakh customers. The ministry said no such rule exists. The post drew few comments.'],
    ['kk', 'Жалған: орыс мектептері жабылмайды', 'Әлеуметтік желіде орыс мектептері жабылады деген ақпарат тарады. Министрлік бұл ақпаратты жоққа шығарды. Тұрғындардан шағым түскен жоқ.'],
  ] as const)('%s: a headline labelled "Fake:" announces a fact-check', (lang, title, text) => {
    expect(a.analyze({ lang, title, text }).tension.label).toBe(0);
  });

  it('en: an explainer of Article 174 — the violence a call demands is said, not done', () => {
    const r = a.analyze({ lang: 'en', title: 'Explainer: what is Article 174?', text: 'Article 174 prohibits inciting national discord. It is used against people who call for violence against an ethnic group. Typical cases include people who called for the expulsion of a group. The penalty is up to seven years.' });
    expect(r.tension.label).toBe(0);
  });

  it.each([
    ['kk', 'ҚК-нің 174-бабы: алауыздықты қоздырғаны үшін кім және қалай жауапқа тартылады', 'Қылмыстық кодекстің 174-бабы әлеуметтік, ұлттық алауыздықты қоздыруға тыйым салады. Жаза айыппұлдан жеті жылға дейін бас бостандығынан айыруға дейін.'],
    ['kk', 'Бас прокуратура: алауыздықты қоздыру бойынша істер саны азайды', 'Биыл 174-бап бойынша істер саны былтырғыдан азайды. Істердің көбі әлеуметтік желідегі жазбаларға қатысты.'],
    ['ru', 'Генпрокуратура: число дел о разжигании розни снизилось', 'За год по статье 174 возбуждено меньше дел, чем годом ранее. Большинство дел связано с публикациями в соцсетях.'],
    ['kk', 'Сауалнама: тұрғындардың 85 пайызы ұлтаралық қатынасты тұрақты деп санайды', 'Сауалнамаға қатысқандардың 85 пайызы ұлтаралық қатынасты тұрақты деп бағалады. 10 пайызы желідегі арандатушылықты алаңдатады деп атады.'],
  ] as const)('%s: statistics, an explainer of the law or a survey in the headline', (lang, title, text) => {
    expect(a.analyze({ lang, title, text }).tension.label).toBe(0);
  });

  it.each([
    ['kk', 'Бұл тек қана бастамасы.', 'foreign'],
    ['kk', 'Оның даусы қатты шықты.', 'violence'],
  ] as const)('%s: false friends (қана "only" is no Canada, даусы "his voice" no dispute): %s', (lang, text, type) => {
    expect(evOf(a.analyze({ lang, text }).evidence, type as EvidenceType)).toEqual([]);
  });

  it('ru: a call for violence is hostility, not a clash that happened (no group_clash severity)', () => {
    const r = a.analyze({ lang: 'ru', title: 'В чатах призывают к погромам дунган', text: 'В нескольких чатах появились призывы к погромам дунганских домов в Кордайском районе. Полиция возбудила дело по статье 174.' });
    expect(r.tension.label).toBe(1);
    expect(r.tension.severity).not.toBe('pogrom');
  });
});

describe('denied claims, penalty clauses and patrols', () => {
  it.each([
    ['en', "Border service denies 'mass fight' at checkpoint", "The border department has denied posts claiming that a 'mass fight with Uzbek drivers' broke out at the checkpoint. Two drivers argued over the queue; there was no fight involving citizens of Uzbekistan."],
    ['ru', 'Полиция опровергла информацию о массовой драке в Шу', 'В соцсетях распространяется видео, на котором якобы дерутся местные жители и приезжие. В полиции сообщили, что ролик снят в другом городе. Обращений не поступало.'],
  ] as const)('%s: a headline that denies a claim (in quotes, or "posts", "информацию") announces a fact-check', (lang, title, text) => {
    expect(a.analyze({ lang, title, text }).tension.label).toBe(0);
  });

  it('en: a rumour the police deny stays a signal when residents formed night patrols', () => {
    const r = a.analyze({ lang: 'en', title: "Police deny 'night attacks' by migrants after residents start patrols", text: 'A post claiming that Tajik migrants had beaten women spread in local chats. By Tuesday groups of local men had formed night patrols and were stopping migrant workers in the streets. Police said the information is false.' });
    expect(r.tension.label).toBe(1);
  });

  it('en: the violence of a penalty clause is the law, not an event', () => {
    const r = a.analyze({ lang: 'en', title: 'Prosecutors explain liability for inciting discord', text: 'Under Article 174 such actions are punishable by up to seven years, and up to twenty years when committed by a group or with the use of violence. No cases were registered last year.' });
    expect(r.tension.label).toBe(0);
    expect(r.tension.severity).toBe('none');
  });
});

describe('Kazakh: people from abroad and demands to move them out', () => {
  it('kk: residents gathered demanding that Afghan families be moved out (typed without Kazakh letters)', () => {
    const r = a.analyze({ lang: 'kk', title: 'Шымкентте тургындар ауган отбасыларын кошируди талап етип жиналды', text: 'Уй ауласында елуге жуык тургын жиналып, Ауганстаннан келген уш отбасын кошируди талап етти. Полиция жиналгандарды таратты.' });
    expect(r.tension.label).toBe(1);
    expect(evOf(r.evidence, 'group').map((e) => e.text)).toContain('Ауганстаннан келген');
  });
});

describe('hate leaflets and expulsion calls', () => {
  it.each([
    ['en', "Leaflets appeared on doors saying that 'Kyrgyz must leave the district' and that local men would 'clean the streets'."],
    ['ru', 'В микрорайоне расклеили листовки с призывами выгнать киргизов.'],
    ['kk', 'Аулада қырғыздарға қарсы үндеу жазылған парақшалар ілінді.'],
  ] as const)('%s: %s', (lang, text) => {
    expect(evOf(a.analyze({ lang, text }).evidence, 'hostility').length).toBeGreaterThan(0);
  });
  it('a headline dated years back makes the article a memory (no severity from its story)', () => {
    const r = a.analyze({ lang: 'en', title: 'A teacher remembers December 1986', text: 'She keeps a notebook from those days. The demonstrations were broken up by troops; people died and hundreds were injured. Today the events are commemorated with a monument.' });
    expect(r.tension.label).toBe(0);
  });
});

describe('long reads (news-test18 classes)', () => {
  it('kk: a village named Бірлікүстем is no peace cue (бірлік is a stem, not a prefix)', () => {
    expect(evOf(a.analyze({ lang: 'kk', text: 'Бірлікүстемдегі маусым басталды.' }).evidence, 'peace')).toEqual([]);
    expect(evOf(a.analyze({ lang: 'kk', text: 'Ауылда бірлік пен татулық сақталған.' }).evidence, 'peace').length).toBeGreaterThan(0);
  });
  it('kk: a headline about a false video announces a fact-check', () => {
    const r = a.analyze({ lang: 'kk', title: 'Фейктің анатомиясы: Петропавл туралы жалған видео қалай тарады', text: 'Видеода орыстарды қаладан қуу туралы айтылған. Полиция видеоның жалған екенін анықтады. Тұрғындар оған мән бермеді.' });
    expect(r.tension.label).toBe(0);
  });
});
