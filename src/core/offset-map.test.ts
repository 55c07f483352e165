import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CleanTextBuilder, OffsetMap } from './offset-map.js';

test('identity map returns the same offsets', () => {
  const m = OffsetMap.identity(10);
  assert.equal(m.toRawStart(4), 4);
  assert.equal(m.toRawEnd(7), 7);
});

test('kept, replaced and removed ranges map back to raw offsets', () => {
  const raw = 'Hello   world.\nBYLINE\nBaku said.';
  const b = new CleanTextBuilder(raw);
  b.keep(0, 5); // Hello
  b.replace(5, 8, ' '); // three spaces -> one
  b.keep(8, 15); // world.\n
  // "BYLINE\n" removed: no segment at all
  b.keep(22, raw.length);
  const { text, map } = b.build();
  assert.equal(text, 'Hello world.\nBaku said.');
  const baku = text.indexOf('Baku');
  assert.equal(raw.slice(map.toRawStart(baku), map.toRawEnd(baku + 4)), 'Baku');
  const world = text.indexOf('world');
  const r = map.toRawRange(world, world + 5);
  assert.equal(raw.slice(r.start, r.end), 'world');
  // a span over a collapsed space covers the whole raw run
  const sp = map.toRawRange(5, 6);
  assert.equal(raw.slice(sp.start, sp.end), '   ');
  // a span across the removed line keeps everything in between
  const across = map.toRawRange(world, baku + 4);
  assert.equal(raw.slice(across.start, across.end), 'world.\nBYLINE\nBaku');
});

test('insertions (a separator the raw text lacked) map to a point', () => {
  const raw = 'one.Two';
  const b = new CleanTextBuilder(raw);
  b.keep(0, 4);
  b.replace(4, 4, ' ');
  b.keep(4, 7);
  const { text, map } = b.build();
  assert.equal(text, 'one. Two');
  const t = text.indexOf('Two');
  assert.equal(raw.slice(map.toRawStart(t), map.toRawEnd(t + 3)), 'Two');
});
