// Builds lexicon/places.json: "domestic" entries (Kazakhstan, its regions and cities, akims) and
// "foreign" entries (countries and frequently named foreign places), used to tell a Kazakhstani
// incident from a foreign one. Sources: ../shared/data/geo/kz-admin.csv (regions, cities) and
// shared/analysis/data/geo/foreign-places.json (the geocoder's foreign list). Re-run after either
// changes:  node --import tsx shared/analysis/lexicon/build-places.ts
// Only the current (not historical or transliterated) names are used: they are what news write.

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { stemmerFor } from '../stem/index.ts';
import { foldToken } from '../text/normalize.ts';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ADMIN = path.resolve(HERE, '../../../../shared/data/geo/kz-admin.csv');
const FOREIGN = path.resolve(HERE, '../data/geo/foreign-places.json');

type Lang = 'kk' | 'ru' | 'en';

/** English words a place-name prefix must not take (crime* ← Crimea, franc* ← France, turke* ← Turkey). */
const EN_COMMON = new Set(['crime', 'franc', 'turke']);
/** English group and slur words of groups.json (their first word): a prefix that takes one is dropped. */
const EN_PEOPLES = (JSON.parse(readFileSync(path.join(HERE, 'groups.json'), 'utf8')) as { entries: Array<{ lang: string; type: string; stem?: string; pattern?: string }> }).entries
  .filter((e) => e.lang === 'en' && (e.type === 'group' || e.type === 'hostility'))
  .map((e) => (e.stem ?? e.pattern ?? '').split(' ')[0]!.replace(/\*$/, ''));
interface Entry { lang: Lang; stem?: string; pattern?: string; type: 'foreign' | 'domestic'; weight: number; exactForm?: boolean; note?: string }

const GENERIC = new Set(['облысы', 'область', 'г.а.', 'қ.ә.', 'ауданы', 'район', 'region', 'city', 'district', 'республикасы', 'республика', 'республики', 'province', 'автономный', 'округ']);
const CYR = /^[а-яёәғқңөұүһі\- ]+$/i;
const LAT = /^[a-z\- ]+$/i;

/**
 * The case forms of a one-word Russian place name: Украина → украина, украины, украине, украину,
 * украиной, украиною; Грузия → грузии, грузию, грузией; Пакистан → пакистана, пакистану, пакистаном,
 * пакистане. Foreign names are listed by their case forms instead of a prefix, because a prefix also
 * takes the people's name and adjective (украин* → украинцы, украинская; пакиста* → пакистанцы):
 * a people of Kazakhstan is not a place abroad.
 */
export function ruCaseForms(w: string): string[] {
  if (w.endsWith('ия')) { const b = w.slice(0, -2); return [w, `${b}ии`, `${b}ию`, `${b}ией`]; }
  if (w.endsWith('а') || w.endsWith('я')) {
    const b = w.slice(0, -1);
    const soft = w.endsWith('я') || /[гкхжшщч]$/.test(b);
    return [w, `${b}${soft ? 'и' : 'ы'}`, `${b}е`, `${b}${w.endsWith('я') ? 'ю' : 'у'}`, `${b}${w.endsWith('я') ? 'ей' : 'ой'}`];
  }
  if (w.endsWith('ь')) { const b = w.slice(0, -1); return [w, `${b}и`, `${b}ью`]; }
  if (/[аеёиоуыэюя]$/.test(w)) return [w];
  if (w.endsWith('й')) { const b = w.slice(0, -1); return [w, `${b}я`, `${b}ю`, `${b}ем`, `${b}е`]; }
  return [w, `${w}а`, `${w}у`, `${w}ом`, `${w}е`];
}

/** A name as lexicon patterns: lower-cased; long single Russian/English names also as a prefix (inflection). */
function forms(name: string, lang: Lang, foreign = false): string[] {
  const words = name.toLowerCase().split(/\s+/).filter((w) => w && !GENERIC.has(w));
  if (words.length === 0) return [];
  const phrase = words.join(' ');
  if (lang === 'kk' && !CYR.test(phrase)) return [];
  if (lang === 'ru' && !CYR.test(phrase)) return [];
  if (lang === 'en' && !LAT.test(phrase)) return [];
  const out = [phrase];
  // Russian and English inflect or derive (Караганда → Караганде, карагандинский; Kyrgyz → Kyrgyzstan's):
  // a single word of 6+ letters also matches as a prefix without its last letter. Not in English when
  // the prefix would also take a common word (crime → Crimea) or the name of a people that the group
  // lexicon reads (Russian, Ukrainian, Georgian …: a people of Kazakhstan, not a place abroad).
  if (foreign && lang === 'ru' && words.length === 1) return [...new Set(ruCaseForms(phrase))];
  if (words.length === 1 && lang !== 'kk' && phrase.length >= 6) {
    const prefix = phrase.slice(0, -1);
    if (lang === 'ru' || !(EN_COMMON.has(prefix) || EN_PEOPLES.some((w) => w.startsWith(prefix)))) out.push(`${prefix}*`);
  }
  return out;
}

function csvRows(text: string): string[][] {
  return text.trim().split('\n').map((line) => {
    const cells: string[] = [];
    let cur = '';
    let q = false;
    for (const ch of line) {
      if (ch === '"') q = !q;
      else if (ch === ',' && !q) {
        cells.push(cur);
        cur = '';
      } else cur += ch;
    }
    cells.push(cur);
    return cells;
  });
}

const entries = new Map<string, Entry>();
function add(lang: Lang, form: string, type: Entry['type'], weight: number, note?: string, exactForm = false): void {
  const key = `${lang}|${form}|${type}`;
  if (entries.has(key)) return;
  const e: Entry = { lang, ...(form.includes(' ') || form.endsWith('*') ? { pattern: form } : { stem: form }), type, weight };
  if (exactForm && e.stem) e.exactForm = true;
  if (note) e.note = note;
  entries.set(key, e);
}

// Domestic: Kazakhstan itself, akims, regions and cities.
for (const [lang, words] of Object.entries({
  // Citizens abroad ("казахстанцы", "Kazakhstani nationals") are not a domestic place, so only the
  // country's name, its adjective and local authorities count.
  kk: ['қазақстан', 'қазақстанда', 'әкім', 'әкімдік', 'әкімдігі', 'ҚР'],
  ru: ['казахстан', 'казахстана', 'казахстане', 'казахстану', 'казахстаном', 'казахстанск*', 'аким', 'акима', 'акиму', 'акимом', 'акимат*', 'рк'],
  en: ['kazakhstan', "kazakhstan's", 'akim', 'akimat', 'akims', 'kazakh authorities'],
}) as Array<[Lang, string[]]>) {
  for (const w of words) add(lang, w.toLowerCase(), 'domestic', 1, 'Kazakhstan, local authority');
}
const [header, ...rows] = csvRows(readFileSync(ADMIN, 'utf8'));
const col = (n: string) => header!.indexOf(n);
for (const r of rows) {
  const level = r[col('level')]!;
  if (level !== 'region' && !level.startsWith('city_r')) continue;
  const names: Array<[Lang, string]> = [['kk', r[col('name_kk')]!], ['ru', r[col('name_ru')]!], ['en', r[col('name_en')]!]];
  for (const alt of (r[col('alt_names')] ?? '').split('|').slice(0, 2)) names.push([CYR.test(alt) ? (/[әғқңөұүһі]/i.test(alt) ? 'kk' : 'ru') : 'en', alt]);
  for (const [lang, name] of names) for (const f of forms(name.replace(/\s*(Қ\.Ә\.|Г\.А\.)$/, ''), lang)) add(lang, f, 'domestic', 1, level);
}

// Towns (cities of district significance: Жаркент, Аягөз, Щучинск) from the repository's settlement list:
// foreign news from Kazakh outlets names Kazakhstan as an actor, a story here names its town (see rules.ts).
// Names under five letters are left out (Шар is also "ball", and a stem of шара).
const SETTLEMENTS = path.resolve(HERE, '../data/geo/kz-settlements.csv');
{
  const [sh, ...srows] = csvRows(readFileSync(SETTLEMENTS, 'utf8'));
  const sc = (n: string) => sh!.indexOf(n);
  for (const r of srows) {
    if (r[sc('kind')] !== 'city') continue;
    const names: Array<[Lang, string]> = [
      ['kk', r[sc('name_kk')]!.replace(/\s*қ\.$/, '')],
      ['ru', r[sc('name_ru')]!.replace(/^г\./, '')],
      ['en', r[sc('name_translit')]!],
    ];
    for (const [lang, name] of names) {
      if (name.replace(/[^\p{L}]/gu, '').length < 5) continue;
      for (const f of forms(name, lang)) add(lang, f, 'domestic', 1, 'town');
    }
  }
}

// Kazakh names of places abroad that are also everyday words: Қатар (Qatar; қатар "row", сонымен қатар "also"),
// Қорған (Kurgan; қорған "fortress", қорғаныс "defence"). Their Russian and English names still count.
const KK_COMMON_WORD_NAMES = new Set(['қатар', 'қорған'].map(foldToken));

// Foreign: countries and places from the geocoder's list.
const foreign = JSON.parse(readFileSync(FOREIGN, 'utf8')) as { entries: Array<{ code: string; kk?: string; ru?: string; en?: string; aliases?: string[] }> };
for (const e of foreign.entries) {
  for (const lang of ['kk', 'ru', 'en'] as const) {
    const name = e[lang];
    // Russian case forms match as written: the stemmer folds Монголия and монголы into one stem.
    if (!name || (lang === 'kk' && KK_COMMON_WORD_NAMES.has(foldToken(name.toLowerCase())))) continue;
    for (const f of forms(name, lang, true)) {
      // A Kazakh name that ends like a case suffix (Канада: -да) would be keyed by its "stem" (кана),
      // which is also the word қана "only": such a name matches as a prefix of its own forms instead.
      if (lang === 'kk' && !f.includes(' ') && !f.endsWith('*') && f.length >= 5 && foldToken(stemmerFor('kk')(f)) !== foldToken(f)) add(lang, `${f}*`, 'foreign', 1, e.code);
      else add(lang, f, 'foreign', 1, e.code, lang === 'ru');
    }
  }
}

// Districts and towns that Kazakhstani conflict news names often, and English spelling variants.
const EXTRA_DOMESTIC: Record<Lang, string[]> = {
  kk: ['қордай', 'масаншы', 'сортөбе', 'жаңаөзен', 'шелек', 'мақтаарал', 'сарыағаш', 'кентау', 'қаратау'],
  ru: ['кордай*', 'масанчи', 'сортобе', 'жанаозен*', 'шелек*', 'мактаарал*', 'сарыагаш*', 'кентау', 'каратау'],
  en: ['turkistan', 'nur-sultan', 'ust-kamenogorsk', 'semipalatinsk', 'korday', 'kordai', 'masanchi', 'sortobe', 'zhanaozen', 'shelek', 'maktaaral', 'saryagash', 'kentau'],
};
for (const [lang, names] of Object.entries(EXTRA_DOMESTIC) as Array<[Lang, string[]]>) for (const n of names) add(lang, n, 'domestic', 1, 'district or town');

// Conflict regions that foreign news about ethnic violence names and the geocoder's list lacks.
const EXTRA_FOREIGN: Array<[string, string, string]> = [
  ['Судан', 'Судан', 'Sudan'], ['Дарфур', 'Дарфур', 'Darfur'], ['Сомали', 'Сомали', 'Somalia'], ['Мали', 'Мали', 'Mali'],
  ['Конго', 'Конго', 'Congo'], ['Руанда', 'Руанда', 'Rwanda'], ['Палестина', 'Палестин*', 'Palestin*'], ['газа сектор*', 'сектор* газа', 'Gaza'],
  ['Йемен', 'Йемен', 'Yemen'], ['Косово', 'Косово', 'Kosovo'], ['Босния', 'Босни*', 'Bosnia*'], ['Қарабақ', 'Карабах*', 'Karabakh'],
  ['Шыңжаң', 'Синьцзян*', 'Xinjiang'], ['Ош', 'Ош', 'Osh'], ['Баткен', 'Баткен*', 'Batken'], ['Манипур', 'Манипур*', 'Manipur'],
  ['Дағыстан', 'Дагестан', 'Dagestan'], ['Шешенстан', 'Чечн*', 'Chechnya'], ['Еуропа', 'Европ*', 'Europe*'], ['Африка', 'Африк*', 'Africa*'],
  ['Уттар-Прадеш', 'Уттар-Прадеш*', 'Uttar Pradesh'], ['Кашмир', 'Кашмир*', 'Kashmir*'], ['Пенджаб', 'Пенджаб*', 'Punjab*'], ['Гуджарат', 'Гуджарат*', 'Gujarat*'],
  ['Ассам', 'Ассам*', 'Assam'], ['Бихар', 'Бихар*', 'Bihar'], ['Ракхайн', 'Ракхайн*', 'Rakhine'], ['Белуджистан', 'Белуджистан*', 'Balochistan'],
];
// Russian one-word names by their case forms, as written: a stem can be a common word's (Газа and
// газ "gas" share one). Gaza only with its "sector", in kk and ru: its case forms are gas's too.
for (const [kk, ru, en] of EXTRA_FOREIGN) {
  // a short Kazakh name matches as written: the stem of Мали is мал, "livestock"
  add('kk', kk.toLowerCase(), 'foreign', 1, 'conflict region abroad', kk.length <= 4);
  const r = ru.toLowerCase();
  if (r.includes('*') || r.includes(' ')) add('ru', r, 'foreign', 1, 'conflict region abroad');
  else for (const f of ruCaseForms(r)) add('ru', f, 'foreign', 1, 'conflict region abroad', true);
  add('en', en.toLowerCase(), 'foreign', 1, 'conflict region abroad');
}

// A border conflict between two neighbouring states named by their peoples' compound adjective ("the Kyrgyz–Tajik
// clashes", "кыргызско-таджикский конфликт", "қырғыз-тәжік шекарасы"): the place is abroad, whatever peoples of
// Kazakhstan share the names. Hyphenated only: "Kyrgyz–Tajik" with an en dash is two tokens, as in a list ("Kyrgyz,
// Tajik and Uzbek traders"), and stays two peoples.
const NEIGHBOUR_PAIRS: Array<[string, string, string]> = [
  ['қырғыз-тәжік', 'кыргызско-таджикск*', 'kyrgyz-tajik'], ['тәжік-қырғыз', 'таджикско-кыргызск*', 'tajik-kyrgyz'],
  ['', 'киргизско-таджикск*', ''], ['', 'таджикско-киргизск*', ''],
  ['әзербайжан-армян', 'азербайджано-армянск*', 'armenian-azerbaijani'], ['армян-әзербайжан', 'армяно-азербайджанск*', 'azerbaijani-armenian'],
];
for (const [kk, ru, en] of NEIGHBOUR_PAIRS) {
  if (kk) add('kk', kk, 'foreign', 1, 'border conflict abroad');
  add('ru', ru, 'foreign', 1, 'border conflict abroad');
  if (en) add('en', en, 'foreign', 1, 'border conflict abroad');
}

const out = {
  version: '2026.12.7',
  description: 'Place markers for domestic vs foreign framing: Kazakhstan, its regions and cities, akims (domestic); foreign countries and places (foreign). Generated by build-places.ts from shared/data/geo/kz-admin.csv, data/geo/kz-settlements.csv (towns) and data/geo/foreign-places.json.',
  entries: [...entries.values()],
};
// One entry per line, like the other lexicon files, so that diffs stay readable.
const body = out.entries.map((e) => `    ${JSON.stringify(e)}`).join(',\n');
writeFileSync(
  path.join(HERE, 'places.json'),
  `{\n  "version": ${JSON.stringify(out.version)},\n  "description": ${JSON.stringify(out.description)},\n  "entries": [\n${body}\n  ]\n}\n`,
);
process.stdout.write(`places.json: ${out.entries.length} entries\n`);
