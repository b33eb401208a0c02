// Main text of an article page (pure; the worker fetches the page with guardedFetch).
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { htmlToText } from './normalise.ts';

/** Below this many characters Readability has found a menu or a caption, not an article. */
export const MIN_ARTICLE_CHARS = 100;

/**
 * Readability over a linkedom DOM. Returns null when no article body (≥ MIN_ARTICLE_CHARS) is found. `text` is plain
 * text with paragraph breaks as `\n` (same conventions as htmlToText).
 */
export function extractMainText(html: string, url: string): { title: string | null; text: string } | null {
  if (!html || !html.trim()) return null;
  try {
    const { document } = parseHTML(html);
    try {
      // Relative links inside the article resolve against the page URL.
      const base = document.createElement('base');
      base.setAttribute('href', url);
      document.head?.prepend(base);
    } catch {
      // A document without <head> still parses; only link resolution is lost.
    }
    const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
    if (!article) return null;
    const text = htmlToText(article.content ?? '') || (article.textContent ?? '').trim();
    if (text.length < MIN_ARTICLE_CHARS) return null;
    const title = article.title ? htmlToText(article.title).replace(/\n+/g, ' ') || null : null;
    return { title, text };
  } catch {
    return null;
  }
}
