import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { readText } from './decode.js';
import { normalizeDate } from './dates.js';
import { sniffFormat } from './read.js';
import { isFailure } from './types.js';

const fixtures = new URL('../../test/fixtures/ingest/', import.meta.url);
const SAMPLE = 'The mayor said \u201cthe caf\u00e9 on the square was hit\u201d \u2014 two people were hurt.\r\nRescuers arrived at noon.\n';

function decoded(buffer: Buffer): { text: string; encoding: string } {
  const result = readText(buffer, 'sample');
  if (isFailure(result)) assert.fail(`unexpected failure: ${result.message}`);
  return result;
}

test('UTF-8 fixture decodes byte-exact', () => {
  const bytes = readFileSync(new URL('utf8.txt', fixtures));
  const r = decoded(bytes);
  assert.equal(r.encoding, 'utf-8');
  assert.equal(r.text, bytes.toString('utf8'));
  assert.match(r.text, /café owner/);
});

test('UTF-8 BOM is stripped, CRLF kept as is', () => {
  const r = decoded(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SAMPLE)]));
  assert.equal(r.encoding, 'utf-8');
  assert.equal(r.text, SAMPLE);
  assert.ok(r.text.includes('\r\n'));
});

test('windows-1252 with curly quotes and é', () => {
  const bytes = iconv.encode(SAMPLE, 'windows-1252');
  assert.equal(bytes.includes(0x93), true); // the left curly quote is one byte
  const r = decoded(bytes);
  assert.equal(r.encoding, 'windows-1252');
  assert.equal(r.text, SAMPLE);
});

test('short windows-1252 text still decodes', () => {
  const r = decoded(iconv.encode('Caf\u00e9 \u201cX\u201d', 'windows-1252'));
  assert.equal(r.text, 'Caf\u00e9 \u201cX\u201d');
});

test('UTF-16LE with BOM', () => {
  const r = decoded(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(SAMPLE, 'utf16le')]));
  assert.equal(r.encoding, 'utf-16le');
  assert.equal(r.text, SAMPLE);
});

test('UTF-16LE without BOM, by NUL-byte pattern', () => {
  const r = decoded(Buffer.from(SAMPLE, 'utf16le'));
  assert.equal(r.encoding, 'utf-16le');
  assert.equal(r.text, SAMPLE);
});

test('UTF-16BE with and without BOM', () => {
  const be = iconv.encode(SAMPLE, 'utf-16be');
  assert.equal(decoded(be).text, SAMPLE);
  assert.equal(decoded(be).encoding, 'utf-16be');
  assert.equal(decoded(Buffer.concat([Buffer.from([0xfe, 0xff]), be])).text, SAMPLE);
});

test('UTF-8 cut mid-character stays UTF-8', () => {
  const whole = Buffer.from('Caf\u00e9s, na\u00efve r\u00e9sum\u00e9s \u2014 and \u201cquotes\u201d \u20ac');
  const cut = whole.subarray(0, whole.length - 1);
  const r = decoded(cut);
  assert.equal(r.encoding, 'utf-8');
  assert.equal(r.text, 'Caf\u00e9s, na\u00efve r\u00e9sum\u00e9s \u2014 and \u201cquotes\u201d \ufffd');
});

test('binary data is refused with a one-line message', () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  assert.deepEqual(readText(png, 'img.txt'), { input: 'img.txt', message: 'binary file, not text' });
  // no NUL bytes, but mostly control characters
  const noisy = Buffer.from(Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0x41 : (i % 27) + 1)));
  assert.ok(isFailure(readText(noisy, 'noisy') as object));
  // a NUL in otherwise plain text
  assert.ok(isFailure(readText(Buffer.from('plain text\u0000with a NUL byte in the middle, not UTF-16'), 'nul') as object));
});

test('a stray control character in long text is not binary', () => {
  const text = `${'Normal article text. '.repeat(20)}\u0007bell`;
  assert.equal(decoded(Buffer.from(text)).text, text);
});

test('empty buffer decodes to empty text (emptiness is judged by the reader)', () => {
  assert.deepEqual(readText(Buffer.alloc(0), 'e'), { text: '', encoding: 'utf-8' });
});

test('a declared charset is used when the bytes are not UTF-8', () => {
  const bytes = iconv.encode('Zaj\u0105c \u017c\u00f3\u0142ty', 'iso-8859-2');
  const r = readText(bytes, 'x', 'ISO-8859-2');
  assert.ok(!isFailure(r as object));
  assert.equal((r as { text: string }).text, 'Zaj\u0105c \u017c\u00f3\u0142ty');
});

test('sniffFormat: JSON lines, JSON, HTML, text', () => {
  assert.equal(sniffFormat('{"text":"a"}\n{"text":"b"}\n'), 'jsonl');
  assert.equal(sniffFormat('  {"text":"a"}'), 'json');
  assert.equal(sniffFormat('{\n  "text": "pretty printed"\n}\n'), 'json');
  assert.equal(sniffFormat('[{"text":"a"}]'), 'json');
  assert.equal(sniffFormat('\n<!DOCTYPE html><html></html>'), 'html');
  assert.equal(sniffFormat('<p>fragment</p>'), 'html');
  assert.equal(sniffFormat('[Updated] Troops moved north.'), 'txt');
  assert.equal(sniffFormat('< 5 people were hurt'), 'txt');
  assert.equal(sniffFormat('Plain article.'), 'txt');
});

test('normalizeDate keeps ISO dates and zones, tidies forms, rejects non-dates', () => {
  assert.equal(normalizeDate('2024-03-05'), '2024-03-05');
  assert.equal(normalizeDate('2024-03-05T10:00Z'), '2024-03-05T10:00:00Z');
  assert.equal(normalizeDate(' 2024-03-05 10:00:30.250+0200 '), '2024-03-05T10:00:30.250+02:00');
  assert.equal(normalizeDate('2024-03-05T10:00:00+00:00'), '2024-03-05T10:00:00Z');
  assert.equal(normalizeDate('2024-03-05T10:00:00'), '2024-03-05T10:00:00');
  assert.equal(normalizeDate('Tue, 05 Mar 2024 10:00:00 +0200'), '2024-03-05T08:00:00Z');
  assert.equal(normalizeDate('5 March 2024 10:00 GMT'), '2024-03-05T10:00:00Z');
  for (const bad of ['2024-02-30', '2024-13-01', '2024-03-05T25:00', 'next Tuesday', '1', '', '05/03/2024']) {
    assert.equal(normalizeDate(bad), undefined, bad);
  }
  assert.equal(normalizeDate('2024-02-29'), '2024-02-29');
});
