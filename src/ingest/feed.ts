import type { ArticleMeta } from '../core/document.js';
import { parseFeed } from '../feeds/parse.js';
import { readText } from './decode.js';
import { articleFromHtml } from './html.js';
import { fail, isFailure, ok, type InputItem, type Reader } from './types.js';

/**
 * A saved RSS/Atom/RDF feed file as input: one article per item, its text from the item's
 * content (else its description); item title, link and date win over flags, the feed title
 * is the outlet unless --outlet is given. Pages behind the links are not fetched here (`sitrep watch` does).
 */
export const readFeed: Reader = (buffer, origin, flags) => {
  const encoding = /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)/i.exec(buffer.toString('latin1', 0, Math.min(buffer.length, 512)))?.[1];
  const decoded = readText(buffer, origin, encoding);
  if (isFailure(decoded)) return [{ ok: false, failure: decoded }];
  const parsed = parseFeed(decoded.text);
  if (!parsed.ok) return [fail(origin, parsed.message)];
  if (parsed.feed.items.length === 0) return [fail(origin, 'feed has no items')];
  return parsed.feed.items.map((item, i): InputItem => {
    const where = `${origin}:item ${i + 1}`;
    const html = item.content ?? item.summary;
    if (!html) return fail(where, 'feed item has no content or description');
    // as with JSON records: what the item says wins, flags fill what it lacks
    const meta: Partial<ArticleMeta> = { ...flags };
    if (item.title) meta.title = item.title;
    if (item.link) meta.url = item.link;
    if (item.publishedAt) meta.publishedAt = item.publishedAt;
    if (parsed.feed.title && !flags.outlet) meta.outlet = parsed.feed.title;
    const article = articleFromHtml(html, where, meta);
    return isFailure(article) ? { ok: false, failure: article } : ok(article);
  });
};

/** Feed extensions. ".xml" is left out: sitemaps and other XML in a folder would all become failures. */
export const FEED_EXTENSIONS = ['.rss', '.atom'] as const;

/** Add the feed reader to a readers map (the ingest `readers` map by default). */
export function registerFeedReader(map: Map<string, Reader>): void {
  for (const ext of FEED_EXTENSIONS) if (!map.has(ext)) map.set(ext, readFeed);
}
