import { Command } from 'commander';
import { AlertError, THRESHOLD_KINDS, parseThresholds, validateAlert, type AlertDefinition } from '../alerts/alert.js';
import type { AlertStore } from '../alerts/alert-store.js';
import { describeMatch } from '../alerts/deliver.js';
import { openAlertStore } from '../alerts/open-alerts.js';
import { resolveDatabase } from '../store/open-store.js';
import { addFilterFlags } from './export.js';
import { UsageError } from './meta-flags.js';

const print = (s: string): void => void process.stdout.write(`${s}\n`);
const DB_HELP = 'database: a SQLite path or a postgres:// URL; default ./sitrep.db or $SITREP_DB';
const FILTER_KEYS = ['from', 'to', 'type', 'acled', 'actor', 'country', 'bbox', 'q'] as const;

async function withAlerts<T>(db: string | undefined, fn: (alerts: AlertStore) => Promise<T>): Promise<T> {
  const alerts = await openAlertStore(resolveDatabase(db));
  try {
    return await fn(alerts);
  } catch (err) {
    throw err instanceof AlertError ? new UsageError(err.message) : err;
  } finally {
    await alerts.close();
  }
}

/** The filter parameters as given (kept in that form, parsed by the shared parser when evaluated). */
function filterParams(opts: Record<string, unknown>): Record<string, string> {
  const params: Record<string, string> = {};
  for (const key of FILTER_KEYS) if (typeof opts[key] === 'string') params[key] = opts[key] as string;
  if (opts.background) params.background = 'true';
  return params;
}

function describeAlert(a: AlertDefinition): string {
  const filter = Object.entries(a.filter).map(([k, v]) => `--${k} ${v}`);
  const minimums = Object.entries(a.thresholds).map(([k, v]) => `--min-${k} ${v}`);
  return `${a.name}  ${[...filter, ...minimums].join(' ') || '(every event)'}  → ${a.deliver}`;
}

function addCommand(): Command {
  const cmd = addFilterFlags(new Command('add'))
    .description('save a standing query, evaluated as articles are ingested (ingest, watch, workers)')
    .requiredOption('--name <name>', 'the alert\'s name (letters, digits, - _ .)')
    .option('--deliver <target>', 'stdout | jsonl:PATH | webhook:URL', 'stdout')
    .option('--db <location>', DB_HELP);
  for (const kind of THRESHOLD_KINDS) cmd.option(`--min-${kind} <n>`, `fire only once the event's reconciled best ${kind} figure reaches n`);
  return cmd
    .addHelpText(
      'after',
      '\nEach (alert, merged event) fires once: an event reported at 3 killed does not fire --min-killed 5;\nwhen a later report brings it to 12 it fires, and later reports of the same event do not fire again.\n\n' +
        'Examples:\n  sitrep alerts add --name caucasus --type ASSAULT --country ARM,AZE --min-killed 5\n  sitrep alerts add --name hook --type ASSAULT --deliver webhook:https://example.org/hook',
    )
    .action(async (opts) => {
      const minimums = Object.fromEntries(THRESHOLD_KINDS.map((k) => [k, opts[`min${k[0]!.toUpperCase()}${k.slice(1)}`] as string | undefined]));
      await withAlerts(opts.db, async (alerts) => {
        const def = validateAlert({ name: opts.name, filter: filterParams(opts), thresholds: parseThresholds(minimums), deliver: opts.deliver, createdAt: new Date().toISOString() });
        await alerts.addAlert(def);
        print(`added alert ${describeAlert(def)}`);
      });
    });
}

export function alertsCommand(): Command {
  const cmd = new Command('alerts').description('standing queries over ingested events: add, list, remove, and see what matched');
  cmd.addCommand(addCommand());
  cmd
    .command('list', { isDefault: true })
    .description('list the saved alerts')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (opts) => {
      await withAlerts(opts.db, async (alerts) => {
        const items = await alerts.listAlerts();
        if (opts.json) return print(JSON.stringify({ items }, null, 2));
        for (const a of items) print(describeAlert(a));
        if (items.length === 0) print('no alerts yet — try `sitrep alerts add --name NAME --type ASSAULT --min-killed 5`');
      });
    });
  cmd
    .command('remove')
    .description('remove an alert and its recorded matches')
    .argument('<name>', 'the alert\'s name')
    .option('--db <location>', DB_HELP)
    .action(async (name: string, opts) => {
      await withAlerts(opts.db, async (alerts) => {
        if (!(await alerts.removeAlert(name))) throw new UsageError(`no alert named "${name}"`);
        print(`removed alert ${name}`);
      });
    });
  cmd
    .command('matches')
    .description('list recorded matches, newest first')
    .option('--alert <name>', 'only this alert\'s matches')
    .option('--limit <n>', 'how many', '50')
    .option('--db <location>', DB_HELP)
    .option('--json', 'print JSON')
    .action(async (opts) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError(`--limit must be a whole number from 1 to 1000, not "${opts.limit}"`);
      await withAlerts(opts.db, async (alerts) => {
        const items = await alerts.listMatches({ alert: opts.alert, limit });
        if (opts.json) return print(JSON.stringify({ items }, null, 2));
        for (const m of items) print(`${m.matchedAt}  ${describeMatch(m)}`);
        if (items.length === 0) print('no matches recorded');
      });
    });
  return cmd;
}

/** `sitrep alerts …`, registered by main.ts. */
export function alertsCommands(): Command[] {
  return [alertsCommand()];
}
