import { test } from 'node:test';
import assert from 'node:assert/strict';
import { itemKey, parseFeed } from './parse.js';

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
  <title>Harbour Gazette</title>
  <link>https://gazette.example/</link>
  <atom:link href="https://gazette.example/feed" rel="self" type="application/rss+xml"/>
  <item>
    <title>Bridge reopens &amp; traffic returns</title>
    <link>https://gazette.example/bridge</link>
    <guid isPermaLink="false">gz-1</guid>
    <pubDate>Tue, 05 Mar 2024 10:00:00 +0200</pubDate>
    <description>&lt;p&gt;The bridge reopened.&lt;/p&gt;</description>
    <content:encoded><![CDATA[<p>The <b>bridge</b> reopened on Tuesday.</p>]]></content:encoded>
  </item>
  <item>
    <title>Second</title>
    <link>https://gazette.example/second</link>
  </item>
</channel>
</rss>`;

const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="text">Valley Post</title>
  <link href="https://valley.example/"/>
  <id>urn:valley</id>
  <updated>2024-03-06T08:00:00Z</updated>
  <entry>
    <title>Council votes</title>
    <link rel="alternate" href="https://valley.example/council"/>
    <link rel="edit" href="https://valley.example/edit/1"/>
    <id>urn:valley:1</id>
    <updated>2024-03-06T08:00:00+01:00</updated>
    <published>2024-03-06T07:30:00+01:00</published>
    <summary>Short.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The council voted.</p></div></content>
  </entry>
</feed>`;

const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://hill.example/"><title>Hill Times</title><link>https://hill.example/</link></channel>
  <item rdf:about="https://hill.example/a1">
    <title>Road closed</title>
    <link>https://hill.example/a1</link>
    <dc:date>2024-03-07T09:15:00Z</dc:date>
    <description>A road closed.</description>
  </item>
</rdf:RDF>`;

test('RSS 2.0: items with guid, link, title, ISO date, description and content', () => {
  const r = parseFeed(RSS);
  assert.ok(r.ok, !r.ok ? r.message : '');
  assert.equal(r.feed.kind, 'rss');
  assert.equal(r.feed.title, 'Harbour Gazette');
  assert.equal(r.feed.link, 'https://gazette.example/');
  assert.equal(r.feed.items.length, 2);
  const [a, b] = r.feed.items;
  assert.equal(a.guid, 'gz-1');
  assert.equal(a.link, 'https://gazette.example/bridge');
  assert.equal(a.title, 'Bridge reopens & traffic returns');
  assert.equal(a.publishedAt, '2024-03-05T08:00:00Z');
  assert.equal(a.summary, '<p>The bridge reopened.</p>');
  assert.equal(a.content, '<p>The <b>bridge</b> reopened on Tuesday.</p>');
  assert.equal(itemKey(a), 'gz-1');
  assert.equal(itemKey(b), 'https://gazette.example/second');
});

test('Atom 1.0: alternate link, id, published preferred to updated, xhtml content as text', () => {
  const r = parseFeed(ATOM);
  assert.ok(r.ok, !r.ok ? r.message : '');
  assert.equal(r.feed.kind, 'atom');
  assert.equal(r.feed.title, 'Valley Post');
  const [e] = r.feed.items;
  assert.equal(e.link, 'https://valley.example/council');
  assert.equal(e.guid, 'urn:valley:1');
  assert.equal(e.publishedAt, '2024-03-06T07:30:00+01:00');
  assert.equal(e.summary, 'Short.');
  assert.match(e.content ?? '', /The council voted\./);
});

test('RDF / RSS 1.0: rdf:about as guid, dc:date', () => {
  const r = parseFeed(RDF);
  assert.ok(r.ok, !r.ok ? r.message : '');
  assert.equal(r.feed.kind, 'rdf');
  assert.equal(r.feed.title, 'Hill Times');
  assert.deepEqual(r.feed.items[0], {
    guid: 'https://hill.example/a1',
    link: 'https://hill.example/a1',
    title: 'Road closed',
    publishedAt: '2024-03-07T09:15:00Z',
    summary: 'A road closed.',
  });
});

test('garbage, truncated XML, entity declarations and non-feeds fail clearly without throwing', () => {
  const cases: [string, RegExp][] = [
    ['', /empty feed/],
    ['this is not xml at all {}', /not XML/],
    ['<html><body><p>hello</p></body></html>', /not a feed \(root element <html>/],
    [RSS.slice(0, RSS.length / 2), /broken XML at line \d+/],
    ['<rss><channel><title>x</title></rss>', /broken XML/],
    ['<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><rss><channel><title>&lol2;</title></channel></rss>', /entities; refused/],
    ['<rss version="2.0"></rss>', /without a <channel>/],
    ['\u0000\u0001\u0002', /not XML/],
  ];
  for (const [xml, expected] of cases) {
    const r = parseFeed(xml);
    assert.equal(r.ok, false, `should fail: ${xml.slice(0, 40)}`);
    if (!r.ok) assert.match(r.message, expected);
  }
});

test('an undeclared HTML entity or a missing date does not break an item', () => {
  const r = parseFeed('<rss><channel><title>T</title><item><title>A&nbsp;B</title><link>https://x.example/1</link><pubDate>someday</pubDate></item></channel></rss>');
  assert.ok(r.ok, !r.ok ? r.message : '');
  assert.equal(r.feed.items[0].publishedAt, undefined);
  assert.equal(r.feed.items[0].link, 'https://x.example/1');
});
