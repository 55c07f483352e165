import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { normalizeDate } from '../ingest/dates.js';

/** One entry of a feed, whatever the dialect (RSS 2.0, Atom 1.0, RDF/RSS 1.0). */
export interface FeedItem {
  /** guid (RSS), id (Atom) or rdf:about (RSS 1.0), when the feed gives one */
  guid?: string;
  link?: string;
  title?: string;
  /** ISO 8601 (normalised by ingest/dates) */
  publishedAt?: string;
  /** description / summary: often HTML */
  summary?: string;
  /** full content (content:encoded, Atom content): often HTML */
  content?: string;
}

export interface ParsedFeed {
  kind: 'rss' | 'atom' | 'rdf';
  title?: string;
  link?: string;
  items: FeedItem[];
}

export type FeedParseResult = { ok: true; feed: ParsedFeed } | { ok: false; message: string };

/** Beyond these a feed is refused rather than parsed. */
export const FEED_LIMITS = { maxChars: 10_000_000, maxItems: 5_000 };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // the few elements that may repeat are always arrays, so one item looks like many
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

/** The key an item is remembered by: guid/id, else its link. */
export function itemKey(item: FeedItem): string | undefined {
  return item.guid ?? item.link;
}

/**
 * Parse a feed document. Broken XML, entity declarations, unknown roots and oversized
 * input come back as `{ ok: false, message }`; nothing here throws.
 */
export function parseFeed(xml: string): FeedParseResult {
  try {
    return parseUnsafe(xml);
  } catch (error) {
    return { ok: false, message: `unparseable feed: ${(error as Error).message}` };
  }
}

function parseUnsafe(xml: string): FeedParseResult {
  const text = xml.replace(/^\uFEFF/, '');
  if (text.length > FEED_LIMITS.maxChars) return { ok: false, message: `feed too large (${text.length} characters; limit ${FEED_LIMITS.maxChars})` };
  if (!/\S/.test(text)) return { ok: false, message: 'empty feed' };
  // entity declarations are how XML bombs and external-entity reads start; real feeds do not need them
  if (/<!ENTITY/i.test(text)) return { ok: false, message: 'feed declares XML entities; refused' };
  if (!/^\s*</.test(text)) return { ok: false, message: 'not XML (the document does not start with "<")' };
  const valid = XMLValidator.validate(text);
  if (valid !== true) return { ok: false, message: `broken XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}` };
  const doc = parser.parse(text) as Record<string, unknown>;
  if (isObject(doc.rss)) return rss(doc.rss);
  if (isObject(doc.feed)) return atom(doc.feed);
  if (isObject(doc.RDF)) return rdf(doc.RDF);
  const root = Object.keys(doc).find((k) => !k.startsWith('#') && !k.startsWith('?')) ?? 'nothing';
  return { ok: false, message: `not a feed (root element <${root}>; expected rss, feed or rdf:RDF)` };
}

type Node = Record<string, unknown>;

function isObject(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** The text of an element: a string, the #text of an element with attributes, or all nested text (Atom xhtml). */
function text(value: unknown): string | undefined {
  if (Array.isArray(value)) return text(value[0]);
  if (typeof value === 'string' || typeof value === 'number') {
    const s = String(value).trim();
    return s === '' ? undefined : s;
  }
  if (isObject(value)) {
    if ('#text' in value) return text(value['#text']);
    const parts = Object.entries(value)
      .filter(([k]) => !k.startsWith('@_'))
      .flatMap(([, v]) => list(v).map(text))
      .filter((s): s is string => s !== undefined);
    return parts.length > 0 ? parts.join(' ') : undefined;
  }
  return undefined;
}

function date(...values: unknown[]): string | undefined {
  for (const v of values) {
    const s = text(v);
    const iso = s ? normalizeDate(s) : undefined;
    if (iso) return iso;
  }
  return undefined;
}

function clean<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}

function capped(items: FeedItem[]): FeedItem[] {
  return items.slice(0, FEED_LIMITS.maxItems);
}

function rss(root: Node): FeedParseResult {
  const channel = list(root.channel)[0];
  if (!isObject(channel)) return { ok: false, message: 'RSS feed without a <channel>' };
  const items = list(channel.item).filter(isObject).map((item) =>
    clean<FeedItem>({
      guid: text(item.guid),
      link: rssLink(item.link),
      title: text(item.title),
      publishedAt: date(item.pubDate, item.date, item.published, item.updated),
      summary: text(item.description),
      content: text(item.encoded),
    }),
  );
  return { ok: true, feed: clean({ kind: 'rss' as const, title: text(channel.title), link: rssLink(channel.link), items: capped(items) }) };
}

/** RSS <link> is text; a namespaced atom:link beside it has lost its prefix and carries href. */
function rssLink(value: unknown): string | undefined {
  for (const l of list(value)) {
    const s = typeof l === 'string' ? text(l) : undefined;
    if (s) return s;
  }
  return undefined;
}

function atomLink(value: unknown): string | undefined {
  const links = list(value).filter(isObject);
  const alternate = links.find((l) => (l['@_rel'] ?? 'alternate') === 'alternate') ?? links[0];
  const href = alternate?.['@_href'];
  return typeof href === 'string' && href.trim() !== '' ? href.trim() : undefined;
}

function atom(root: Node): FeedParseResult {
  const items = list(root.entry).filter(isObject).map((entry) =>
    clean<FeedItem>({
      guid: text(entry.id),
      link: atomLink(entry.link),
      title: text(entry.title),
      publishedAt: date(entry.published, entry.updated, entry.issued, entry.modified),
      summary: text(entry.summary),
      content: text(entry.content),
    }),
  );
  return { ok: true, feed: clean({ kind: 'atom' as const, title: text(root.title), link: atomLink(root.link), items: capped(items) }) };
}

function rdf(root: Node): FeedParseResult {
  const channel = list(root.channel)[0];
  const items = list(root.item).filter(isObject).map((item) => {
    const about = item['@_about'];
    return clean<FeedItem>({
      guid: typeof about === 'string' && about.trim() !== '' ? about.trim() : undefined,
      link: rssLink(item.link),
      title: text(item.title),
      publishedAt: date(item.date, item.pubDate),
      summary: text(item.description),
      content: text(item.encoded),
    });
  });
  const title = isObject(channel) ? text(channel.title) : undefined;
  const link = isObject(channel) ? rssLink(channel.link) : undefined;
  return { ok: true, feed: clean({ kind: 'rdf' as const, title, link, items: capped(items) }) };
}
