import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDatesStage, type DatedExpression } from './index.js';
import { docWithLines } from './test-helpers.js';

const stage = createDatesStage();
const surfaces = (text: string) => (stage.run(docWithLines(text, '2023-09-20'), {}).layers.dates as DatedExpression[]).map((d) => `${d.span.text}=${d.value}`);

test('"high noon" is an idiom, noon alone is a time', () => {
  assert.deepEqual(surfaces('For the villagers, high noon has come.'), []);
  assert.deepEqual(surfaces('He watched the film High Noon again.'), []);
  assert.deepEqual(surfaces('The convoy left at noon.'), ['noon=2023-09-20T12:00']);
});
