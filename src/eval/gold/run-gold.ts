import { basename } from 'node:path';
import { analyzeText } from '../../analysis/analyze.js';
import type { Pipeline } from '../../pipeline/pipeline.js';
import { GoldContext, SECTION_LAYERS, SECTION_SCORERS, type SectionScore } from './sections.js';
import { readGoldFile } from './gold-file.js';

export type SectionResult = { hits: number; total: number; recall?: number; precision?: number } | { built: false };

export interface GoldReport {
  task: 'gold';
  files: string[];
  sections: Record<string, SectionResult>;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** Score the pipeline against gold articles, section by section, summed over the files. */
export function runGold(paths: string[], pipeline: Pipeline): GoldReport {
  const provided = new Set<string>(pipeline.provides);
  const sums: Record<string, Required<SectionScore>> = {};
  for (const path of paths) {
    const { gold, text } = readGoldFile(path);
    const meta = { publishedAt: gold.document.publishedAt, outlet: gold.document.outlet, title: gold.document.title, origin: basename(gold.document.file) };
    const { json } = analyzeText(pipeline, text, meta);
    const context = new GoldContext(json);
    for (const [section, scorer] of Object.entries(SECTION_SCORERS)) {
      if (!SECTION_LAYERS[section]!.every((l) => provided.has(l))) continue;
      const s = scorer(gold, context);
      const sum = (sums[section] ??= { hits: 0, total: 0, predicted: 0, correct: 0 });
      sum.hits += s.hits;
      sum.total += s.total;
      if (s.predicted !== undefined) {
        sum.predicted += s.predicted;
        sum.correct += s.correct ?? 0;
      } else sum.predicted = -1; // marks a section without precision
    }
  }
  const sections: Record<string, SectionResult> = {};
  for (const section of Object.keys(SECTION_SCORERS)) {
    const s = sums[section];
    if (!s) {
      sections[section] = { built: false };
      continue;
    }
    const r: SectionResult = { hits: s.hits, total: s.total };
    if (s.total > 0) r.recall = round(s.hits / s.total);
    if (s.predicted > 0) r.precision = round(s.correct / s.predicted);
    sections[section] = r;
  }
  return { task: 'gold', files: paths, sections };
}

export function renderGoldTable(report: GoldReport): string {
  const rows = [`gold: ${report.files.length} files`, `${'section'.padEnd(24)} ${'hits'.padStart(9)} ${'recall'.padStart(7)} ${'precision'.padStart(9)}`];
  for (const [name, r] of Object.entries(report.sections)) {
    if ('built' in r) rows.push(`${name.padEnd(24)} ${'not built'.padStart(9)}`);
    else rows.push(`${name.padEnd(24)} ${`${r.hits}/${r.total}`.padStart(9)} ${(r.recall?.toFixed(2) ?? '—').padStart(7)} ${(r.precision?.toFixed(2) ?? '—').padStart(9)}`);
  }
  return rows.join('\n');
}
