import { Readability } from '@mozilla/readability';
import type { ArticleMeta } from '../core/document.js';
import { normalizeDate } from './dates.js';
import { flattenHtml, parseCost } from './html-scan.js';
import { blockText, CONTENT_FURNITURE, PAGE_FURNITURE, type DomNode } from './html-text.js';
import { parsePage, parsePageOrNull, type ParsedPage } from './html-dom.js';
import { pageMeta } from './html-meta.js';
import { mergeMeta, type InputArticle, type InputFailure } from './types.js';

/** Beyond these a page is hostile or not an article; readability's recursion and scoring are skipped. */
export const HTML_LIMITS = {
  /** characters of HTML accepted at all */
  maxChars: 20_000_000,
  /** elements readability may score */
  maxElements: 50_000,
  /** nesting depth readability may walk (its helpers recurse) */
  maxDepth: 300,
  /** characters of text collected from one page */
  maxTextChars: 5_000_000,
  /** estimated parser work (see html-scan.ts) above which the page is flattened first */
  maxParseCost: 50_000_000,
};

/**
 * The article in an HTML page: main text by Readability (paragraphs kept apart by "\n\n"),
 * falling back to the body's block text without page furniture; metadata declared by the
 * page wins over `meta` (flags). Bad HTML gives a failure, never a throw.
 */
export function articleFromHtml(html: string, origin: string, meta?: Partial<ArticleMeta>): InputArticle | InputFailure {
  if (html.length > HTML_LIMITS.maxChars) {
    return { input: origin, message: `HTML too large (${mb(html.length)} MB of text; limit ${mb(HTML_LIMITS.maxChars)} MB)` };
  }
  if (parseCost(html) > HTML_LIMITS.maxParseCost) return fromFlattened(html, origin, meta);
  let page: ParsedPage;
  try {
    page = parsePage(html);
  } catch (error) {
    return { input: origin, message: `unparseable HTML: ${(error as Error).message}` };
  }
  const found = pageMeta(page.document);
  const body = page.document.body;
  const size = body ? measure(body) : { elements: 0, depth: 0 };
  const readable = size.elements <= HTML_LIMITS.maxElements && size.depth <= HTML_LIMITS.maxDepth;
  // readability leaves a byline element in place when the page's metadata named the author
  const bylineText = readable ? removeBylines(page.document) : undefined;
  const extracted = readable ? viaReadability(page) : undefined;

  let text = extracted?.text ?? '';
  // readability edits the document it reads, so after it ran the fallback needs a fresh parse
  if (text === '') text = fallbackText(readable ? parsePageOrNull(html)?.document.body : body);
  if (text === '') return { input: origin, message: 'empty article: no text found in the HTML' };

  const record: Partial<ArticleMeta> = { ...found.meta };
  record.title ??= extracted?.title ?? found.titleTag;
  record.outlet ??= extracted?.siteName;
  record.language ??= extracted?.lang;
  record.publishedAt ??= extracted?.publishedTime ? normalizeDate(extracted.publishedTime) : undefined;
  const article: InputArticle = { text, meta: mergeMeta(record, meta, origin), html };
  const byline = found.byline ?? extracted?.byline ?? bylineText;
  if (byline) article.byline = byline.replace(/\s+/g, ' ').trim();
  return article;
}

/**
 * Nested too deep to parse in reasonable time: metadata from the <head> alone (when that part
 * is sane), text from a flattened copy that keeps only paragraph breaks.
 */
function fromFlattened(html: string, origin: string, meta: Partial<ArticleMeta> | undefined): InputArticle | InputFailure {
  const bodyAt = html.search(/<body[\s>]/i);
  const head = bodyAt === -1 ? '' : html.slice(0, bodyAt);
  const headPage = head !== '' && parseCost(head) <= HTML_LIMITS.maxParseCost ? parsePageOrNull(head) : null;
  const found = headPage ? pageMeta(headPage.document) : { meta: {} as Partial<ArticleMeta>, titleTag: undefined, byline: undefined };
  const text = fallbackText(parsePageOrNull(flattenHtml(html))?.document.body);
  if (text === '') return { input: origin, message: 'empty article: no text found in the HTML' };
  const record: Partial<ArticleMeta> = { ...found.meta };
  record.title ??= found.titleTag;
  const article: InputArticle = { text, meta: mergeMeta(record, meta, origin), html };
  if (found.byline) article.byline = found.byline;
  return article;
}

interface Extracted {
  text: string;
  title?: string;
  siteName?: string;
  byline?: string;
  lang?: string;
  publishedTime?: string;
}

function viaReadability(page: ParsedPage): Extracted | undefined {
  try {
    const reader = new Readability<DomNode>(page.document as never, { serializer: (node: unknown) => node as DomNode });
    const result = reader.parse();
    if (!result?.content) return undefined;
    const out: Extracted = { text: blockText(result.content, { maxChars: HTML_LIMITS.maxTextChars, skip: CONTENT_FURNITURE }) };
    for (const key of ['title', 'siteName', 'byline', 'lang', 'publishedTime'] as const) {
      const value = result[key]?.replace(/\s+/g, ' ').trim();
      if (value) out[key] = value;
    }
    return out;
  } catch {
    // readability gives up on some pages (and throws on others); the fallback reads the body
    return undefined;
  }
}

/** The body's block text, page furniture left out unless nothing else is there. */
function fallbackText(body: DomNode | null | undefined): string {
  if (!body) return '';
  const options = { maxChars: HTML_LIMITS.maxTextChars };
  return blockText(body, { ...options, skip: PAGE_FURNITURE }) || blockText(body, options);
}

// not "dateline": for sitrep the dateline (place, date) is article text
const BYLINE = /byline|author|writtenby|p-author/i;

/**
 * Remove byline elements (as readability recognises them: rel/itemprop author or a byline-ish
 * class or id, under 100 characters) so the author stays metadata. Returns the first one's text.
 */
function removeBylines(document: ParsedPage['document']): string | undefined {
  let first: string | undefined;
  for (const el of [...document.querySelectorAll('[rel], [itemprop], [class], [id]')] as unknown as BylineCandidate[]) {
    const marked =
      el.getAttribute('rel') === 'author' ||
      (el.getAttribute('itemprop') ?? '').includes('author') ||
      BYLINE.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`);
    if (!marked || ['html', 'body', 'article', 'main', 'meta', 'link'].includes(el.localName)) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text === '' || text.length >= 100 || !el.isConnected) continue;
    first ??= text.replace(/^by\s+/i, '');
    el.remove();
  }
  return first;
}

interface BylineCandidate {
  localName: string;
  textContent: string | null;
  isConnected: boolean;
  getAttribute(name: string): string | null;
  remove(): void;
}

/** Element count and depth, walked iteratively; stops counting once both limits are passed. */
function measure(root: DomNode): { elements: number; depth: number } {
  let elements = 0;
  let maxDepth = 0;
  let depth = 0;
  let node: DomNode | null = root.firstChild;
  while (node) {
    if (node.nodeType === 1) {
      elements++;
      if (depth + 1 > maxDepth) maxDepth = depth + 1;
      if (elements > HTML_LIMITS.maxElements && maxDepth > HTML_LIMITS.maxDepth) break;
      if (node.firstChild) {
        depth++;
        node = node.firstChild;
        continue;
      }
    }
    let next: DomNode | null = null;
    while (node && node !== root) {
      if (node.nextSibling) {
        next = node.nextSibling;
        break;
      }
      node = node.parentNode;
      depth--;
    }
    node = next;
  }
  return { elements, depth: maxDepth };
}

function mb(chars: number): string {
  return (chars / 1_000_000).toFixed(1);
}
