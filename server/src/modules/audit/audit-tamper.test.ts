// The attacks of hardening issue 9 item 3, each reproduced against a real database (SQLite and PostgreSQL)
// by someone who can write the database but does not hold the audit key (decisions 070–072).
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../config.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { legacyHash, recordMac } from './audit-chain.ts';
import { CHECKPOINT_FILE, readCheckpoints } from './audit-checkpoints.ts';
import { auditKeyFrom } from './audit-key.ts';
import { createAuditRepo } from './audit.repo.ts';
import { createAuditService } from './audit.service.ts';

const quiet = { info: () => {} };
let t: TestApp;
afterEach(() => t?.close());

async function setUp() {
  t = await createTestApp();
  const repo = createAuditRepo(t.database.db, t.database.dialect, t.auditKey);
  const audit = createAuditService({ db: t.database.db, repo: repo });
  const dir = path.join(t.config.dataDir, 'checkpoints');
  const ctx = { actor: null, requestId: 'test', clientIp: '127.0.0.1', userAgent: 'test', audited: false };
  const event = (n: number) =>
    audit.record(ctx, { action: `test.event${n}`, actorOverride: { id: null, name: '测试', roles: '' } });
  for (let i = 1; i <= 5; i++) await event(i);
  const checkpoints = () => readCheckpoints(path.join(dir, CHECKPOINT_FILE)).checkpoints;
  return { repo, audit, dir, event, checkpoints, db: t.database.db };
}

/** What an attacker with database access does first. */
async function dropTriggers() {
  if (t.database.dialect === 'postgres') {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(t.database.db);
    await sql`ALTER TABLE audit_head DISABLE TRIGGER USER`.execute(t.database.db);
  } else {
    for (const name of ['audit_log_no_update', 'audit_log_no_delete', 'audit_head_forward_only'])
      await sql`DROP TRIGGER ${sql.id(name)}`.execute(t.database.db);
  }
}

const rows = () => t.database.db.selectFrom('audit_log').selectAll().orderBy('id').execute();

describe('audit chain against an attacker with database access but no key', () => {
  it('drop triggers, delete the newest records, put the head back: the checkpoint shows the truncation', async () => {
    const { repo, audit, dir, event, checkpoints, db } = await setUp();
    const oldHead = await repo.head();
    for (let i = 6; i <= 8; i++) await event(i);
    await audit.checkpoint('periodic', dir, quiet);
    expect((await audit.verifyWithCheckpoints(checkpoints())).problems).toEqual([]);

    await dropTriggers();
    await db.deleteFrom('audit_log').where('id', '>', oldHead.last_id).execute();
    // naive: the head recomputed from what is left — its MAC gives it away without any checkpoint
    const newest = (await rows()).at(-1)!;
    await db
      .updateTable('audit_head')
      .set({ last_id: newest.id, last_hash: newest.hash, count: newest.id })
      .execute();
    expect((await audit.verify()).reason).toMatch(/head rewritten/);
    // careful: an old head row, saved earlier, put back — the database alone cannot tell …
    await db.updateTable('audit_head').set(oldHead).execute();
    expect(await audit.verify()).toMatchObject({ ok: true });
    // … the checkpoint written outside it can
    const { problems } = await audit.verifyWithCheckpoints(checkpoints());
    expect(problems.join('\n')).toMatch(
      new RegExp(`TRUNCATED: .* up to #${oldHead.last_id + 3}; the database ends at #${oldHead.last_id}`),
    );
  });

  it('change a record and recompute the chain with the public algorithm, or another key: detected', async () => {
    const { repo, audit, dir, checkpoints, db } = await setUp();
    await audit.checkpoint('periodic', dir, quiet);
    const head = await repo.head();
    const victim = (await rows())[2]!;
    await dropTriggers();
    for (const recompute of [
      (prev: string, r: typeof victim) => legacyHash(prev, r),
      (prev: string, r: typeof victim) => recordMac(randomBytes(32), prev, r),
    ]) {
      let prev = victim.prev_hash;
      for (const r of (await rows()).filter((x) => x.id >= victim.id)) {
        const changed = r.id === victim.id ? { ...r, result: 'failure' } : r;
        const hash = recompute(prev, changed);
        await db
          .updateTable('audit_log')
          .set({ result: changed.result, prev_hash: prev, hash })
          .where('id', '=', r.id)
          .execute();
        prev = hash;
      }
      // the head cannot be re-signed: its MAC gives it away; with the old head the record itself fails
      await db.updateTable('audit_head').set({ last_hash: prev }).execute();
      expect(await audit.verify()).toMatchObject({ ok: false });
      await db.updateTable('audit_head').set(head).execute();
      expect(await audit.verify()).toMatchObject({ ok: false, firstBadId: victim.id });
      expect((await audit.verify()).reason).toMatch(/MAC/);
      const { problems } = await audit.verifyWithCheckpoints(checkpoints());
      expect(problems.join('\n')).toMatch(new RegExp(`REWRITTEN: record #${head.last_id} `));
    }
  });

  it('a wrong key is named as such, and the server will not write with it', async () => {
    const { audit, dir, checkpoints, db } = await setUp();
    await audit.checkpoint('periodic', dir, quiet);
    const other = auditKeyFrom(randomBytes(32), 'AUDIT_HMAC_KEY');
    const wrong = createAuditService({ db: db, repo: createAuditRepo(db, t.database.dialect, other) });
    expect((await wrong.verify()).reason).toMatch(/^wrong key: .* key id [0-9a-f]{16}, this key/);
    const { problems } = await wrong.verifyWithCheckpoints(checkpoints());
    expect(problems).toEqual([expect.stringMatching(/^wrong key: the checkpoints were signed with key id/)]);
    await expect(wrong.ensureKeyed()).rejects.toThrow(ConfigError);
    const ctx = { actor: null, requestId: 'x', clientIp: '1', userAgent: 'x', audited: false };
    await expect(wrong.record(ctx, { action: 'test.wrong' })).rejects.toThrow(/wrong key/);
    expect(await audit.verify()).toMatchObject({ ok: true });
  });

  it('the database refuses: updates, deletes without a permit, deletes of young records even with one, a head moved back', async () => {
    const { db } = await setUp();
    await expect(
      db.updateTable('audit_log').set({ result: 'x' }).where('id', '=', 2).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(db.deleteFrom('audit_log').where('id', '=', 5).execute()).rejects.toThrow(/append-only/);
    await expect(
      db.transaction().execute(async (trx) => {
        await trx
          .insertInto('audit_purge_permit')
          .values({ id: 1, through_id: 99, before_at: '9999-12-31' })
          .execute();
        await trx.deleteFrom('audit_log').where('id', '<=', 3).execute();
      }),
    ).rejects.toThrow(/append-only/);
    await expect(
      db
        .updateTable('audit_head')
        .set((eb) => ({ last_id: eb('last_id', '-', 1) }))
        .execute(),
    ).rejects.toThrow(/only moves forward/);
    await expect(db.deleteFrom('audit_head').execute()).rejects.toThrow(/only moves forward/);
    expect(await db.selectFrom('audit_purge_permit').selectAll().execute()).toEqual([]);
    expect((await rows()).length).toBe(6);
  });
});

describe('an unkeyed chain from before the upgrade', () => {
  it('is sealed by the cut-over record; removing the cut-over is detected', async () => {
    t = await createTestApp();
    const db = t.database.db;
    // three records as the old code wrote them
    let prev = '';
    for (let id = 1; id <= 3; id++) {
      const r = {
        id,
        at: `2026-01-0${id}T00:00:00.000Z`,
        actor_id: null,
        actor_name: 'old',
        actor_roles: '',
        client_ip: '127.0.0.1',
        action: `old.event${id}`,
        object_type: null,
        object_id: null,
        result: 'success',
        request_id: 'old',
        detail: null,
      };
      const hash = legacyHash(prev, r);
      await db
        .insertInto('audit_log')
        .values({ ...r, prev_hash: prev, hash })
        .execute();
      await db.updateTable('audit_head').set({ last_id: id, last_hash: hash, count: id }).execute();
      prev = hash;
    }
    const repo = createAuditRepo(db, t.database.dialect, t.auditKey);
    const audit = createAuditService({ db: db, repo: repo });
    expect((await audit.verify()).reason).toMatch(/not keyed/);
    await audit.ensureKeyed();
    const cutOver = (await rows())[3]!;
    expect(cutOver).toMatchObject({ id: 4, action: 'audit.chain-keyed', prev_hash: prev });
    expect(JSON.parse(cutOver.detail!)).toEqual({
      algorithm: 'HMAC-SHA-256',
      keyId: t.auditKey.id,
      legacyRecords: 3,
    });
    expect(await audit.verify()).toMatchObject({ ok: true, checked: 4 });
    const dir = path.join(t.config.dataDir, 'cp');
    await audit.checkpoint('periodic', dir, quiet);
    const head = await repo.head();

    await dropTriggers();
    // a legacy record changed and the legacy part recomputed: the cut-over's MAC covered the old hash
    const old = (await rows())[1]!;
    const changed = { ...old, result: 'failure' };
    await db
      .updateTable('audit_log')
      .set({ result: 'failure', hash: legacyHash(old.prev_hash, changed) })
      .where('id', '=', 2)
      .execute();
    const third = (await rows())[2]!;
    await db
      .updateTable('audit_log')
      .set({
        prev_hash: legacyHash(old.prev_hash, changed),
        hash: legacyHash(legacyHash(old.prev_hash, changed), third),
      })
      .where('id', '=', 3)
      .execute();
    expect(await audit.verify()).toMatchObject({ ok: false, firstBadId: 4 });

    // the whole chain rewritten as legacy, the cut-over gone, the head made legacy again
    await db.deleteFrom('audit_log').where('id', '=', 4).execute();
    await db
      .updateTable('audit_head')
      .set({
        keyed_from: null,
        key_id: null,
        mac: '',
        last_id: 3,
        count: 3,
        last_hash: (await rows())[2]!.hash,
      })
      .execute();
    expect((await audit.verify()).reason).toMatch(/not keyed: no cut-over record/);
    const problems = (
      await audit.verifyWithCheckpoints(readCheckpoints(path.join(dir, CHECKPOINT_FILE)).checkpoints)
    ).problems;
    expect(problems.join('\n')).toMatch(/TRUNCATED/);
    expect(problems.join('\n')).toMatch(new RegExp(`cut-over is at #none; .* recorded #${head.keyed_from}`));
  });
});

describe('checkpoint file', () => {
  it('is append-only JSON lines, 0600 in a 0700 directory, and a forged line is named', async () => {
    const { audit, dir, checkpoints } = await setUp();
    await audit.checkpoint('periodic', dir, quiet);
    await audit.checkpoint('shutdown', dir, quiet);
    const file = path.join(dir, CHECKPOINT_FILE);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    const lines = fs
      .readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.kind)).toEqual(['periodic', 'shutdown']);
    expect(lines[0]).toMatchObject({
      v: 1,
      keyId: t.auditKey.id,
      count: 6,
      firstId: 1,
      lastId: 6,
      keyedFrom: 1,
    });
    // a forger who raises the count to hide nothing in particular still cannot sign it
    fs.appendFileSync(file, `${JSON.stringify({ ...lines[1], lastId: 3, count: 3 })}\n`);
    expect((await audit.verifyWithCheckpoints(checkpoints())).problems).toEqual([
      expect.stringMatching(/\(line 3\) fails its MAC: forged or damaged/),
    ]);
  });
});
