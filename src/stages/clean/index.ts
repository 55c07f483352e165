import { makeSpan } from '../../core/span.js';
import { CleanTextBuilder } from '../../core/offset-map.js';
import type { BoilerplateBlock } from '../../core/layers/index.js';
import type { Stage } from '../../pipeline/stage.js';
import { findBoilerplate, type FoundBlock } from './find-boilerplate.js';
import { loadBoilerplateRules, type BoilerplateRules } from './rules.js';
import { normaliseInto } from './normalise.js';
import { findGluePoints, withGlueLines } from './glue.js';

export function cleanText(raw: string, rules: BoilerplateRules, title?: string) {
  const gluePoints = findGluePoints(raw, title);
  const lined = withGlueLines(raw, gluePoints);
  const blocks = findBoilerplate(lined.text, rules).map((b) => ({ ...b, start: lined.toRaw(b.start), end: lined.toRaw(b.end) }));
  const builder = new CleanTextBuilder(raw);
  normaliseInto(builder, raw, blocks, gluePoints);
  return { ...builder.build(), blocks };
}

function toLayer(raw: string, b: FoundBlock): BoilerplateBlock {
  return { raw: makeSpan(raw, b.start, b.end), kind: b.kind, rule: b.rule };
}

/** Strip boilerplate and normalise white space and quote variants, keeping a map to raw offsets. */
export function createCleanStage(rules: BoilerplateRules = loadBoilerplateRules()): Stage {
  return {
    name: 'clean',
    // 2: glued headlines, subheadings and wiki headings become lines of their own (glue.ts); 3: a caption line after a related link (find-boilerplate.ts)
    version: `3.${rules.version}`,
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
