import type { DocumentJson } from '../../serialize/document-json.js';

/** A stored document read back: text since migration 7, parsed jsonb before it (a migration's fill may run first). */
export function storedDocument(value: unknown): DocumentJson {
  return (typeof value === 'string' ? JSON.parse(value) : value) as DocumentJson;
}
