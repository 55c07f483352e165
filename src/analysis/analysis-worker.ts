/**
 * A worker thread of the analysis pool (worker-pool.ts): it builds the default pipeline
 * once, then analyses each article it is sent and posts back the article as the store will
 * write it (record and rows, article-rows.ts): strings and numbers, cheap to hand over, where
 * the document itself is an object graph that costs the receiving thread milliseconds to copy.
 */
import { parentPort } from 'node:worker_threads';
import { createDefaultPipeline } from '../pipeline/default.js';
import { prepareArticle } from '../store/article-rows.js';
import { articleRecord } from '../store/record.js';
import { analyzeText } from './analyze.js';
import type { PoolReply, PoolRequest } from './worker-pool.js';

const port = parentPort;
if (!port) throw new Error('analysis-worker.js runs as a worker thread of the analysis pool');

const ready = createDefaultPipeline();
port.on('message', async (req: PoolRequest) => {
  let reply: PoolReply;
  try {
    const { json } = analyzeText(await ready, req.text, req.meta);
    reply = { id: req.id, article: prepareArticle(articleRecord(json)) };
  } catch (err) {
    reply = { id: req.id, error: err instanceof Error ? err.message : String(err) };
  }
  port.postMessage(reply);
});
