import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CountKind } from '../../core/layers/index.js';
import { KindRegex } from './kind-regex.js';
import { loadCountsLexicon } from './lexicon.js';
import { compilePatterns } from './patterns.js';

const p = compilePatterns(loadCountsLexicon());
const same = (a: RegExpExecArray | null, b: RegExpExecArray | null) =>
  assert.deepEqual(a && [a[0], a.index, [...a], { ...a.groups }, a.indices], b && [b[0], b.index, [...b], { ...b.groups }, b.indices]);

test('the shared regex finds each kind’s own match, at the same offsets', () => {
  const rests = [
    ' villagers were killed in the raid',
    ' people, including two children, were wounded on Friday',
    ' residents of the two districts were evacuated',
    ' soldiers were wounded and two civilians killed',
    ' people have been arrested since Friday',
    ' militants shot dead a driver',
    ' policemen escorting a bus have been killed',
    ' (22 according to local sources) were abducted',
    ' students who were travelling home are missing',
    ' people died',
    ' of them',
    '',
  ];
  let matched = 0;
  for (const re of [p.rightPassive, p.right, p.far, p.named, p.headline]) {
    for (const k of p.kinds) {
      for (const rest of rests) {
        const own = re.get(k).exec(rest);
        same(re.exec(k, rest), own);
        // from inside a longer text: offsets count from `from`
        const text = `Officials said 12${rest}`;
        same(re.exec(k, text, text.length - rest.length), own);
        if (own) matched++;
      }
    }
  }
  assert.ok(matched > 5, 'the fixtures reach some matches');
});

test('a participle that could see the appended tag keeps its own regex', () => {
  const kinds: CountKind[] = ['killed', 'injured', 'arrested'];
  // `.*$` reads to the end of the text: on the tagged text it would read the tag
  const parts = new Map<CountKind, string>([['killed', 'killed.*$'], ['injured', 'wounded|injured'], ['arrested', 'arrested|detained']]);
  const re = new KindRegex(kinds, parts, (part) => `^\\s+(?<kind>${part})`, 'iu');
  same(re.exec('killed', ' killed in the raid'), re.get('killed').exec(' killed in the raid'));
  assert.equal(re.exec('killed', ' killed in the raid')![0], ' killed in the raid');
  same(re.exec('injured', ' wounded badly'), re.get('injured').exec(' wounded badly'));
  assert.equal(re.exec('injured', ' killed'), null);
  same(re.exec('arrested', ' detained'), re.get('arrested').exec(' detained'));
  assert.equal(re.exec('arrested', ' wounded'), null);
});

test('a participle that looks behind shares the regex and sees no text before `from`', () => {
  const kinds: CountKind[] = ['killed', 'displaced'];
  const parts = new Map<CountKind, string>([['killed', 'killed|dead'], ['displaced', '(?<!(?:gunmen|suspects?)\\s+)fled(?![\\p{L}])']]);
  const re = new KindRegex(kinds, parts, (part) => `^(?<who>\\s+\\p{L}+)?\\s+(?<kind>${part})`, 'diu');
  assert.equal((re as unknown as { sliced: Set<CountKind> }).sliced.has('displaced'), true);
  for (const text of ['Police said a suspect fled', 'Police said 300 villagers fled', 'Police said 12 gunmen fled', 'Police said 12 fled']) {
    for (const from of [text.indexOf(' ', 12), text.lastIndexOf(' ', text.length - 6), 0]) {
      for (const k of kinds) same(re.exec(k, text, from), re.get(k).exec(text.slice(from)));
    }
  }
  // the rest after "a suspect" starts at " fled": its own regex cannot see the suspect, nor can the shared one
  const text = 'Police said a suspect fled';
  assert.equal(re.exec('displaced', text, text.indexOf(' fled'))?.[0], ' fled');
  assert.equal(re.exec('displaced', 'Police said 12 gunmen fled', 14), null);
});
