// Bytes → ParsedFeed. Pure: no network.
//   decode (decode.ts) → detect (JSON Feed by `version`, XML by root element) → repair (repair.ts)
//   → rss-parser parseString (XML) / own mapping (JSON Feed) → normalise (normalise.ts)
// Formats: root `rss` version 2.x (or none) → 'rss2', 0.9x → 'rss09'; `rdf:RDF` with the
// Netscape 0.9 namespace → 'rss09', otherwise 'rss1'; `feed` → 'atom'; JSON Feed 1.0/1.1 → 'json'.
import Parser from 'rss-parser';
import { decodeBody } from './decode.ts';
import { FeedParseError } from './errors.ts';
import {
  canonicalUrl,
  cleanAuthor,
  cleanTitle,
  effectiveBase,
  htmlToText,
  normaliseLanguage,
  pickGuid,
  resolvePublished,
} from './normalise.ts';
import { repairXml } from './repair.ts';
import type { FeedFormat, MediaRef, NormalisedItem, ParsedFeed } from './types.ts';

export interface ParseFeedOptions {
  contentType?: string | null;
  /** The (final) URL the bytes came from; base for relative links and named in errors. */
  url: string;
  /** Fallback for missing/unparsable/future item dates. */
  fetchedAt: Date;
}

const RSS090_NS = /^https?:\/\/(?:my|channel)\.netscape\.com\/rdf\/simple\/0\.9\/?$/;
const SUMMARY_FROM_CONTENT_CHARS = 600;

const keep = (from: string, to: string) => [from, to, { keepArray: true }];

// rss-parser maps the common fields; the raw arrays below let us pick among duplicates, read
// attributes (xml:base, rel, isPermaLink) and fall back across vocabularies ourselves.
const ITEM_FIELDS = [
  keep('$', 'x_attrs'),
  keep('guid', 'x_guids'),
  keep('id', 'x_ids'),
  keep('link', 'x_links'),
  keep('atom:link', 'x_atomLinks'),
  keep('atom10:link', 'x_atom10Links'),
  keep('a10:link', 'x_a10Links'),
  keep('a10:id', 'x_a10Ids'),
  keep('title', 'x_titles'),
  keep('dc:title', 'x_dcTitles'),
  keep('description', 'x_descriptions'),
  keep('dc:description', 'x_dcDescriptions'),
  keep('content:encoded', 'x_encoded'),
  keep('content', 'x_contents'),
  keep('summary', 'x_summaries'),
  keep('author', 'x_authors'),
  keep('dc:creator', 'x_creators'),
  keep('atom:author', 'x_atomAuthors'),
  keep('a10:author', 'x_a10Authors'),
  keep('pubDate', 'x_pubDates'),
  keep('dc:date', 'x_dcDates'),
  keep('bitim:published', 'x_published'),
  keep('bitim:updated', 'x_updated'),
  keep('a10:updated', 'x_a10Updated'),
  keep('category', 'x_categories'),
  keep('dc:subject', 'x_subjects'),
  keep('dc:language', 'x_languages'),
  keep('enclosure', 'x_enclosures'),
  keep('media:content', 'x_mediaContents'),
  keep('media:thumbnail', 'x_mediaThumbs'),
  keep('media:group', 'x_mediaGroups'),
  keep('media:credit', 'x_mediaCredits'),
];
const FEED_FIELDS = [keep('$', 'x_attrs'), keep('link', 'x_links'), keep('dc:language', 'x_languages'), keep('title', 'x_titles')];

type XmlNode = string | { _?: string; $?: Record<string, string>; [k: string]: unknown };
type RawItem = Record<string, unknown>;

/** Text content of an xml2js node (string, {_:…}, or nested elements flattened in order of keys). */
function textOf(node: unknown): string {
  if (node === null || node === undefined) return '';
  if (typeof node === 'string') return node;
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (Array.isArray(node)) return node.map(textOf).filter(Boolean).join('\n');
  if (typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o._ === 'string' && Object.keys(o).every((k) => k === '_' || k === '$')) return o._;
    const parts: string[] = [];
    if (typeof o._ === 'string') parts.push(o._);
    for (const [k, v] of Object.entries(o)) if (k !== '$' && k !== '_') parts.push(textOf(v));
    return parts.filter(Boolean).join('\n');
  }
  return '';
}

function attrsOf(node: unknown): Record<string, string> {
  if (node && typeof node === 'object' && !Array.isArray(node)) {
    const a = (node as { $?: unknown }).$;
    if (a && typeof a === 'object') return a as Record<string, string>;
  }
  return {};
}

const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);
const texts = (v: unknown): string[] => arr(v).map((n) => textOf(n).trim()).filter(Boolean);

/** Atom-style <link rel href>: the alternate (or rel-less) href first, then any href. */
function atomHref(links: unknown[]): string | null {
  let any: string | null = null;
  for (const l of links) {
    const a = attrsOf(l);
    if (!a.href) continue;
    const rel = (a.rel ?? 'alternate').toLowerCase();
    if (rel === 'alternate') return a.href;
    if (!any && rel !== 'self' && rel !== 'hub' && rel !== 'replies' && rel !== 'edit' && rel !== 'license') any = a.href;
  }
  return any;
}

function authorNames(v: unknown): string[] {
  return arr(v)
    .map((n) => {
      if (n && typeof n === 'object' && !Array.isArray(n) && 'name' in (n as object)) return textOf((n as { name: unknown }).name);
      return textOf(n);
    })
    .map((t) => t.trim())
    .filter(Boolean);
}

function truncateText(t: string, max: number): string {
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const sp = cut.lastIndexOf(' ');
  return `${(sp > max * 0.6 ? cut.slice(0, sp) : cut).trimEnd()}…`;
}

function fallbackTitle(summary: string, content: string): string {
  const t = (summary || content).split('\n')[0] ?? '';
  return truncateText(t, 120);
}

function finishItem(
  fields: {
    guids: string[];
    link: string | null;
    bases: Array<string | null | undefined>;
    title: string;
    summaryHtml: string;
    contentHtml: string;
    authors: string[];
    dates: Array<string | null | undefined>;
    language: string | null;
    categories: string[];
    media?: Array<{ url: string; type: string | null; credit: string | null }>;
  },
  fetchedAt: Date,
): NormalisedItem | null {
  const content = htmlToText(fields.contentHtml);
  let summary = htmlToText(fields.summaryHtml);
  if (!summary && content) summary = truncateText(content.replace(/\n/g, ' '), SUMMARY_FROM_CONTENT_CHARS);
  const url = canonicalUrl(fields.link, fields.bases);
  const guid = pickGuid(fields.guids);
  let title = cleanTitle(fields.title);
  if (!title && !summary && !content && !url && !guid) return null;
  if (!title) title = fallbackTitle(summary, content);
  const { published, fromFeed } = resolvePublished(fields.dates, fetchedAt);
  const item: NormalisedItem = {
    guid,
    url,
    title,
    summary,
    content,
    author: cleanAuthor(fields.authors),
    published,
    publishedFromFeed: fromFeed,
    language: fields.language,
    categories: [...new Set(fields.categories.map((c) => cleanTitle(c)).filter(Boolean))],
    media: dedupeMedia(fields.media ?? [], fields.bases),
  };
  return item;
}

function dedupeMedia(raw: Array<{ url: string; type: string | null; credit: string | null }>, bases: Array<string | null | undefined>): MediaRef[] {
  const base = effectiveBase(bases);
  const seen = new Map<string, MediaRef>();
  for (const m of raw) {
    let url: string;
    try {
      url = base ? new URL(m.url.trim(), base).href : new URL(m.url.trim()).href;
    } catch {
      continue;
    }
    if (!/^https?:/i.test(url)) continue;
    const prev = seen.get(url);
    if (prev) {
      if (!prev.type && m.type) prev.type = m.type;
      continue;
    }
    seen.set(url, { url, type: m.type, credit: m.credit });
  }
  return [...seen.values()];
}

function mediaOf(it: RawItem): Array<{ url: string; type: string | null; credit: string | null }> {
  const credit = texts(it.x_mediaCredits)[0] ?? null;
  const nodes = [
    ...arr(it.x_mediaContents),
    ...arr(it.x_enclosures),
    ...arr(it.x_mediaThumbs),
    ...arr(it.x_mediaGroups).flatMap((g) => (g && typeof g === 'object' ? [...arr((g as RawItem)['media:content']), ...arr((g as RawItem)['media:thumbnail'])] : [])),
  ];
  const out: Array<{ url: string; type: string | null; credit: string | null }> = [];
  for (const n of nodes) {
    const a = attrsOf(n);
    if (a.url) out.push({ url: a.url, type: a.type ?? null, credit });
  }
  return out;
}

function fail(code: 'empty' | 'not_a_feed' | 'parse_error', url: string, reason: string, cause?: unknown): never {
  throw new FeedParseError({ code, url, reason, cause });
}

// ---------------------------------------------------------------- JSON Feed

function parseJsonFeed(text: string, opts: ParseFeedOptions): ParsedFeed {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (cause) {
    fail('parse_error', opts.url, `body looks like JSON but does not parse (${(cause as Error).message})`, cause);
  }
  const d = doc as Record<string, unknown>;
  if (!d || typeof d !== 'object' || Array.isArray(d) || typeof d.version !== 'string' || !/jsonfeed\.org\/version\//.test(d.version)) {
    fail('not_a_feed', opts.url, 'JSON document is not a JSON Feed (no jsonfeed.org "version")');
  }
  const feedLink = typeof d.home_page_url === 'string' ? d.home_page_url : null;
  const language = normaliseLanguage(typeof d.language === 'string' ? d.language : null);
  const feedAuthors = [...authorNames(d.authors), ...authorNames(d.author)];
  const items: NormalisedItem[] = [];
  for (const raw of Array.isArray(d.items) ? d.items : []) {
    if (!raw || typeof raw !== 'object') continue;
    const it = raw as Record<string, unknown>;
    const str = (k: string) => (typeof it[k] === 'string' ? (it[k] as string) : typeof it[k] === 'number' ? String(it[k]) : null);
    const contentHtml = str('content_html') ?? (str('content_text') ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;');
    const item = finishItem(
      {
        guids: [str('id') ?? ''],
        link: str('url') ?? str('external_url'),
        bases: [feedLink, opts.url],
        title: str('title') ?? '',
        summaryHtml: (str('summary') ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;'),
        contentHtml,
        authors: [...authorNames(it.authors), ...authorNames(it.author), ...feedAuthors],
        dates: [str('date_published'), str('date_modified')],
        language: normaliseLanguage(str('language')) ?? language,
        categories: Array.isArray(it.tags) ? it.tags.filter((t): t is string => typeof t === 'string') : [],
      },
      opts.fetchedAt,
    );
    if (item) items.push(item);
  }
  return {
    format: 'json',
    title: typeof d.title === 'string' ? cleanTitle(d.title) || null : null,
    link: canonicalUrl(feedLink, [opts.url]),
    language,
    items,
    warnings: [],
  };
}

// ---------------------------------------------------------------- XML

function detectXmlFormat(root: string, attrs: Record<string, string>): FeedFormat | null {
  if (root === 'rss') {
    const v = (attrs.version ?? '').trim();
    return /^0\.9/.test(v) ? 'rss09' : 'rss2';
  }
  if (root === 'rdf:RDF') return RSS090_NS.test((attrs.xmlns ?? '').trim()) ? 'rss09' : 'rss1';
  if (root === 'feed') return 'atom';
  return null;
}

function makeParser(format: FeedFormat): Parser<RawItem, RawItem> {
  return new Parser<RawItem, RawItem>({
    defaultRSS: 2,
    customFields: { feed: FEED_FIELDS as never, item: ITEM_FIELDS as never },
    xml2js: {
      // rss-parser turns Atom <published>/<updated> into Dates and throws on bad ones; we read
      // them ourselves under other names.
      tagNameProcessors: [(name: string) => (format === 'atom' && (name === 'published' || name === 'updated') ? `bitim:${name}` : name)],
    },
  });
}

async function parseXmlFeed(text: string, opts: ParseFeedOptions): Promise<ParsedFeed> {
  const repaired = repairXml(text);
  if (!repaired.root) {
    if (!text.trim()) fail('empty', opts.url, 'body is empty');
    fail('not_a_feed', opts.url, 'body contains no XML element');
  }
  const format = detectXmlFormat(repaired.root, repaired.rootAttrs);
  if (!format) {
    fail('not_a_feed', opts.url, `root element <${repaired.root}> is not rss, rdf:RDF or feed (an HTML page or other document?)`);
  }
  let out: Parser.Output<RawItem> & RawItem;
  try {
    out = (await makeParser(format).parseString(repaired.text)) as Parser.Output<RawItem> & RawItem;
  } catch (cause) {
    fail('parse_error', opts.url, `XML could not be parsed after repair: ${(cause as Error).message.split('\n')[0]}`, cause);
  }
  const feedAttrs = (out.x_attrs ?? {}) as Record<string, string>;
  const feedLinks = arr(out.x_links);
  const feedLinkRaw = format === 'atom' ? atomHref(feedLinks) : (texts(feedLinks)[0] ?? atomHref(feedLinks));
  const feedBase = feedAttrs['xml:base'] ?? repaired.rootAttrs['xml:base'] ?? null;
  const feedLink = canonicalUrl(feedLinkRaw, [feedBase, opts.url]);
  const language =
    normaliseLanguage(typeof out.language === 'string' ? out.language : textOf(out.language)) ??
    normaliseLanguage(texts(out.x_languages)[0]) ??
    normaliseLanguage(feedAttrs['xml:lang'] ?? repaired.rootAttrs['xml:lang']);
  const feedBaseUrl = effectiveBase([feedBase, feedLink, opts.url]);

  const items: NormalisedItem[] = [];
  for (const it of out.items ?? []) {
    const attrs = (it.x_attrs ?? {}) as Record<string, string>;
    const atomLinks = [...arr(it.x_atomLinks), ...arr(it.x_atom10Links), ...arr(it.x_a10Links)];
    let link: string | null;
    const guidNodes = arr(it.x_guids);
    if (format === 'atom') {
      link = atomHref(arr(it.x_links)) ?? (texts(it.x_links)[0] || null);
    } else {
      link = texts(it.x_links)[0] ?? atomHref(atomLinks) ?? atomHref(arr(it.x_links));
      if (!link) {
        const permalink = guidNodes.find((g) => (attrsOf(g).isPermaLink ?? 'true').toLowerCase() !== 'false' && /^https?:\/\//i.test(textOf(g).trim()));
        if (permalink) link = textOf(permalink).trim();
      }
      if (!link && attrs['rdf:about']) link = attrs['rdf:about'];
    }
    const isAtom = format === 'atom';
    const item = finishItem(
      {
        guids: [...texts(guidNodes), ...texts(it.x_ids), ...texts(it.x_a10Ids), ...(attrs['rdf:about'] ? [attrs['rdf:about']] : [])],
        link,
        bases: [attrs['xml:base'], feedBaseUrl],
        title: texts(it.x_titles)[0] ?? texts(it.x_dcTitles)[0] ?? '',
        summaryHtml: isAtom ? (texts(it.x_summaries)[0] ?? '') : (texts(it.x_descriptions)[0] ?? texts(it.x_dcDescriptions)[0] ?? texts(it.x_summaries)[0] ?? ''),
        contentHtml: isAtom ? (texts(it.x_contents)[0] ?? '') : (texts(it.x_encoded)[0] ?? ''),
        authors: [
          ...authorNames(it.x_authors),
          ...texts(it.x_creators),
          ...authorNames(it.x_atomAuthors),
          ...authorNames(it.x_a10Authors),
        ],
        dates: [...texts(it.x_pubDates), ...texts(it.x_published), ...texts(it.x_dcDates), ...texts(it.x_updated), ...texts(it.x_a10Updated)],
        language: normaliseLanguage(texts(it.x_languages)[0] ?? attrs['xml:lang']) ?? language,
        media: mediaOf(it),
        categories: [...arr(it.x_categories).map((c) => textOf(c) || attrsOf(c).term || attrsOf(c).label || ''), ...texts(it.x_subjects)],
      },
      opts.fetchedAt,
    );
    if (item) items.push(item);
  }
  const title = cleanTitle(texts(out.x_titles)[0] ?? (typeof out.title === 'string' ? out.title : ''));
  return { format, title: title || null, link: feedLink, language, items, warnings: repaired.warnings };
}

/**
 * Parse feed bytes. Throws FeedParseError: 'empty' (no content), 'not_a_feed' (HTML page, other
 * XML/JSON, junk), 'parse_error' (a feed that stays unparsable after repair). A valid feed with
 * zero items is returned as such.
 */
export async function parseFeed(bytes: Buffer, opts: ParseFeedOptions): Promise<ParsedFeed> {
  if (!bytes || bytes.length === 0) fail('empty', opts.url, 'body is empty');
  let text: string;
  try {
    text = decodeBody(bytes, opts.contentType ?? null).text;
  } catch (cause) {
    fail('parse_error', opts.url, `body could not be decoded (${(cause as Error).message})`, cause);
  }
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (!trimmed) fail('empty', opts.url, 'body is empty (whitespace only)');
  if (trimmed[0] === '{' || trimmed[0] === '[') return parseJsonFeed(trimmed, opts);
  return parseXmlFeed(text, opts);
}
