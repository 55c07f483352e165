import { makeSpan } from '../../core/span.js';
import { CleanTextBuilder } from '../../core/offset-map.js';
import type { BoilerplateBlock } from '../../core/layers/index.js';
import type { Stage } from '../../pipeline/stage.js';
import { findBoilerplate, type FoundBlock } from './find-boilerplate.js';
import { loadBoilerplateRules, type BoilerplateRules } from './rules.js';
import { normaliseInto } from './normalise.js';
import { matchAll } from '../../core/match-all.js';

/** a sentence end glued to the next sentence's capital: "militant.At least" */
const GLUED = /[\p{Ll}\d)][.!?]["”’)]?(?=\p{Lu}\p{Ll})/gu;

/**
 * Two sentences glued together without a space ("militant.At least") or a headline
 * glued to the dateline: places where the clean text needs a separator.
 */
function findGluePoints(raw: string, title: string | undefined): Map<number, string> {
  const points = new Map<number, string>();
  for (const m of matchAll(GLUED, raw)) points.set(m.index! + m[0].length, ' ');
  if (title) {
    const lead = raw.length - raw.trimStart().length;
    const t = title.trim();
    if (t && raw.startsWith(t, lead) && /\S/.test(raw[lead + t.length] ?? '')) points.set(lead + t.length, '\n'); // a headline is a line of its own
  }
  return points;
}

export function cleanText(raw: string, rules: BoilerplateRules, title?: string) {
  const blocks = findBoilerplate(raw, rules);
  const builder = new CleanTextBuilder(raw);
  normaliseInto(builder, raw, blocks, findGluePoints(raw, title));
  return { ...builder.build(), blocks };
}

function toLayer(raw: string, b: FoundBlock): BoilerplateBlock {
  return { raw: makeSpan(raw, b.start, b.end), kind: b.kind, rule: b.rule };
}

/** Strip boilerplate and normalise white space and quote variants, keeping a map to raw offsets. */
export function createCleanStage(rules: BoilerplateRules = loadBoilerplateRules()): Stage {
  return {
    name: 'clean',
    version: `1.${rules.version}`,
    requires: [],
    provides: ['clean', 'boilerplate'],
    run(doc) {
      const { text, map, blocks } = cleanText(doc.raw, rules, doc.meta.title);
      const outlet = blocks.find((b) => b.outlet)?.outlet;
      return {
        layers: { clean: { text, map }, boilerplate: blocks.map((b) => toLayer(doc.raw, b)) },
        meta: outlet ? { outlet } : undefined,
      };
    },
  };
}
