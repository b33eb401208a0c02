// Item normalisation: canonical URLs, HTML → text, dates, authors, GUIDs.
import { decodeEntitiesOnce } from './entities.ts';

// ---------------------------------------------------------------- URLs

/** Query parameters that only track the reader; removed from canonical URLs. */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'ysclid', '_openstat',
  'from', 'ref', 'ref_src', 'ref_url', 'mc_cid', 'mc_eid', 'igshid', '_ga', '_gl', 'spm',
  'rss', 'rss_id', 'feed', 'wt_mc', 'wt_zmc', 'ito', 'utm', 'ns_mchannel', 'ns_source', 'ns_campaign', 'ito', 'cmpid',
]);

export function isTrackingParam(name: string): boolean {
  const n = name.toLowerCase();
  return n.startsWith('utm_') || n.startsWith('__twitter') || TRACKING_PARAMS.has(n);
}

function tryUrl(raw: string, base?: string): URL | null {
  try {
    return base === undefined ? new URL(raw) : new URL(raw, base);
  } catch {
    return null;
  }
}

/**
 * Resolve `bases` into one effective base: each (possibly relative) base is resolved against
 * the next one, e.g. [item xml:base, feed link, feed URL]. Returns null when nothing is absolute.
 */
export function effectiveBase(bases: ReadonlyArray<string | null | undefined>): string | null {
  let base: string | null = null;
  for (let i = bases.length - 1; i >= 0; i--) {
    const b = bases[i]?.trim();
    if (!b) continue;
    const u: URL | null = base === null ? tryUrl(b) : tryUrl(b, base);
    if (u && (u.protocol === 'http:' || u.protocol === 'https:')) base = u.href;
  }
  return base;
}

/**
 * Canonical absolute http(s) URL: resolved against `bases` (most specific first), fragment
 * dropped, tracking parameters removed (others kept in order), scheme/host lower-cased,
 * default port dropped. `&amp;` left in a link by double escaping is undone. Null when the
 * link is empty, unresolvable or not http(s).
 */
export function canonicalUrl(raw: string | null | undefined, bases: ReadonlyArray<string | null | undefined> = []): string | null {
  if (!raw) return null;
  const link = raw.trim().replace(/&amp;/gi, '&');
  if (!link) return null;
  const base = effectiveBase(bases);
  const u = base === null ? tryUrl(link) : tryUrl(link, base);
  if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:')) return null;
  u.hash = '';
  if (u.search) {
    const kept = u.search
      .slice(1)
      .split('&')
      .filter((pair) => pair !== '' && !isTrackingParam(decodeURIComponentSafe(pair.split('=')[0]!)));
    u.search = kept.length ? `?${kept.join('&')}` : '';
  }
  return u.href;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}

// ---------------------------------------------------------------- HTML → text

const BLOCK_TAGS =
  'p|div|br|hr|li|ul|ol|dl|dt|dd|h[1-6]|tr|table|thead|tbody|blockquote|section|article|aside|header|footer|pre|figure|figcaption|address|main|nav';
const BLOCK_RE = new RegExp(`<\\/?(?:${BLOCK_TAGS})(?:\\s[^>]*)?\\/?>`, 'gi');
const DROP_RE = /<(script|style|noscript|template|iframe|object|svg|math)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const TAG_RE = /<\/?[A-Za-z][^<>]*>|<!--[\s\S]*?-->|<!\[CDATA\[|\]\]>|<![A-Za-z][^>]*>/g;
const ENTITY_OR_TAG = /&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]+);|<\/?[A-Za-z][^<>]*>/;

function stripTags(s: string): string {
  return s.replace(DROP_RE, ' ').replace(BLOCK_RE, '\n').replace(TAG_RE, '');
}

/**
 * Plain text from an HTML fragment: script/style and other non-text elements dropped, tags
 * stripped, entities decoded — repeatedly, up to three rounds, because feeds double-encode
 * (`&amp;#8211;`) and entity-encode whole markup (`&#x3C;img …&#x3E;`) — whitespace collapsed,
 * block boundaries kept as single `\n`.
 */
export function htmlToText(html: string | null | undefined): string {
  if (!html) return '';
  let s = stripTags(html);
  for (let round = 0; round < 3; round++) {
    const decoded = decodeEntitiesOnce(s);
    if (decoded === s) break;
    s = ENTITY_OR_TAG.test(decoded) || /<[A-Za-z/!]/.test(decoded) ? stripTags(decoded) : decoded;
  }
  return s
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\f\v ]+/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** One-line text for titles (HTML in titles happens). */
export function cleanTitle(raw: string | null | undefined): string {
  return htmlToText(raw).replace(/\n+/g, ' ');
}

// ---------------------------------------------------------------- dates

const MONTHS: Record<string, number> = {
  jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11,
};

/** Zone abbreviations → offset in minutes. Unknown abbreviations are read as UTC. */
const ZONES: Record<string, number> = {
  UT: 0, UTC: 0, GMT: 0, Z: 0, WET: 0,
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  AKST: -540, AKDT: -480, HST: -600,
  BST: 60, CET: 60, CEST: 120, MET: 60, MEST: 120, EET: 120, EEST: 180, MSK: 180, MSD: 240,
  ALMT: 360, QYZT: 360, AQTT: 300, ORAT: 300, YEKT: 300, OMST: 360, NOVT: 420, KRAT: 420,
  IST: 330, JST: 540, KST: 540, HKT: 480, SGT: 480, AEST: 600, AEDT: 660,
};

function offsetMinutes(zone: string | undefined): number | null {
  if (!zone) return 0;
  const z = zone.trim();
  const num = /^([+-])(\d{2}):?(\d{2})?$/.exec(z);
  if (num) {
    const m = Number(num[2]) * 60 + Number(num[3] ?? 0);
    if (m > 18 * 60) return null;
    return num[1] === '-' ? -m : m;
  }
  const named = ZONES[z.toUpperCase()];
  return named ?? 0;
}

function build(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number, off: number): Date | null {
  if (mo < 0 || mo > 11 || d < 1 || d > 31 || h > 24 || mi > 59 || s > 60) return null;
  const t = Date.UTC(y, mo, d, h, mi, s, ms) - off * 60_000;
  const date = new Date(t);
  if (Number.isNaN(t) || new Date(Date.UTC(y, mo, d)).getUTCDate() !== d) return null;
  return date;
}

const RFC822 =
  /^(?:[A-Za-z]{2,9}\.?,?\s*)?(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s-]+(\d{2,4})(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*([+-]\d{2}:?\d{2}|[A-Za-z]{1,5})?\s*(?:\([^)]*\))?$/;
const ISO8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt\s]+(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?|[A-Za-z]{2,5})?$/;

/**
 * Parse a feed date: RFC 822/1123 (numeric offsets, US and a few other zone abbreviations,
 * two-digit years), ISO 8601 / W3C-DTF (dc:date), with or without seconds/fractions.
 * A date without zone is read as UTC. Returns null for anything else (e.g. localised month
 * names) — callers fall back to the fetch time.
 */
export function parseFeedDate(raw: string | null | undefined): Date | null {
  if (!raw || typeof raw !== 'string') return null;
  const s = raw.replace(/\s+/g, ' ').trim();
  if (!s) return null;
  let m = ISO8601.exec(s);
  if (m) {
    const off = offsetMinutes(m[8] ?? undefined);
    if (off === null) return null;
    const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
    return build(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), ms, off);
  }
  m = RFC822.exec(s);
  if (m) {
    const mon = MONTHS[m[2]!.slice(0, 3).toLowerCase()];
    if (mon === undefined) return null;
    let year = Number(m[3]);
    if (m[3]!.length === 2) year += year < 70 ? 2000 : 1900;
    else if (m[3]!.length === 3) return null;
    const off = offsetMinutes(m[7] ?? undefined);
    if (off === null) return null;
    return build(year, mon, Number(m[1]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), 0, off);
  }
  return null;
}

/** Dates more than this far after the fetch are treated as wrong (bad zone, typo) and clamped. */
export const FUTURE_TOLERANCE_MS = 15 * 60_000;

/**
 * The first parsable candidate, as ISO UTC. Missing/unparsable → the fetch time with
 * `fromFeed: false`. A date beyond fetch time + 15 min is clamped to the fetch time and also
 * reported `fromFeed: false` (the value is no longer the feed's).
 */
export function resolvePublished(
  candidates: ReadonlyArray<string | null | undefined>,
  fetchedAt: Date,
): { published: string; fromFeed: boolean } {
  for (const c of candidates) {
    const d = parseFeedDate(c);
    if (!d) continue;
    if (d.getTime() > fetchedAt.getTime() + FUTURE_TOLERANCE_MS) return { published: fetchedAt.toISOString(), fromFeed: false };
    return { published: d.toISOString(), fromFeed: true };
  }
  return { published: fetchedAt.toISOString(), fromFeed: false };
}

// ---------------------------------------------------------------- authors, GUIDs, language

/** "Фото: …", "Photo: …" author entries are picture credits, not authors. */
const CREDIT_LINE = /^(?:фото|photo|видео|video|источник|source|иллюстрация)\s*[:：]/i;

/**
 * Author display name from RSS `author` ("mail@x (Name)" or "Name <mail>"), dc:creator,
 * Atom/JSON author names. The first non-empty candidate wins; a bare e-mail is kept as is.
 */
export function cleanAuthor(candidates: ReadonlyArray<string | null | undefined>): string | null {
  for (const c of candidates) {
    const raw = (c ?? '').trim();
    // "Name <mail@host>" before HTML stripping would eat the address as a tag.
    const angle = /^(.+?)\s*<[^<>@\s]+@[^<>\s]+>$/.exec(raw);
    const t = cleanTitle(angle ? angle[1]! : raw).replace(/^["'«“]+|["'»”]+$/g, '').trim();
    if (!t || CREDIT_LINE.test(t)) continue;
    const paren = /^\S+@\S+\s*\((.+)\)$/.exec(t);
    if (paren) return paren[1]!.trim();
    return t;
  }
  return null;
}

/**
 * Deterministic GUID choice: the first non-empty candidate in document order (an item with
 * two `<guid>`s keeps the first one on every poll). Whitespace trimmed; at most 1000 chars.
 */
export function pickGuid(candidates: ReadonlyArray<string | null | undefined>): string | null {
  for (const c of candidates) {
    const t = (c ?? '').trim();
    if (t) return t.slice(0, 1000);
  }
  return null;
}

/** Language tag normalised to lower-case BCP 47 with '-' (ru, en-us, kk), or null. */
export function normaliseLanguage(raw: string | null | undefined): string | null {
  const t = (raw ?? '').trim().toLowerCase().replace(/_/g, '-');
  return /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/.test(t) ? t : null;
}
