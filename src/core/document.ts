import type { Diagnostic } from './diagnostics.js';
import type { LayerName, Layers } from './layers/index.js';

/** Metadata that comes with an article (from the input or from flags). */
export interface ArticleMeta {
  id?: string;
  title?: string;
  url?: string;
  outlet?: string;
  /** ISO date or date-time of publication; relative dates resolve against it */
  publishedAt?: string;
  /** set when publishedAt was not given but read off the article's URL or file name */
  publishedAtFrom?: string;
  /** where the article was read from (a path, "stdin", a feed item) */
  origin?: string;
  language?: string;
}

/**
 * One article: it owns the raw text; every layer points into it (or into the clean
 * text derived from it). Layers are added by the runner, one stage at a time, and a
 * layer once set is never replaced, so what a stage read stays true.
 */
export class SitrepDocument {
  private readonly layers = new Map<LayerName, unknown>();
  private readonly diags: Diagnostic[] = [];
  private metaValue: ArticleMeta;

  constructor(readonly raw: string, meta: ArticleMeta = {}) {
    this.metaValue = { ...meta };
  }

  get meta(): Readonly<ArticleMeta> {
    return this.metaValue;
  }

  /** Stages may fill metadata the input lacked (a credit line naming the outlet). */
  completeMeta(found: Partial<ArticleMeta>): void {
    for (const [k, v] of Object.entries(found) as [keyof ArticleMeta, string | undefined][]) {
      if (v !== undefined && this.metaValue[k] === undefined) this.metaValue[k] = v;
    }
  }

  has(name: LayerName): boolean {
    return this.layers.has(name);
  }

  get<K extends LayerName>(name: K): Layers[K] {
    if (!this.layers.has(name)) throw new Error(`layer "${name}" is not set on this document`);
    return this.layers.get(name) as Layers[K];
  }

  /** Optional access for consumers that work with whatever layers exist. */
  maybe<K extends LayerName>(name: K): Layers[K] | undefined {
    return this.layers.get(name) as Layers[K] | undefined;
  }

  set<K extends LayerName>(name: K, value: Layers[K]): void {
    if (this.layers.has(name)) throw new Error(`layer "${name}" is already set`);
    this.layers.set(name, value);
  }

  layerNames(): LayerName[] {
    return [...this.layers.keys()];
  }

  /** The clean text, once cleaning has run. */
  get text(): string {
    return this.get('clean').text;
  }

  addDiagnostics(diags: readonly Diagnostic[]): void {
    this.diags.push(...diags);
  }

  get diagnostics(): readonly Diagnostic[] {
    return this.diags;
  }
}
