import { SitrepDocument, type ArticleMeta } from '../core/document.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import { documentToJson, type DocumentJson } from '../serialize/document-json.js';

/** Analyse one article's text with the pipeline and return the whole document as JSON. */
export function analyzeText(pipeline: Pipeline, text: string, meta: ArticleMeta): { doc: SitrepDocument; json: DocumentJson } {
  const doc = pipeline.run(new SitrepDocument(text, meta));
  return { doc, json: documentToJson(doc, pipeline.version) };
}
