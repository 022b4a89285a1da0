// The facts listener (the scoring engine's hook) hears, after commit, which units and dates changed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestContext } from '../../http/context.ts';
import { createTestApp, type TestApp } from '../../test/test-app.ts';
import { createAuditRepo } from '../audit/audit.repo.ts';
import { createAuditService } from '../audit/audit.service.ts';
import { createAuthRepo } from '../auth/auth.repo.ts';
import { createAuthService } from '../auth/auth.service.ts';
import { createSecondFactorService } from '../auth/second-factor.ts';
import { createOutletsRepo } from '../outlets/outlets.repo.ts';
import { createOutletsService } from '../outlets/outlets.service.ts';
import { createSubmissions } from './submissions.module.ts';
import { account, newsReport, outletId, PASSWORD, unitId } from './test-fixtures.ts';

type Change = { ownerUnitId: number; unitIds: number[]; dates: string[] };
let t: TestApp;
const heard: Array<Change & { committed: boolean }> = [];
let service: ReturnType<typeof createSubmissions>['submissions'];
let officer: RequestContext;
let reviewer: RequestContext;

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  await account(t, 'officer.dc', 'officer', 'CD-DC');
  const db = t.database.db;
  const audit = createAuditService(db, createAuditRepo(db, t.database.dialect, t.auditKey));
  const auth = createAuthService(
    db,
    createAuthRepo(db),
    audit,
    t.config,
    createSecondFactorService(db, audit, t.config),
  );
  const ctxOf = async (username: string, password: string): Promise<RequestContext> => {
    const cookie = await t.login(username, password);
    const actor = await auth.resolveSession(cookie.split('=')[1]!);
    return { actor, requestId: 'test', clientIp: '127.0.0.1', userAgent: 'vitest', audited: false };
  };
  officer = await ctxOf('officer.dc', PASSWORD);
  reviewer = await ctxOf('reviewer', 'Demo-Review-2018!');
  service = createSubmissions(
    { db, dataDir: t.config.dataDir, outlets: createOutletsService(createOutletsRepo(db), audit), audit },
    {
      onFactsChanged: async (change) => {
        // the listener runs after commit: the fact is already visible to another connection
        const rows = await db.selectFrom('assessment_facts').select('id').execute();
        heard.push({ ...change, committed: rows.length > 0 });
      },
    },
  ).submissions;
});
afterAll(() => t.close());

describe('onFactsChanged', () => {
  it('is called once per approval with the owner bureau, the credited units and the date', async () => {
    const wl = await unitId(t, 'CD-WL');
    const dc = await unitId(t, 'CD-DC');
    const outlet = await outletId(t, '红网');
    const created = await service.create(
      officer,
      newsReport(outlet, { date: '2018-07-01', coUnitIds: [wl], submit: true }) as never,
    );
    const s = created.body as { id: number; version: number };
    await service.review(reviewer, s.id, s.version, { action: 'approve' });
    expect(heard).toEqual([
      {
        ownerUnitId: await unitId(t, 'CDHB'),
        unitIds: [wl, dc].sort((a, b) => a - b),
        dates: ['2018-07-01'],
        committed: true,
      },
    ]);
    // taking the approval back is a change too
    const now = await service.presentOne(reviewer.actor!, s.id);
    await service.review(reviewer, s.id, now.version, { action: 'reject', reason: '重复报送' });
    expect(heard).toHaveLength(2);
    expect(heard[1]).toMatchObject({ unitIds: [wl, dc].sort((a, b) => a - b), dates: ['2018-07-01'] });
  });

  it('is not called when nothing about facts changed', async () => {
    const before = heard.length;
    const created = await service.create(
      officer,
      newsReport(await outletId(t, '红网'), { submit: true }) as never,
    );
    const s = created.body as { id: number; version: number };
    await service.review(reviewer, s.id, s.version, { action: 'return', reason: '请补充' });
    expect(heard.length).toBe(before);
  });
});
