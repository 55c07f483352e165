import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchAll } from './match-all.js';

const plain = (ms: Iterable<RegExpExecArray | RegExpMatchArray>) => [...ms].map((m) => [m.index, [...m], { ...m.groups }]);

test('the same matches as String.prototype.matchAll, the regex left as it was', () => {
  const cases: [RegExp, string][] = [
    [/\d+/g, 'killed 3, wounded 12 and 40 missing'],
    [/(?=\s(?:killed|wounded))/giu, 'three were killed and two wounded'],
    [/(?<w>x*)/gu, 'a😀b'],
    [/\p{Lu}/gu, ''],
    [/;\s+/gu, 'a; b;  c;d'],
    [/a/gy, 'aab'],
  ];
  for (const [re, s] of cases) {
    re.lastIndex = 0;
    assert.deepEqual(plain(matchAll(re, s)), plain(s.matchAll(re)), `${re} on ${s}`);
    assert.equal(re.lastIndex, 0);
  }
  const re = /\d/g;
  re.lastIndex = 3;
  assert.deepEqual(plain(matchAll(re, '1 2 3 4')), plain('1 2 3 4'.matchAll(re)));
  assert.equal(re.lastIndex, 3);
  assert.throws(() => matchAll(/x/, 'x'), TypeError);
});
