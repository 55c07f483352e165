import { appendFile } from 'node:fs/promises';
import type { AlertMatch, Delivery } from './alert.js';

export interface DeliveryOptions {
  /** where "stdout" lines go (default process.stdout) */
  write?: (line: string) => void;
  /** per-attempt timeout of a webhook POST (default 5 s) */
  webhookTimeoutMs?: number;
  /** attempts per webhook POST before giving up (default 4) */
  webhookAttempts?: number;
  /** wait before the second attempt, doubled for each later one (default 500 ms) */
  webhookBackoffMs?: number;
}

/** One readable line per match for standard output. */
export function describeMatch(m: AlertMatch): string {
  const e = m.event;
  const figures = e.figures.map((f) => `${f.best} ${f.kind}${f.low !== f.high ? ` (${f.low}–${f.high})` : ''}`).join(', ');
  const where = [e.place, e.date].filter(Boolean).join(', ');
  return `alert ${m.alert}: ${e.type}${where ? ` in ${where}` : ''}${figures ? `: ${figures}` : ''}; ${e.reports.length} report${e.reports.length === 1 ? '' : 's'} [event ${m.eventKey}]`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * POST the match as JSON, retrying network errors, timeouts, 429 and 5xx with doubling waits.
 * Resolves to a problem description when every attempt failed, else undefined: never throws.
 */
async function postWebhook(url: string, m: AlertMatch, options: DeliveryOptions): Promise<string | undefined> {
  const attempts = Math.max(1, options.webhookAttempts ?? 4);
  const body = JSON.stringify(m);
  let problem = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt > 1) await sleep((options.webhookBackoffMs ?? 500) * 2 ** (attempt - 2));
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'sitrep-alerts' },
        body,
        signal: AbortSignal.timeout(options.webhookTimeoutMs ?? 5000),
      });
      await response.arrayBuffer().catch(() => undefined); // drain, so the connection is released
      if (response.ok) return undefined;
      problem = `HTTP ${response.status}`;
      if (response.status < 500 && response.status !== 429) break; // the receiver refused it: retrying will not help
    } catch (err) {
      const e = err as Error & { cause?: { code?: string } };
      problem = e.name === 'TimeoutError' ? `no answer within ${options.webhookTimeoutMs ?? 5000} ms` : (e.cause?.code ?? e.message);
    }
  }
  return `webhook ${url} failed after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${problem}`;
}

/** Deliver one match; resolves to a problem description when it could not be delivered (never throws). */
export async function deliverMatch(m: AlertMatch, delivery: Delivery, options: DeliveryOptions = {}): Promise<string | undefined> {
  try {
    switch (delivery.kind) {
      case 'stdout':
        (options.write ?? ((line: string) => void process.stdout.write(`${line}\n`)))(describeMatch(m));
        return undefined;
      case 'jsonl':
        await appendFile(delivery.path, `${JSON.stringify(m)}\n`, 'utf8');
        return undefined;
      case 'webhook':
        return await postWebhook(delivery.url, m, options);
    }
  } catch (err) {
    return `${delivery.kind === 'jsonl' ? delivery.path : delivery.kind}: ${(err as Error).message}`;
  }
}
