// Helpers for the submission tests: ids by name and a valid submission body per kind (accounts of a
// test's own: `t.newAccount`, test-app.ts).
import type { TestApp } from '../../test/test-app.ts';

export async function unitId(t: TestApp, code: string): Promise<number> {
  return (
    await t.database.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()
  ).id;
}

export async function outletId(t: TestApp, name: string): Promise<number> {
  return (
    await t.database.db.selectFrom('outlets').select('id').where('name', '=', name).executeTakeFirstOrThrow()
  ).id;
}

export const count = async (
  t: TestApp,
  table: 'submissions' | 'evidence_files' | 'assessment_facts' | 'idempotency_keys',
) =>
  Number(
    (
      await t.database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

let n = 0;
/** A news report that can go to review, unique by default so it is not flagged as a duplicate. */
export function newsReport(outlet: number, over: Record<string, unknown> = {}) {
  n += 1;
  const topics = ['大气', '水质', '土壤', '固废', '督察', '普查', '宣讲', '创建', '执法', '监测'];
  return {
    kind: 'newsReport',
    title: `第${n}篇：${topics[n % 10]}${'专项行动成效显著群众满意'.slice(0, 4 + (n % 7))}${n * 7919}`,
    date: '2018-06-05',
    outletId: outlet,
    link: `https://www.hnrb.example.cn/news/2018/${n}.html`,
    themes: ['environmentDay'],
    ...over,
  };
}
