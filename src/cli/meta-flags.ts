import type { Command } from 'commander';
import type { ArticleMeta } from '../core/document.js';

/** --published, --outlet, --title, --url, --id: metadata for inputs that lack it. */
export function addMetaFlags(cmd: Command): Command {
  return cmd
    .option('--published <date>', 'publication date (ISO 8601), used to resolve relative dates')
    .option('--outlet <name>', 'outlet (publisher) name')
    .option('--title <text>', 'article title')
    .option('--url <url>', 'article URL')
    .option('--id <id>', 'article id (single input only)');
}

export class UsageError extends Error {}

export function metaFromFlags(opts: Record<string, unknown>): Partial<ArticleMeta> {
  const meta: Partial<ArticleMeta> = {};
  if (typeof opts.published === 'string') {
    const d = new Date(opts.published);
    if (!/^\d{4}-\d{2}-\d{2}/.test(opts.published) || Number.isNaN(d.getTime())) {
      throw new UsageError(`--published "${opts.published}" is not an ISO date like 2023-09-20`);
    }
    meta.publishedAt = opts.published;
  }
  if (typeof opts.outlet === 'string') meta.outlet = opts.outlet;
  if (typeof opts.title === 'string') meta.title = opts.title;
  if (typeof opts.url === 'string') meta.url = opts.url;
  if (typeof opts.id === 'string') meta.id = opts.id;
  return meta;
}
