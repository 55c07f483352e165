import { Hono } from 'hono';
import type { Context } from 'hono';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { PACKAGE_ROOT } from '../core/paths.js';

/**
 * The analyst's dashboard: plain ES modules under web/ served as they are, plus the few
 * third-party browser assets (Leaflet, topojson-client, Natural Earth via world-atlas) served
 * from node_modules, so the page works offline and never asks a CDN or a tile server.
 */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.map': 'application/json; charset=utf-8',
};

// Script only from this origin: article text is hostile, and even a rendering bug must not run it.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

const require = createRequire(import.meta.url);
const packageDir = (name: string): string => dirname(require.resolve(`${name}/package.json`));

/** Roots by URL prefix; a request may only name a file inside its root. */
function roots(): Record<string, string> {
  return {
    '/web/': join(PACKAGE_ROOT, 'web'),
    '/vendor/leaflet/': join(packageDir('leaflet'), 'dist'),
    '/vendor/topojson-client/': join(packageDir('topojson-client'), 'dist'),
    '/vendor/world-atlas/': packageDir('world-atlas'),
  };
}

async function sendFile(c: Context, root: string, rel: string, cache: string): Promise<Response> {
  const decoded = decodeURIComponent(rel);
  const path = normalize(join(root, decoded));
  const ext = extname(path);
  if (decoded.includes('\0') || !path.startsWith(root + sep) || !TYPES[ext]) return c.notFound();
  let body: Buffer;
  try {
    body = await readFile(path);
  } catch {
    return c.notFound();
  }
  return c.body(new Uint8Array(body), 200, {
    'content-type': TYPES[ext],
    'cache-control': cache,
    'x-content-type-options': 'nosniff',
    'content-security-policy': CSP,
  });
}

export function dashboardRoutes(): Hono {
  const app = new Hono();
  const dirs = roots();
  app.get('/', (c) => sendFile(c, dirs['/web/'], 'index.html', 'no-cache'));
  for (const [prefix, root] of Object.entries(dirs)) {
    // vendored files change only with the package version; our own files are revalidated
    const cache = prefix === '/web/' ? 'no-cache' : 'public, max-age=86400';
    app.get(`${prefix}*`, (c) => sendFile(c, root, c.req.path.slice(prefix.length), cache));
  }
  return app;
}
