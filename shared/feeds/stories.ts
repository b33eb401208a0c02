// Which articles of a score batch are copies of one story: each one's fingerprint, bands and in-batch
// group, as the rows the story statement reads. Pure: the repository sends the result as one JSON
// parameter and matches the groups against stored stories.
import { fingerprintBands, storyFingerprint, storyGroups } from './fingerprint.ts';

/** An article not yet in a story, as the score stage has it. */
export interface StoryCandidate {
  articleId: number;
  title: string;
  /** The article's fullest text (its content, else its feed summary). */
  text: string;
  fetchedAt: Date;
}

/** The fuller of an article's two texts: its content (full text, content:encoded) or its feed summary. */
export const fullestText = (a: { content: string; summary: string }): string => (a.content.length > a.summary.length ? a.content : a.summary);

/** A stored article (its id, title, texts and fetch time) as a story candidate. */
export function storyCandidate(a: { id: number | string; title: string; content: string; summary: string; fetched_at: Date | string }): StoryCandidate {
  return { articleId: Number(a.id), title: a.title, text: fullestText(a), fetchedAt: new Date(a.fetched_at) };
}

export interface StoryRow {
  id: number;
  fingerprint: string;
  /** The fingerprint's bands, comma-separated (band strings hold no commas). */
  bands: string;
  /** 1-based position of the row's in-batch group founder (see storyGroups). */
  grp: number;
  /** 1-based position in the batch (article id order, which is feed order). */
  ord: number;
  fetched_at: string;
}

/** One row per candidate, in article id order, with fingerprint, bands and in-batch story group. */
export function storyRows(candidates: StoryCandidate[]): StoryRow[] {
  const sorted = [...candidates].sort((a, b) => a.articleId - b.articleId);
  const fingerprints = sorted.map((c) => storyFingerprint(c.title, c.text));
  const groups = storyGroups(fingerprints);
  return sorted.map((c, i) => ({
    id: c.articleId,
    fingerprint: fingerprints[i]!,
    bands: fingerprintBands(fingerprints[i]!).join(','),
    grp: groups[i]! + 1,
    ord: i + 1,
    fetched_at: c.fetchedAt.toISOString(),
  }));
}
