import { Command } from 'commander';
import { createDefaultPipeline } from '../pipeline/default.js';
import { renderGoldTable, runGold } from '../eval/gold/run-gold.js';
import { EVAL_TASKS, KNOWN_TASKS } from '../eval/tasks/index.js';
import { renderMetrics, runTaskFiles } from '../eval/tasks/registry.js';
import { UsageError } from './meta-flags.js';

const print = (s: string): void => void process.stdout.write(`${s}\n`);

export function evalCommand(): Command {
  return new Command('eval')
    .description('score the pipeline against gold data (../shared/gold, ../shared/eval)')
    .argument('<task>', `gold, or one of: ${KNOWN_TASKS.join(', ')}`)
    .argument('<files...>', 'gold files (*.gold.json) or canonical task files (*.jsonl)')
    .option('--json', 'print the scores as JSON')
    .addHelpText('after', '\nExamples:\n  sitrep eval gold ../shared/gold/*.gold.json\n  sitrep eval ner ../shared/eval/ner/conllpp.jsonl --json')
    .action(async (task: string, files: string[], opts) => {
      const pipeline = await createDefaultPipeline();
      if (task === 'gold') {
        const report = runGold(files, pipeline);
        print(opts.json ? JSON.stringify(report, null, 2) : renderGoldTable(report));
        return;
      }
      const evalTask = EVAL_TASKS[task];
      if (!evalTask) {
        if (KNOWN_TASKS.includes(task)) throw new UsageError(`eval ${task}: not built yet — the stage it measures does not exist in this version`);
        throw new UsageError(`unknown eval task "${task}" (gold, ${KNOWN_TASKS.join(', ')})`);
      }
      const results = runTaskFiles(evalTask, files, pipeline);
      if (opts.json) print(JSON.stringify(results.length === 1 ? results[0] : results, null, 2));
      else for (const r of results) print(renderMetrics(r));
    });
}
