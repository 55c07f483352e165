import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeConformanceSuite } from '../conformance/suite.js';
import type { Store } from '../store.js';
import { SqliteStore } from './sqlite-store.js';

let n = 0;
const dir = mkdtempSync(join(tmpdir(), 'sitrep-sqlite-'));

storeConformanceSuite('sqlite', async (sameDatabaseAs?: Store) => {
  const path = sameDatabaseAs ? (sameDatabaseAs as SqliteStore).path : join(dir, `store-${n++}.db`);
  const store = new SqliteStore(path);
  await store.migrate();
  return store;
});
