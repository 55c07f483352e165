import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeConformanceSuite } from '../conformance/suite.js';
import { SqliteStore } from './sqlite-store.js';

let n = 0;
const dir = mkdtempSync(join(tmpdir(), 'sitrep-sqlite-'));

storeConformanceSuite('sqlite', async () => {
  const store = new SqliteStore(join(dir, `store-${n++}.db`));
  await store.migrate();
  return store;
});
