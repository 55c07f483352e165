import { test } from 'node:test';
import assert from 'node:assert/strict';
import { estimateJaccard, lshBands, minhashSignature } from './minhash.js';
import { StoryClusterer } from './story-clusters.js';
import { storyTerms } from './story-terms.js';

const wire = 'A landslide buried part of the mountain village of Kerval on Tuesday after three days of heavy rain, killing at least nine people, the regional governor said.';
const edited = 'A landslide buried part of the mountain village of Kerval on Tuesday after three days of heavy rain, killing at least 11 people, the regional governor said on Wednesday.';
const other = 'The central bank raised its main interest rate by half a point on Thursday to fight inflation, the governor told a news conference in the capital.';

test('minhash finds the republished wire story and not an unrelated one', () => {
  const a = minhashSignature(wire);
  assert.ok(estimateJaccard(a, minhashSignature(edited)) > 0.6);
  assert.ok(estimateJaccard(a, minhashSignature(other)) < 0.2);
  assert.deepEqual(minhashSignature(wire), a, 'signatures are deterministic');
  assert.ok(lshBands(a).some((band) => lshBands(minhashSignature(edited)).includes(band)));
});

test('reports of one story cluster together; a different story and an old one stay apart', () => {
  const c = new StoryClusterer();
  const add = (id: string, text: string, entities: { text: string; type: string }[], date: string) => c.add(id, text, storyTerms({ text, entities }), date);
  const kerval = [{ text: 'Kerval', type: 'GPE' }];
  const first = add('a', wire, kerval, '2024-04-02');
  const second = add('b', edited, kerval, '2024-04-03');
  assert.equal(second.clusterId, first.clusterId);
  assert.equal(second.nearDuplicateOf, 'a');
  const third = add('c', 'Rescuers in Kerval pulled two survivors from the mud as the landslide death toll rose, the governor said.', kerval, '2024-04-03');
  assert.equal(third.clusterId, first.clusterId);
  assert.notEqual(add('d', other, [], '2024-04-03').clusterId, first.clusterId);
  // the same words a year later are another landslide, not this story
  assert.notEqual(add('e', wire, kerval, '2025-04-02').clusterId, first.clusterId);
  assert.equal(c.snapshot().get(first.clusterId)?.length, 3);
});

test('a surname meets the full name in story terms', () => {
  const t = storyTerms({ text: 'Reid checked in.', entities: [{ text: 'Tara Reid', type: 'PERSON' }, { text: 'Reid', type: 'PERSON' }] });
  assert.equal(t.get('n:reid'), 2);
  assert.equal(t.get('n:tara reid'), 1);
});
