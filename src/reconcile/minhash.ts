import { createHash } from 'node:crypto';

/**
 * MinHash signatures over word shingles, for spotting near-duplicate articles (the same
 * wire story republished with small edits) without comparing every pair of texts.
 */
export const SIGNATURE_SIZE = 64;
const SHINGLE = 4;
const MERSENNE = 2 ** 31 - 1;

// fixed coefficients: signatures must be comparable across runs and machines
const COEFFS: [number, number][] = Array.from({ length: SIGNATURE_SIZE }, (_, i) => {
  const h = createHash('sha256').update(`sitrep-minhash-${i}`).digest();
  return [(h.readUInt32BE(0) % (MERSENNE - 1)) + 1, h.readUInt32BE(4) % MERSENNE];
});

function hashString(s: string): number {
  // FNV-1a, 32 bit
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % MERSENNE;
}

function mulMod(a: number, b: number): number {
  // (a * b) mod p without losing precision: split b into 16-bit halves
  const hi = Math.floor(b / 65536);
  const lo = b % 65536;
  return (((a * hi) % MERSENNE) * 65536 + a * lo) % MERSENNE;
}

export function shingles(text: string): Set<string> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<string>();
  if (words.length < SHINGLE) {
    if (words.length) out.add(words.join(' '));
    return out;
  }
  for (let i = 0; i + SHINGLE <= words.length; i++) out.add(words.slice(i, i + SHINGLE).join(' '));
  return out;
}

export function minhashSignature(text: string): number[] {
  const sig = new Array<number>(SIGNATURE_SIZE).fill(MERSENNE);
  for (const sh of shingles(text)) {
    const x = hashString(sh);
    for (let i = 0; i < SIGNATURE_SIZE; i++) {
      const [a, b] = COEFFS[i]!;
      const v = (mulMod(a, x) + b) % MERSENNE;
      if (v < sig[i]!) sig[i] = v;
    }
  }
  return sig;
}

export function estimateJaccard(a: readonly number[], b: readonly number[]): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_SIZE; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_SIZE;
}

/** Locality-sensitive hashing: band keys under which near-duplicates collide. */
export function lshBands(sig: readonly number[], bands = 16): string[] {
  const rows = SIGNATURE_SIZE / bands;
  return Array.from({ length: bands }, (_, b) => `${b}:${sig.slice(b * rows, (b + 1) * rows).join(',')}`);
}
