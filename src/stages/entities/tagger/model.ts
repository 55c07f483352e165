/**
 * The shipped model: hashed feature keys with two sets of int16-quantised weights (first pass
 * without, second pass with first-pass document features) and two transition matrices.
 *
 * The word clusters and the gazetteers used in training are baked in, so a model file is
 * self-contained.
 *
 * File (gzip): "SRNER001", uint32 header length, JSON header (padded to 4 bytes; includes the
 * gazetteer entries), then keys (uint32, sorted, delta-encoded), w1 and w2 (int16,
 * label-major), t1 and t2 (float32), cluster count, cluster word hashes (uint32, sorted,
 * delta-encoded) and cluster ids (uint16).
 */
import { gzipSync, gunzipSync } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';
import { NUM_LABELS, LABEL_NAMES } from './labels.js';
import { TRANS_SIZE } from './viterbi.js';
import { WordClusters } from './clusters.js';
import { Gazetteer } from './gazetteer.js';

const L = NUM_LABELS;
const MAGIC = 'SRNER001';
const FILTER_BITS = 20;

export interface ModelHeader {
  format: 'sitrep-ner';
  version: 1;
  labels: string[];
  rows: number;
  scale1: number;
  scale2: number;
  clusters: { words: number; checksum: number };
  gazetteer: { categories: string[]; entries: [number, string][] };
  info: Record<string, unknown>;
}

export class NerModel {
  private mask: number;
  /** open-addressing table, interleaved: slots[2s] = key (as int32), slots[2s+1] = row */
  private slots: Int32Array;
  /**
   * One bit per value of a key's top FILTER_BITS bits, set for every known key: a third of the
   * tagger's look-ups are for features the model does not have, and this 128 kB filter (which
   * stays in cache) turns most of them away before the 2 MB table is touched.
   */
  private filter = new Int32Array(1 << (FILTER_BITS - 5));
  /** rows x 2L int16: the L pass-1 weights of a row followed by its L pass-2 weights */
  readonly w: Int16Array;

  constructor(
    readonly header: ModelHeader,
    readonly keys: Uint32Array,
    /** rows x L, row-major */
    readonly w1: Int16Array,
    readonly w2: Int16Array,
    readonly t1: Float32Array,
    readonly t2: Float32Array,
    readonly clusters: WordClusters,
    readonly gazetteer: Gazetteer,
  ) {
    let cap = 1024;
    while (cap < keys.length * 2) cap *= 2;
    this.mask = cap - 1;
    this.slots = new Int32Array(cap * 2);
    const mask = this.mask;
    for (let r = 0; r < keys.length; r++) {
      let s = keys[r] & mask;
      while (this.slots[2 * s] !== 0) s = (s + 1) & mask;
      this.slots[2 * s] = keys[r] | 0;
      this.slots[2 * s + 1] = r;
      const b = keys[r] >>> (32 - FILTER_BITS);
      this.filter[b >>> 5] |= 1 << (b & 31);
    }
    this.w = new Int16Array(keys.length * 2 * L);
    for (let r = 0; r < keys.length; r++) {
      for (let l = 0; l < L; l++) {
        this.w[r * 2 * L + l] = w1[r * L + l];
        this.w[r * 2 * L + L + l] = w2[r * L + l];
      }
    }
  }

  get rows(): number {
    return this.keys.length;
  }

  /** row index of a feature hash, or -1 */
  lookup(h: number): number {
    const mask = this.mask;
    const slots = this.slots;
    const key = h | 0;
    const b = key >>> (32 - FILTER_BITS);
    if ((this.filter[b >>> 5]! & (1 << (b & 31))) === 0) return -1;
    let s = key & mask;
    for (;;) {
      const k = slots[2 * s];
      if (k === key) return slots[2 * s + 1];
      if (k === 0) return -1;
      s = (s + 1) & mask;
    }
  }

  /** Build from float weights over training rows `rowKeys`, pruning rows whose weights are all tiny. */
  static fromWeights(
    rowKeys: Uint32Array,
    w1: Float32Array,
    w2: Float32Array,
    t1: Float32Array,
    t2: Float32Array,
    opts: { prune: number; clusters: WordClusters; gazetteer: Gazetteer; info: Record<string, unknown> },
  ): NerModel {
    const n = rowKeys.length;
    let max1 = 0;
    let max2 = 0;
    for (let i = 0; i < w1.length; i++) {
      const a = Math.abs(w1[i]);
      if (a > max1) max1 = a;
      const b = Math.abs(w2[i]);
      if (b > max2) max2 = b;
    }
    const scale1 = max1 / 32767 || 1;
    const scale2 = max2 / 32767 || 1;
    const keep: number[] = [];
    const th1 = Math.max(opts.prune, scale1 / 2);
    const th2 = Math.max(opts.prune, scale2 / 2);
    for (let r = 0; r < n; r++) {
      let m1 = 0;
      let m2 = 0;
      for (let l = 0; l < L; l++) {
        m1 = Math.max(m1, Math.abs(w1[r * L + l]));
        m2 = Math.max(m2, Math.abs(w2[r * L + l]));
      }
      if (m1 > th1 || m2 > th2) keep.push(r);
    }
    keep.sort((a, b) => rowKeys[a] - rowKeys[b]);
    const keys = new Uint32Array(keep.length);
    const q1 = new Int16Array(keep.length * L);
    const q2 = new Int16Array(keep.length * L);
    for (let j = 0; j < keep.length; j++) {
      const r = keep[j];
      keys[j] = rowKeys[r];
      for (let l = 0; l < L; l++) {
        q1[j * L + l] = Math.round(w1[r * L + l] / scale1);
        q2[j * L + l] = Math.round(w2[r * L + l] / scale2);
      }
    }
    const header: ModelHeader = {
      format: 'sitrep-ner',
      version: 1,
      labels: LABEL_NAMES,
      rows: keep.length,
      scale1,
      scale2,
      clusters: { words: opts.clusters.size, checksum: opts.clusters.checksum },
      gazetteer: opts.gazetteer.toJSON(),
      info: opts.info,
    };
    return new NerModel(header, keys, q1, q2, Float32Array.from(t1), Float32Array.from(t2), opts.clusters, opts.gazetteer);
  }

  serialize(): Buffer {
    const rows = this.keys.length;
    let hjson = Buffer.from(JSON.stringify(this.header), 'utf8');
    const pad = (4 - (hjson.length % 4)) % 4;
    if (pad) hjson = Buffer.concat([hjson, Buffer.from(' '.repeat(pad))]);
    const keysDelta = new Uint32Array(rows);
    let prev = 0;
    for (let i = 0; i < rows; i++) {
      keysDelta[i] = (this.keys[i] - prev) >>> 0;
      prev = this.keys[i];
    }
    const toLabelMajor = (w: Int16Array) => {
      const o = new Int16Array(w.length);
      for (let r = 0; r < rows; r++) for (let l = 0; l < L; l++) o[l * rows + r] = w[r * L + l];
      return o;
    };
    const lenBuf = Buffer.alloc(4);
    lenBuf.writeUInt32LE(hjson.length, 0);
    const w1 = toLabelMajor(this.w1);
    const w2 = toLabelMajor(this.w2);
    const parts: Buffer[] = [
      Buffer.from(MAGIC, 'latin1'),
      lenBuf,
      hjson,
      Buffer.from(keysDelta.buffer, keysDelta.byteOffset, keysDelta.byteLength),
      Buffer.from(w1.buffer, w1.byteOffset, w1.byteLength),
      Buffer.from(w2.buffer, w2.byteOffset, w2.byteLength),
    ];
    // keep float32 data 4-byte aligned
    if ((rows * L * 4) % 4 !== 0) parts.push(Buffer.alloc(2));
    parts.push(Buffer.from(this.t1.buffer, this.t1.byteOffset, this.t1.byteLength));
    parts.push(Buffer.from(this.t2.buffer, this.t2.byteOffset, this.t2.byteLength));
    // word clusters: count, sorted key hashes (delta-encoded), ids (uint16)
    const ck = this.clusters.keys;
    const cn = Buffer.alloc(4);
    cn.writeUInt32LE(ck.length, 0);
    const cd = new Uint32Array(ck.length);
    let cp = 0;
    for (let i = 0; i < ck.length; i++) {
      cd[i] = (ck[i] - cp) >>> 0;
      cp = ck[i];
    }
    const ci = this.clusters.ids;
    parts.push(cn, Buffer.from(cd.buffer, cd.byteOffset, cd.byteLength), Buffer.from(ci.buffer, ci.byteOffset, ci.byteLength));
    return gzipSync(Buffer.concat(parts), { level: 9 });
  }

  save(path: string): number {
    const buf = this.serialize();
    writeFileSync(path, buf);
    return buf.length;
  }

  static load(path: string | URL): NerModel {
    const raw = gunzipSync(readFileSync(path));
    if (raw.toString('latin1', 0, 8) !== MAGIC) throw new Error(`not a sitrep NER model: ${String(path)}`);
    const hlen = raw.readUInt32LE(8);
    const header = JSON.parse(raw.toString('utf8', 12, 12 + hlen)) as ModelHeader;
    if (header.format !== 'sitrep-ner' || header.version !== 1) throw new Error('unsupported NER model version');
    if (header.labels.join(',') !== LABEL_NAMES.join(',')) throw new Error('NER model label set mismatch');
    const rows = header.rows;
    // copy into an aligned buffer
    const body = new Uint8Array(raw.length - 12 - hlen);
    body.set(raw.subarray(12 + hlen));
    let off = 0;
    const keysDelta = new Uint32Array(body.buffer, off, rows);
    off += rows * 4;
    const w1l = new Int16Array(body.buffer, off, rows * L);
    off += rows * L * 2;
    const w2l = new Int16Array(body.buffer, off, rows * L);
    off += rows * L * 2;
    if ((rows * L * 4) % 4 !== 0) off += 2;
    const t1 = new Float32Array(body.buffer, off, TRANS_SIZE).slice();
    off += TRANS_SIZE * 4;
    const t2 = new Float32Array(body.buffer, off, TRANS_SIZE).slice();
    off += TRANS_SIZE * 4;
    const cn = new Uint32Array(body.buffer, off, 1)[0];
    off += 4;
    const cd = new Uint32Array(body.buffer, off, cn);
    off += cn * 4;
    const cids = new Uint16Array(body.buffer, off, cn).slice();
    const ckeys = new Uint32Array(cn);
    let cp = 0;
    for (let i = 0; i < cn; i++) {
      cp = (cp + cd[i]) >>> 0;
      ckeys[i] = cp;
    }
    const clusters = new WordClusters(ckeys, cids, header.clusters.checksum);
    const gazetteer = Gazetteer.fromJSON(header.gazetteer);
    const keys = new Uint32Array(rows);
    let prev = 0;
    for (let i = 0; i < rows; i++) {
      prev = (prev + keysDelta[i]) >>> 0;
      keys[i] = prev;
    }
    const w1 = new Int16Array(rows * L);
    const w2 = new Int16Array(rows * L);
    for (let l = 0; l < L; l++) {
      const lo = l * rows;
      for (let r = 0; r < rows; r++) {
        w1[r * L + l] = w1l[lo + r];
        w2[r * L + l] = w2l[lo + r];
      }
    }
    return new NerModel(header, keys, w1, w2, t1, t2, clusters, gazetteer);
  }
}
