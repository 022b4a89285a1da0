// A demo installation whose Q1 2018 ranking has a known bottom: every county-level bureau reports in
// each of the three months except 西洞庭 and 桃花源, which are therefore last three months running.
// Shared by the bulletin and interview tests, which both start from that ranking.
import { insertFacts } from './assessment-facts.ts';
import type { DemoUsername } from './demo-actors.ts';
import { createTestApp, type TestApp } from './test-app.ts';

export const REPORTING_COUNTY_BUREAUS = [
  'CD-WL',
  'CD-DC',
  'CD-AX',
  'CD-HS',
  'CD-LX',
  'CD-LL',
  'CD-TY',
  'CD-SM',
  'CD-JS',
  'CD-JKQ',
  'CD-LYH',
  'CD-XH',
];

export interface BottomRankFixture {
  t: TestApp;
  planId: number;
  /** unit id by unit code */
  unit: Record<string, number>;
  /** a signed-in cookie per demo account asked for */
  as: Record<string, string>;
}

export async function createBottomRankFixture(actors: DemoUsername[]): Promise<BottomRankFixture> {
  const t = await createTestApp({ demo: true });
  const cookies = await Promise.all(actors.map((a) => t.loginAs(a)));
  const as = Object.fromEntries(actors.map((a, i) => [a, cookies[i]!]));
  const unit: Record<string, number> = {};
  for (const u of await t.database.db.selectFrom('units').select(['id', 'code']).execute())
    unit[u.code] = u.id;
  const planId = (await t.database.db.selectFrom('assessment_plans').select('id').executeTakeFirstOrThrow())
    .id;
  const facts = REPORTING_COUNTY_BUREAUS.flatMap((c, i) =>
    [1, 2, 3].map((m) => ({
      kind: 'newsReport' as const,
      date: `2018-0${m}-1${i % 10}`,
      unitIds: [unit[c]!],
      outletLevel: i === 0 ? ('provincial' as const) : ('county' as const),
    })),
  );
  await insertFacts(t.database.db, unit.CDHB!, facts);
  await t.services.scoring.rebuildAll();
  return { t, planId, unit, as };
}
