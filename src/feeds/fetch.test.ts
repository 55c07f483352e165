import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BlockedAddressError } from './address.js';
import { fetchUrl, FetchError } from './fetch.js';
import { backoffDelay, HostGate, parseInterval } from './politeness.js';
import { TestServer } from './test-server.js';

test('fetch: redirects are followed but bounded, bodies are size-limited, slow servers time out', async (t) => {
  const server = new TestServer();
  await server.start();
  const hanging: import('node:http').ServerResponse[] = [];
  t.after(() => server.stop());
  server.routes.set('/moved', (_req, res) => void res.writeHead(301, { location: '/target' }).end());
  server.routes.set('/target', (_req, res) => void res.writeHead(200, { 'content-type': 'text/plain', etag: '"t1"' }).end('here'));
  server.routes.set('/loop', (_req, res) => void res.writeHead(302, { location: '/loop' }).end());
  server.routes.set('/big', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('x'.repeat(5000)); // chunked, no content-length: the reader must count
  });
  server.routes.set('/slow', (_req, res) => void hanging.push(res));

  const ok = await fetchUrl(server.url('/moved'), { allowPrivate: true });
  assert.equal(ok.status, 200);
  assert.equal(ok.url, server.url('/target'));
  assert.equal(ok.body.toString(), 'here');
  assert.equal(ok.etag, '"t1"');

  await assert.rejects(fetchUrl(server.url('/loop'), { allowPrivate: true, maxRedirects: 3 }), /too many redirects \(more than 3\)/);
  assert.equal(server.requestsFor('/loop').length, 4, 'the first request and three redirects, then stop');
  await assert.rejects(fetchUrl(server.url('/big'), { allowPrivate: true, maxBytes: 1000 }), /too large/);
  await assert.rejects(fetchUrl(server.url('/slow'), { allowPrivate: true, timeoutMs: 200 }), /timed out after 200 ms/);
  await assert.rejects(fetchUrl(server.url('/nothing'), { allowPrivate: true }), (e: unknown) => e instanceof FetchError && e.status === 404);
  for (const res of hanging) res.destroy();
});

test('fetch: every redirect hop passes the address guard (no traffic: a fake fetch answers)', async () => {
  const asked: string[] = [];
  const fakeFetch = (async (input: URL | string) => {
    asked.push(String(input));
    return new Response(null, { status: 302, headers: { location: 'http://10.0.0.5/admin' } });
  }) as typeof fetch;
  await assert.rejects(fetchUrl('http://93.184.216.34/feed', { fetchImpl: fakeFetch }), (e: unknown) => e instanceof BlockedAddressError && /10\.0\.0\.5 is private/.test((e as Error).message));
  assert.deepEqual(asked, ['http://93.184.216.34/feed'], 'the private hop was never requested');
  await assert.rejects(fetchUrl('http://[::ffff:127.0.0.1]/', { fetchImpl: fakeFetch }), BlockedAddressError);
  assert.equal(asked.length, 1);
});

test('backoff doubles, is capped and jittered; the host gate spaces requests; intervals parse', async () => {
  const fixed = { baseMs: 1000, maxMs: 10_000 };
  assert.equal(backoffDelay(1, { ...fixed, random: () => 1 }), 1000);
  assert.equal(backoffDelay(2, { ...fixed, random: () => 1 }), 2000);
  assert.equal(backoffDelay(3, { ...fixed, random: () => 1 }), 4000);
  assert.equal(backoffDelay(50, { ...fixed, random: () => 1 }), 10_000);
  assert.equal(backoffDelay(3, { ...fixed, random: () => 0 }), 2000);

  const slept: number[] = [];
  const gate = new HostGate(500, async (ms) => void slept.push(ms));
  await gate.wait('http://a.example/1');
  await gate.wait('http://b.example/1');
  await gate.wait('http://a.example/2');
  assert.equal(slept.length, 1);
  assert.ok(slept[0] > 400 && slept[0] <= 500);

  assert.equal(parseInterval('5m'), 300_000);
  assert.equal(parseInterval('90s'), 90_000);
  assert.equal(parseInterval('1h'), 3_600_000);
  assert.equal(parseInterval('250ms'), 250);
  assert.equal(parseInterval('30'), 30_000);
  assert.equal(parseInterval('soon'), undefined);
  assert.equal(parseInterval('0s'), undefined);
});
