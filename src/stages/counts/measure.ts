/**
 * Development measurement for the counts stage (not a stage; run by hand):
 *   node dist/stages/counts/measure.js acled [--errors]
 *   node dist/stages/counts/measure.js gold [--verbose]
 * ACLED runs the note through segmentation and the counts stage with empty actors,
 * places and dates; gold runs clean → segment → counts and scores the "counts" and
 * "notCounts" sections the way ../shared/gold/README.md describes.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sharedPath } from '../../core/paths.js';
import { SitrepDocument } from '../../core/document.js';
import type { CasualtyCount } from '../../core/layers/index.js';
import { segmentedDoc } from '../../testing/docs.js';
import { segmentText } from '../segment/index.js';
import { createCleanStage } from '../clean/index.js';
import { fatalitiesFromCounts, scoreAcled, type AcledRecord } from '../../eval/tasks/acled.js';
import { aliasMatches, findPassage, foldWithOffsets } from '../../eval/text-match.js';
import { createCountsStage } from './index.js';

const stage = createCountsStage();

function countsOf(doc: SitrepDocument): CasualtyCount[] {
  doc.set('actors', []);
  doc.set('places', []);
  doc.set('dates', []);
  return stage.run(doc, {}).layers.counts!;
}

function acled(showErrors: boolean): void {
  const dir = sharedPath('eval', 'acled');
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.jsonl')).sort()) {
    const records = readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as AcledRecord);
    const metrics = scoreAcled(records, (r) => {
      const counts = countsOf(segmentedDoc(r.text, { id: r.id }));
      const fatalities = fatalitiesFromCounts(counts, process.env.NO_REMARKS ? undefined : r.text);
      if (showErrors && fatalities !== r.fatalities) {
        console.log(`${r.id} gold=${r.fatalities} got=${fatalities} | ${r.text.slice(0, 300)}\n    ${counts.map((c) => `${c.kind}:${c.value}${c.subsetOf ? '(sub)' : ''}${c.claimant ? `[${c.claimant.span.text}]` : ''} «${c.span.text}»`).join(' ; ')}`);
      }
      return { fatalities };
    });
    console.log(`${f} n=${records.length} fatalitiesExact=${metrics.fatalitiesExact}`);
  }
}

function gold(verbose: boolean): void {
  const dir = sharedPath('gold');
  const clean = createCleanStage();
  let listed = 0;
  let hits = 0;
  let predicted = 0;
  let correct = 0;
  let traps = 0;
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.gold.json')).sort()) {
    const g = JSON.parse(readFileSync(join(dir, f), 'utf8'));
    const raw = readFileSync(sharedPath(g.document.file), 'utf8');
    const meta = { publishedAt: g.document.publishedAt, outlet: g.document.outlet, title: g.document.title };
    let doc: SitrepDocument;
    if (process.env.RAW) doc = segmentedDoc(raw, meta); // no cleaning: the gold passages keep the raw glue ("forces.After")
    else {
      doc = new SitrepDocument(raw, meta);
      doc.set('clean', clean.run(doc, {}).layers.clean!);
      const seg = segmentText(doc.text);
      doc.set('sentences', seg.sentences);
      doc.set('tokens', seg.tokens);
    }
    const counts = countsOf(doc);
    const index = foldWithOffsets(doc.text);
    const inPassage = (c: CasualtyCount, contains: string) => findPassage(doc.text, contains, index).some((p) => p.start < c.span.end && c.span.start < p.end);
    const matches = (c: CasualtyCount, gc: any) => {
      const kind = c.kind === 'evacuated' ? 'displaced' : c.kind;
      if (kind !== gc.kind || c.value !== gc.value || c.qualifier !== gc.qualifier || !inPassage(c, gc.contains)) return false;
      const claimants: (string | null)[] = gc.claimant ?? [null];
      if (!c.claimant) return claimants.includes(null);
      return claimants.some((a) => a !== null && [c.claimant!.span.text, c.claimant!.name].some((t) => t && aliasMatches(t, a)));
    };
    // a heading figure the body repeats is a restatement (the restatements stage drops it)
    const sentences = doc.get('sentences');
    const kept = counts.filter((c) => !(sentences[c.sentence]?.heading && counts.some((o) => o !== c && !sentences[o.sentence]?.heading && o.kind === c.kind && o.value === c.value && o.qualifier === c.qualifier)));
    for (const gc of g.counts ?? []) {
      listed++;
      const ok = kept.some((c) => matches(c, gc));
      if (ok) hits++;
      else console.log(`  MISS ${f}: ${JSON.stringify(gc)}`);
    }
    for (const c of kept) {
      predicted++;
      const trap = (g.notCounts ?? []).find((n: any) => inPassage(c, n.contains));
      if (trap) {
        traps++;
        console.log(`  TRAP ${f}: «${c.span.text}» in "${trap.contains}"`);
      }
      const ok = !trap && (g.counts ?? []).some((gc: any) => matches(c, gc));
      if (ok) correct++;
      if (!ok || verbose) console.log(`  ${ok ? 'ok' : 'FP'} ${f}: ${c.kind} ${c.value} ${c.qualifier} who=${c.who} claimant=${c.claimant?.span.text ?? null} «${c.span.text}»${c.subsetOf ? ` subsetOf=${c.subsetOf}` : ''}`);
    }
  }
  console.log(`gold counts: hits ${hits}/${listed} recall=${(hits / listed).toFixed(3)} precision=${(correct / predicted).toFixed(3)} (${correct}/${predicted}) traps taken=${traps}`);
}

const [what, flag] = process.argv.slice(2);
if (what === 'acled') acled(flag === '--errors');
else gold(flag === '--verbose');
