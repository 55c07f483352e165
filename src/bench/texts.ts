import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedPath } from '../core/paths.js';

export interface BenchText {
  id: string;
  text: string;
  publishedAt?: string;
}

/**
 * The benchmark reads the real articles under ../shared: the corpus, then the texts of
 * the evaluation files, up to `maxChars`. Nothing of it is copied into the repository.
 */
export function loadBenchTexts(maxChars: number): BenchText[] {
  const out: BenchText[] = [];
  let total = 0;
  const add = (t: BenchText) => {
    if (total >= maxChars || !t.text?.trim()) return;
    out.push(t);
    total += t.text.length;
  };
  const corpus = sharedPath('corpus');
  if (existsSync(corpus)) for (const f of readdirSync(corpus).sort()) add({ id: f, text: readFileSync(join(corpus, f), 'utf8') });
  const files = ['eval/quotes/polnear.jsonl', 'eval/geocode/geovirus.jsonl', 'eval/geocode/geowebnews.jsonl', 'eval/timex/timebank-tbaq.jsonl', 'eval/acled/acled-kenya.jsonl'];
  for (const rel of files) {
    const path = sharedPath(...rel.split('/'));
    if (!existsSync(path)) continue;
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as { id: string; text: string; publishedAt?: string };
      add({ id: `${rel}#${r.id}`, text: r.text, publishedAt: r.publishedAt });
    }
  }
  return out;
}

export const megabytes = (texts: BenchText[]) => texts.reduce((n, t) => n + Buffer.byteLength(t.text), 0) / 1e6;
