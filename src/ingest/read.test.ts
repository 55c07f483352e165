import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { articlesFromBuffer, readInputs, readers } from './read.js';
import type { InputItem, ReadOptions } from './types.js';
import { fsMessage } from './walk.js';

const fixtures = fileURLToPath(new URL('../../test/fixtures/ingest/', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'sitrep-ingest-'));
after(() => rmSync(root, { recursive: true, force: true }));

async function collect(paths: string[], options?: ReadOptions): Promise<InputItem[]> {
  const items: InputItem[] = [];
  for await (const item of readInputs(paths, options)) items.push(item);
  return items;
}

function summary(items: InputItem[]): string[] {
  return items.map((i) => (i.ok ? `ok ${i.article.meta.origin}` : `FAIL ${i.failure.input}: ${i.failure.message}`));
}

test('folder: recursive, sorted, hidden and unknown files skipped, corrupt file named', async () => {
  const dir = join(root, 'corpus');
  mkdirSync(join(dir, 'b-sub', 'deeper'), { recursive: true });
  mkdirSync(join(dir, '.hidden-dir'));
  copyFileSync(join(fixtures, 'utf8.txt'), join(dir, 'a.txt'));
  copyFileSync(join(fixtures, 'page.html'), join(dir, 'b-sub', 'page.HTML'));
  writeFileSync(join(dir, 'b-sub', 'deeper', 'c.jsonl'), '{"text":"First line article."}\n{"text":\n');
  writeFileSync(join(dir, 'b-sub', 'deeper', 'd.md'), '# Notes\n\nMarkdown is read as text.\n');
  writeFileSync(join(dir, 'b-sub', 'w1252.txt'), iconv.encode('Le caf\u00e9 \u201cLa Paix\u201d a \u00e9t\u00e9 touch\u00e9.', 'windows-1252'));
  writeFileSync(join(dir, 'c-corrupt.txt'), Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0x03, 0xff, 0xfe, 0x00, 0x01]));
  writeFileSync(join(dir, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]));
  writeFileSync(join(dir, 'README'), 'no extension: skipped inside folders');
  writeFileSync(join(dir, '.secret.txt'), 'hidden file');
  writeFileSync(join(dir, '.hidden-dir', 'x.txt'), 'inside a hidden folder');

  const items = await collect([dir]);
  assert.deepEqual(summary(items), [
    `ok ${join(dir, 'a.txt')}`,
    `ok ${join(dir, 'b-sub', 'deeper', 'c.jsonl')}:1`,
    `FAIL ${join(dir, 'b-sub', 'deeper', 'c.jsonl')}:2: ${(items[2] as { failure: { message: string } }).failure.message}`,
    `ok ${join(dir, 'b-sub', 'deeper', 'd.md')}`,
    `ok ${join(dir, 'b-sub', 'page.HTML')}`,
    `ok ${join(dir, 'b-sub', 'w1252.txt')}`,
    `FAIL ${join(dir, 'c-corrupt.txt')}: binary file, not text`,
  ]);
  const w1252 = items[5];
  assert.ok(w1252.ok && w1252.article.text === 'Le caf\u00e9 \u201cLa Paix\u201d a \u00e9t\u00e9 touch\u00e9.');
  const page = items[4];
  assert.ok(page.ok && page.article.meta.outlet === 'The Example Ledger' && page.article.html !== undefined);
});

test('explicit files: missing, unknown extension, no extension, format override, empty', async () => {
  const dir = join(root, 'explicit');
  mkdirSync(dir);
  writeFileSync(join(dir, 'doc.pdf'), '%PDF-1.4 pretend');
  writeFileSync(join(dir, 'NOTES'), 'An extensionless file is text.');
  writeFileSync(join(dir, 'feed.data'), '{"text":"Given as JSON lines."}\n');
  writeFileSync(join(dir, 'blank.txt'), ' \n\t\r\n');
  writeFileSync(join(dir, 'blank.jsonl'), '\n\n');
  const items = await collect([join(dir, 'missing.txt'), join(dir, 'doc.pdf'), join(dir, 'NOTES'), join(dir, 'blank.txt'), join(dir, 'blank.jsonl')]);
  assert.deepEqual(summary(items), [
    `FAIL ${join(dir, 'missing.txt')}: no such file`,
    `FAIL ${join(dir, 'doc.pdf')}: unsupported file type ".pdf" (known: ${[...readers.keys()].join(' ')}; or give a format)`,
    `ok ${join(dir, 'NOTES')}`,
    `FAIL ${join(dir, 'blank.txt')}: empty article`,
    `FAIL ${join(dir, 'blank.jsonl')}: empty file: no JSON lines`,
  ]);
  const overridden = await collect([join(dir, 'feed.data')], { format: 'jsonl' });
  assert.deepEqual(summary(overridden), [`ok ${join(dir, 'feed.data')}:1`]);
});

test('flags fill metadata; the file origin is always the path', async () => {
  const [item] = await collect([join(fixtures, 'utf8.txt')], { meta: { outlet: 'Flag Outlet', publishedAt: '2024-03-14', origin: 'ignored' } });
  assert.ok(item.ok);
  assert.deepEqual(item.article.meta, { outlet: 'Flag Outlet', publishedAt: '2024-03-14', origin: join(fixtures, 'utf8.txt') });
});

test('symbolic link loops and broken links do not hang', async () => {
  const dir = join(root, 'loop');
  mkdirSync(join(dir, 'inner'), { recursive: true });
  writeFileSync(join(dir, 'inner', 'story.txt'), 'A story inside a loop.');
  symlinkSync(dir, join(dir, 'inner', 'back-to-top'));
  symlinkSync(join(dir, 'inner'), join(dir, 'inner', 'self'));
  symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'broken.txt'));
  symlinkSync(join(dir, 'x-loop.txt'), join(dir, 'x-loop.txt.lnk.txt'));
  symlinkSync(join(dir, 'x-loop.txt.lnk.txt'), join(dir, 'x-loop.txt'));
  const items = await collect([dir]);
  assert.deepEqual(summary(items), [
    `FAIL ${join(dir, 'broken.txt')}: broken symbolic link (its target does not exist)`,
    `ok ${join(dir, 'inner', 'story.txt')}`,
    `FAIL ${join(dir, 'x-loop.txt')}: symbolic link loop`,
    `FAIL ${join(dir, 'x-loop.txt.lnk.txt')}: symbolic link loop`,
  ]);
});

test('permission denied is reported', { skip: process.getuid?.() === 0 ? 'running as root: permissions are not enforced' : false }, async () => {
  const file = join(root, 'locked.txt');
  writeFileSync(file, 'secret');
  chmodSync(file, 0o000);
  assert.deepEqual(summary(await collect([file])), [`FAIL ${file}: permission denied`]);
  chmodSync(file, 0o600);
});

test('file-system errors become one readable line', () => {
  const err = (code: string): Error => Object.assign(new Error(`${code}: raw`), { code });
  assert.equal(fsMessage(err('EACCES')), 'permission denied');
  assert.equal(fsMessage(err('ENOENT')), 'no such file');
  assert.equal(fsMessage(err('ELOOP')), 'symbolic link loop');
  assert.equal(fsMessage(err('EIO')), 'cannot read: EIO EIO: raw');
});

test('an explicit folder with nothing to read is reported', async () => {
  const dir = join(root, 'nothing-here');
  mkdirSync(dir);
  writeFileSync(join(dir, 'photo.jpg'), 'not an input');
  const items = await collect([dir]);
  assert.equal(items.length, 1);
  assert.ok(!items[0].ok && items[0].failure.input === dir && /^no input files in this folder/.test(items[0].failure.message));
});

test('size limit is checked before reading', async () => {
  const file = join(root, 'big-enough.txt');
  writeFileSync(file, 'x'.repeat(2048));
  assert.deepEqual(summary(await collect([file], { maxBytes: 1024 })), [`FAIL ${file}: file too large (2048 bytes; limit 1024 bytes)`]);
});

test('a 50 MB single-line text file is read whole', async () => {
  const file = join(root, 'huge.txt');
  writeFileSync(file, Buffer.alloc(50 * 1024 * 1024, 'word '));
  const started = Date.now();
  const [item] = await collect([file]);
  assert.ok(item.ok);
  assert.equal(item.article.text.length, 50 * 1024 * 1024);
  assert.ok(Date.now() - started < 20_000);
});

test('standard input: sniffed format, named "stdin", read once', async () => {
  const stdin = (text: string | Buffer): ReadOptions['stdin'] => Readable.from([Buffer.from(text)]);
  const jsonl = await collect(['-'], { stdin: stdin('{"text":"From a pipe."}\n{"text":5}\n') });
  assert.deepEqual(summary(jsonl), ['ok stdin:1', 'FAIL stdin:2: line 2: "text" must be a string, got number 5']);

  const html = await collect(['-'], { stdin: stdin('<html><body><p>Piped page.</p></body></html>'), meta: { outlet: 'Pipe' } });
  assert.ok(html[0].ok && html[0].article.text === 'Piped page.' && html[0].article.meta.outlet === 'Pipe');

  const twice = await collect(['-', '-'], { stdin: stdin('Plain piped text.') });
  assert.deepEqual(summary(twice), ['ok stdin', 'FAIL stdin: standard input named twice; it was read the first time']);

  const forced = await collect(['-'], { stdin: stdin('<b>not html</b> really'), format: 'txt' });
  assert.ok(forced[0].ok && forced[0].article.text === '<b>not html</b> really');

  const empty = await collect(['-'], { stdin: Readable.from([]) });
  assert.deepEqual(summary(empty), ['FAIL stdin: empty article']);
});

test('articlesFromBuffer sniffs decoded bytes (UTF-16 JSON lines, binary)', async () => {
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"text":"Wide JSON line."}\n', 'utf16le')]);
  const [item] = await articlesFromBuffer(utf16, 'stdin');
  assert.ok(item.ok && item.article.text === 'Wide JSON line.');
  const [bin] = await articlesFromBuffer(Buffer.from([0, 1, 2, 3, 0xff, 0, 0x10]), 'stdin');
  assert.deepEqual(bin, { ok: false, failure: { input: 'stdin', message: 'binary file, not text' } });
});

test('readers map is the extension point: a new extension is read and walked', async () => {
  const dir = join(root, 'custom');
  mkdirSync(dir);
  writeFileSync(join(dir, 'one.upper'), 'shouting');
  readers.set('.upper', (buffer, origin) => [{ ok: true, article: { text: buffer.toString().toUpperCase(), meta: { origin } } }]);
  try {
    const items = await collect([dir]);
    assert.ok(items[0].ok && items[0].article.text === 'SHOUTING');
  } finally {
    readers.delete('.upper');
  }
});

test('publication date: read off the file name or URL only when none is given, and marked as inferred', async () => {
  const dir = join(root, 'dated');
  mkdirSync(dir);
  const named = join(dir, 'border-report-2024-03-14.txt');
  writeFileSync(named, 'Shelling hit the border village on Tuesday, officials said.');
  const [inferred] = await collect([named]);
  assert.ok(inferred.ok);
  assert.equal(inferred.article.meta.publishedAt, '2024-03-14');
  assert.equal(inferred.article.meta.publishedAtFrom, 'file name');

  const [given] = await collect([named], { meta: { publishedAt: '2024-03-20' } });
  assert.ok(given.ok);
  assert.equal(given.article.meta.publishedAt, '2024-03-20');
  assert.equal(given.article.meta.publishedAtFrom, undefined);

  const page = join(dir, 'page-2020-01-01.html');
  writeFileSync(page, '<html><head><link rel="canonical" href="https://news.example/world/2024/03/15/border-shelling"></head><body><p>Shelling hit the border village on Friday, officials said in a statement to reporters.</p></body></html>');
  const [fromUrl] = await collect([page]);
  assert.ok(fromUrl.ok);
  assert.equal(fromUrl.article.meta.publishedAt, '2024-03-15', 'the URL names the page; the file name is only where it was saved');
  assert.equal(fromUrl.article.meta.publishedAtFrom, 'url');

  const ambiguous = join(dir, 'from-2024-03-01-to-2024-03-09.txt');
  writeFileSync(ambiguous, 'Talks went on all week.');
  const [none] = await collect([ambiguous]);
  assert.ok(none.ok);
  assert.equal(none.article.meta.publishedAt, undefined, 'two dates in a name are ambiguous');
});
