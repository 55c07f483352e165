import type { EvalTask } from './registry.js';

/** Tasks whose stages exist; the others answer "not built". */
export const EVAL_TASKS: Record<string, EvalTask> = {};

export const KNOWN_TASKS = ['ner', 'geocode', 'timex', 'quotes', 'events', 'acled', 'eventtype', 'clusters', 'paraphrase'];
