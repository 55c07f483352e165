import type { DocumentJson } from '../../serialize/document-json.js';

/**
 * A document as the articles table stores it: JSON text (migration 7). JSON.stringify writes
 * U+0000 as the escape \u0000, so the text holds no NUL that PostgreSQL would refuse, and the
 * document reads back exactly as it was saved.
 */
export function documentText(document: DocumentJson): string {
  return JSON.stringify(document);
}

/** A stored document read back: text since migration 7, parsed jsonb before it (a migration's fill may run first). */
export function storedDocument(value: unknown): DocumentJson {
  return (typeof value === 'string' ? JSON.parse(value) : value) as DocumentJson;
}
