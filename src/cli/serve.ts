import { Command } from 'commander';
import { serve } from '@hono/node-server';
import { openAlertHook } from '../alerts/evaluate.js';
import { createApi } from '../api/app.js';
import { createDefaultPipeline } from '../pipeline/default.js';
import { openStore, resolveDatabase } from '../store/open-store.js';
import { UsageError } from './meta-flags.js';

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/;

export function serveCommand(): Command {
  return new Command('serve')
    .description('serve the HTTP API (JSON under /api/, OpenAPI at /openapi.json)')
    .option('--port <n>', 'port', '8080')
    .option('--host <address>', 'address to listen on', '127.0.0.1')
    .option('--db <location>', 'database location (default ./sitrep.db or $SITREP_DB)')
    .addHelpText('after', '\nWrites (POST /api/articles) need $SITREP_API_KEY whenever the server listens beyond loopback.\n\nExamples:\n  sitrep serve --port 8080\n  SITREP_API_KEY=secret sitrep serve --host 0.0.0.0 --port 80')
    .action(async (opts) => {
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not "${opts.port}"`);
      const apiKey = process.env.SITREP_API_KEY || undefined;
      if (!LOOPBACK.test(opts.host) && !apiKey) {
        throw new UsageError(`listening on ${opts.host} (beyond loopback) needs an API key for writes: set SITREP_API_KEY`);
      }
      const location = resolveDatabase(opts.db);
      const store = await openStore(location);
      // articles posted to the API are checked against the standing alerts like ingested ones
      const alerts = await openAlertHook(store, location);
      const app = createApi({ store, pipeline: await createDefaultPipeline(), apiKey, onStored: alerts.onStored });
      const server = serve({ fetch: app.fetch, port, hostname: opts.host }, (info) => {
        process.stdout.write(`sitrep API listening on http://${opts.host}:${info.port}/ (OpenAPI: /openapi.json)\n`);
      });
      const stop = () => server.close(() => void alerts.close().then(() => store.close()).then(() => process.exit(0)));
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
