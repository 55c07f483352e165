import { lookup as dnsLookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/** What kind of network an address belongs to; everything but 'public' is refused by default. */
export type AddressClass = 'public' | 'loopback' | 'private' | 'link-local' | 'unique-local' | 'multicast' | 'unspecified' | 'reserved' | 'invalid';

export type LookupAll = (hostname: string) => Promise<{ address: string; family: number }[]>;

export const defaultLookup: LookupAll = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** Blocked because a feed URL must not reach into our own host or network. */
export class BlockedAddressError extends Error {}

function ipv4Parts(address: string): number[] | undefined {
  const parts = address.split('.');
  if (parts.length !== 4) return undefined;
  const nums = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return nums.every((n) => n >= 0 && n <= 255) ? nums : undefined;
}

function classifyIpv4(address: string): AddressClass {
  const p = ipv4Parts(address);
  if (!p) return 'invalid';
  const [a, b] = p;
  if (a === 0) return 'unspecified';
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  if (a === 100 && b >= 64 && b <= 127) return 'private'; // carrier-grade NAT
  if (a === 169 && b === 254) return 'link-local'; // includes cloud metadata 169.254.169.254
  if (a >= 224 && a <= 239) return 'multicast';
  if (a >= 240) return 'reserved'; // includes 255.255.255.255
  if (a === 192 && b === 0 && p[2] === 0) return 'reserved'; // IETF protocol assignments
  if (a === 198 && (b === 18 || b === 19)) return 'reserved'; // benchmarking
  if ((a === 192 && b === 0 && p[2] === 2) || (a === 198 && b === 51 && p[2] === 100) || (a === 203 && b === 0 && p[2] === 113)) return 'reserved'; // documentation
  return 'public';
}

/** Expand an IPv6 address into eight 16-bit groups (handles "::" and a dotted IPv4 tail). */
function ipv6Groups(address: string): number[] | undefined {
  let s = address.toLowerCase();
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (tail) {
    const p = ipv4Parts(tail[1]);
    if (!p) return undefined;
    s = `${s.slice(0, tail.index)}${((p[0] << 8) | p[1]).toString(16)}:${((p[2] << 8) | p[3]).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const rest = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  if (groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return undefined;
  return groups.map((g) => parseInt(g, 16));
}

function classifyIpv6(address: string): AddressClass {
  const g = ipv6Groups(address);
  if (!g) return 'invalid';
  const v4 = (hi: number, lo: number): string => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  if (g.every((x) => x === 0)) return 'unspecified';
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return 'loopback';
  // IPv4-mapped ::ffff:a.b.c.d and the deprecated IPv4-compatible ::a.b.c.d carry an IPv4 address
  if (g.slice(0, 5).every((x) => x === 0) && (g[5] === 0xffff || g[5] === 0)) return classifyIpv4(v4(g[6], g[7]));
  // NAT64 64:ff9b::/96 also embeds an IPv4 address
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return classifyIpv4(v4(g[6], g[7]));
  if ((g[0] & 0xfe00) === 0xfc00) return 'unique-local'; // fc00::/7
  if ((g[0] & 0xffc0) === 0xfe80) return 'link-local'; // fe80::/10
  if ((g[0] & 0xffc0) === 0xfec0) return 'private'; // deprecated site-local fec0::/10
  if ((g[0] & 0xff00) === 0xff00) return 'multicast';
  if (g[0] === 0x2001 && g[1] === 0xdb8) return 'reserved'; // documentation
  if (g[0] === 0x2002) return classifyIpv4(v4(g[1], g[2])); // 6to4 embeds an IPv4 address
  return 'public';
}

/** Classify a literal IPv4 or IPv6 address (brackets allowed). */
export function classifyAddress(address: string): AddressClass {
  const a = address.replace(/^\[|\]$/g, '');
  const family = isIP(a.split('%')[0]);
  if (family === 4) return classifyIpv4(a);
  if (family === 6) return classifyIpv6(a);
  return 'invalid';
}

export function isPublicAddress(address: string): boolean {
  return classifyAddress(address) === 'public';
}

/**
 * Refuse a URL whose host is, or resolves to, any non-public address (every address the
 * name resolves to must be public). Throws BlockedAddressError; DNS failures throw as is.
 * A resolver that answers differently at connect time (DNS rebinding) is not caught here.
 */
export async function assertPublicUrl(url: URL, options: { allowPrivate?: boolean; lookup?: LookupAll } = {}): Promise<void> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new BlockedAddressError(`${url.href}: only http and https URLs are fetched`);
  if (options.allowPrivate) return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    if (/^localhost$|\.localhost$/i.test(host)) throw new BlockedAddressError(`${url.href}: refused: ${host} is loopback (use --allow-private to allow)`);
    addresses = (await (options.lookup ?? defaultLookup)(host)).map((r) => r.address);
    if (addresses.length === 0) throw new Error(`${host}: no addresses`);
  }
  for (const address of addresses) {
    const kind = classifyAddress(address);
    if (kind !== 'public') {
      throw new BlockedAddressError(`${url.href}: refused: ${host} ${address === host ? 'is' : `resolves to ${address}, which is`} ${kind} (use --allow-private to allow)`);
    }
  }
}
