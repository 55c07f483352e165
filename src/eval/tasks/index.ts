import { geocodeTask, nerTask, quotesTask } from './pipeline-tasks.js';
import { acledTask } from './acled.js';
import { clustersTask } from './clusters.js';
import { eventsTask } from './events.js';
import { eventtypeTask } from './eventtype.js';
import { paraphraseTask } from './paraphrase.js';
import type { EvalTask } from './registry.js';
import { timexTask } from './timex.js';
import { wikieventsTask } from './wikievents.js';

/** Tasks whose stages exist; the others answer "not built". */
export const EVAL_TASKS: Record<string, EvalTask> = {
  ner: nerTask,
  geocode: geocodeTask,
  timex: timexTask,
  quotes: quotesTask,
  acled: acledTask,
  paraphrase: paraphraseTask,
  clusters: clustersTask,
  events: eventsTask,
  eventtype: eventtypeTask,
  wikievents: wikieventsTask,
};

export const KNOWN_TASKS = ['ner', 'geocode', 'timex', 'quotes', 'events', 'acled', 'eventtype', 'clusters', 'paraphrase', 'wikievents'];
