import { SitrepDocument } from '../core/document.js';
import { createDefaultPipeline } from '../pipeline/default.js';
import { loadBenchTexts } from './texts.js';

/**
 * Run by the bench in a process of its own: the default pipeline over the bench texts, then
 * the peak resident memory. The bench process itself also holds the substrate's and the peer's
 * models and the reconciliation store, which are not sitrep's footprint.
 */
const texts = loadBenchTexts(Number(process.argv[2] ?? 3_000_000));
const pipeline = await createDefaultPipeline();
for (const t of texts) pipeline.run(new SitrepDocument(t.text, { publishedAt: t.publishedAt }));
process.stdout.write(JSON.stringify({ texts: texts.length, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
