import assert from 'node:assert/strict';
import { test } from 'node:test';
import { requiredStrings, requiredStringsFilter } from '../../core/required-strings.js';
import { defaultBackgroundCues } from './cues.js';

test('every shipped retrospective cue has required strings, and each match holds one', () => {
  const cues = defaultBackgroundCues().retrospective;
  for (const c of cues) assert.ok(requiredStrings(c.regex), c.id);
  const mayHold = requiredStringsFilter(cues.map((c) => c.regex))!;
  for (const text of ['In recent years the town grew.', 'The group has a long history of raids.', 'Rebels have long been recruiting.', 'Two years later it fell.']) {
    assert.ok(cues.some((c) => c.regex.test(text)), text);
    assert.equal(mayHold(text), true, text);
  }
});
