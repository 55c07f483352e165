import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenizeLine, tokenizeText, normalizeToken, stripDiacritics } from './tokenize.js';
import { wordShape } from './word-shape.js';

const toks = (s: string) => tokenizeLine(s, 0).tokens;

test('tokenizer separates punctuation and keeps hyphenated names whole', () => {
  assert.deepEqual(toks('Fighting resumed in Nagorno-Karabakh, officials said.'), [
    'Fighting',
    'resumed',
    'in',
    'Nagorno-Karabakh',
    ',',
    'officials',
    'said',
    '.',
  ]);
});

test('tokenizer splits clitics with straight and curly apostrophes', () => {
  assert.deepEqual(toks("Armenia's army"), ['Armenia', "'s", 'army']);
  assert.deepEqual(toks('Azerbaijan’s army'), ['Azerbaijan', '’s', 'army']);
  assert.deepEqual(toks("they don't know"), ['they', 'do', "n't", 'know']);
  assert.deepEqual(toks("O'Brien left"), ["O'Brien", 'left']);
});

test('tokenizer keeps abbreviations and handles curly quotes', () => {
  assert.deepEqual(toks('The U.S. envoy met Mr. Smith of Acme Ltd. today'), [
    'The',
    'U.S.',
    'envoy',
    'met',
    'Mr.',
    'Smith',
    'of',
    'Acme',
    'Ltd.',
    'today',
  ]);
  assert.deepEqual(toks('“We will win,” he said.'), ['“', 'We', 'will', 'win', ',', '”', 'he', 'said', '.']);
  assert.deepEqual(toks('about 1,200.5 km on 2023-09-19'), ['about', '1,200.5', 'km', 'on', '2023-09-19']);
});

test('tokenizer is the identity on space-tokenised text', () => {
  const line = "Leaders of the Karabakh Armenians met in Yerevan on Tuesday , the ministry 's spokesman said .";
  assert.deepEqual(toks(line), line.split(' '));
});

test('token offsets are valid half-open UTF-16 offsets', () => {
  const text = 'Stéphane met 🙂 officials in Yerevan.\nThe Azeri side said “no”.';
  const sents = tokenizeText(text);
  for (const s of sents) {
    for (let i = 0; i < s.tokens.length; i++) {
      assert.equal(text.slice(s.starts[i], s.ends[i]), s.tokens[i]);
      assert.ok(s.starts[i] < s.ends[i]);
      if (i > 0) assert.ok(s.starts[i] >= s.ends[i - 1]);
    }
  }
  assert.equal(sents.length, 2);
});

test('lines are split into sentences at sentence-final punctuation', () => {
  const sents = tokenizeText('Talks ended. Mr. Aliyev left for Baku. "It failed," he said.');
  assert.deepEqual(
    sents.map((s) => s.tokens.join(' ')),
    ['Talks ended .', 'Mr. Aliyev left for Baku .', '" It failed , " he said .'],
  );
});

test('normalisation and shapes', () => {
  assert.equal(normalizeToken('’s'), "'s");
  assert.equal(normalizeToken('“'), '"');
  assert.equal(stripDiacritics('Stéphane'), 'Stephane');
  assert.equal(wordShape('Yerevan').short, 'Xx');
  assert.equal(wordShape('Stéphane').shape, 'Xxxxxxxx');
  assert.equal(wordShape('1996').short, 'd');
  assert.equal(wordShape('U.S.').shape, 'X.X.');
  assert.equal(wordShape('Nagorno-Karabakh').short, 'Xx-Xx');
});

test('addresses stay whole on their line, and lines without one tokenise the same way', () => {
  const toks = (s: string) => tokenizeLine(s, 0).tokens;
  assert.deepEqual(toks('Mail press@relief.example.org or see https://relief.example.org/appeal.'), [
    'Mail', 'press@relief.example.org', 'or', 'see', 'https://relief.example.org/appeal', '.',
  ]);
  // the same words with and without an address elsewhere on the line
  const plain = 'Mr. Okafor didn’t say: 1,200 fled -- U.S. aid arrived...';
  assert.deepEqual(toks(`${plain} a@b.org`).slice(0, -1), toks(plain));
  assert.deepEqual(toks(`${plain} http://x.org`).slice(0, -1), toks(plain));
  assert.deepEqual(toks(plain), ['Mr.', 'Okafor', 'did', 'n’t', 'say', ':', '1,200', 'fled', '--', 'U.S.', 'aid', 'arrived', '...']);
});
