// The cross-article picture of one event (its story's reports, the reconciled tallies, the
// quotes) comes from GET /api/events/{articleId}/{index}. A server without that route still
// gets a view: the one report the event came from, read from the stored article itself.

export const speakerName = (s) => (s ? s.name ?? s.span?.text ?? 'unnamed' : null);

// Asked once per page. Probing the OpenAPI document instead of the route keeps a server
// without the route from logging a failed request in the console on every event opened.
let routeAvailable;
function hasDetailRoute() {
  routeAvailable ??= fetch('/openapi.json')
    .then((r) => (r.ok ? r.json() : {}))
    .then((api) => Object.keys(api.paths ?? {}).some((p) => /^\/api\/events\/\{[^/}]+\}\/\{[^/}]+\}$/.test(p)))
    .catch(() => false);
  return routeAvailable;
}

/** The event's own article as a one-report story, in the shape the route answers with. */
function singleReport(articleId, index, doc, note) {
  const ev = doc.layers.events[index];
  const m = doc.meta ?? {};
  const counted = new Set(ev.countIds);
  const tallies = (doc.layers.tallies ?? [])
    .filter((t) => t.claims.some((c) => counted.has(c.countId)))
    .map((t) => ({
      ...t,
      sources: 1,
      disagreement: new Set(t.claims.map((c) => c.value)).size > 1,
      claims: t.claims.map((c) => ({ ...c, articleId })),
    }));
  const quotes = [...(doc.layers.quotes ?? []), ...(doc.layers.statements ?? [])]
    .filter((q) => ev.quoteIds.includes(q.id))
    .map((q) => ({ id: q.id, articleId, text: q.span.text, speaker: speakerName(q.speaker), span: q.span }));
  return {
    crossArticle: false,
    note,
    story: {
      clusterId: null,
      reports: [{ articleId, title: m.title, outlet: m.outlet, publishedAt: m.publishedAt, eventIndex: index, sentence: ev.sentenceSpan }],
    },
    tallies,
    quotes,
  };
}

/**
 * The story behind event `index` of the stored article: from the server when it can tell,
 * else from the article alone (with a note saying so).
 */
export async function loadEventDetail(articleId, index, stored) {
  if (await hasDetailRoute()) {
    const res = await fetch(`/api/events/${encodeURIComponent(articleId)}/${index}`);
    if (res.ok) return { crossArticle: true, ...(await res.json()) };
    const why = await res.json().then((b) => b.error?.message, () => undefined);
    return singleReport(articleId, index, stored.document, `The server could not give the other reports of this event (HTTP ${res.status}${why ? `: ${why}` : ''}); this report alone is shown.`);
  }
  return singleReport(articleId, index, stored.document, 'This server does not reconcile events across reports (no /api/events/{articleId}/{index}); this report alone is shown.');
}
