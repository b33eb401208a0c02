// Loads the precompiled gazetteer (gazetteer.json, foreign-places.json, name-flags.json) once,
// synchronously, and exposes the administrative-unit helpers the rest of the product uses.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PlaceLevel } from '../types.ts';
import { adjective, nameKey, skeleton } from './normalize.ts';

export const GEO_DATA_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'data', 'geo');

export type UnitLevel = Exclude<PlaceLevel, 'settlement' | 'foreign'>;

export interface AdminUnit {
  kato: string;
  level: UnitLevel;
  parent: string | null;
  /** Region (oblys) or republican city this unit belongs to (itself for those). */
  region: string;
  name: { kk: string; ru: string; en: string };
  lat: number | null;
  lon: number | null;
}

/** One indexed entity: an administrative unit or a settlement. */
export interface Entity {
  kato: string;
  level: PlaceLevel;
  /** Settlement kind: 0 city, 1 urban settlement (посёлок), 2 village; -1 for units. */
  kind: number;
  /** District-level unit (district, regional city, city district or republican city); null for regions. */
  district: string | null;
  region: string;
  name: { kk: string; ru: string; en: string };
}

export interface ForeignEntry {
  code: string;
  name: { kk: string; ru: string; en: string };
}

interface GazJson {
  units: Array<{ k: string; l: UnitLevel; p: string | null; kk: string; kkb: string; ru: string; ruAdj: boolean; en: string; lat: number | null; lon: number | null }>;
  settlements: Array<[string, number, string, string, string, number]>;
  keys: Record<string, number[]>;
  adj: Record<string, number[]>;
  /** Keys that reach these units only through a former name (see build-gazetteer.ts). */
  former?: Record<string, number[]>;
}

const t0 = performance.now();
const gaz = JSON.parse(readFileSync(join(GEO_DATA_DIR, 'gazetteer.json'), 'utf8')) as GazJson;
const foreignDoc = JSON.parse(readFileSync(join(GEO_DATA_DIR, 'foreign-places.json'), 'utf8')) as {
  version: string;
  kazakhstan: { code: string; kk: string; ru: string; en: string; aliases: string[] };
  entries: Array<{ code: string; kk: string; ru: string; en: string; aliases: string[] }>;
};
const flagsDoc = JSON.parse(readFileSync(join(GEO_DATA_DIR, 'name-flags.json'), 'utf8')) as {
  needsContext: Record<string, string[]>;
  notNames?: string[];
  allowStandalone: Record<string, string[]>;
};

function unitDisplay(u: GazJson['units'][number]): { kk: string; ru: string; en: string } {
  let kk = u.kk;
  let ru = u.ru;
  let en = u.en;
  switch (u.l) {
    case 'region':
      kk = `${u.kkb} облысы`;
      ru = u.ruAdj ? `${u.ru} область` : `область ${u.ru}`;
      en = `${u.en} Region`;
      break;
    case 'district':
    case 'city_district':
      kk = `${u.kkb} ауданы`;
      ru = u.ruAdj ? `${u.ru} район` : `район ${u.ru}`;
      en = `${u.en} District`;
      break;
    default:
      kk = u.kkb;
      ru = u.ru;
  }
  return { kk, ru, en };
}

export const units: AdminUnit[] = [];
export const entities: Entity[] = [];
const unitByKato = new Map<string, AdminUnit>();

for (const u of gaz.units) {
  const region = u.l === 'region' || u.l === 'city_republican' ? u.k : '';
  const au: AdminUnit = { kato: u.k, level: u.l, parent: u.p, region, name: unitDisplay(u), lat: u.lat, lon: u.lon };
  units.push(au);
  unitByKato.set(u.k, au);
}
for (const au of units) {
  let r = au;
  while (r.parent && unitByKato.has(r.parent)) r = unitByKato.get(r.parent)!;
  au.region = r.kato;
  entities.push({
    kato: au.kato,
    level: au.level,
    kind: -1,
    district: au.level === 'region' ? null : au.kato,
    region: au.region,
    name: au.name,
  });
}
for (const [kato, kind, kk, ru, en, ui] of gaz.settlements) {
  const au = units[ui];
  entities.push({ kato, level: 'settlement', kind, district: au.kato, region: au.region, name: { kk, ru, en } });
}

/**
 * Region entity id → the city that shares its name (Алматы облысы → Алматы, Қарағанды облысы → Қарағанды):
 * a region's Russian adjective with "городской" names that city ("Алматинский городской суд").
 */
export const namesakeCity = new Map<number, number>();
{
  const base = (n: string) => skeleton(n.split(' ')[0]!);
  const cities = entities.map((e, id) => ({ e, id })).filter(({ e }) => e.level === 'city_republican' || e.level === 'city_regional');
  entities.forEach((r, id) => {
    if (r.level !== 'region') return;
    const c = cities.find(({ e }) => (e.region === r.kato || e.level === 'city_republican') && base(e.name.kk) === base(r.name.kk));
    if (c) namesakeCity.set(id, c.id);
  });
}

/** Per entity id: 1 for a city of republican significance (read in a hot loop without touching the entity). */
export const isRepublicanCity = Uint8Array.from(entities, (e) => (e.level === 'city_republican' ? 1 : 0));

/** skeleton key → entity ids */
export const nameIndex = new Map<string, number[]>(Object.entries(gaz.keys));
/** Russian adjective stem (skeleton up to "sk") → unit ids */
export const adjIndex = new Map<string, number[]>(Object.entries(gaz.adj));
/**
 * skeleton key → units it names only as a former name (Теңіз ауданы → Нұра ауданы): taken only
 * with a generic term next to the name; bare, such a name is a village or a common word.
 */
export const formerOnly = new Map<string, Set<number>>(Object.entries(gaz.former ?? {}).map(([k, v]) => [k, new Set(v)]));

export const foreignIndex = new Map<string, ForeignEntry>();
/**
 * Abbreviations in capitals (UK, США, КНР, ОАЭ), matched as written: a skeleton would lose the
 * script, and "UK" would read the Russian "УК" (уголовный кодекс, the Criminal Code) as Britain.
 */
export const foreignAbbrev = new Map<string, ForeignEntry>();
const ABBREV_RE = /^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{2,5}$/u;
export const FOREIGN_VERSION = foreignDoc.version;
for (const e of foreignDoc.entries) {
  const fe: ForeignEntry = { code: e.code, name: { kk: e.kk, ru: e.ru, en: e.en } };
  for (const n of [e.kk, e.ru, e.en, ...e.aliases]) {
    if (ABBREV_RE.test(n)) {
      if (!foreignAbbrev.has(n)) foreignAbbrev.set(n, fe);
      continue;
    }
    const k = nameKey(n);
    if (k && !foreignIndex.has(k)) foreignIndex.set(k, fe);
  }
}
export const KAZAKHSTAN_CODE = foreignDoc.kazakhstan.code;
export const countryKeys = new Set<string>();
for (const n of [foreignDoc.kazakhstan.kk, foreignDoc.kazakhstan.ru, foreignDoc.kazakhstan.en, ...foreignDoc.kazakhstan.aliases, 'Kazakhstan', 'Казахстан', 'Qazaqstan'])
  countryKeys.add(nameKey(n));

/** Keys that need a generic term next to them (people, common words, ethnonyms, water bodies). */
export const needsContext = new Set<string>();
for (const list of Object.values(flagsDoc.needsContext)) for (const n of list) needsContext.add(nameKey(n));
/** Skeletons of the people's names among them (Сатпаев, Курчатов: towns named after a person). */
export const personKeys = new Set((flagsDoc.needsContext.persons ?? []).map(nameKey));
/** Skeletons of the ethnonyms among them (Казах, Уйгур …): "Kazakh villagers" are people, not a village. */
export const ethnonymKeys = new Set((flagsDoc.needsContext.ethnonyms ?? []).map(nameKey));
/** Skeletons of common words that only look like an inflected place name (Келесі "next"): never a place. */
export const notNames = new Set((flagsDoc.notNames ?? []).map(nameKey));
export const allowStandalone: Record<string, Set<string>> = {};
for (const [lang, list] of Object.entries(flagsDoc.allowStandalone)) allowStandalone[lang] = new Set(list.map(nameKey));

/** First tokens (and longer prefixes) of multi-word keys, for n-gram lookups. */
export const multiPrefixes = new Set<string>();
for (const k of [...nameIndex.keys(), ...adjIndex.keys(), ...foreignIndex.keys(), ...countryKeys]) {
  const parts = k.split(' ');
  for (let i = 1; i < parts.length; i++) multiPrefixes.add(parts.slice(0, i).join(' '));
}

export const LOAD_MS = performance.now() - t0;

// ---------------------------------------------------------------- public helpers

/** The administrative unit with this 9-digit KATO code (regions, republican cities, districts, regional cities, city districts). */
export function getUnit(kato: string): AdminUnit | undefined {
  return unitByKato.get(kato);
}

/** All 250 administrative units. */
export function listUnits(): AdminUnit[] {
  return units.slice();
}

/** The region (oblys) or republican city containing a unit or settlement code; undefined when unknown. */
export function regionOf(kato: string): string | undefined {
  const u = unitByKato.get(kato);
  if (u) return u.region;
  if (!/^\d{9}$/.test(kato)) return undefined;
  for (const e of entities) if (e.kato === kato) return e.region;
  return undefined;
}

const GENERIC_WORDS = new Set(['oblisi', 'oblis', 'oblast', 'oblasti', 'region', 'province', 'obl', 'city', 'citi', 'kalasi', 'kala', 'k', 'g', 'gorod', 'rk']);

/**
 * KATO of a region or republican city named in a feed list ("Almaty city", "North Kazakhstan",
 * "Zhetisu", "Алматинская область", "Шымкент қаласы"). Undefined when nothing matches.
 */
export function findRegionByName(name: string): string | undefined {
  const words = nameKey(name).split(' ').filter(Boolean);
  const cityHint = words.some((w) => w === 'city' || w === 'citi' || w === 'kalasi' || w === 'gorod' || w === 'g' || w === 'k');
  const regionHint = words.some((w) => w.startsWith('oblis') || w.startsWith('oblast') || w === 'region' || w === 'province');
  const core = words.filter((w) => !GENERIC_WORDS.has(w));
  if (!core.length) return undefined;
  const key = core.join(' ');
  const cands: Entity[] = [];
  for (const id of nameIndex.get(key) ?? []) cands.push(entities[id]);
  const a = adjective(core[core.length - 1]);
  if (a) for (const id of adjIndex.get([...core.slice(0, -1), a.stem].join(' ')) ?? []) cands.push(entities[id]);
  const regions = cands.filter((e) => e.level === 'region');
  const cities = cands.filter((e) => e.level === 'city_republican');
  if (cityHint && cities.length) return cities[0].kato;
  if (regions.length && (regionHint || !cities.length || a)) return regions[0].kato;
  if (cities.length) return cities[0].kato;
  return regions[0]?.kato;
}
