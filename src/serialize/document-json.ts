import type { SitrepDocument } from '../core/document.js';
import type { Diagnostic } from '../core/diagnostics.js';
import type { ArticleMeta } from '../core/document.js';
import type { OffsetSegment } from '../core/offset-map.js';

/** The whole analysed document as plain JSON: every layer with its spans. */
export interface DocumentJson {
  meta: ArticleMeta;
  pipelineVersion: string;
  raw: string;
  clean: { text: string; offsetMap: OffsetSegment[] } | null;
  layers: Record<string, unknown>;
  diagnostics: Diagnostic[];
}

export function documentToJson(doc: SitrepDocument, pipelineVersion: string): DocumentJson {
  const layers: Record<string, unknown> = {};
  for (const name of doc.layerNames()) if (name !== 'clean') layers[name] = doc.get(name);
  const clean = doc.maybe('clean');
  return {
    meta: { ...doc.meta },
    pipelineVersion,
    raw: doc.raw,
    clean: clean ? { text: clean.text, offsetMap: [...clean.map.segments] } : null,
    layers,
    diagnostics: [...doc.diagnostics],
  };
}
