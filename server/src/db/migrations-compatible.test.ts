// Every migration keeps the release before it working (expand, then contract — decision 183): each is
// run on its own, in order, on a real database, and the schema is compared before and after. What the
// previous release reads or writes must still be there, in the same type; a column it does not know of
// must not make its INSERTs fail. A table or column may go only in a marked contract step of something
// an earlier release stopped using.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './database.ts';
import { migrations } from './migrations/index.ts';
import { checkExpandContract, releaseOf, snapshotSchema, type ContractStep } from './expand-contract.ts';
import { TEST_PG_URL, testDialect } from '../test/test-app.ts';

let handle: DatabaseHandle;
let dir: string | null = null;
let schema: string | null = null;

beforeAll(async () => {
  if (testDialect() === 'postgres') {
    schema = `gv_migr_${randomBytes(5).toString('hex')}`;
    const client = new pg.Client({ connectionString: TEST_PG_URL });
    await client.connect();
    await client.query(`CREATE SCHEMA ${schema}`);
    await client.end();
    handle = await openDatabase({ url: TEST_PG_URL, dialect: 'postgres', pgSchema: schema });
  } else {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gv-migr-'));
    handle = await openDatabase({ url: path.join(dir, 'x.db'), dialect: 'sqlite', pgSchema: null });
  }
});

afterAll(async () => {
  await handle?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  if (schema) {
    const client = new pg.Client({ connectionString: TEST_PG_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  }
});

const names = Object.keys(migrations).sort();

describe('every migration is backward compatible with the release before it', () => {
  it('run one by one, none drops, renames or retypes what the previous release uses, nor adds a column its INSERTs would miss', async () => {
    const problems: string[] = [];
    let before = await snapshotSchema(handle.db, handle.dialect);
    for (const name of names) {
      const migration = migrations[name]! as {
        up: (db: unknown) => Promise<void>;
        contract?: ContractStep[];
      };
      await migration.up(handle.db);
      const after = await snapshotSchema(handle.db, handle.dialect);
      problems.push(...checkExpandContract(name, before, after, migration.contract ?? []));
      before = after;
    }
    // the snapshot really read the schema (its own, on PostgreSQL): the newest tables and columns are in it
    expect(Object.keys(before).length).toBeGreaterThan(60);
    expect(before.signups?.form_token).toEqual({ type: expect.any(String), nullable: true, default: false });
    expect(problems).toEqual([]);
  }, 60_000);

  it('a contract step names an expand step of an earlier release', () => {
    for (const name of names) {
      const steps = (migrations[name] as { contract?: ContractStep[] }).contract ?? [];
      for (const step of steps) {
        expect(migrations[step.expandedIn], `${name}: ${step.expandedIn} is no migration`).toBeDefined();
        expect(
          releaseOf(step.expandedIn) < releaseOf(name),
          `${name}: ${step.expandedIn} ships with it`,
        ).toBe(true);
      }
    }
  });
});

describe('the check itself catches what breaks the previous release', () => {
  const table = (columns: Record<string, { type: string; nullable: boolean; default: boolean }>) => ({
    t: columns,
  });
  const col = (type: string, nullable = true, withDefault = false) => ({
    type,
    nullable,
    default: withDefault,
  });
  const base = table({ id: col('integer', false, true), name: col('text') });

  it('accepts a new table and a nullable or defaulted column', () => {
    const after = {
      ...table({
        id: col('integer', false, true),
        name: col('text'),
        note: col('text'),
        n: col('integer', false, true),
      }),
      u: { id: col('integer', false, true) },
    };
    expect(checkExpandContract('2026-12-04_50_x', base, after, [])).toEqual([]);
  });

  it('refuses a dropped column, a dropped table, a retyped column, a NOT NULL column without default', () => {
    expect(
      checkExpandContract('2026-12-04_50_x', base, table({ id: col('integer', false, true) }), []),
    ).toEqual([
      '2026-12-04_50_x: drops column t.name, which the previous release uses (mark a contract step)',
    ]);
    expect(checkExpandContract('2026-12-04_50_x', base, {}, [])).toEqual([
      '2026-12-04_50_x: drops table t, which the previous release uses (mark a contract step)',
    ]);
    expect(
      checkExpandContract(
        '2026-12-04_50_x',
        base,
        table({ id: col('integer', false, true), name: col('integer') }),
        [],
      ),
    ).toEqual(['2026-12-04_50_x: changes t.name from text to integer']);
    expect(
      checkExpandContract(
        '2026-12-04_50_x',
        base,
        table({ id: col('integer', false, true), name: col('text'), must: col('text', false) }),
        [],
      ),
    ).toEqual([
      '2026-12-04_50_x: adds t.must NOT NULL without a default: the previous release’s INSERTs into t fail',
    ]);
    expect(
      checkExpandContract(
        '2026-12-04_50_x',
        base,
        table({ id: col('integer', false, true), name: col('text', false) }),
        [],
      ),
    ).toEqual([
      '2026-12-04_50_x: makes t.name NOT NULL without a default: the previous release may write NULL',
    ]);
  });

  it('lets a marked contract step drop exactly what it names', () => {
    const step: ContractStep = {
      drops: 't.name',
      expandedIn: '2026-12-01_10_document-counters',
      why: 'test',
    };
    expect(
      checkExpandContract('2026-12-04_50_x', base, table({ id: col('integer', false, true) }), [step]),
    ).toEqual([]);
    expect(checkExpandContract('2026-12-04_50_x', base, {}, [step])).toEqual([
      '2026-12-04_50_x: drops table t, which the previous release uses (mark a contract step)',
    ]);
  });
});
