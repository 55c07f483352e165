import { Command, CommanderError } from 'commander';
import { SOFTWARE_VERSION } from '../pipeline/default.js';
import { analyzeCommand, articlesCommand, ingestCommand, searchCommand } from './commands.js';
import { demoCommand } from './demo.js';
import { evalCommand } from './eval-command.js';
import { serveCommand } from './serve.js';
import { exportCommand } from './export.js';
import { watchCommand } from './watch.js';
import { clustersCommand } from './clusters.js';

// `sitrep export | head`: the reader leaving early is a normal end, not a crash with a stack trace
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw err;
  });
}

const program = new Command('sitrep')
  .description('Turn conflict and political news into sourced event data.')
  .version(SOFTWARE_VERSION)
  .showHelpAfterError()
  .exitOverride()
  .addHelpText('after', '\nExamples:\n  sitrep demo\n  sitrep analyze article.txt --published 2023-09-20\n  sitrep ingest ./articles/ && sitrep articles list\n  sitrep eval gold ../shared/gold/*.gold.json');

for (const cmd of [analyzeCommand(), ingestCommand(), articlesCommand(), searchCommand(), evalCommand(), exportCommand(), clustersCommand(), serveCommand(), watchCommand(), demoCommand()]) {
  program.addCommand(cmd.exitOverride());
}
for (const cmd of (await import('./worker.js')).workerCommands()) program.addCommand(cmd.exitOverride());
for (const cmd of (await import('./alerts.js')).alertsCommands()) program.addCommand(cmd.exitOverride());
for (const cmd of (await import('./sitrep-report.js')).reportCommands()) program.addCommand(cmd.exitOverride());

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // help and version exit cleanly; usage errors were already printed by commander
    process.exitCode = err.exitCode;
  } else {
    // expected trouble gets one clear line; a bug still shows where it happened with SITREP_DEBUG=1
    console.error(`sitrep: ${(err as Error).message}`);
    if (process.env.SITREP_DEBUG) console.error(err);
    process.exitCode = process.exitCode || 1;
  }
}
