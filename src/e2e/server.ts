import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApi } from '../api/app.js';
import { PACKAGE_ROOT } from '../core/paths.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';

export const SCREENSHOTS = join(PACKAGE_ROOT, 'test-output', 'screenshots');

export async function tempStore(name: string): Promise<SqliteStore> {
  const store = new SqliteStore(join(mkdtempSync(join(tmpdir(), `sitrep-e2e-${name}-`)), 'e2e.db'));
  await store.migrate();
  return store;
}

/** The real API and dashboard on 127.0.0.1 and a free port. */
export async function startServer(store: SqliteStore, pipeline: Pipeline): Promise<{ origin: string; close: () => Promise<void> }> {
  const app = createApi({ store, pipeline });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.SITREP_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** A page that may only talk to `origin`: anything else is aborted and recorded. */
export async function guardedPage(browser: Browser, origin: string) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } });
  const page: Page = await context.newPage();
  const foreign: string[] = [];
  const paths: string[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];
  await page.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin === origin) {
      paths.push(url.pathname);
      return route.continue();
    }
    foreign.push(url.href);
    return route.abort();
  });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (err) => errors.push(err.message));
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(`${m.text()} (${m.location().url})`);
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return { page, context, foreign, paths, dialogs, errors, consoleErrors };
}
