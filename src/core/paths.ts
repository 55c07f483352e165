import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';
import { existsSync } from 'node:fs';

// Compiled code lives in dist/core/, so the package root is two levels up.
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Absolute path of a shipped data file, e.g. dataPath('lexicons', 'boilerplate.json'). */
export function dataPath(...parts: string[]): string {
  return join(PACKAGE_ROOT, 'data', ...parts);
}

/** The shared evaluation folder (../shared beside the repository), or SITREP_SHARED. */
export function sharedPath(...parts: string[]): string {
  const base = process.env.SITREP_SHARED ?? resolve(PACKAGE_ROOT, '..', 'shared');
  return join(base, ...parts);
}

export function sharedAvailable(): boolean {
  return existsSync(sharedPath());
}
