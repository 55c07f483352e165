import type { DocumentJson } from '../serialize/document-json.js';

type Item = Record<string, any>;

const line = (label: string, value: string) => `  ${label.padEnd(14)} ${value}`;
const quoteText = (s: string, max = 90) => JSON.stringify(s.length > max ? `${s.slice(0, max - 1)}…` : s);

function section(title: string, items: Item[] | undefined, render: (x: Item) => string, limit = 40): string[] {
  if (!items) return [];
  const out = [`${title} (${items.length})`];
  for (const x of items.slice(0, limit)) out.push(`  ${render(x)}`);
  if (items.length > limit) out.push(`  … ${items.length - limit} more (use --json for all)`);
  return out;
}

/** A readable report of one analysed document: what was found and where. */
export function renderReport(doc: DocumentJson): string {
  const L = doc.layers as Record<string, Item[] | undefined>;
  const m = doc.meta;
  const out: string[] = ['Article'];
  for (const [k, v] of Object.entries({ title: m.title, outlet: m.outlet, published: m.publishedAt, url: m.url, origin: m.origin })) if (v) out.push(line(k, v));
  out.push(line('characters', `${doc.raw.length} raw, ${doc.clean?.text.length ?? 0} clean`));
  out.push(line('pipeline', doc.pipelineVersion));
  out.push(...section('Boilerplate removed', L.boilerplate, (b) => `[${b.kind}] ${quoteText(b.raw.text, 80)}`));
  if (L.sentences) out.push(`Sentences (${L.sentences.length})`);
  const sentenceText = (i: number) => (L.sentences?.[i]?.span.text as string | undefined) ?? '';
  out.push(...section('Near-duplicate sentences', L.nearDuplicates, (d) => `#${d.sentence} repeats #${d.duplicateOf} (${d.similarity}): ${quoteText(sentenceText(d.sentence), 70)}`));
  out.push(...section('Entities', L.entities, (e) => `${e.type.padEnd(7)} ${e.span.text} @${e.span.start}`));
  out.push(...section('Actors', L.actors, (a) => `${a.actor.code.padEnd(9)} ${a.span.text} → ${a.actor.name} (${a.via})`));
  out.push(...section('Places', L.places, (p) => p.resolved
    ? `${p.span.text} → ${p.resolved.name}, ${p.resolved.country} (${p.resolved.lat.toFixed(3)}, ${p.resolved.lon.toFixed(3)}) ${p.precision ?? ''}`
    : `${p.span.text} → unresolved`));
  out.push(...section('Dates', L.dates, (d) => `${d.type.padEnd(8)} ${JSON.stringify(d.span.text)} = ${d.value}${d.precision ? ` (${d.precision})` : ''}`));
  const said = (q: Item) => `${q.speaker ? (q.speaker.name ?? q.speaker.span.text) : '(no speaker)'}: ${quoteText(q.span.text, 80)}`;
  out.push(...section('Quotes', L.quotes, (q) => `${q.direct ? 'direct  ' : 'partial '} ${said(q)}`));
  out.push(...section('Statements (reported speech)', L.statements, said));
  out.push(...section('Counts', L.counts, (c) => `${c.kind.padEnd(9)} ${c.qualifier === 'exact' ? '' : `${c.qualifier} `}${c.value} ${c.who}${c.claimant ? ` — claimed by ${c.claimant.name ?? c.claimant.span.text}` : ''}`));
  out.push(...section('Events', L.events, (e) => `${e.type.padEnd(9)} ${e.source?.name ?? '?'} → ${e.target?.name ?? '?'}${e.place ? ` @ ${e.place.name}` : ''}${e.date ? ` on ${e.date.value}` : ''}${e.background ? ' [background]' : ''}: ${quoteText(e.trigger.text, 30)}`));
  out.push(...section('Background', L.background, (b) => `#${b.sentence} ${b.reason}`));
  out.push(...section('Tallies', L.tallies, (t) => `${t.kind}: low ${t.low} / best ${t.best} / high ${t.high} from ${t.claims.length} claims`));
  out.push(...section('Diagnostics', doc.diagnostics as Item[], (d) => `${d.severity} ${d.stage}/${d.code}: ${d.message}`));
  return out.join('\n');
}
