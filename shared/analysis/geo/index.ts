// District geocoding for Kazakh, Russian and English news.
//
// One pass over the tokens: every capitalised token (and any token next to a generic term such as
// ауданы / район / district) is reduced to its skeleton and its stem candidates (Kazakh case and
// possessive suffixes, Russian endings), and looked up in hash maps; multi-word names use token
// n-grams whose prefixes are kept in a set. Mentions are then filtered by the generic term next to
// them, disambiguated with the other places of the text and the feed's region, and voted into the
// article's main district and region. See README.md beside this file.
import type { GeoInput, GeoResult, Lang, Place, PlaceLevel, UnitRef } from '../types.ts';
import {
  adjIndex,
  allowStandalone,
  personKeys,
  countryKeys,
  entities,
  ethnonymKeys,
  foreignAbbrev,
  foreignIndex,
  formerOnly,
  getUnit,
  isRepublicanCity,
  namesakeCity,
  KAZAKHSTAN_CODE,
  multiPrefixes,
  nameIndex,
  needsContext,
  notNames,
  type Entity,
  type ForeignEntry,
} from './gazetteer.ts';
import { adjective, isKazakhDemonymRest, ruDemonymStems, stemCandidates, tokensFrom, type Token, type AdjGender } from './normalize.ts';
import { tokenizeArticle, type TokenizedArticle } from '../text/article.ts';
import { FOREIGN_OVER_DOMESTIC } from '../abroad.ts';

export { findRegionByName, getUnit, listUnits, regionOf, LOAD_MS as GEO_LOAD_MS } from './gazetteer.ts';
export type { AdminUnit } from './gazetteer.ts';

type Generic = 'region' | 'district' | 'city' | 'village';

/** A recognised place mention. */
export interface GeoMention {
  /** Text as written (name words, without the generic term). */
  text: string;
  start: number;
  end: number;
  sentence: number;
  /** KATO, `foreign:XX` or `country:KZ`; null when the name stayed ambiguous. */
  code: string | null;
  level: PlaceLevel | 'country' | null;
  confidence: number;
}

export interface GeoResultDetailed extends GeoResult {
  /** True when the text names Kazakhstan itself (`country:KZ`); the country is never a place or region. */
  kazakhstan: boolean;
  mentions: GeoMention[];
}

// ------------------------------------------------------------------ generic terms

const AUL_RE = /^aul(a|e|om|u|i|ov|ah|ami|da|ga|dan|dagi|in|ina|inda|indagi|inin|inan|dar|dardin|dardi|darga|darda)?$/;
const KENT_RE = /^kent(?:i|in|ine|inde|indegi|inin|inen|ke|te|ten|tegi|tin|ti|ter|teri|terinde|terdin|terge|ter)?$/;

/** First names that come before the person a town is named after (Қаныш Сәтбаев, Игорь Курчатов). */
const FIRST_NAMES = new Set(['kanish', 'kanysh', 'igor', 'igoria']);
/** Words after a person's name in an institution's name: Сәтбаев атындағы, университет Сатпаева, Satbayev University. */
const PERSON_AFTER = /^(atind|universit|institut|muze|museum|prospek|avenue|street|koshes|ulits)/;

function genericOfSlow(t: Token, next: Token | undefined): { g: Generic; plural: boolean } | null {
  const k = t.key;
  if (k.length < 1) return null;
  const c = k[0];
  if (c === 'o') {
    if (k.startsWith('oblis')) return { g: 'region', plural: k.startsWith('oblistar') };
    if (k.startsWith('oblast')) return { g: 'region', plural: k === 'oblastiah' || k === 'oblastei' || k === 'oblastiam' };
    if (k === 'obl' && t.dot) return { g: 'region', plural: false };
  } else if (c === 'r') {
    if (k.startsWith('region')) return { g: 'region', plural: k === 'regions' };
    if (k.startsWith('raion')) return { g: 'district', plural: k === 'raionah' || k === 'raionov' || k === 'raioni' };
    if (k === 'r' && t.hyphenNext && next && next.key.startsWith('n')) return { g: 'district', plural: false };
    // a city district's police department: Алмалинское РУП, в Медеуском РОП (районное управление / отдел полиции)
    if (k === 'rup' || k === 'rop' || k === 'ruvd' || k === 'rovd') return { g: 'district', plural: false };
  } else if (c === 'a') {
    if (k.startsWith('audan')) return { g: 'district', plural: k.startsWith('audandar') };
    // ауыл / аул in their case forms, not a name that starts so (Әулиекөл, Аулиеата)
    if (k.startsWith('auil') || AUL_RE.test(k)) return { g: 'village', plural: k.startsWith('auildar') || k.startsWith('auldar') };
  } else if (c === 'd') {
    if (k.startsWith('district')) return { g: 'district', plural: k === 'districts' };
    if (k.startsWith('derevn')) return { g: 'village', plural: false };
  } else if (c === 'p') {
    if (k === 'province' || k === 'provinces') return { g: 'region', plural: k === 'provinces' };
    if (k.startsWith('posel') || k.startsWith('posiol')) return { g: 'village', plural: false };
    if ((k === 'pos' || k === 'p' || k === 'pgt') && t.dot) return { g: 'village', plural: false };
  } else if (c === 'k') {
    if (k.startsWith('kala') && k !== 'kalai' && k !== 'kalaisha' && !k.startsWith('kalai')) return { g: 'city', plural: k.startsWith('kalalar') };
    // кент "township" in its case forms (кентінде, кентіндегі, кенттің); not Кентау
    if (KENT_RE.test(k)) return { g: 'village', plural: k.startsWith('kentter') };
  } else if (c === 'g') {
    if (k.startsWith('gorod')) return { g: 'city', plural: k === 'gorodah' };
    if ((k === 'g' || k === 'gor') && t.dot) return { g: 'city', plural: false };
  } else if (c === 'c') {
    if (k === 'city' || k === 'cities') return { g: 'city', plural: k === 'cities' };
  } else if (c === 't') {
    if (k === 'town' || k === 'towns') return { g: 'city', plural: false };
  } else if (c === 's') {
    if (k === 'selo' || k === 'sela' || k === 'sele' || k === 'selom' || k === 'selah' || k.startsWith('selsk')) return { g: 'village', plural: k === 'selah' };
    if (k === 's' && t.dot) return { g: 'village', plural: false };
    if (k === 'settlement' || k === 'settlements') return { g: 'village', plural: false };
  } else if (c === 'v') {
    if (k === 'village' || k === 'villages' || k === 'villagers') return { g: 'village', plural: k === 'villages' };
  } else if (c === 'e') {
    if (k === 'eldi' && next && next.key.startsWith('meken')) return { g: 'village', plural: false };
  }
  return null;
}

type GenericHit = { g: Generic; plural: boolean };
// Keys whose reading depends on the token's context (a following period or hyphen, the next word).
const CONTEXT_GENERIC = new Set(['obl', 'r', 'pos', 'p', 'pgt', 'g', 'gor', 's', 'eldi']);
const CONTEXT = { g: 'region', plural: false } as GenericHit;

/**
 * The generic term a token is (oblysy, район, district …), or null. genericOf runs for nearly every
 * token, so the answer is kept on the interned word form; only the few abbreviations whose reading
 * depends on the next character or word take the slow path each time. Callers must not mutate it.
 */
function genericOf(t: Token, next: Token | undefined): GenericHit | null {
  const w = t.word;
  let v = w.generic as GenericHit | null | undefined;
  if (v === undefined) {
    v = CONTEXT_GENERIC.has(t.key) ? CONTEXT : genericOfSlow(t, undefined);
    w.generic = v;
  }
  return v === CONTEXT ? genericOfSlow(t, next) : v;
}

const CONJ = new Set(['jane', 'men', 'i', 'and', 'ili', 'or', 'nemese', 'a', 'sondai', 'takje']);
const GENERIC_HEAD = new Set(['auil', 'audan', 'oblis', 'kala']);

// ------------------------------------------------------------------ raw mentions

interface Raw {
  i: number; // first token
  n: number; // tokens of the name
  ids: number[]; // KZ entity candidates
  foreign: ForeignEntry | null;
  country: boolean;
  adjGender: AdjGender | null;
  generic: Generic | null;
  /** generic term came from a plural term further right (Қордай және Шу аудандарында) */
  genericFar: boolean;
  /** token index just after the name (and its generic term, when the term follows) */
  after: number;
  key: string;
  /** The name's last word carried a case suffix / ending (Алматыда, Шымкенте). */
  inflected: boolean;
  /** Looks like part of a personal name or a quoted title (capitalised word next to it, «…»). */
  nameLike: boolean;
  /**
   * A demonym or bare place adjective (Маңғыстаулық, алматинцы, мангистауские): it names where
   * people or things come from, not where the story happens, so it votes with DEMONYM_WEIGHT.
   */
  demonym: boolean;
  /** One end of a road's name (трасса Алматы – Бишкек): votes ROAD_WEIGHT. */
  road?: boolean;
}

const ORIGIN_EN = new Set(['born', 'bred', 'native']);
/** Motion verbs before "from"/"из": the place is where people came from (transliterated keys). */
/** A city district is the article's district only when it has this many times the votes of the next one the article names. */
const CITY_PART_LEAD = 1.5;
const CAME_FROM_RE = /^(travel|came$|come$|arriv|moved$|flew$|priehav|priehal|pribiv|pribil|pereeha|are$|is$|was$|were$|originally$|hail|rodom$)/;

/** Words right before a club or company name (skeleton keys): ФК, FC, клуб, команда, ТОО, игрок … */
// (Russian and English put the word before the name; Kazakh puts клубы / командасы after it.)
const ORG_BEFORE = new Set(['fk', 'fc', 'pfk', 'hk', 'bk', 'vk', 'mfk', 'club', 'team', 'player', 'players', 'coach', 'striker', 'midfielder', 'goalkeeper', 'defender', 'captain']);
/** Russian club words before the name (not read in Kazakh text, where the word follows the name). */
const ORG_BEFORE_RU = new Set(['klub', 'kluba', 'klubu', 'klubom', 'klube', 'komanda', 'komandi', 'komandu', 'komande', 'komandoi']);
/** Company words: before a quoted name only (ТОО «Астана-Строй», компания «Астана Моторс»). */
const COMPANY_BEFORE = new Set(['too', 'ao', 'jshs', 'llp', 'jsc', 'company', 'kompaniia', 'kompanii', 'kompaniiu', 'kompaniei']);
const ORG_BEFORE_PREFIX = /^(igrok|trener|napadaiu|zashitn|poluzashitn|vratar|golkiper|forvard|kapitan|futbolist|hokkeist)/;
/** Words right after a club or company name: Astana FC, Astana Motors, «Қайрат» футбол клубы, «Тобыл» командасы. */
const ORG_AFTER = new Set(['fc', 'fk', 'hk', 'club', 'team', 'motors', 'motorz', 'group', 'bank', 'arena', 'hub', 'opera', 'airlines', 'airways', 'holding', 'invest', 'media', 'tv', 'pro', 'futbol', 'hokkei']);
const ORG_AFTER_PREFIX = /^(klub|komanda|motors|grupp)/;
/** Match-report words: a quoted place name in such a sentence is a team. */
const SPORTS_WORD = /^(match|gol$|goal|talkanda|chempionat|liga|ligi|ligu|league|turnir|tournament|obigral|pobedil|sigral|vnichiu|scored|beat$|defeated|draw$|dreu$|jendi|utildi|utti$|oiin|oin$|oinda|oinin|oini$|esebi|esep|premer|kubok|kubk|kubog|cup$|fixture|schetom|razgrom|ustupil|proigral|stadion|stadium|sezon|season|tur$|ture$|turda|turind|turinda)/;
/** Sports nouns (context for a bare, unquoted team name): match, cup, league, goal, со счётом … */
const SPORTS_NOUN = /^(match|gol$|goli$|gola$|goal|chempionat|liga|ligi|ligu|league|turnir|tournament|kubok|kubk|kubog|cup$|fixture|schetom|esebi|esep|oiin|oin$|oinda|oinin|oini$|stadion|stadium|polufinal|semifinal|final|premer|tur$|ture$|turda|turind)/;
/** A result verb right next to a bare team name: «Тобол разгромил Астану», "Tobol beat Astana". */
/** Words for a road (трасса, автодорога, шоссе, тас жол / тасжол, highway, road). */
const ROAD_WORD = /^(trass|avtodorog|avtotrass|shosse|avtomagistral|jol$|joli|jolind|jolinda|jolindagi|tasjol|higuai|roads?$|motoruai)/;
const SPORTS_VERB = /^(razgrom|obigra|pobedi|ustupi|proigra|odolel|pereigra|beat$|beats$|defeat|thrash|edged$|routed$|jendi|jenildi|utti$|utildi|talkanda)/;
/** "lost" is a result verb only before "to" (Aktobe lost to Atyrau). */
const LOST = /^(lost|lose|loses)$/;
/** Verbs that make a sports sentence by themselves: drew with, сыграли вничью (тең ойнады is checked in place). */
const SPORTS_DRAW = /^(vnichiu|dreu$)/;
/** Words before a venue, not a team: в Костанае, на стадионе в Павлодаре, in Kostanay, at Astana Arena. */
const VENUE_BEFORE = new Set(['v', 'vo', 'na', 'iz', 'pod', 'okolo', 'bliz', 'do', 'in', 'at', 'near', 'from', 'into', 'of', 'akim', 'akimat']);
/** Kazakh accusative and dative endings after a team name (Астананы жеңді, Атырауға ұтылды). */
const KK_ACC = new Set(['', 'ni', 'di', 'ti', 'n']);
const KK_DAT = new Set(['ga', 'ge', 'ka', 'ke', 'na', 'ne', 'a', 'e']);

/** Cities whose agency datelines (Kazinform, KazTAG …) open national news: Astana and Almaty. */
const AGENCY_CAPITALS = new Set(['710000000', '750000000']);

/** Vote of a dateline place (where the story was filed) relative to a place named in the text. */
const DATELINE_WEIGHT = 0.5;
/** Extra vote weight of a place named in a sentence that carries the tension evidence (see geocodeArticle). */
const FOCUS_WEIGHT = 3;

/**
 * The dateline: a place name that opens the body, followed by a period, an opening parenthesis
 * (the agency), a comma and a date, or, in capitals, a dash: "АСТАНА. KAZINFORM –",
 * "Алматы. 17 сентября. КазТАГ –", "ASTANA (Kazinform) –", "Караганда, 12 мая –", "ТАРАЗ —".
 * `alone`: it makes a sentence of its own (the lead is the next one).
 */
function datelineOf(body: string, toks: Token[], raws: Raw[], bodyStart: number): { raw: Raw; alone: boolean } | null {
  const r = raws.find((x) => x.i === bodyStart);
  if (!r || r.generic || r.country || r.n > 3) return null;
  const last = toks[r.i + r.n - 1];
  const rest = body.slice(last.end, last.end + 24);
  let upper = true;
  for (let k = r.i; k < r.i + r.n; k++) if (!toks[k].upper) upper = false;
  const ok = /^\s*(\.|\(|,\s*\d)/.test(rest) || (upper && /^\s*(,|[-–—\/])/.test(rest));
  if (!ok) return null;
  const s = last.sentence;
  const next = toks[r.i + r.n];
  // alone: the next sentence starts within a few tokens (a date, an agency name)
  let alone = !next || next.sentence !== s;
  if (!alone) for (let k = r.i + r.n; k < toks.length && k < r.i + r.n + 4; k++) if (toks[k].sentence !== s) alone = true;
  return { raw: r, alone };
}

/** Vote of a demonym relative to a place named outright. */
const DEMONYM_WEIGHT = 0.5;
/** Vote weight of a city named only as an end of a road (трасса Алматы – Бишкек). */
const ROAD_WEIGHT = 0.25;
/** Prepositions between a road word and its destination (дорога на Кеген, road to Kegen). */
const ROAD_TO = new Set(['na', 'do', 'to', 'towards']);

const stemCache = new Map<string, string[]>();
function stemsOf(key: string, minBase: number, en: boolean): string[] {
  const ck = minBase === 3 && !en ? key : `${en ? 'E' : ''}${minBase}|${key}`;
  let v = stemCache.get(ck);
  if (!v) {
    const set = new Set<string>();
    stemCandidates(key, set, minBase, !en);
    v = [...set].sort((a, b) => b.length - a.length);
    if (stemCache.size > 50_000) stemCache.clear();
    stemCache.set(ck, v);
  }
  return v;
}

/**
 * The gazetteer reading of the name starting at token i. `en`: the article is in English, where a
 * name takes no Kazakh suffix (Korean, Russian and Georgian are not Korea, Russia and Georgia with
 * an accusative -н); Russian endings stay, for transliterations (Rudny = Рудный).
 */
function lookupAt(toks: Token[], i: number, lowerOk: boolean, en: boolean): Raw | null {
  const t = toks[i];
  if (notNames.has(t.key)) return null;
  if (t.upper && t.raw.length <= 5) {
    const fe = foreignAbbrev.get(t.raw);
    // "UK RK" (the Criminal Code of the RK, transliterated) is no country
    const nx = toks[i + 1];
    if (fe && !(nx && nx.upper && countryKeys.has(nx.key))) return { i, n: 1, ids: [], foreign: fe, country: false, adjGender: null, generic: null, genericFar: false, after: i + 1, key: t.key, inflected: false, nameLike: false, demonym: false };
  }
  if (t.hyphenNext && i + 1 < toks.length) return hyphenated(toks, i, lookupWords(toks, i, lowerOk, en), en);
  return lookupWords(toks, i, lowerOk, en);
}

/**
 * A hyphenated name is also looked up with its parts joined: Катон-Карагай (a village's spelling)
 * and Катонқарағай / Katonkaragay (the district's) are one name, so "Katon-Karagay district" finds
 * the district and not only the village. The longer reading wins; readings of the same tokens merge.
 */
function hyphenated(toks: Token[], i: number, plain: Raw | null, en: boolean): Raw | null {
  let key = toks[i].key;
  let n = 1;
  while (n < 3 && i + n < toks.length && toks[i + n - 1].hyphenNext) {
    key += toks[i + n].key;
    n++;
  }
  const hit = lookupName('', key, 3, en);
  if (!hit || (plain && plain.n > n)) return plain;
  const joined: Raw = { i, n, ids: hit.ids, foreign: hit.foreign, country: hit.country, adjGender: hit.adjGender, generic: null, genericFar: false, after: i + n, key: hit.key, inflected: hit.inflected, nameLike: false, demonym: hit.demonym };
  if (!plain || plain.n < n) return joined;
  // the same tokens read both ways: keep both sets of candidates (the generic term picks)
  const ids = [...new Set([...plain.ids, ...hit.ids])];
  return { ...plain, ids, adjGender: plain.adjGender ?? hit.adjGender, foreign: plain.foreign ?? hit.foreign };
}

function lookupWords(toks: Token[], i: number, lowerOk: boolean, en: boolean): Raw | null {
  const t = toks[i];
  // Most names are one word that starts no multi-word name: then the look-up depends on the word
  // form alone and is kept on it.
  const w = t.word;
  if (w.geoMulti === undefined) w.geoMulti = multiPrefixes.has(t.key);
  if (!w.geoMulti || i + 1 >= toks.length) {
    let hit = (en ? w.geoNameEn : w.geoName) as NameHit | null | undefined;
    if (hit === undefined) {
      hit = lookupName('', t.key, 3, en);
      if (en) w.geoNameEn = hit;
      else w.geoName = hit;
    }
    if (!hit) return null;
    return { i, n: 1, ids: hit.ids, foreign: hit.foreign, country: hit.country, adjGender: hit.adjGender, generic: null, genericFar: false, after: i + 1, key: hit.key, inflected: hit.inflected, nameLike: false, demonym: hit.demonym };
  }
  // n-gram prefixes: longest first
  let best: Raw | null = null;
  let prefix = '';
  const prefixes: string[] = [''];
  for (let n = 1; n < 4 && i + n < toks.length; n++) {
    prefix = prefix ? `${prefix} ${toks[i + n - 1].key}` : toks[i + n - 1].key;
    if (!multiPrefixes.has(prefix)) break;
    prefixes.push(prefix);
  }
  for (let p = prefixes.length - 1; p >= 0 && !best; p--) {
    const pre = prefixes[p];
    const last = toks[i + p];
    if (!last) continue;
    if (p > 0 && !(last.cap || lowerOk || (/^(sal|bi|batir|akin|jirau|bokeihan)$/.test(last.key) || last.key.startsWith('onir')))) {
      // second words of multi-word names are capitalised except a few (Біржан сал, Төле би, Өтеген батыр, Сыр өңірі)
      if (!last.cap) continue;
    }
    const hit = lookupName(pre, last.key, p > 0 ? 2 : 3, en);
    if (hit) {
      best = { i, n: p + 1, ids: hit.ids, foreign: hit.foreign, country: hit.country, adjGender: hit.adjGender, generic: null, genericFar: false, after: i + p + 1, key: hit.key, inflected: hit.inflected, nameLike: false, demonym: hit.demonym };
    }
  }
  void t;
  return best;
}

interface NameHit {
  ids: number[];
  foreign: ForeignEntry | null;
  country: boolean;
  adjGender: AdjGender | null;
  key: string;
  inflected: boolean;
  demonym: boolean;
}

const NO_HIT = null;
const nameMemo = new Map<string, NameHit | null>();

/**
 * The gazetteer entry for a name whose last word has skeleton `lastKey` and whose earlier words are
 * `pre` (space-joined skeletons, '' for a one-word name): the longest stem candidate that hits, with
 * Russian -ский/-ская adjectives winning over noun readings. Depends only on its arguments, so it is
 * memoised: the same capitalised words recur across articles.
 */
function lookupName(pre: string, lastKey: string, minBase: number, en = false): NameHit | null {
  const mk = (en ? 'E' : '') + (pre ? `${minBase}|${pre}|${lastKey}` : minBase === 3 ? lastKey : `${minBase}||${lastKey}`);
  let v = nameMemo.get(mk);
  if (v !== undefined) return v;
  v = lookupNameSlow(pre, lastKey, minBase, en);
  if (nameMemo.size > 50_000) nameMemo.clear();
  nameMemo.set(mk, v);
  return v;
}

function lookupNameSlow(pre: string, lastKey: string, minBase: number, en: boolean): NameHit | null {
    const cands = stemsOf(lastKey, minBase, en);
    let hitLen = -1;
    let ids: number[] = [];
    let foreign: ForeignEntry | null = null;
    let country = false;
    let hitKey = '';
    let hitStem = '';
    for (const c of cands) {
      if (c.length <= hitLen) continue;
      const full = pre ? `${pre} ${c}` : c;
      const kz = nameIndex.get(full);
      const fo = foreignIndex.get(full);
      const co = countryKeys.has(full);
      if (kz || fo || co) {
        // a two-letter stem only as the exact token (Шу, Ош)
        if (c.length < 3 && c !== lastKey) continue;
        // a people's plural is not its country: монголы, киргизы, сербы ≠ Монголия, Киргизия, Сербия
        // (the -ы/-и → -ия restore; the country's own cases come through -ии → -ия)
        if (c.endsWith('ia') && lastKey.endsWith('i') && c.length === lastKey.length + 1 && c.startsWith(lastKey.slice(0, -1))) continue;
        hitLen = c.length;
        ids = kz ?? [];
        foreign = fo ?? null;
        country = co;
        hitKey = full;
        hitStem = c;
      }
    }
    let adjGender: AdjGender | null = null;
    {
      // Russian -ский/-ская adjectives win over noun readings of the same token (Абайском → Абай)
      const a = adjective(lastKey);
      if (a) {
        const full = pre ? `${pre} ${a.stem}` : a.stem;
        const hit = adjIndex.get(full);
        if (hit) {
          ids = hit;
          foreign = null;
          country = false;
          adjGender = a.gender;
          hitLen = a.stem.length;
          hitKey = full;
        }
      }
    }
    if (hitLen < 0) return NO_HIT;
    if (!adjGender && !foreign && !country && ids.length && !ids.some(isCityOrRegion)) {
      // A city read through a case ending beats a village whose name is that inflected form: Сатпаева
      // is the genitive of the town Сатпаев before the village "с. Сатпаева" (Turkestan region).
      for (const c of cands) {
        if (c.length >= hitLen || c.length < 4 || c.length < hitLen - 2) continue;
        const full = pre ? `${pre} ${c}` : c;
        const city = nameIndex.get(full);
        if (!city?.some(isCityOrRegion)) continue;
        ids = city;
        hitKey = full;
        hitStem = c;
        break;
      }
    }
    const demonym = !adjGender && hitStem !== lastKey && lastKey.startsWith(hitStem) && isKazakhDemonymRest(lastKey.slice(hitStem.length));
    return { ids, foreign, country, adjGender, key: hitKey, inflected: !adjGender && hitStem !== lastKey, demonym };
}

/** A capitalised word next to a name (Name Surname), in the same sentence, that is no mention or generic term itself. */
function capWordNextTo(t: Token | undefined, isMention: boolean, t0: Token): boolean {
  return !!t && t.cap && !t.upper && t.raw.length >= 3 && !isMention && !genericOf(t, undefined) && t.sentence === t0.sentence;
}

// Small helpers kept at module level: closures made per mention cost a function object each (and,
// under tsx, a defineProperty for its name), which showed in the engine's profile.
function pickIds(ids: number[], pred: (e: Entity) => boolean): number[] {
  return ids.filter((id) => pred(entities[id]));
}
function sameSentence(u: Token | undefined, t: Token): u is Token {
  return !!u && u.sentence === t.sentence;
}
function tokAt(toks: Token[], s: number, k: number): Token | undefined {
  return k >= 0 && k < toks.length && toks[k].sentence === s ? toks[k] : undefined;
}
function anyOutside(ks: number[], r: Raw): boolean {
  return ks.some((k) => k < r.i || k >= r.i + r.n);
}
function roadWordIn(u: Token | undefined, sentence: number): boolean {
  return !!u && u.sentence === sentence && ROAD_WORD.test(u.key);
}

/** Transliterated keys shaped like a surname (Сатпаев, Курчатов, Ибрагимова): see nameLike. */
const SURNAME_KEY = /^[a-z]{3,}(ov|ev|ova|eva|in|ina)$/;

const SPORTS_VERB_EXTRA = /^(sigral|dreu$|drau$|lost$|lose$|loses$|plaied$)/;
function isSportsVerb(u: Token | undefined): boolean {
  return !!u && (SPORTS_VERB.test(u.key) || SPORTS_VERB_EXTRA.test(u.key));
}

/** An adjective stem built on a people's name (уйгурск, казахск): see the adjective rule in run(). */
const ethnonymStemMemo = new Map<string, boolean>();
function isEthnonymStem(key: string): boolean {
  let v = ethnonymStemMemo.get(key);
  if (v === undefined) {
    v = false;
    for (const k of ethnonymKeys) if (k.length >= 4 && key.startsWith(k)) v = true;
    ethnonymStemMemo.set(key, v);
  }
  return v;
}

/** A Kazakh demonym in lower case (алматылық, шымкенттік, павлодарлықтар): of a city or a region only. */
function kkDemonymAt(toks: Token[], i: number): Raw | null {
  const r = lookupAt(toks, i, true, false);
  if (!r || !r.demonym || r.n !== 1) return null;
  // алматылық is of the city, not Astana's Алматы district; павлодарлық of the city, not Павлодар ауданы
  const ids = r.ids.filter(isCityOrRegion);
  return ids.length ? { ...r, ids } : null;
}

const isCityOrRegion = (id: number): boolean => {
  const l = entities[id].level;
  return l === 'city_republican' || l === 'city_regional' || l === 'region';
};

/**
 * A Russian demonym noun (алматинцы, павлодарец, астанчане) or a bare place adjective written
 * without a generic noun (мангистауские нефтяники, карагандинский). Only cities and regions form
 * such words in news use, so only they are read; a bare adjective shared by a city and its region
 * (алматинский, карагандинский) is read as the city, as Russian news uses it. Memoised like lookupName.
 */
function demonymName(key: string): NameHit | null {
  const mk = `D|${key}`;
  let v = nameMemo.get(mk);
  if (v !== undefined) return v;
  v = null;
  for (const c of ruDemonymStems(key)) {
    const ids = (nameIndex.get(c) ?? []).filter(isCityOrRegion);
    if (ids.length) {
      v = { ids, foreign: null, country: false, adjGender: null, key: c, inflected: true, demonym: true };
      break;
    }
  }
  if (!v) {
    const a = adjective(key);
    const regions = a ? (adjIndex.get(a.stem) ?? []).filter(isCityOrRegion) : [];
    if (a) {
      // алматин-ск → алматы, караганд-инск → караганды: the city the adjective is formed from; a city
      // with no region of its name is read from the adjective alone (шымкент-ск → Шымкент)
      const base = a.stem.slice(0, -2);
      let cities: number[] = [];
      if (base.length >= 4) {
        for (const c of [base, base.slice(0, -1), base.endsWith('in') ? base.slice(0, -2) + 'i' : '']) {
          if (!c) continue;
          cities = (nameIndex.get(c) ?? []).filter((id) => entities[id].level === 'city_republican' || entities[id].level === 'city_regional');
          if (cities.length) break;
        }
      }
      if (cities.length || regions.length) v = { ids: cities.length ? cities : regions, foreign: null, country: false, adjGender: null, key: a.stem, inflected: true, demonym: true };
    }
  }
  if (nameMemo.size > 50_000) nameMemo.clear();
  nameMemo.set(mk, v);
  return v;
}

const isCyrillic = (t: Token): boolean => {
  const c = t.raw.charCodeAt(0);
  return c >= 0x400 && c <= 0x4ff;
};

/**
 * A lower-case place adjective before a lake, a sea, a reservoir, a shore, a river or mountains names
 * the feature, not the town (балхашского озера, капшагайского водохранилища); "уральский" is the Urals
 * (уральская популяция сайгаков) far more often than Uralsk.
 */
const FEATURE_AFTER = /^(ozer|mor[eiaiu]|vodohran|poberej|reki|reka|reku|rek$|gor[iay]?$|hrebt|doli|popul|kol[ii]?$|kolin|ozen|tauli)/;
function naturalFeature(toks: Token[], i: number): boolean {
  if (toks[i].key.startsWith('uralsk')) return true;
  const nx = toks[i + 1];
  return !!nx && nx.sentence === toks[i].sentence && FEATURE_AFTER.test(nx.key);
}

function demonymAt(toks: Token[], i: number): Raw | null {
  const t = toks[i];
  const w = t.word;
  // Kept on the interned word form: this runs for every lower-case Cyrillic word.
  let hit = w.demonym as NameHit | null | undefined;
  if (hit === undefined) hit = w.demonym = isCyrillic(t) && t.key.length >= 6 ? demonymName(t.key) : null;
  if (!hit) return null;
  return { i, n: 1, ids: hit.ids, foreign: null, country: false, adjGender: null, generic: null, genericFar: false, after: i + 1, key: hit.key, inflected: true, nameLike: false, demonym: true };
}

// ------------------------------------------------------------------ scoring helpers

const LEVEL_RANK: Record<string, number> = {
  city_republican: 6,
  city_regional: 5,
  region: 4,
  district: 3,
  city_district: 2,
  settlement: 1,
};

/**
 * `namedCities`: the republican cities the article names (Алматы, Астана, Шымкент); a bare name of one
 * of their districts (Түрксібте, в Турксибе, Медеуде) is that district when its city is named too.
 */
function filterByGeneric(raw: Raw, lang: Lang, namedCities?: ReadonlySet<string>): { ids: number[]; standalone: boolean } {
  const ents = raw.ids;
  const g = raw.generic;
  if (raw.adjGender) {
    // Russian adjectives: -ская область (f) → region, -ский район (m) → district
    if (g === 'region' || (raw.adjGender === 'f' && g !== 'district' && g !== 'city')) {
      const r = pickIds(ents, (e) => e.level === 'region');
      if (r.length) return { ids: r, standalone: false };
    }
    if (g === 'city') {
      const cities = pickIds(ents, (e) => e.level === 'city_republican' || e.level === 'city_regional');
      // "Алматинский городской суд": the region's adjective names its namesake city
      return { ids: cities.length ? cities : ents.flatMap((id) => namesakeCity.get(id) ?? []), standalone: false };
    }
    const d = pickIds(ents, (e) => e.level === 'district' || e.level === 'city_district');
    if (d.length) return { ids: d, standalone: g === null };
    return { ids: pickIds(ents, (e) => e.level === 'region'), standalone: g === null };
  }
  switch (g) {
    case 'region':
      return { ids: pickIds(ents, (e) => e.level === 'region'), standalone: false };
    case 'district':
      return { ids: pickIds(ents, (e) => e.level === 'district' || e.level === 'city_district'), standalone: false };
    case 'city': {
      const big = pickIds(ents, (e) => e.level === 'city_republican' || e.level === 'city_regional');
      if (big.length) return { ids: big, standalone: false };
      const c = pickIds(ents, (e) => e.level === 'settlement' && e.kind <= 1);
      return { ids: c.length ? c : pickIds(ents, (e) => e.level === 'settlement'), standalone: false };
    }
    case 'village': {
      const v = pickIds(ents, (e) => e.level === 'settlement');
      return { ids: v, standalone: false };
    }
    default: {
      if (needsContext.has(raw.key) && !allowStandalone[lang === 'other' ? 'ru' : lang]?.has(raw.key)) return { ids: [], standalone: true };
      const former = formerOnly.get(raw.key);
      const ents = former ? raw.ids.filter((id) => !former.has(id)) : raw.ids;
      const cities = pickIds(ents, (e) => e.level === 'city_republican' || e.level === 'city_regional');
      if (cities.length) return { ids: cities, standalone: true };
      const towns = pickIds(ents, (e) => e.level === 'settlement' && e.kind <= 1);
      const regions = pickIds(ents, (e) => e.level === 'region');
      if (regions.length) return { ids: regions, standalone: true };
      const districts = pickIds(ents, (e) => e.level === 'district');
      if (towns.length) {
        // a town that is its district's centre: same district either way
        return { ids: towns, standalone: true };
      }
      if (districts.length) return { ids: districts, standalone: true };
      const parts = namedCities?.size ? pickIds(ents, (e) => e.level === 'city_district' && namedCities.has(e.region)) : [];
      if (parts.length) return { ids: parts, standalone: true };
      return { ids: pickIds(ents, (e) => e.level === 'settlement'), standalone: true };
    }
  }
}

function displayName(e: { name: { kk: string; ru: string; en: string } }, lang: Lang): string {
  return lang === 'kk' ? e.name.kk : lang === 'en' ? e.name.en : e.name.ru;
}

const PERSONISH = /(bek|bai|han|jan|ali|uli|kizi|gul|ova|eva|ina|ov|ev|in|bi|batir|ata)$/;

interface Resolved {
  raw: Raw;
  entity: Entity | null;
  /** When the candidates agreed only on the region. */
  regionOnly: string | null;
  foreign: ForeignEntry | null;
  country: boolean;
  confidence: number;
  weight: number;
  sentence: number;
}

// ------------------------------------------------------------------ geocode

export function geocodeDetailed(input: GeoInput): GeoResultDetailed {
  return run(tokenizeArticle(input.text ?? '', input.title), input.lang, input.feedRegion, true);
}

/** Places, main district and main region of an article. */
export function geocode(input: GeoInput): GeoResult {
  return geocodeArticle(tokenizeArticle(input.text ?? '', input.title), input.lang, input.feedRegion);
}

/**
 * geocode() over an article already tokenised by text/article.ts: the engine tokenises once for
 * the tension analyser and the geocoder. Mention offsets are offsets in the normalised text.
 */
/**
 * `focus`: indices of the sentences that carry the article's tension evidence (the engine passes them
 * for a flagged article). A place named there weighs FOCUS_WEIGHT more: in a digest or a long feature
 * the district to watch is where the incident is, not where most of the other news happened.
 */
export function geocodeArticle(doc: TokenizedArticle, lang: Lang, feedRegion?: string, focus?: ReadonlySet<number>): GeoResult {
  const r = run(doc, lang, feedRegion, false, focus);
  return { places: r.places, district: r.district, region: r.region };
}

/** The geocoder; `detailed` = also build the mention list (geocode() does not need it). */
/** What the club-and-team tests read of one article, with their per-sentence caches. */
interface SportsCtx {
  toks: Token[];
  lang: Lang;
  body: string;
  sportsSentence: Map<number, boolean>;
  /** Per sentence: token indices of sports result verbs and draws (bareTeam). */
  sportsScan: Map<number, { verb: number[]; draw: number[] }>;
  sportsArticle?: boolean;
}

function scanToken(x: SportsCtx, k: number, s: number, into: { verb: number[]; draw: number[] }): void {
  const { toks, lang } = x;
  const key = toks[k].key;
  const nk = k + 1 < toks.length && toks[k + 1].sentence === s ? toks[k + 1].key : '';
  if (SPORTS_VERB.test(key) || (LOST.test(key) && nk === 'to')) into.verb.push(k);
  if (SPORTS_DRAW.test(key) || (key === 'ten' && lang === 'kk' && nk.startsWith('oina'))) into.draw.push(k);
}
function clubOrCompany(x: SportsCtx, r: Raw): boolean {
  const { toks, lang } = x;
  const t = toks[r.i];
  const prev = r.i > 0 ? toks[r.i - 1] : undefined;
  const next = toks[r.i + r.n];
  if (sameSentence(prev, t) && (ORG_BEFORE.has(prev.key) || (lang !== 'kk' && (ORG_BEFORE_RU.has(prev.key) || ORG_BEFORE_PREFIX.test(prev.key))))) return true;
  if (sameSentence(prev, t) && t.quoted && COMPANY_BEFORE.has(prev.key)) return true;
  // (a Kazakh city in a case form before "футбол" is the venue: Астанада футбол турнирі өтті)
  if (sameSentence(next, t) && (ORG_AFTER.has(next.key) || ORG_AFTER_PREFIX.test(next.key)) && !(lang === 'kk' && inflectedName(toks, r))) return true;
  if ((sameSentence(prev, t) && prev.key === 'vs') || (sameSentence(next, t) && (next.key === 'vs' || (next.key === 'v' && next.dot)))) return true;
  if (!t.quoted) return bareTeam(x, r);
  // a quoted name: "против «Тобола»", «Ақтөбеге» қарсы, or a match report
  if ((sameSentence(prev, t) && prev.key === 'protiv') || (sameSentence(next, t) && next.key.startsWith('karsi'))) return true;
  let v = x.sportsSentence.get(t.sentence);
  if (v === undefined) {
    v = false;
    for (const u of toks) if (u.sentence === t.sentence && SPORTS_WORD.test(u.key)) v = true;
    x.sportsSentence.set(t.sentence, v);
  }
  return v;
}

/** The Kazakh case ending after the name ('' when none; null when the stem does not show). */
function kkEnding(toks: Token[], r: Raw): string | null {
  const last = toks[r.i + r.n - 1].key;
  const stem = r.key.split(' ').pop() ?? r.key;
  return last.startsWith(stem) ? last.slice(stem.length) : null;
}
function inflectedName(toks: Token[], r: Raw): boolean {
  const e = kkEnding(toks, r);
  return e === null || e !== '';
}
// Sports context of the article: a sports noun or a score (2:0, 3-1) anywhere in it.
function sportsContext(x: SportsCtx): boolean {
  if (x.sportsArticle === undefined) {
    const { toks } = x;
    x.sportsArticle = /\d\s*[:–-]\s*\d/.test(x.body) && toks.some((u) => SPORTS_VERB.test(u.key));
    if (!x.sportsArticle) for (const u of toks) if (SPORTS_NOUN.test(u.key)) {
      x.sportsArticle = true;
      break;
    }
  }
  return x.sportsArticle;
}
/**
 * A bare (unquoted) capitalised place name used as a team in a match report: next to a result
 * verb (Тобол разгромил Астану, Kairat drew with Astana, Aktobe lost to Atyrau), or in Kazakh in
 * the nominative, accusative or (before ұтылды/жеңілді) dative in a sentence with a result verb
 * (Тобыл Астананы 3:1 есебімен жеңді). A venue stays a place: в Костанае, in Kostanay, Қостанайда.
 */
function bareTeam(x: SportsCtx, r: Raw): boolean {
  const { toks, lang } = x;
  const t = toks[r.i];
  if (!t.cap || r.demonym || r.adjGender) return false;
  const s = t.sentence;
  // a result verb or a draw anywhere else in the sentence (scanned once per sentence, then only
  // re-checked when the name itself is the word that matched)
  let scan = x.sportsScan.get(s);
  if (!scan) {
    scan = { verb: [], draw: [] };
    let k0 = r.i;
    while (k0 > 0 && toks[k0 - 1].sentence === s) k0--;
    for (let k = k0; k < toks.length && toks[k].sentence === s; k++) scanToken(x, k, s, scan);
    x.sportsScan.set(s, scan);
  }
  const verb = anyOutside(scan.verb, r);
  const draw = anyOutside(scan.draw, r);
  if (!verb && !draw) return false;
  if (!draw && !sportsContext(x)) return false;
  if (lang === 'kk') {
    const e = kkEnding(toks, r);
    if (e === null) return false;
    if (KK_ACC.has(e)) {
      const nx = tokAt(toks, s, r.i + r.n);
      // a nominative name before a generic word or a person's title is not a team
      return !(e === '' && nx && !nx.cap && !SPORTS_VERB.test(nx.key) && !['pen', 'men', 'ben', 'jane'].includes(nx.key) && !/^\d/.test(nx.raw) && nx.key !== 'ten');
    }
    const nx = tokAt(toks, s, r.i + r.n);
    return KK_DAT.has(e) && !!nx && /^(utild|jenild|karsi)/.test(nx.key);
  }
  const p = tokAt(toks, s, r.i - 1);
  const pp = tokAt(toks, s, r.i - 2);
  if (p && VENUE_BEFORE.has(p.key)) return false;
  const nx = tokAt(toks, s, r.i + r.n);
  const nx2 = tokAt(toks, s, r.i + r.n + 1);
  const nx3 = tokAt(toks, s, r.i + r.n + 2);
  if (isSportsVerb(nx)) return true; // Тобол разгромил …, Kairat drew …
  if (nx && ['i', 'and'].includes(nx.key) && nx2?.cap && isSportsVerb(nx3)) return true; // Астана и Кайрат сыграли …
  if (p && SPORTS_VERB.test(p.key)) return true; // … разгромил Астану, beat Astana
  // … lost to Atyrau, drew with Astana, сыграли вничью с Актобе, уступил со счётом …
  if (p && pp && ['to', 'uith', 's', 'so', 'against', 'protiv'].includes(p.key) && (isSportsVerb(pp) || SPORTS_DRAW.test(pp.key))) return true;
  return false;
}

// A town named after a person (Сатпаев, Курчатов) is the person after a first name (Қаныш Сәтбаев,
// Kanysh Satpayev), after имени / named after, and before атындағы, университет, University.
function namesThePerson(toks: Token[], r: Raw): boolean {
  if (!personKeys.has(r.key)) return false;
  const t = toks[r.i];
  const prev = r.i > 0 ? toks[r.i - 1] : undefined;
  const next = toks[r.i + r.n];
  if (prev && prev.sentence === t.sentence && ((prev.cap && !prev.first && !prev.upper) || FIRST_NAMES.has(prev.key) || prev.key === 'imeni' || prev.key === 'after')) return true;
  return !!next && next.sentence === t.sentence && PERSON_AFTER.test(next.key);
}

// A bare village or district name that opens a sentence, while the same word is written in lower
// case elsewhere in the article, is that common word (Өндіріс … өндірісі "production", Теңіз …
// теңізде "sea"), not the place. Cities and regions are exempt (алматылықтар is a demonym).
function usedAsCommonWord(toks: Token[], lang: Lang, lowerText: boolean, r: Raw, ids: number[]): boolean {
  const t = toks[r.i];
  if (r.n !== 1 || !t.first || lowerText || r.key.length < 4) return false;
  if (ids.some((id) => isCityOrRegion(id) || entities[id].level === 'city_republican')) return false;
  if (allowStandalone[lang === 'other' ? 'ru' : lang]?.has(r.key)) return false;
  for (const u of toks) if (!u.cap && u.key.startsWith(r.key)) return true;
  return false;
}

function sameDistrict(ids: number[]): boolean {
  const d = entities[ids[0]].district;
  const r = entities[ids[0]].region;
  return ids.every((id) => entities[id].district === d && entities[id].region === r);
}
function isVillageOnly(ids: number[]): boolean {
  return ids.every((id) => entities[id].level === 'settlement' && entities[id].kind === 2);
}

function run(doc: TokenizedArticle, lang: Lang, feedRegionCode: string | undefined, detailed: boolean, focus?: ReadonlySet<number>): GeoResultDetailed {
  const titleToks = doc.titleTokens.length ? tokensFrom(doc.title, [doc.titleTokens], 0) : [];
  const base = titleToks.length ? 1 : 0;
  const bodyToks = tokensFrom(doc.body, doc.sentences.map((s) => s.tokens), base);
  // title gets sentence 0 only
  for (const t of titleToks) t.sentence = 0;
  const toks = titleToks.length ? titleToks.concat(bodyToks) : bodyToks;
  const hasTitle = titleToks.length > 0;

  let capCount = 0;
  for (const t of toks) if (t.cap) capCount++;
  const lowerText = toks.length >= 4 && capCount / toks.length < 0.03;

  // ---- 1. raw mentions
  const raws: Raw[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.key.length < 2) continue;
    let lowerOk = lowerText;
    if (!lowerOk && !t.cap && !t.upper) {
      const nextG = lang === 'kk' ? null : i + 1 < toks.length ? genericOf(toks[i + 1], toks[i + 2]) : null;
      const prevG = nextG || lang === 'kk' ? null : i > 0 ? genericOf(toks[i - 1], t) : null;
      // a plural term names no single place written in lower case: "в крупных городах русский язык"
      if (!nextG && (!prevG || prevG.plural)) {
        // Russian demonyms and place adjectives are written in lower case (алматинцы, мангистауский).
        const d = lang === 'en' ? null : lang === 'kk' ? kkDemonymAt(toks, i) ?? demonymAt(toks, i) : demonymAt(toks, i);
        if (d && !naturalFeature(toks, i)) raws.push(d);
        continue;
      }
      lowerOk = true;
    }
    if (genericOf(t, toks[i + 1])) continue;
    const raw = lookupAt(toks, i, lowerOk, lang === 'en') ?? (lang === 'en' ? null : demonymAt(toks, i));
    if (!raw) continue;
    // not capitalised: only with a generic term right after the full name or in a lower-case text
    const lastTok = toks[raw.i + raw.n - 1];
    void lastTok;
    raws.push(raw);
    i += raw.n - 1;
  }

  // A road named after the cities it joins (трасса Алматы – Бишкек, Алматы – Бішкек тас жолы,
  // the Almaty-Bishkek highway) says little of where the story is: both names vote at ROAD_WEIGHT and
  // yield to a place named outright, as demonyms do (a crash in Korday district is not in Almaty);
  // alone, the first city still gives the answer (трасса Караганда – Балхаш).
  for (let m = 0; m + 1 < raws.length; m++) {
    const a = raws[m];
    const b = raws[m + 1];
    const lastA = toks[a.i + a.n - 1];
    if (!lastA.dashNext || b.i !== a.i + a.n) continue;
    const before = toks[a.i - 1];
    const after = toks[b.i + b.n];
    const after2 = toks[b.i + b.n + 1];
    if (roadWordIn(before, lastA.sentence) || roadWordIn(after, lastA.sentence) || (after?.key === 'tas' && roadWordIn(after2, lastA.sentence))) {
      a.demonym = a.road = true;
      b.demonym = b.road = true;
    }
  }

  // A road's destination (дорогу на Кеген, the road to Kegen) is where the road goes, not the story.
  for (const r of raws) {
    const via = toks[r.i - 1];
    const road = toks[r.i - 2];
    if (via && road && road.sentence === via.sentence && ROAD_TO.has(via.key) && (ROAD_WORD.test(road.key) || /^dorog/.test(road.key))) r.demonym = r.road = true;
  }

  // ---- 2. generic terms (after the name; for Russian/English nouns also before it)
  const isMentionStart = new Set(raws.map((r) => r.i));
  const isMentionEnd = new Set(raws.map((r) => r.i + r.n - 1));
  for (const r of raws) {
    const prev = toks[r.i - 1];
    const next = toks[r.i + r.n];
    const t0 = toks[r.i];
    r.nameLike =
      t0.quoted ||
      (capWordNextTo(prev, isMentionEnd.has(r.i - 1), t0) && !t0.first && !prev!.first && !prev!.sepNext) ||
      // Дастан Сатпаев: a surname that is also a town still makes the word before it a first name
      (capWordNextTo(next, isMentionStart.has(r.i + r.n) && !(next && SURNAME_KEY.test(next.key) && next.cap), t0) && !toks[r.i + r.n - 1].sepNext);
  }
  const consumed = new Set<number>();
  for (const r of raws) {
    // "Aktau-born", "Shymkent-bred": where a person comes from.
    const nx = toks[r.i + r.n];
    if (lang === 'en' && nx && toks[r.i + r.n - 1].hyphenNext && ORIGIN_EN.has(nx.key)) r.demonym = true;
    // "fans who had travelled from Shymkent", "приехавшие из Шымкента", "my wife's parents are from
    // Ust-Kamenogorsk", "родом из Тараза": where people came from
    const via = toks[r.i - 1];
    const verb = toks[r.i - 2];
    if (via && verb && verb.sentence === via.sentence && (via.key === 'from' || via.key === 'iz') && CAME_FROM_RE.test(verb.key)) r.demonym = true;
  }
  for (let m = 0; m < raws.length; m++) {
    const r = raws[m];
    const j = r.i + r.n;
    let after = j < toks.length ? genericOf(toks[j], toks[j + 1]) : null;
    // Қазыбек би атындағы аудан: "named after" between the name and its generic term
    let named = 0;
    if (!after && lang === 'kk' && toks[j]?.key === 'atindagi' && toks[j + 1]?.sentence === toks[j].sentence) {
      after = genericOf(toks[j + 1], toks[j + 2]);
      if (after) named = 1;
    }
    // "Kazakh villagers", "Uyghur villagers": people of that ethnicity, not a village named so
    // and in English "a Kazakh village", "Uzbek villages": an adjective of the people, not the village Қазақ
    if (after && (toks[j].key === 'villagers' || (lang === 'en' && (after.g === 'village' || after.g === 'city'))) && (ethnonymKeys.has(r.key) || ethnonymKeys.has(toks[r.i].key))) after = null;
    if (after && !(r.inflected && lang === 'kk') && !(r.n === 1 && !toks[r.i].cap && !lowerText && GENERIC_HEAD.has(toks[r.i].key))) {
      r.generic = after.g;
      consumed.add(j + named);
      r.after = j + 1 + named + (toks[j + named].key === 'r' ? 1 : 0) + (toks[j + named].key === 'eldi' ? 1 : 0);
      continue;
    }
    // list: "Қордай, Шу және Мойынқұм аудандарында" / "Kordai and Shu districts"
    let k = j;
    let steps = 0;
    while (k < toks.length && steps < 8) {
      const tk = toks[k];
      const g = genericOf(tk, toks[k + 1]);
      if (g) {
        if (g.plural) {
          r.generic = g.g;
          r.genericFar = true;
        }
        break;
      }
      if (!(CONJ.has(tk.key) || isMentionStart.has(k) || (tk.cap && steps > 0) || tk.key === 'adjective')) break;
      // comma / conjunction / another name
      k++;
      steps++;
    }
    if (r.generic) continue;
    // before: "в селе Масанчи", "г. Алматы", "район Жаңасемей", "village of Masanchi", "city of Almaty"
    let b = r.i - 1;
    if (b >= 0 && toks[b].key === 'of') b--;
    // "район имени Казыбек би", "р-н им. Алихана Бокейхана"
    if (b >= 0 && (toks[b].key === 'imeni' || (toks[b].key === 'im' && toks[b].dot))) b--;
    if (b >= 0 && !consumed.has(b)) {
      const g = genericOf(toks[b], toks[b + 1]);
      if (g && !(lang === 'kk' && g.g !== 'village' && !toks[b].dot)) {
        // Kazakh puts the term after the name; a term before it belongs to the previous name,
        // except the Russian-style abbreviations (с., г.)
        if (lang !== 'kk' || toks[b].dot) r.generic = g.g;
      }
    }
  }

  // A Russian place adjective with no generic noun (Мангистауские нефтяники, Карагандинский
  // шахтёр) qualifies people or things, like a demonym; when a city has that adjective it is the
  // city's (Павлодарский «Иртыш», Алматинский «Кайрат»), not a district of the same name.
  // An adjective of a people with no generic noun is the people's (Уйгурский театр, уйгурская
  // молодёжь), not the Uyghur district: that needs район next to it.
  for (let m = raws.length - 1; m >= 0; m--) {
    const r = raws[m];
    if (r.adjGender && !r.generic && r.n === 1 && isEthnonymStem(r.key)) raws.splice(m, 1);
  }
  for (const r of raws) {
    if (!r.adjGender || r.generic) continue;
    r.demonym = true;
    if (r.n !== 1) continue;
    const cities = demonymName(toks[r.i].key)?.ids.filter((id) => entities[id].level === 'city_republican' || entities[id].level === 'city_regional');
    if (cities?.length) {
      r.ids = cities;
      r.adjGender = null;
    }
  }

  // ---- 3. filter candidates, collect anchors
  interface Cand {
    raw: Raw;
    ids: number[];
    standalone: boolean;
  }
  const cands: Cand[] = [];
  const resolved: Resolved[] = [];
  // A dateline (АСТАНА. KAZINFORM –, Алматы. 17 сентября. КазТАГ –, UST-KAMENOGORSK (Kazinform) –)
  // names where the story was filed, not where it happened: it votes with DATELINE_WEIGHT, and
  // when it stands alone as the first "sentence" the next sentence is the lead.
  const dateline = datelineOf(doc.body, toks, raws, titleToks.length);
  const lead = (hasTitle ? 1 : 0) + (dateline && dateline.alone ? 1 : 0);
  const posWeight = (s: number): number => (hasTitle && s === 0 ? 3 : s === lead ? 2 : 1) + (focus?.has(s) ? FOCUS_WEIGHT : 0);
  const weightOf = (r: Raw, sentence: number): number => (r === dateline?.raw ? DATELINE_WEIGHT : posWeight(sentence));

  // A place name used as the name of a club or a company (ФК «Астана», «Қайрат» футбол клубы,
  // тренер «Кайрата», FC Astana, Astana Motors, Tobol vs Aktobe, «Ордабасы» сыграл с «Актобе» 2:1)
  // does not say where the story happens.
  const sports: SportsCtx = { toks, lang, body: doc.body, sportsSentence: new Map(), sportsScan: new Map() };
  const namedCities = new Set<string>();
  for (const r of raws) for (const id of r.ids) if (isRepublicanCity[id]) namedCities.add(entities[id].kato);
  for (const r of raws) {
    const sentence = toks[r.i].sentence;
    if (r.country && !r.ids.length && !r.foreign) {
      resolved.push({ raw: r, entity: null, regionOnly: null, foreign: null, country: true, confidence: 0.95, weight: 0, sentence });
      continue;
    }
    if (r.country && !r.generic) {
      resolved.push({ raw: r, entity: null, regionOnly: null, foreign: null, country: true, confidence: 0.95, weight: 0, sentence });
      continue;
    }
    if (!r.generic && (clubOrCompany(sports, r) || namesThePerson(toks, r))) continue;
    if (r.foreign && (!r.generic || !r.ids.length)) {
      const tok = toks[r.i];
      if (tok.cap || tok.upper || lowerText) {
        resolved.push({ raw: r, entity: null, regionOnly: null, foreign: r.foreign, country: false, confidence: 0.9, weight: weightOf(r, sentence), sentence });
      }
      continue;
    }
    const f = filterByGeneric(r, lang, namedCities);
    if (!f.ids.length) continue;
    if (f.standalone && usedAsCommonWord(toks, lang, lowerText, r, f.ids)) continue;
    // «Астана Моторс», «Алматы Су»: a name that opens a quotation and is followed by another
    // capitalised word names an organisation or a brand, not the place.
    if (f.standalone && toks[r.i].quoted) {
      const nx = toks[r.i + r.n];
      if (nx && nx.cap && nx.sentence === toks[r.i].sentence) continue;
    }
    if (f.standalone && r.nameLike && !f.ids.some((id) => entities[id].level === 'city_republican' || entities[id].level === 'city_regional' || entities[id].level === 'region')) continue;
    // in lower case only a demonym or a place adjective (алматинцы, шымкентский, алматылық), which
    // Russian and Kazakh write so
    if (f.standalone && !toks[r.i].cap && !lowerText && !r.demonym) continue;
    cands.push({ raw: r, ids: f.ids, standalone: f.standalone });
  }

  const ctxDistrict = new Map<string, number>();
  const strongDistrict = new Set<string>();
  const ctxRegion = new Map<string, number>();
  const addCtx = (e: Entity): void => {
    if (e.district) ctxDistrict.set(e.district, (ctxDistrict.get(e.district) ?? 0) + 1);
    ctxRegion.set(e.region, (ctxRegion.get(e.region) ?? 0) + 1);
    // a district's parent region and the district itself
    if (e.level === 'district' || e.level === 'city_regional' || e.level === 'city_district') ctxDistrict.set(e.kato, ctxDistrict.get(e.kato) ?? 1);
  };
  let ctxCapital: string | null = null;
  // "столица", "елорда", "the capital" point to Astana ("южная столица", "оңтүстік астана": Almaty)
  // when a shared name has to be resolved ("в районе Есиль столицы").
  for (let k = 0; k < toks.length; k++) {
    const key = toks[k].key;
    const c0 = key.charCodeAt(0);
    if (c0 !== 115 && c0 !== 101 && c0 !== 99) continue;
    if (!(key.startsWith('stolits') || key.startsWith('elorda') || key === 'capital')) continue;
    const pk = k > 0 ? toks[k - 1].key : '';
    const south = pk.startsWith('iujn') || pk.startsWith('ontustik') || pk === 'southern' || pk.startsWith('bivsh') || pk === 'former';
    const city = south ? '750000000' : '710000000';
    ctxRegion.set(city, (ctxRegion.get(city) ?? 0) + 1);
    ctxCapital = city;
    break;
  }
  const pending: Cand[] = [];
  const chosen = new Map<Cand, { e: Entity | null; regionOnly: string | null; conf: number }>();
  for (const c of cands) {
    if (sameDistrict(c.ids) && !(c.standalone && isVillageOnly(c.ids))) {
      // pick the highest-ranked entity among equivalent candidates
      let best = entities[c.ids[0]];
      for (const id of c.ids) if (LEVEL_RANK[entities[id].level] > LEVEL_RANK[best.level]) best = entities[id];
      const conf = c.standalone ? (best.level === 'district' ? 0.7 : best.level === 'region' ? 0.8 : 0.85) : 0.95;
      chosen.set(c, { e: best, regionOnly: null, conf });
      addCtx(best);
      if (best.district && !(c.standalone && best.level === 'settlement')) strongDistrict.add(best.district);
      if (best.level === 'district' || best.level === 'city_regional') strongDistrict.add(best.kato);
    } else pending.push(c);
  }

  // ---- 4. disambiguate the rest with context, chains and the feed region
  const feedRegion = feedRegionCode && getUnit(feedRegionCode) ? getUnit(feedRegionCode)!.region : undefined;
  for (let pass = 0; pass < 2; pass++) {
    for (const c of pending) {
      if (chosen.has(c)) continue;
      // the place named just before (Жамбыл облысы Қордай ауданы Масанчи ауылында)
      let chainRegion: string | null = null;
      let chainDistrict: string | null = null;
      const idx = cands.indexOf(c);
      for (let p = idx - 1; p >= 0; p--) {
        const pc = cands[p];
        if (c.raw.i - pc.raw.after > 3 || toks[pc.raw.i].sentence !== toks[c.raw.i].sentence) break;
        const ch = chosen.get(pc);
        if (!ch) continue;
        if (ch.e) {
          chainRegion = chainRegion ?? ch.e.region;
          if (ch.e.level !== 'region' && ch.e.district) chainDistrict = chainDistrict ?? ch.e.district;
        } else if (ch.regionOnly) chainRegion = chainRegion ?? ch.regionOnly;
      }
      // Russian order: "в селе Масанчи Кордайского района" — the place named right after
      if (idx + 1 < cands.length) {
        const nc = cands[idx + 1];
        if (nc.raw.i - c.raw.after <= 2 && sameDistrict(nc.ids) && toks[nc.raw.i].sentence === toks[c.raw.i].sentence) {
          const e = entities[nc.ids[0]];
          chainRegion = chainRegion ?? e.region;
          if (e.level !== 'region') chainDistrict = chainDistrict ?? e.district;
        }
      }
      const scored: Array<{ e: Entity; s: number }> = [];
      for (const id of c.ids) {
        const e = entities[id];
        let s = 0;
        if (chainDistrict && e.district === chainDistrict) s += 6;
        if (chainRegion && e.region === chainRegion) s += 4;
        if (e.district && (ctxDistrict.get(e.district) ?? 0) > 0 && e.level === 'settlement') s += 3;
        else if (e.district && (ctxDistrict.get(e.district) ?? 0) > 0) s += 2;
        if ((ctxRegion.get(e.region) ?? 0) > 0) s += 2;
        if (feedRegion && e.region === feedRegion) s += 1.5;
        s += (LEVEL_RANK[e.level] ?? 0) * 0.1 + (e.kind === 0 ? 0.3 : e.kind === 1 ? 0.2 : 0);
        scored.push({ e, s });
      }
      // collapse candidates of the same district
      const byDistrict = new Map<string, { e: Entity; s: number }>();
      for (const x of scored) {
        const key = `${x.e.region}/${x.e.district ?? ''}`;
        const prev = byDistrict.get(key);
        if (!prev || x.s > prev.s) byDistrict.set(key, x);
      }
      const ranked = [...byDistrict.values()].sort((a, b) => b.s - a.s);
      const top = ranked[0];
      const second = ranked[1];
      const support = top.s >= 1.4;
      const villageOnly = isVillageOnly(c.ids);
      if (c.standalone && villageOnly) {
        // a bare village name: needs support from the text or the feed, or a distinctive unique name
        if (support && top.e.district && strongDistrict.has(top.e.district) && (!second || top.s - second.s >= 1)) {
          chosen.set(c, { e: top.e, regionOnly: null, conf: 0.7 });
          addCtx(top.e);
        } else if (pass === 1 && ranked.length === 1 && !c.raw.nameLike && c.raw.key.length >= 6 && !PERSONISH.test(c.raw.key) && !needsContext.has(c.raw.key) && !toks[c.raw.i].first) {
          chosen.set(c, { e: top.e, regionOnly: null, conf: 0.45 });
        }
        continue;
      }
      if (!second || top.s - second.s >= 1) {
        if (pass === 0 && !support && second) continue; // wait for more context
        chosen.set(c, { e: top.e, regionOnly: null, conf: second ? (support ? 0.75 : 0.5) : 0.85 });
        addCtx(top.e);
      } else if (pass === 1) {
        // tie: keep the region when all tied candidates share it
        const tied = ranked.filter((x) => top.s - x.s < 1);
        const reg = tied[0].e.region;
        if (tied.every((x) => x.e.region === reg) && !c.standalone) {
          chosen.set(c, { e: null, regionOnly: reg, conf: 0.5 });
        }
      }
    }
  }

  for (const c of cands) {
    const ch = chosen.get(c);
    if (!ch) continue;
    const sentence = toks[c.raw.i].sentence;
    const weight = weightOf(c.raw, sentence) * (ch.conf >= 0.6 ? 1 : 0.6) * (c.raw.road ? ROAD_WEIGHT : c.raw.demonym ? DEMONYM_WEIGHT : 1);
    resolved.push({ raw: c.raw, entity: ch.e, regionOnly: ch.regionOnly, foreign: null, country: false, confidence: c.raw.demonym ? Math.min(ch.conf, 0.6) : ch.conf, weight, sentence });
  }
  resolved.sort((a, b) => a.raw.i - b.raw.i);

  // ---- 5. vote the main region and district
  // A sentence votes once per region and per district, with its strongest mention: how many
  // sentences name a place shows what the story is about; a list of towns in one sentence
  // ("Ырғыз, Хромтау, Ақтөбе") does not. Equal votes go to the place mentioned first.
  const regionScore = new Map<string, number>();
  const districtScore = new Map<string, { s: number; first: number; named: boolean }>();
  const sentenceVote = new Map<string, number>();
  /** The part of weight w not yet counted for this key in this sentence. */
  const fresh = (kind: string, key: string, sentence: number, w: number): number => {
    const k = `${kind}${sentence}|${key}`;
    const had = sentenceVote.get(k) ?? 0;
    if (w <= had) return 0;
    sentenceVote.set(k, w);
    return w - had;
  };
  // A capital's agency dateline (АСТАНА. KAZINFORM –, Алматы. КазТАГ –) over national news that
  // names nothing else in that city or its region says where the agency sits, not what the news is
  // about: it gets no vote (unresolved rather than a guess). With the city, one of its districts or
  // "столица" (Astana) in the text, it keeps its reduced vote.
  let datelineMute: Raw | null = null;
  if (dateline) {
    const dr = resolved.find((x) => x.raw === dateline.raw);
    const reg = dr?.entity?.level === 'city_republican' ? dr.entity.region : null;
    if (reg && AGENCY_CAPITALS.has(reg)) {
      const named = resolved.some((x) => x !== dr && (x.entity?.region === reg || x.regionOnly === reg)) || (ctxCapital === reg);
      if (!named) datelineMute = dateline.raw;
    }
  }
  const placeScore = new Map<string, { place: Place; s: number; first: number }>();
  let kazakhstan = false;
  const mentions: GeoMention[] = [];
  for (const r of resolved) {
    const text = detailed
      ? toks
          .slice(r.raw.i, r.raw.i + r.raw.n)
          .map((t) => t.raw)
          .join(' ')
      : '';
    const tokS = toks[r.raw.i];
    if (r.country) {
      kazakhstan = true;
      mentions.push({ text, start: tokS.start, end: toks[r.raw.i + r.raw.n - 1].end, sentence: r.sentence, code: KAZAKHSTAN_CODE, level: 'country', confidence: r.confidence });
      continue;
    }
    let place: Place | null = null;
    if (r.foreign) {
      place = { kato: r.foreign.code, name: displayName(r.foreign, lang), level: 'foreign', confidence: r.confidence };
    } else if (r.entity) {
      const e = r.entity;
      place = { kato: e.kato, name: displayName(e, lang), level: e.level, confidence: r.confidence };
      // a muted dateline stays among the places but casts no vote
      if (r.raw !== datelineMute) {
        regionScore.set(e.region, (regionScore.get(e.region) ?? 0) + fresh('r', e.region, r.sentence, r.weight));
        if (e.district) {
          const spec = e.level === 'city_republican' ? 0.8 : 1;
          const add = fresh('d', e.district, r.sentence, r.weight * spec);
          // a city district named outright (Медеу ауданы, в Медеуском районе, Medeu district)
          const named = e.level === 'city_district' && r.confidence >= 0.7 && !r.raw.demonym;
          const d = districtScore.get(e.district);
          if (d) {
            d.s += add;
            d.named ||= named;
          } else districtScore.set(e.district, { s: add, first: r.raw.i, named });
        }
      }
    } else if (r.regionOnly) {
      regionScore.set(r.regionOnly, (regionScore.get(r.regionOnly) ?? 0) + fresh('r', r.regionOnly, r.sentence, r.weight * 0.8));
      const u = getUnit(r.regionOnly)!;
      place = { kato: u.kato, name: displayName(u, lang), level: u.level, confidence: r.confidence };
    }
    if (!place) continue;
    mentions.push({ text, start: tokS.start, end: toks[r.raw.i + r.raw.n - 1].end, sentence: r.sentence, code: place.kato, level: place.level, confidence: place.confidence });
    const ps = placeScore.get(place.kato);
    if (ps) {
      ps.s += r.weight || 0.5;
      ps.place.confidence = Math.max(ps.place.confidence, place.confidence);
    } else placeScore.set(place.kato, { place, s: r.weight || 0.5, first: r.raw.i });
  }

  let region: UnitRef | null = null;
  let district: UnitRef | null = null;
  // A story abroad (foreign places outweigh Kazakhstan's FOREIGN_OVER_DOMESTIC to one) has no district
  // here: a Kazakh town named as the dateline or as a commenting expert's home is not where it happens.
  // Not for an article the tension analysis flagged: it has judged the incident to be here.
  if (!focus?.size) {
    let foreignW = 0;
    let foreignN = 0;
    // (a place in a quotation is what someone said: «ехай к себе в Бишкек»)
    for (const r of resolved) if (r.foreign && !toks[r.raw.i].quoted) {
      foreignW += r.weight;
      foreignN++;
    }
    let domesticW = 0;
    for (const v of regionScore.values()) domesticW = Math.max(domesticW, v);
    if (foreignN >= 2 && foreignW >= FOREIGN_OVER_DOMESTIC * domesticW) regionScore.clear();
  }
  if (regionScore.size) {
    // a district's region also gets the district's votes: prefer the region with most support
    let bestR = '';
    let bestS = -1;
    let bestFirst = Infinity;
    for (const [rk, s] of regionScore) {
      const first = Math.min(...[...placeScore.values()].filter((p) => p.place.level !== 'foreign' && (getUnit(p.place.kato)?.region ?? entityRegion(p.place.kato)) === rk).map((p) => p.first));
      if (s > bestS + 1e-9 || (Math.abs(s - bestS) < 1e-9 && first < bestFirst)) {
        bestR = rk;
        bestS = s;
        bestFirst = first;
      }
    }
    const ru = getUnit(bestR)!;
    region = { kato: ru.kato, name: displayName(ru, lang) };
    // A city's districts are its parts, not its competitors. The city competes with the region's
    // other units with its own votes plus those of its districts; when it wins and one of its
    // districts is named outright, that district is the answer (Медеу ауданы → Медеу, not Алматы;
    // район имени Казыбек би → that district, not Караганда), however often the city itself is named.
    const groups = new Map<string, { s: number; first: number }>();
    for (const [dk, v] of districtScore) {
      const du = getUnit(dk);
      if (!du || du.region !== bestR) continue;
      const g = du.level === 'city_district' && du.parent ? du.parent : dk;
      const x = groups.get(g);
      if (x) {
        x.s += v.s;
        x.first = Math.min(x.first, v.first);
      } else groups.set(g, { s: v.s, first: v.first });
    }
    const best = <T extends { s: number; first: number }>(xs: Iterable<[string, T]>): string => {
      let k = '';
      let bs = -1;
      let bf = Infinity;
      for (const [dk, v] of xs) {
        if (v.s > bs + 1e-9 || (Math.abs(v.s - bs) < 1e-9 && v.first < bf)) {
          k = dk;
          bs = v.s;
          bf = v.first;
        }
      }
      return k;
    };
    let bestD = best(groups);
    if (bestD) {
      const parts = [...districtScore].filter(([dk, v]) => v.named && getUnit(dk)?.parent === bestD);
      // several of the city's districts named about as often ("streets in the Alatau, Nauryzbay and
      // Turksib districts"): the story is the city's
      const scores = parts.map(([, v]) => v.s).sort((a, b) => b - a);
      if (parts.length && !(scores.length > 1 && scores[0]! < CITY_PART_LEAD * scores[1]!)) bestD = best(parts);
    }
    if (bestD) {
      const du = getUnit(bestD)!;
      district = { kato: du.kato, name: displayName(du, lang) };
    }
  }

  const places = [...placeScore.values()]
    .sort((a, b) => b.s - a.s || a.first - b.first)
    .map((p) => ({ ...p.place, confidence: Math.round(p.place.confidence * 100) / 100 }));
  return { places, district, region, kazakhstan, mentions };
}

const settlementRegion = new Map<string, string>();
function entityRegion(kato: string): string | undefined {
  if (!settlementRegion.size) for (const e of entities) settlementRegion.set(e.kato, e.region);
  return settlementRegion.get(kato);
}

