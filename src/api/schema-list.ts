/**
 * The response shape every list route shares: `{ items: [...] }`, with `nextCursor` when the
 * route pages and no other keys when the route promises none.
 */
export function itemList(items: object, options: { paged?: boolean; closed?: boolean } = {}): object {
  return {
    type: 'object',
    required: ['items'],
    ...(options.closed ? { additionalProperties: false } : {}),
    properties: { ...(options.paged ? { nextCursor: { type: 'string' } } : {}), items: { type: 'array', items } },
  };
}
