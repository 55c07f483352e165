import type { ArticleMeta } from '../core/document.js';
import { normalizeDate } from './dates.js';

/** The slice of a DOM document this module reads (linkedom provides it). */
export interface MetaElement {
  getAttribute(name: string): string | null;
  textContent: string | null;
}
export interface MetaDocument {
  querySelectorAll(selector: string): Iterable<MetaElement> & { length: number };
  documentElement: MetaElement | null;
}

export interface PageMeta {
  meta: Partial<ArticleMeta>;
  byline?: string;
  /** the <title> text, a last resort after declared titles and readability's cleaned one */
  titleTag?: string;
}

/** JSON-LD blocks are small; a giant one is not worth parsing. */
const MAX_JSONLD_CHARS = 200_000;

/**
 * Metadata declared by the page itself: Open Graph, article:*, <link rel=canonical>,
 * <time datetime>, JSON-LD (NewsArticle and friends), and common name=date variants.
 */
export function pageMeta(doc: MetaDocument): PageMeta {
  const metas = metaTags(doc);
  const ld = jsonLd(doc);
  const first = (...values: (string | undefined)[]): string | undefined =>
    values.map((v) => v?.replace(/\s+/g, ' ').trim()).find((v) => v !== undefined && v !== '');

  const titleTag = doc.querySelectorAll('title');
  const title = first(metas.get('og:title'), ld.headline, metas.get('twitter:title'));
  const outlet = first(metas.get('og:site_name'), ld.publisher, metas.get('application-name'));
  const url = pageUrl(doc, metas);
  const published = [
    metas.get('article:published_time'),
    ld.datePublished,
    metas.get('datepublished'),
    metas.get('date'),
    metas.get('pubdate'),
    metas.get('publishdate'),
    metas.get('publish-date'),
    metas.get('dc.date.issued'),
    metas.get('dc.date'),
    metas.get('dcterms.created'),
    metas.get('parsely-pub-date'),
    metas.get('sailthru.date'),
    timeDatetime(doc),
  ]
    .map((v) => (v === undefined ? undefined : normalizeDate(v)))
    .find((v) => v !== undefined);
  const language = first(doc.documentElement?.getAttribute('lang') ?? undefined, metas.get('og:locale')?.replace('_', '-'));
  const meta: Partial<ArticleMeta> = {};
  const titleText = first([...titleTag][0]?.textContent ?? undefined);
  if (title) meta.title = title;
  if (outlet) meta.outlet = outlet;
  if (url) meta.url = url;
  if (published) meta.publishedAt = published;
  if (language) meta.language = language;
  const byline = first(metas.get('author'), metas.get('article:author'), ld.author);
  const page: PageMeta = { meta };
  if (titleText) page.titleTag = titleText;
  if (byline !== undefined && !/^https?:\/\//.test(byline)) page.byline = byline;
  return page;
}

/** Lower-cased property/name/itemprop → content; the first tag wins. */
function metaTags(doc: MetaDocument): Map<string, string> {
  const map = new Map<string, string>();
  for (const el of doc.querySelectorAll('meta')) {
    const content = el.getAttribute('content');
    if (content === null) continue;
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = el.getAttribute(attr)?.trim().toLowerCase();
      if (key && !map.has(key)) map.set(key, content);
    }
  }
  return map;
}

function pageUrl(doc: MetaDocument, metas: Map<string, string>): string | undefined {
  const og = absoluteUrl(metas.get('og:url'));
  for (const link of doc.querySelectorAll('link[rel]')) {
    const rel = (link.getAttribute('rel') ?? '').toLowerCase().split(/\s+/);
    if (!rel.includes('canonical')) continue;
    const href = link.getAttribute('href')?.trim();
    // a relative canonical URL can only be resolved against another URL the page gives
    const resolved = href ? (absoluteUrl(href) ?? (og ? absoluteUrl(href, og) : undefined)) : undefined;
    if (resolved) return resolved;
  }
  return og;
}

function absoluteUrl(href: string | undefined, base?: string): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A <time> marked as the publication time wins over the first <time> in the article. */
function timeDatetime(doc: MetaDocument): string | undefined {
  const marked = [...doc.querySelectorAll('time[pubdate], time[itemprop="datePublished"]')];
  const inArticle = [...doc.querySelectorAll('article time[datetime]')];
  const any = [...doc.querySelectorAll('time[datetime]')];
  for (const el of [...marked, ...inArticle, ...any]) {
    const value = el.getAttribute('datetime');
    if (value && normalizeDate(value)) return value;
  }
  return undefined;
}

interface LdFields {
  headline?: string;
  datePublished?: string;
  publisher?: string;
  author?: string;
}

const ARTICLE_TYPES = /Article|Posting|Report|WebPage|BlogPosting/;

function jsonLd(doc: MetaDocument): LdFields {
  const found: LdFields = {};
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const raw = script.textContent ?? '';
    if (raw.length > MAX_JSONLD_CHARS) continue;
    let data: unknown;
    try {
      data = JSON.parse(raw.replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, ''));
    } catch {
      continue;
    }
    for (const node of ldNodes(data)) {
      const type = [node['@type']].flat().join(' ');
      if (!ARTICLE_TYPES.test(type)) continue;
      found.headline ??= str(node.headline) ?? str(node.name);
      found.datePublished ??= str(node.datePublished);
      found.publisher ??= nameOf(node.publisher);
      found.author ??= nameOf(node.author);
    }
  }
  return found;
}

/** Top-level objects, arrays of them and @graph members; no deeper (hostile nesting). */
function ldNodes(data: unknown): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const top = Array.isArray(data) ? data : [data];
  for (const item of top.slice(0, 100)) {
    if (!isObject(item)) continue;
    out.push(item);
    if (Array.isArray(item['@graph'])) out.push(...item['@graph'].slice(0, 100).filter(isObject));
  }
  return out;
}

function nameOf(value: unknown): string | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' ? v : isObject(v) ? str(v.name) : undefined;
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
