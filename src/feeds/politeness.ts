/** Delay before retry number `failures` (1-based): doubling from `baseMs`, capped, with jitter in [½, 1]. */
export function backoffDelay(failures: number, options: { baseMs?: number; maxMs?: number; random?: () => number } = {}): number {
  const base = options.baseMs ?? 60_000;
  const max = options.maxMs ?? 6 * 60 * 60_000;
  const exponential = Math.min(max, base * 2 ** Math.max(0, Math.min(failures - 1, 30)));
  // jitter spreads feeds that failed together (one outage) so they do not retry together
  return Math.round(exponential * (0.5 + 0.5 * (options.random ?? Math.random)()));
}

/** Keeps requests to one host at least `delayMs` apart (start to start). */
export class HostGate {
  private readonly last = new Map<string, number>();

  constructor(readonly delayMs: number, private readonly sleep: (ms: number) => Promise<void> = defaultSleep) {}

  async wait(url: string): Promise<void> {
    let host: string;
    try {
      host = new URL(url).host.toLowerCase();
    } catch {
      return;
    }
    const previous = this.last.get(host);
    const now = Date.now();
    const due = previous === undefined ? now : previous + this.delayMs;
    this.last.set(host, Math.max(now, due));
    if (due > now) await this.sleep(due - now);
  }
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Sleep that ends early (without throwing) when the signal aborts. */
export function sleepUnlessAborted(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** "5m", "30s", "1h", "250ms" or plain seconds → milliseconds; undefined when unreadable. */
export function parseInterval(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/i.exec(text);
  if (!m) return undefined;
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[(m[2] ?? 's').toLowerCase() as 'ms' | 's' | 'm' | 'h'];
  const ms = Number(m[1]) * unit;
  return ms > 0 ? ms : undefined;
}
