import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import type { ArticleMeta } from '../core/document.js';
import { readText } from './decode.js';
import { articleFromHtml } from './html.js';
import { articlesFromJson, articlesFromJsonl } from './records.js';
import { fail, isFailure, mergeMeta, ok, type InputFormat, type InputItem, type ReadOptions, type Reader } from './types.js';
import { expandPath, fsMessage } from './walk.js';
import { readFeed } from './feed.js';

const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

const readTxt: Reader = (buffer, origin, meta) => {
  const decoded = readText(buffer, origin);
  if (isFailure(decoded)) return [{ ok: false, failure: decoded }];
  if (!/\S/.test(decoded.text)) return [fail(origin, 'empty article')];
  return [ok({ text: decoded.text, meta: mergeMeta({}, meta, origin, decoded.text) })];
};

const readHtml: Reader = (buffer, origin, meta) => {
  const decoded = readText(buffer, origin, declaredCharset(buffer));
  if (isFailure(decoded)) return [{ ok: false, failure: decoded }];
  if (!/\S/.test(decoded.text)) return [fail(origin, 'empty article')];
  const article = articleFromHtml(decoded.text, origin, meta);
  return [isFailure(article) ? { ok: false, failure: article } : ok(article)];
};

const readJsonl: Reader = (buffer, origin, meta) => {
  const decoded = readText(buffer, origin);
  if (isFailure(decoded)) return [{ ok: false, failure: decoded }];
  const items = articlesFromJsonl(decoded.text, origin, meta);
  return items.length > 0 ? items : [fail(origin, 'empty file: no JSON lines')];
};

const readJson: Reader = (buffer, origin, meta) => {
  const decoded = readText(buffer, origin);
  if (isFailure(decoded)) return [{ ok: false, failure: decoded }];
  if (!/\S/.test(decoded.text)) return [fail(origin, 'empty file: no JSON')];
  return articlesFromJson(decoded.text, origin, meta);
};

/**
 * Readers by lower-case file extension. This is the extension point: a feed reader is
 * added with `readers.set(ext, reader)`, and folders then include those files too. RSS and
 * Atom files give one article per item with its own text.
 */
export const readers = new Map<string, Reader>([
  ['.rss', readFeed],
  ['.atom', readFeed],
  ['.txt', readTxt],
  ['.text', readTxt],
  ['.md', readTxt],
  ['.html', readHtml],
  ['.htm', readHtml],
  ['.jsonl', readJsonl],
  ['.json', readJson],
]);

const FORMAT_EXTENSION: Record<InputFormat, string> = { txt: '.txt', html: '.html', jsonl: '.jsonl', json: '.json' };

/**
 * Every article in the inputs, in order: files, folders (recursive, sorted, hidden entries
 * and unknown extensions skipped) and "-" for standard input. Bad inputs come through as
 * failures naming them; nothing here throws on bad input.
 */
export async function* readInputs(paths: string[], options: ReadOptions = {}): AsyncGenerator<InputItem> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let stdinRead = false;
  for (const path of paths) {
    if (path === '-') {
      if (stdinRead) {
        yield fail('stdin', 'standard input named twice; it was read the first time');
        continue;
      }
      stdinRead = true;
      yield* await readStdin(options, maxBytes);
      continue;
    }
    let entries = 0;
    for await (const entry of expandPath(path, (ext) => readers.has(ext))) {
      entries++;
      if (entry.kind === 'failure') {
        yield { ok: false, failure: entry.failure };
        continue;
      }
      const reader = readerFor(entry.path, entry.explicit ? options.format : undefined);
      if (typeof reader === 'string') {
        yield fail(entry.path, reader);
        continue;
      }
      if (entry.size > maxBytes) {
        yield fail(entry.path, `file too large (${describeSize(entry.size)}; limit ${describeSize(maxBytes)})`);
        continue;
      }
      let buffer: Buffer;
      try {
        buffer = await readFile(entry.path);
      } catch (error) {
        yield fail(entry.path, fsMessage(error));
        continue;
      }
      yield* await runReader(reader, buffer, entry.path, options.meta ?? {});
    }
    // only a folder yields nothing; saying so beats a silent empty run
    if (entries === 0) yield fail(path, `no input files in this folder (looked for ${[...readers.keys()].join(' ')})`);
  }
}

/**
 * The articles in a buffer of a known or sniffed format (what "-" does with standard input).
 * Exported so callers holding bytes (an upload, a test) share the same path.
 */
export async function articlesFromBuffer(
  buffer: Buffer,
  origin: string,
  options: Pick<ReadOptions, 'format' | 'meta'> = {},
): Promise<InputItem[]> {
  let format = options.format;
  if (!format) {
    const decoded = readText(buffer, origin);
    if (isFailure(decoded)) return [{ ok: false, failure: decoded }];
    format = sniffFormat(decoded.text);
  }
  return runReader(readers.get(FORMAT_EXTENSION[format]) as Reader, buffer, origin, options.meta ?? {});
}

/** JSON when the whole text parses, JSON lines when it starts with "{", HTML with a tag, else text. */
export function sniffFormat(text: string): InputFormat {
  const start = text.replace(/^\uFEFF/, '').trimStart();
  const first = start[0];
  if (first === '{' || first === '[') {
    if (parsesAsJson(start)) return 'json';
    return first === '{' ? 'jsonl' : 'txt';
  }
  if (/^<[!?a-zA-Z]/.test(start)) return 'html';
  return 'txt';
}

function parsesAsJson(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null;
  } catch {
    return false;
  }
}

async function readStdin(options: ReadOptions, maxBytes: number): Promise<InputItem[]> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of options.stdin ?? process.stdin) {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buffer.length;
      if (size > maxBytes) return [fail('stdin', `standard input too large (over ${describeSize(maxBytes)})`)];
      chunks.push(buffer);
    }
  } catch (error) {
    return [fail('stdin', `cannot read standard input: ${(error as Error).message}`)];
  }
  return articlesFromBuffer(Buffer.concat(chunks, size), 'stdin', options);
}

function readerFor(path: string, format: InputFormat | undefined): Reader | string {
  const ext = extname(path).toLowerCase();
  const known = readers.get(ext);
  if (known) return known;
  if (format) return readers.get(FORMAT_EXTENSION[format]) as Reader;
  if (ext === '') return readTxt;
  return `unsupported file type "${ext}" (known: ${[...readers.keys()].join(' ')}; or give a format)`;
}

/** Readers handle bad input themselves; a throw is a bug, reported against the file it hit. */
async function runReader(reader: Reader, buffer: Buffer, origin: string, meta: Partial<ArticleMeta>): Promise<InputItem[]> {
  try {
    return await reader(buffer, origin, meta);
  } catch (error) {
    return [fail(origin, `internal error (a bug in sitrep's reader): ${(error as Error).message}`)];
  }
}

/** A charset the page declares in its first bytes (<meta charset> or http-equiv). */
function declaredCharset(buffer: Buffer): string | undefined {
  const head = buffer.toString('latin1', 0, Math.min(buffer.length, 4096));
  return /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1];
}

function describeSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${bytes} bytes` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
