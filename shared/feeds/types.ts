// What the ingestion path hands to storage: one normalised feed item.

export type FeedFormat = 'rss2' | 'rss1' | 'rss09' | 'atom' | 'json';

export interface NormalisedItem {
  /** Feed-provided id (guid/id), or null when the feed has none. */
  guid: string | null;
  /** Canonical absolute URL (tracking params and fragment stripped), or null. */
  url: string | null;
  title: string;
  /** Plain text: HTML stripped, entities decoded, whitespace collapsed. */
  summary: string;
  /** Plain text of the full content when the feed carries it (content:encoded, content_html …). */
  content: string;
  author: string | null;
  /** ISO 8601 UTC; the fetch time when the feed gives none or an unparsable one. */
  published: string;
  /** Whether `published` came from the feed (false: fell back to fetch time). */
  publishedFromFeed: boolean;
  /** Language tag from the item or, failing that, the feed (lower case, e.g. 'ru', 'en-us'). */
  language?: string | null;
  /** Category/tag labels as text (RSS <category>, Atom term, JSON Feed tags). */
  categories?: string[];
  /** Enclosures / media:content / media:thumbnail, de-duplicated by absolute URL. */
  media?: MediaRef[];
}

export interface MediaRef {
  url: string;
  /** MIME type when given (image/jpeg, video/mp4 …). */
  type: string | null;
  /** media:credit of the item (photo agency …), when given. */
  credit: string | null;
}

export interface ParsedFeed {
  format: FeedFormat;
  title: string | null;
  link: string | null;
  language: string | null;
  items: NormalisedItem[];
  /** Non-fatal damage repaired on the way (bare ampersands, truncation …). */
  warnings: string[];
}
