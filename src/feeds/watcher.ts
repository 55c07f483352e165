import { createHash } from 'node:crypto';
import { analyzeText } from '../analysis/analyze.js';
import type { ArticleMeta } from '../core/document.js';
import { articleFromHtml } from '../ingest/html.js';
import { readText } from '../ingest/decode.js';
import { isFailure, type InputArticle, type InputFailure } from '../ingest/types.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import { articleRecord } from '../store/record.js';
import type { SaveStatus, Store } from '../store/store.js';
import { fetchUrl, type FetchOptions } from './fetch.js';
import { itemKey, parseFeed, type FeedItem, type ParsedFeed } from './parse.js';
import { backoffDelay, HostGate, sleepUnlessAborted } from './politeness.js';
import type { FeedRecord, FeedState } from './state.js';

export interface WatchOptions {
  store: Store;
  state: FeedState;
  pipeline: Pipeline;
  /** fetch from loopback/private/link-local addresses too (tests, intranet feeds) */
  allowPrivate?: boolean;
  /** request settings shared by feed and page fetches (timeout, size limit, user agent, lookup, fetch) */
  fetch?: Omit<FetchOptions, 'allowPrivate' | 'etag' | 'lastModified' | 'accept'>;
  /** minimum time between two requests to one host (default 1000 ms) */
  hostDelayMs?: number;
  /** backoff after failed polls: first delay and cap (defaults 1 min and 6 h) */
  backoff?: { baseMs?: number; maxMs?: number };
  /** new items fetched per feed and poll; the rest wait for the next poll (default 50) */
  maxItemsPerPoll?: number;
  random?: () => number;
  now?: () => Date;
  /** one line per trouble (failed page, garbage feed); default stderr */
  log?: (line: string) => void;
  /** called after each item's article is saved, e.g. to evaluate standing alerts; its failure is logged, the item stays stored */
  onStored?: (result: { id: string; status: SaveStatus }) => Promise<void> | void;
}

export interface PollResult {
  feed: string;
  status: 'ok' | 'not-modified' | 'backing-off' | 'error';
  title?: string;
  items: number;
  newItems: number;
  stored: number;
  duplicates: number;
  errors: { input: string; message: string }[];
  nextAttemptAt?: string;
}

const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';
const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5';

/** Poll every feed once, one after another (a failing feed never stops the others). */
export async function pollFeeds(urls: string[], options: WatchOptions, gate = new HostGate(options.hostDelayMs ?? 1000)): Promise<PollResult[]> {
  const results: PollResult[] = [];
  for (const url of urls) results.push(await pollFeed(url, options, gate));
  return results;
}

/**
 * Poll one feed: skip it while backing off; conditional GET; parse; fetch, analyse and store
 * each item not seen before. A failed page is logged and retried next time (not marked seen,
 * and the feed's validators are kept old so the next GET returns the items again).
 */
export async function pollFeed(url: string, options: WatchOptions, gate = new HostGate(options.hostDelayMs ?? 1000)): Promise<PollResult> {
  const now = (options.now ?? (() => new Date()))();
  const log = options.log ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const record: FeedRecord = (await options.state.getFeed(url)) ?? { url, failures: 0 };
  const result: PollResult = { feed: url, status: 'ok', items: 0, newItems: 0, stored: 0, duplicates: 0, errors: [] };
  if (record.title) result.title = record.title;
  if (record.nextAttemptAt && Date.parse(record.nextAttemptAt) > now.getTime()) {
    result.status = 'backing-off';
    result.nextAttemptAt = record.nextAttemptAt;
    return result;
  }

  let feed: ParsedFeed;
  let validators: { etag?: string; lastModified?: string };
  try {
    await gate.wait(url);
    const response = await fetchUrl(url, { ...options.fetch, allowPrivate: options.allowPrivate, etag: record.etag, lastModified: record.lastModified, accept: FEED_ACCEPT });
    if (response.status === 304) {
      result.status = 'not-modified';
      await options.state.saveFeed({ ...record, failures: 0, nextAttemptAt: undefined, lastError: undefined, lastPolledAt: now.toISOString() });
      return result;
    }
    const decoded = readText(response.body, url, charsetOf(response.contentType) ?? xmlEncoding(response.body));
    if (isFailure(decoded)) throw new Error(decoded.message);
    const parsed = parseFeed(decoded.text);
    if (!parsed.ok) throw new Error(parsed.message);
    feed = parsed.feed;
    validators = { etag: response.etag, lastModified: response.lastModified };
  } catch (error) {
    const message = (error as Error).message.startsWith(url) ? (error as Error).message.slice(url.length + 2) : (error as Error).message;
    const failures = record.failures + 1;
    const next = new Date(now.getTime() + backoffDelay(failures, { ...options.backoff, random: options.random })).toISOString();
    await options.state.saveFeed({ ...record, failures, nextAttemptAt: next, lastError: message, lastPolledAt: now.toISOString() });
    log(`sitrep watch: ${url}: ${message} (failure ${failures}; next try after ${next})`);
    result.status = 'error';
    result.errors.push({ input: url, message });
    result.nextAttemptAt = next;
    return result;
  }

  result.items = feed.items.length;
  if (feed.title) result.title = feed.title;
  const keyed = feed.items.map((item) => ({ item, key: itemKey(item) ?? contentKey(item) }));
  const seen = await options.state.seenKeys(url, keyed.map((k) => k.key));
  const fresh = dedupe(keyed.filter((k) => !seen.has(k.key)));
  result.newItems = fresh.length;
  // feeds list newest first; storing oldest first keeps ingestion order close to publication order
  const batch = fresh.reverse().slice(0, options.maxItemsPerPoll ?? 50);
  let complete = batch.length === fresh.length;
  for (const { item, key } of batch) {
    const outcome = await handleItem(item, feed, url, options, gate);
    if ('message' in outcome) {
      complete = false;
      result.errors.push(outcome);
      log(`sitrep watch: ${outcome.input}: ${outcome.message} (item of ${url}; will retry)`);
      continue;
    }
    if (outcome.status === 'duplicate') result.duplicates++;
    else result.stored++;
    await (async () => options.onStored?.(outcome))().catch((err: Error) => log(`sitrep watch: ${item.link ?? key}: stored, but after storing: ${err.message}`));
    await options.state.markSeen(url, key, item.link);
  }
  // new validators only once every item is handled; otherwise a 304 would hide the items still to do
  const keep = complete ? validators : { etag: record.etag, lastModified: record.lastModified };
  await options.state.saveFeed({ url, title: feed.title ?? record.title, ...keep, failures: 0, lastPolledAt: now.toISOString() });
  return result;
}

async function handleItem(item: FeedItem, feed: ParsedFeed, feedUrl: string, options: WatchOptions, gate: HostGate): Promise<{ id: string; status: SaveStatus } | InputFailure> {
  const meta: Partial<ArticleMeta> = {};
  if (item.title) meta.title = item.title;
  if (item.link) meta.url = item.link;
  if (item.publishedAt) meta.publishedAt = item.publishedAt;
  if (feed.title) meta.outlet = feed.title;
  const origin = item.link ?? `${feedUrl}#${item.guid ?? item.title ?? 'item'}`;
  let article: InputArticle | InputFailure;
  if (item.link) {
    try {
      await gate.wait(item.link);
      const page = await fetchUrl(item.link, { ...options.fetch, allowPrivate: options.allowPrivate, accept: PAGE_ACCEPT });
      if (page.contentType && !/html|xml|text\/plain/i.test(page.contentType)) return { input: item.link, message: `not a web page (${page.contentType})` };
      const decoded = readText(page.body, item.link, charsetOf(page.contentType) ?? metaCharset(page.body));
      if (isFailure(decoded)) return decoded;
      article = articleFromHtml(decoded.text, origin, meta);
    } catch (error) {
      const message = (error as Error).message;
      return { input: item.link, message: message.startsWith(item.link) ? message.slice(item.link.length + 2) : message };
    }
  } else {
    const html = item.content ?? item.summary;
    if (!html) return { input: origin, message: 'feed item has neither a link nor content' };
    article = articleFromHtml(html, origin, meta);
  }
  if (isFailure(article)) return article;
  try {
    const { json } = analyzeText(options.pipeline, article.text, article.meta);
    return await options.store.saveArticle(articleRecord(json));
  } catch (error) {
    return { input: origin, message: `cannot store: ${(error as Error).message}` };
  }
}

/** Poll the feeds every `intervalMs` until the signal aborts; feeds in backoff wait their turn. */
export async function watchFeeds(urls: string[], options: WatchOptions & { intervalMs: number; signal?: AbortSignal; onPoll?: (results: PollResult[]) => void }): Promise<void> {
  const gate = new HostGate(options.hostDelayMs ?? 1000);
  while (!options.signal?.aborted) {
    const results: PollResult[] = [];
    for (const url of urls) {
      if (options.signal?.aborted) break;
      results.push(await pollFeed(url, options, gate));
    }
    options.onPoll?.(results);
    await sleepUnlessAborted(options.intervalMs, options.signal);
  }
}

/** One line for a poll: feed, new items, stored, errors. */
export function describePoll(r: PollResult): string {
  const name = r.title ? `${r.feed} (${r.title})` : r.feed;
  if (r.status === 'backing-off') return `${name}: backing off until ${r.nextAttemptAt}`;
  if (r.status === 'not-modified') return `${name}: not modified, 0 new, 0 stored, 0 errors`;
  if (r.status === 'error') return `${name}: feed error, ${r.errors[0]?.message ?? ''}; next try after ${r.nextAttemptAt}`;
  return `${name}: ${r.newItems} new, ${r.stored} stored${r.duplicates ? `, ${r.duplicates} duplicates` : ''}, ${r.errors.length} errors`;
}

function contentKey(item: FeedItem): string {
  return `sha256:${createHash('sha256').update(`${item.title ?? ''}\n${item.content ?? item.summary ?? ''}`).digest('hex')}`;
}

function dedupe<T extends { key: string }>(items: T[]): T[] {
  const keys = new Set<string>();
  return items.filter((i) => !keys.has(i.key) && keys.add(i.key));
}

function charsetOf(contentType: string | undefined): string | undefined {
  return contentType ? /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1] : undefined;
}

function xmlEncoding(body: Buffer): string | undefined {
  return /^\s*<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)/i.exec(body.toString('latin1', 0, Math.min(body.length, 512)))?.[1];
}

function metaCharset(body: Buffer): string | undefined {
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(body.toString('latin1', 0, Math.min(body.length, 4096)))?.[1];
}
