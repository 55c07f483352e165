/**
 * 32-bit hashing used for feature hashing. Features are never materialised as strings at
 * inference time: a word is hashed once, and templated / conjoined features are derived by
 * mixing integers. Key 0 is reserved (empty slot in the open-addressing tables), so every
 * function here returns a non-zero value.
 */

/** FNV-1a over UTF-16 code units, finalised with the murmur3 mixer. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix(h);
}

/** murmur3 32-bit finaliser; never returns 0. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  h >>>= 0;
  return h === 0 ? 1 : h;
}

/** combine two hashes (order matters) into a new non-zero hash */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x27d4eb2d);
  h ^= Math.imul((b + 0x165667b1) | 0, 0x7feb352d) + (h << 6) + (h >>> 2);
  return fmix(h);
}

export function mix3(a: number, b: number, c: number): number {
  return mix(mix(a, b), c);
}

/** a stable id for a feature template name */
export function template(name: string): number {
  return hashString('\u0001' + name);
}
