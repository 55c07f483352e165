import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countsOf as counts } from './test-helpers.js';

const brief = (text: string) => counts(text).map((c) => `${c.kind} ${c.qualifier} ${c.value}`);

test('"forced N people to flee (their homes)" counts the displaced, with its qualifier', () => {
  assert.deepEqual(brief('The floods have forced at least 9,000 villagers to flee their homes in the delta.'), ['displaced at_least 9000']);
  assert.deepEqual(brief('Shelling forced more than 2,500 residents to flee during the night.'), ['displaced more_than 2500']);
});
