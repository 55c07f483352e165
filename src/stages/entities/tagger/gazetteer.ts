/**
 * Name lists (data/ner/gazetteers/*.txt, one entry per line, "#" comments). The file name minus
 * ".txt" is the category (e.g. loc.country, org.keyword). Entries are tokenised with the tagger's
 * tokenizer and matched case- and diacritic-insensitively over token sequences; a match records
 * whether the case also agreed, so the model can tell "Turkey" from "turkey".
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tokenizeLine, normalizeToken, stripDiacritics } from './tokenize.js';

interface TrieNode {
  next: Map<string, TrieNode>;
  /** categories of entries ending here, each with the entry's original tokens */
  ends: { cat: number; tokens: string[] }[];
}

export function gazKey(token: string): string {
  const n = normalizeToken(token).toLowerCase();
  return /^[\x00-\x7f]*$/.test(n) ? n : stripDiacritics(n);
}

/** one match code per (token, entry): cat*8 + pos*2 + caseOk, pos 0=B 1=I 2=L 3=U */
export type GazCodes = number[][];

/** where matches starting with a token begin in the trie (`Gazetteer.start`), opaque to callers */
export type GazStart = TrieNode | undefined;

export class Gazetteer {
  readonly categories: string[] = [];
  private root: TrieNode = { next: new Map(), ends: [] };
  entries = 0;

  /** all entries, for serialisation: [category index, tokens] */
  readonly list: [number, string[]][] = [];
  /** replaced whenever an entry is added, so that callers caching `start` know to look again */
  generation: object = {};

  addEntry(category: string, entry: string): void {
    const toks = tokenizeLine(entry.trim(), 0).tokens.map((t) => normalizeToken(t));
    this.addTokens(category, toks);
  }

  addTokens(category: string, toks: string[]): void {
    let cat = this.categories.indexOf(category);
    if (cat < 0) {
      cat = this.categories.length;
      this.categories.push(category);
    }
    if (toks.length === 0) return;
    this.generation = {};
    let node = this.root;
    for (const t of toks) {
      const k = gazKey(t);
      let nx = node.next.get(k);
      if (!nx) {
        nx = { next: new Map(), ends: [] };
        node.next.set(k, nx);
      }
      node = nx;
    }
    if (!node.ends.some((e) => e.cat === cat && e.tokens.join(' ') === toks.join(' '))) {
      node.ends.push({ cat, tokens: toks });
      this.list.push([cat, toks]);
      this.entries++;
    }
  }

  toJSON(): { categories: string[]; entries: [number, string][] } {
    return { categories: this.categories, entries: this.list.map(([c, t]) => [c, t.join('\u0001')]) };
  }

  static fromJSON(j: { categories: string[]; entries: [number, string][] }): Gazetteer {
    const g = new Gazetteer();
    for (const c of j.categories) g.categories.push(c);
    for (const [c, t] of j.entries) g.addTokens(j.categories[c], t.split('\u0001'));
    return g;
  }

  static loadDir(dir: string | URL): Gazetteer {
    const g = new Gazetteer();
    const path = typeof dir === 'string' ? dir : dir.pathname;
    if (!existsSync(path)) return g;
    for (const f of readdirSync(path).sort()) {
      if (!f.endsWith('.txt')) continue;
      const cat = f.slice(0, -4);
      for (const line of readFileSync(join(path, f), 'utf8').split('\n')) {
        const s = line.trim();
        if (!s || s.startsWith('#')) continue;
        g.addEntry(cat, s);
      }
    }
    return g;
  }

  /** the trie node for a token's key: a caller may keep it per word while `generation` stays */
  start(key: string): GazStart {
    return this.root.next.get(key);
  }

  /**
   * Match a sentence. `keys[i]` = gazKey(tokens[i]), `norms[i]` = normalised token text;
   * `starts[i]`, when given, = start(keys[i]) (the root holds every first word, and looking
   * each token up there again is most of the cost). Returns per token the list of match codes.
   */
  match(keys: string[], norms: string[], starts?: readonly GazStart[]): GazCodes {
    const n = keys.length;
    const out: GazCodes = new Array(n);
    for (let i = 0; i < n; i++) out[i] = EMPTY;
    for (let i = 0; i < n; i++) {
      let node = starts ? starts[i] : this.root.next.get(keys[i]);
      let j = i;
      while (node) {
        if (node.ends.length > 0) {
          for (const e of node.ends) {
            let caseOk = 1;
            for (let k = 0; k < e.tokens.length; k++) {
              const t = norms[i + k];
              const want = e.tokens[k];
              if (t !== want && !(t.length > 1 && t === want.toUpperCase())) {
                caseOk = 0;
                break;
              }
            }
            const len = j - i + 1;
            for (let k = i; k <= j; k++) {
              const pos = len === 1 ? 3 : k === i ? 0 : k === j ? 2 : 1;
              if (out[k] === EMPTY) out[k] = [];
              const code = e.cat * 8 + pos * 2 + caseOk;
              if (!out[k].includes(code)) out[k].push(code);
            }
          }
        }
        j++;
        if (j >= n) break;
        node = node.next.get(keys[j]);
      }
    }
    return out;
  }
}

const EMPTY: number[] = [];
