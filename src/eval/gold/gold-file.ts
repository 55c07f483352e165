import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** The `sitrep-gold/1` format of ../shared/gold (see its README). */
export interface GoldFile {
  format: 'sitrep-gold/1';
  document: { file: string; publishedAt?: string; outlet?: string; title?: string; language?: string };
  boilerplate?: { contains: string }[];
  nearDuplicateSentences?: { first: string; repeat: string }[];
  entities?: { type: string; any: string[]; alsoType?: string[] }[];
  places?: { mention: string; lat: number; lon: number; country: string; toleranceKm: number; alsoKnownAs?: string[] }[];
  dates?: { contains: string; expression?: string; date: string; precision?: string }[];
  quotes?: { contains: string; speaker: (string | null)[] }[];
  counts?: { kind: string; value: number; qualifier: string; claimant: (string | null)[] | null; contains: string }[];
  notCounts?: { contains: string }[];
  events?: { type: string; source?: string[]; target?: string[]; date?: string; location?: string; contains: string; alsoType?: string[] }[];
  background?: { contains: string }[];
  reconciliation?: Record<string, { low: number; best: number }>;
}

export class GoldFileError extends Error {}

export function readGoldFile(path: string): { gold: GoldFile; text: string } {
  let gold: GoldFile;
  try {
    gold = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new GoldFileError(`${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not valid JSON (${(err as Error).message})`}`);
  }
  if (gold.format !== 'sitrep-gold/1' || !gold.document?.file) throw new GoldFileError(`${path}: not a sitrep-gold/1 file (format or document.file missing)`);
  // the article lives relative to the folder that holds the gold/ folder
  const textPath = resolve(dirname(path), '..', gold.document.file);
  try {
    return { gold, text: readFileSync(textPath, 'utf8') };
  } catch {
    throw new GoldFileError(`${path}: its article ${textPath} cannot be read`);
  }
}
