import { lstat, readdir, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { extname, join } from 'node:path';
import type { InputFailure } from './types.js';

export type WalkEntry =
  | { kind: 'file'; path: string; size: number; /** named on the command line, not found in a folder */ explicit: boolean }
  | { kind: 'failure'; failure: InputFailure };

/** A folder tree deeper than this is a loop the inode check missed, or not worth reading. */
const MAX_DEPTH = 64;

/**
 * The files a path stands for: itself, or for a folder every file below it with a known
 * extension, depth-first in sorted order, hidden entries skipped. Symbolic links are followed
 * but each folder is entered once (device + inode), so a link loop ends.
 */
export async function* expandPath(path: string, known: (ext: string) => boolean): AsyncGenerator<WalkEntry> {
  const info = await statOrFailure(path);
  if ('failure' in info) {
    yield { kind: 'failure', failure: info.failure };
    return;
  }
  if (!info.stats.isDirectory()) {
    yield { kind: 'file', path, size: info.stats.size, explicit: true };
    return;
  }
  yield* walkFolder(path, info.stats, known, new Set(), 0);
}

async function* walkFolder(
  dir: string,
  stats: Stats,
  known: (ext: string) => boolean,
  seen: Set<string>,
  depth: number,
): AsyncGenerator<WalkEntry> {
  const key = `${stats.dev}:${stats.ino}`;
  if (seen.has(key)) return; // a link back to a folder already read
  seen.add(key);
  if (depth > MAX_DEPTH) {
    yield { kind: 'failure', failure: { input: dir, message: `folder nested deeper than ${MAX_DEPTH} levels, not read` } };
    return;
  }
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    yield { kind: 'failure', failure: { input: dir, message: fsMessage(error) } };
    return;
  }
  for (const name of names.filter((n) => !n.startsWith('.')).sort()) {
    const path = join(dir, name);
    const info = await statOrFailure(path);
    if ('failure' in info) {
      // an unreadable entry that looks like an input is worth naming; other debris is not
      if (known(extname(name).toLowerCase())) yield { kind: 'failure', failure: info.failure };
      continue;
    }
    if (info.stats.isDirectory()) yield* walkFolder(path, info.stats, known, seen, depth + 1);
    else if (info.stats.isFile() && known(extname(name).toLowerCase())) {
      yield { kind: 'file', path, size: info.stats.size, explicit: false };
    }
  }
}

async function statOrFailure(path: string): Promise<{ stats: Stats } | { failure: InputFailure }> {
  try {
    return { stats: await stat(path) };
  } catch (error) {
    let message = fsMessage(error);
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      const link = await lstat(path).catch(() => undefined);
      if (link?.isSymbolicLink()) message = 'broken symbolic link (its target does not exist)';
    }
    return { failure: { input: path, message } };
  }
}

/** One line a person can act on, from a Node file-system error. */
export function fsMessage(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'ENOTDIR':
      return 'no such file (a parent is not a folder)';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'ENAMETOOLONG':
      return 'file name too long';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    default:
      return `cannot read: ${e.code ?? ''} ${e.message ?? String(error)}`.replace(/\s+/g, ' ').trim();
  }
}
