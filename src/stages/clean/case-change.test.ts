import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchAll } from '../../core/match-all.js';
import { caseChanges, isLetter, isLowerOrDigit, matchesAtCaseChanges } from './case-change.js';

test('case changes are found by code point, astral letters included', () => {
  assert.deepEqual(caseChanges('SyriaThe desert'), [5]);
  assert.deepEqual(caseChanges('McCain and eBay'), [2, 12]);
  assert.deepEqual(caseChanges('x𝐚𝐁y'), [3]);
  assert.deepEqual(caseChanges('ABC abc 1A'), []);
});

test('a glue regex tried at each run with a case change finds what a scan of the whole text finds', () => {
  const texts = [
    'Rebels seized the townKANDAHAR, Afghanistan (AP) — Police said',
    'It was the worst attack in the provinceThe governor said patternsFrench soldiers were near',
    'McDonaldThe chain closed, as did the 1990sWhen era of McCainThe senator',
    'JoséThe Jose\u0301The 𝐚𝐛𝐜dThe x-abcThe #tagThe abcA b abcI said',
  ];
  const lower = /(?<![\p{L}\p{M}\d'’"=&\-_/@#])[\p{Ll}\d]{2,}\p{Ll}(?=\p{Lu}\p{Ll}|[AI] |\p{Lu}{3,}(?=,))/gu;
  const capital = /\p{Lu}(?<![\p{L}\p{M}\d'’"=&\-_/@#]\p{Lu})\p{L}+\p{Ll}(?=(?:The|An|A)(?![\p{L}\p{M}\d])|\p{Lu}{3,}(?=,))/gu;
  const plain = (ms: RegExpExecArray[]) => ms.map((m) => [m.index, m[0]]);
  let found = 0;
  for (const text of texts) {
    for (const [re, inRun] of [[lower, isLowerOrDigit], [capital, isLetter]] as const) {
      const want = plain(matchAll(re, text));
      found += want.length;
      assert.deepEqual(plain(matchesAtCaseChanges(text, new RegExp(re.source, 'uy'), inRun)), want, text);
    }
  }
  assert.ok(found >= 8, 'the fixtures reach matches');
});
