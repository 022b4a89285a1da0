// A real server process writes a signed audit checkpoint when it starts and when it shuts down
// (decision 071), and the checkpoints agree with the database afterwards.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/database.ts';
import { startChildServer } from '../../test/child-server.ts';
import { TEST_PG_URL, testDialect } from '../../test/test-app.ts';
import { CHECKPOINT_FILE, readCheckpoints } from './audit-checkpoints.ts';
import { loadAuditKey } from './audit-key.ts';
import { createAuditRepo } from './audit.repo.ts';
import { createAuditService } from './audit.service.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gv-cp-'));
const schema = testDialect() === 'postgres' ? `gv_cp_${randomBytes(5).toString('hex')}` : null;
const env: Record<string, string> = {
  DATA_DIR: dataDir,
  SCRYPT_LOG_N: '10',
  JOBS_ENABLED: 'false',
  AUDIT_CHECKPOINT_DIR: path.join(dataDir, 'elsewhere'),
  ...(schema ? { DATABASE_URL: TEST_PG_URL, PG_SCHEMA: schema } : {}),
};
const pgQuery = async (text: string) => {
  const c = new pg.Client({ connectionString: TEST_PG_URL });
  await c.connect();
  await c.query(text);
  await c.end();
};
afterAll(async () => {
  if (schema) await pgQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('checkpoints of a running server', () => {
  it('writes one at start and one at shutdown into AUDIT_CHECKPOINT_DIR', async () => {
    if (schema) await pgQuery(`CREATE SCHEMA ${schema}`);
    const server = await startChildServer(env, 120_000);
    await server.stop();
    const file = path.join(dataDir, 'elsewhere', CHECKPOINT_FILE);
    const { checkpoints, problems } = readCheckpoints(file);
    expect(problems).toEqual([]);
    expect(checkpoints.map((c) => c.cp.kind)).toEqual(['start', 'shutdown']);

    const config = loadConfig(env, dataDir);
    const database = await openDatabase({
      url: config.databaseUrl,
      dialect: config.dialect,
      pgSchema: config.pgSchema,
    });
    try {
      const audit = createAuditService({
        db: database.db,
        repo: createAuditRepo(database.db, database.dialect, loadAuditKey(config)),
      });
      const { walk, problems: compared } = await audit.verifyWithCheckpoints(checkpoints);
      expect(walk.ok, walk.reason ?? '').toBe(true);
      expect(compared).toEqual([]);
      expect(checkpoints[1]!.cp.lastId).toBe(walk.lastId);
    } finally {
      await database.close();
    }
  }, 240_000);
});
