import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertPublicUrl, BlockedAddressError, classifyAddress, type LookupAll } from './address.js';

test('the classifier knows the non-public IPv4 and IPv6 ranges', () => {
  const cases: [string, string][] = [
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['8.8.8.8', 'public'],
    ['93.184.216.34', 'public'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['[::ffff:10.0.0.1]', 'private'],
    ['::ffff:8.8.8.8', 'public'],
    ['64:ff9b::a00:1', 'private'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['fe80::1%eth0', 'link-local'],
    ['ff02::1', 'multicast'],
    ['2002:7f00:1::1', 'loopback'],
    ['2001:4860:4860::8888', 'public'],
    ['not-an-ip', 'invalid'],
    ['1.2.3', 'invalid'],
  ];
  for (const [address, expected] of cases) assert.equal(classifyAddress(address), expected, address);
});

// a fake resolver: no DNS traffic, and nothing is ever sent to these addresses
const lookup: LookupAll = async (host) => {
  const table: Record<string, string[]> = {
    'intranet.example': ['10.0.0.7'],
    'mixed.example': ['93.184.216.34', '192.168.0.5'],
    'public.example': ['93.184.216.34', '2606:2800:220:1:248:1893:25c8:1946'],
  };
  const found = table[host];
  if (!found) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return found.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
};

test('URLs on loopback, private names and mixed answers are refused unless allowPrivate', async () => {
  for (const url of ['http://127.0.0.1:8080/feed', 'http://[::1]/', 'http://[::ffff:127.0.0.1]/', 'http://localhost/', 'http://2130706433/', 'http://intranet.example/rss', 'http://mixed.example/']) {
    await assert.rejects(assertPublicUrl(new URL(url), { lookup }), BlockedAddressError, url);
  }
  await assert.rejects(assertPublicUrl(new URL('http://intranet.example/rss'), { lookup }), /resolves to 10\.0\.0\.7, which is private.*--allow-private/);
  await assertPublicUrl(new URL('https://public.example/feed'), { lookup });
  await assertPublicUrl(new URL('http://intranet.example/rss'), { lookup, allowPrivate: true });
  await assertPublicUrl(new URL('http://127.0.0.1/'), { allowPrivate: true });
  await assert.rejects(assertPublicUrl(new URL('file:///etc/passwd'), { allowPrivate: true }), /only http and https/);
});
