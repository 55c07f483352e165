import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFeed, registerFeedReader } from './feed.js';
import type { InputItem, Reader } from './types.js';

const FEED = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbour Gazette</title>
<item><title>Ferry resumes</title><link>https://gazette.example/ferry</link><pubDate>Mon, 04 Mar 2024 09:00:00 GMT</pubDate>
<description>&lt;p&gt;The ferry resumed service on Monday after the storm, the harbour office said.&lt;/p&gt;</description></item>
<item><title>Empty</title><link>https://gazette.example/empty</link></item>
</channel></rss>`;

test('a saved feed file reads as one article per item, metadata from the item and feed', async () => {
  const items = (await readFeed(Buffer.from(FEED), 'saved.rss', {})) as InputItem[];
  assert.equal(items.length, 2);
  assert.ok(items[0].ok);
  const a = items[0].article;
  assert.match(a.text, /The ferry resumed service on Monday/);
  assert.equal(a.meta.title, 'Ferry resumes');
  assert.equal(a.meta.url, 'https://gazette.example/ferry');
  assert.equal(a.meta.publishedAt, '2024-03-04T09:00:00Z');
  assert.equal(a.meta.outlet, 'Harbour Gazette');
  assert.ok(!items[1].ok);
  assert.match(items[1].failure.message, /no content/);
  assert.equal(items[1].failure.input, 'saved.rss:item 2');

  const flagged = (await readFeed(Buffer.from(FEED), 'saved.rss', { outlet: 'Given' })) as InputItem[];
  assert.ok(flagged[0].ok && flagged[0].article.meta.outlet === 'Given');
});

test('a broken feed file is one failure naming the file', async () => {
  const items = (await readFeed(Buffer.from('<rss><channel>'), 'bad.atom', {})) as InputItem[];
  assert.equal(items.length, 1);
  assert.ok(!items[0].ok);
  assert.equal(items[0].failure.input, 'bad.atom');
  assert.match(items[0].failure.message, /broken XML/);
});

test('registerFeedReader adds .rss and .atom and keeps existing readers', () => {
  const mine: Reader = () => [];
  const map = new Map<string, Reader>([['.rss', mine]]);
  registerFeedReader(map);
  assert.equal(map.get('.rss'), mine);
  assert.equal(map.get('.atom'), readFeed);
  assert.equal(map.has('.xml'), false);
});
