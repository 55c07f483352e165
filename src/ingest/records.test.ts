import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { articlesFromJson, articlesFromJsonl } from './records.js';

const fixtures = new URL('../../test/fixtures/ingest/', import.meta.url);

test('JSONL: good lines come through, bad lines are named with line numbers', () => {
  const content = readFileSync(new URL('articles.jsonl', fixtures), 'utf8');
  const items = articlesFromJsonl(content, 'articles.jsonl', { outlet: 'Flag Outlet', language: 'en' });
  const good = items.flatMap((i) => (i.ok ? [i.article] : []));
  const bad = items.flatMap((i) => (i.ok ? [] : [i.failure]));

  assert.deepEqual(
    good.map((a) => a.meta.id),
    ['a1', 'a2', 'a5', '10'],
  );
  assert.deepEqual(good[0].meta, {
    id: 'a1',
    title: 'Bridge reopens',
    url: 'https://news.example.net/bridge',
    outlet: 'Example Wire', // the record beats the flag
    publishedAt: '2024-05-02',
    language: 'en', // the flag fills what the record lacks
    origin: 'articles.jsonl:1',
  });
  assert.equal(good[1].meta.outlet, 'Flag Outlet');
  assert.equal(good[2].meta.outlet, 'Html Outlet'); // declared by the HTML page
  assert.equal(good[2].meta.title, 'From HTML');
  assert.equal(good[2].text, 'Protesters gathered outside parliament on Saturday, police said.');
  assert.ok(good[2].html?.startsWith('<html>'));
  assert.equal(good[3].meta.publishedAt, '2024-05-05T09:00:00+02:00');

  assert.deepEqual(bad, [
    { input: 'articles.jsonl:3', message: bad[0].message },
    { input: 'articles.jsonl:4', message: 'line 4: "title" must be a string, got number 42' },
    { input: 'articles.jsonl:7', message: 'line 7: needs a "text" or "html" string' },
    { input: 'articles.jsonl:8', message: 'line 8: "publishedAt" must be an ISO 8601 date or date-time, got "next Tuesday"' },
    { input: 'articles.jsonl:9', message: 'line 9: empty article ("text" is blank)' },
    { input: 'articles.jsonl:10', message: 'line 10: expected a JSON object, got an array' },
    { input: 'articles.jsonl:11', message: 'line 11: "publishedAt" must be a string date, got number 20240501' },
  ]);
  assert.match(bad[0].message, /^line 3: invalid JSON \(.+\)$/);
});

test('JSONL: CRLF line endings, blank lines, last line without newline', () => {
  const items = articlesFromJsonl('{"text":"one"}\r\n\r\n{"text":"two\\r\\nkept"}', 'x.jsonl');
  assert.deepEqual(
    items.map((i) => (i.ok ? [i.article.text, i.article.meta.origin] : i.failure.input)),
    [
      ['one', 'x.jsonl:1'],
      ['two\r\nkept', 'x.jsonl:3'],
    ],
  );
  assert.deepEqual(articlesFromJsonl('\n  \n', 'blank.jsonl'), []);
});

test('JSONL: text wins over html when both are given, html kept', () => {
  const [item] = articlesFromJsonl('{"text":"Plain.","html":"<p>Rich.</p>"}', 'x.jsonl');
  assert.ok(item.ok);
  assert.equal(item.article.text, 'Plain.');
  assert.equal(item.article.html, '<p>Rich.</p>');
});

test('JSONL: the record beats the page it carries', () => {
  const line = JSON.stringify({ title: 'Record title', html: '<html><head><title>Page title</title></head><body><p>Body.</p></body></html>' });
  const [item] = articlesFromJsonl(line, 'x.jsonl');
  assert.ok(item.ok);
  assert.equal(item.article.meta.title, 'Record title');
});

test('JSONL: wrong types are precise', () => {
  const lines = ['{"text":["a"]}', '{"text":"ok","id":{"x":1}}', '{"html":"   "}', '{"text":"t","publishedAt":"2024-02-30"}', 'null'];
  assert.deepEqual(
    articlesFromJsonl(lines.join('\n'), 'f').map((i) => (i.ok ? 'ok' : i.failure.message)),
    [
      'line 1: "text" must be a string, got an array',
      'line 2: "id" must be a string or a number, got an object',
      'line 3: empty article ("html" is blank)',
      'line 4: "publishedAt" must be an ISO 8601 date or date-time, got "2024-02-30"',
      'line 5: expected a JSON object, got null',
    ],
  );
});

test('JSON: one object or an array of them', () => {
  const [one] = articlesFromJson('{"text":"Single.","title":"T"}', 'one.json');
  assert.ok(one.ok);
  assert.deepEqual(one.article.meta, { title: 'T', origin: 'one.json' });

  const many = articlesFromJson('[{"text":"A."},{"nope":1},{"text":"C."}]', 'many.json');
  assert.deepEqual(
    many.map((i) => (i.ok ? i.article.meta.origin : i.failure)),
    ['many.json[0]', { input: 'many.json[1]', message: 'item 1: needs a "text" or "html" string' }, 'many.json[2]'],
  );
  assert.deepEqual(articlesFromJson('{"text":', 'bad.json').map((i) => !i.ok && i.failure.input), ['bad.json']);
  assert.deepEqual(articlesFromJson('[]', 'e.json').map((i) => !i.ok && i.failure.message), ['empty JSON array: no articles']);
});
