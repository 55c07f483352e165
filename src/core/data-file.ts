import { readFileSync } from 'node:fs';

/** A shipped or analyst-edited data file that is missing or malformed; the message names the file. */
export class DataFileError extends Error {}

export function dataFileError(path: string, message: string): never {
  throw new DataFileError(`${path}: ${message}`);
}

/** Read a JSON data file, failing with its path when it cannot be read or parsed. */
export function readDataFile(path: string): Record<string, any> {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, any>;
  } catch (err) {
    dataFileError(path, `cannot read (${(err as Error).message})`);
  }
}

/** Check that `v` is an array of non-empty strings; `where` names the field in the message. */
export function stringList(path: string, where: string, v: unknown): string[] {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string' && x.length > 0)) dataFileError(path, `${where} must be an array of non-empty strings`);
  return v as string[];
}
