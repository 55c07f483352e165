import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCountsLexicon } from './lexicon.js';
import { compilePatterns, hasCountCue } from './patterns.js';

const lexicon = loadCountsLexicon();
const p = compilePatterns(lexicon);

test('the cue finds a count word or a lone victim, and skips other sentences', () => {
  assert.equal(hasCountCue(p, 'Three fishermen were killed when the boat capsized.'), true);
  // no count word: only a lone-victim pattern can let it through
  assert.equal(hasCountCue(p, 'The harvest festival opened with music and dancing.'), false);
  // no count word either, but a lone victim: a pattern of its own lets it through
  const victim = 'Her body was found near the river on Sunday.';
  assert.equal(p.cue.words.test(victim), false);
  assert.equal(hasCountCue(p, victim), true);
});

test('the split cue agrees with the single alternation it replaces', () => {
  const victims = lexicon.singleVictims.map((v) => `(?:${v.pattern.replace(/\(\?<([A-Za-z_]\w*)>/g, '(?:')})`);
  const whole = new RegExp([p.cue.words.source, ...victims].join('|'), 'iu');
  const sentences = [
    'Three fishermen were killed when the boat capsized.',
    'The harvest festival opened with music and dancing.',
    'Relatives said he later died in the regional hospital.',
    'Gunmen shot him dead outside the market, witnesses said.',
    'Her body was found near the river on Sunday.',
    'A young trader who had been missing was later found dead.',
    'THE TALKS RESUMED IN THE CAPITAL ON TUESDAY.',
    '',
  ];
  for (const s of sentences) assert.equal(hasCountCue(p, s), whole.test(s), s);
});

test('the cheap pre-test of the cue turns away only sentences the cue regexes would', () => {
  assert.ok(p.cue.mayHold && p.cue.victimMayHold, 'the cue and victim patterns give required strings');
  assert.equal(p.cue.mayHold('The harvest festival opened with music and dancing.'), false);
  assert.equal(p.cue.victimMayHold('Five soldiers were wounded in the blast.'), false);
  const victims = lexicon.singleVictims.map((v) => `(?:${v.pattern.replace(/\(\?<([A-Za-z_]\w*)>/g, '(?:')})`);
  const whole = new RegExp([p.cue.words.source, ...victims].join('|'), 'iu');
  // upper case, the Kelvin sign and the long s fold to the lexicon's letters in a case-blind regex
  for (const s of ['POLICE SAID THE MAN LATER DIED.', 'The suspect was \u212Ailled at dawn.', 'Two men were \u017Fhot dead.', 'He was shot dead on Friday.', 'The festival went on.']) {
    assert.equal(hasCountCue(p, s), whole.test(s), s);
  }
});

test('a passive match that passes the active-voice check is the active pattern’s match too', () => {
  const rests = [
    ' villagers were killed in the raid',
    ' gunmen killed the guards',
    ' soldiers were wounded and two civilians killed',
    ' people have been arrested since Friday',
    ' militants shot dead a driver',
  ];
  let compared = 0;
  for (const k of p.kinds) {
    for (const rest of rests) {
      const passive = p.rightPassive.get(k)!.exec(rest);
      if (!passive) {
        assert.equal(p.right.get(k)!.exec(rest), null, `${k}: ${rest}`);
        continue;
      }
      p.activeAt.lastIndex = passive[0].length;
      if (!p.activeAt.test(rest)) continue;
      const right = p.right.get(k)!.exec(rest)!;
      assert.deepEqual([right[0], right.index, { ...right.groups }, right.indices], [passive[0], passive.index, { ...passive.groups }, passive.indices], `${k}: ${rest}`);
      compared++;
    }
  }
  assert.ok(compared > 0, 'some fixture reaches the comparison');
});
