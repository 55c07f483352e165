import { assertPublicUrl, type LookupAll } from './address.js';

export const USER_AGENT = 'sitrep-watch/0.1 (+https://github.com/sitrep; feed reader)';

export interface FetchOptions {
  allowPrivate?: boolean;
  /** total time for one request including redirects (default 20 s) */
  timeoutMs?: number;
  /** bodies larger than this are refused (default 10 MiB) */
  maxBytes?: number;
  /** redirects followed at most (default 5) */
  maxRedirects?: number;
  userAgent?: string;
  /** validators for a conditional GET */
  etag?: string;
  lastModified?: string;
  accept?: string;
  lookup?: LookupAll;
  /** the fetch to use (tests may hand in their own) */
  fetchImpl?: typeof fetch;
}

export interface FetchResult {
  /** 200 with a body, or 304 (not modified) */
  status: number;
  /** the URL after redirects */
  url: string;
  body: Buffer;
  etag?: string;
  lastModified?: string;
  contentType?: string;
}

/** An HTTP fetch that failed; `url` names what was asked for. */
export class FetchError extends Error {
  constructor(readonly url: string, message: string, readonly status?: number) {
    super(`${url}: ${message}`);
  }
}

/**
 * GET a URL: redirects followed by hand so every hop passes the address guard, a deadline
 * over the whole exchange, a body size limit, and conditional headers when validators are
 * given. Resolves with 200 or 304; anything else throws FetchError (or BlockedAddressError).
 */
export async function fetchUrl(url: string, options: FetchOptions = {}): Promise<FetchResult> {
  const timeoutMs = options.timeoutMs ?? 20_000;
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  const maxRedirects = options.maxRedirects ?? 5;
  const doFetch = options.fetchImpl ?? fetch;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let current: URL;
  try {
    current = new URL(url);
  } catch {
    clearTimeout(timer);
    throw new FetchError(url, 'invalid URL');
  }
  try {
    for (let hop = 0; ; hop++) {
      await assertPublicUrl(current, options);
      const headers: Record<string, string> = {
        'user-agent': options.userAgent ?? USER_AGENT,
        accept: options.accept ?? '*/*',
        'accept-encoding': 'gzip, deflate, br',
      };
      // validators belong to the feed URL; they are sent on every hop, which servers ignore when unknown
      if (options.etag) headers['if-none-match'] = options.etag;
      if (options.lastModified) headers['if-modified-since'] = options.lastModified;
      let response: Response;
      try {
        response = await doFetch(current, { headers, redirect: 'manual', signal: controller.signal });
      } catch (error) {
        throw new FetchError(url, controller.signal.aborted ? `timed out after ${timeoutMs} ms` : `request failed: ${causeMessage(error)}`);
      }
      if (response.status >= 300 && response.status < 400 && response.status !== 304) {
        await response.body?.cancel().catch(() => {});
        const location = response.headers.get('location');
        if (!location) throw new FetchError(url, `redirect ${response.status} without a Location`, response.status);
        if (hop >= maxRedirects) throw new FetchError(url, `too many redirects (more than ${maxRedirects})`, response.status);
        current = new URL(location, current);
        continue;
      }
      const result = {
        url: current.href,
        etag: response.headers.get('etag') ?? undefined,
        lastModified: response.headers.get('last-modified') ?? undefined,
        contentType: response.headers.get('content-type') ?? undefined,
      };
      if (response.status === 304) {
        await response.body?.cancel().catch(() => {});
        return { status: 304, body: Buffer.alloc(0), ...result };
      }
      if (response.status !== 200) {
        await response.body?.cancel().catch(() => {});
        throw new FetchError(url, `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`, response.status);
      }
      const declared = Number(response.headers.get('content-length'));
      if (declared > maxBytes) {
        await response.body?.cancel().catch(() => {});
        throw new FetchError(url, `response too large (${declared} bytes; limit ${maxBytes})`);
      }
      const body = await readCapped(response, maxBytes, url, controller, timeoutMs);
      return { status: 200, body, ...result };
    }
  } finally {
    clearTimeout(timer);
  }
}

async function readCapped(response: Response, maxBytes: number, url: string, controller: AbortController, timeoutMs: number): Promise<Buffer> {
  if (!response.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => {});
        throw new FetchError(url, `response too large (over ${maxBytes} bytes)`);
      }
      chunks.push(Buffer.from(value));
    }
  } catch (error) {
    if (error instanceof FetchError) throw error;
    throw new FetchError(url, controller.signal.aborted ? `timed out after ${timeoutMs} ms` : `reading the body failed: ${causeMessage(error)}`);
  }
  return Buffer.concat(chunks, size);
}

function causeMessage(error: unknown): string {
  const e = error as Error & { cause?: Error & { code?: string } };
  return e.cause ? `${e.cause.code ?? ''} ${e.cause.message}`.trim() : e.message;
}
