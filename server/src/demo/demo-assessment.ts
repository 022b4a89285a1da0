// The demo's assessment plan: the 2018 Changde plan (常环发〔2018〕9号 §3.2–3.3) from the default template,
// whose point values are examples (the task-breakdown table was never published). Scores are computed
// from the approved facts on first read.
import { DEFAULT_INTERVIEW_RULE, DEFAULT_PLAN_2018, DEFAULT_PLAN_2018_TITLE } from '@greenvoice/common';
import type { Transaction } from 'kysely';
import type { Database } from '../db/types.ts';

export async function seedDemoAssessment(trx: Transaction<Database>, bureauId: number, at: string) {
  // the information centre (信息中心) assesses everyone else and is not ranked itself (decision 131)
  const document = JSON.stringify({ ...DEFAULT_PLAN_2018, notRanked: ['CD-XXZX'] });
  const { id } = await trx
    .insertInto('assessment_plans')
    .values({
      owner_unit_id: bureauId,
      year: 2018,
      title: DEFAULT_PLAN_2018_TITLE,
      document,
      rules_version: 1,
      interview_rule: JSON.stringify(DEFAULT_INTERVIEW_RULE),
      is_demo: 1,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('assessment_plan_versions')
    .values({
      plan_id: id,
      rules_version: 1,
      document,
      note: '默认模板（示例分值）',
      created_by: null,
      created_at: at,
    })
    .execute();
}
