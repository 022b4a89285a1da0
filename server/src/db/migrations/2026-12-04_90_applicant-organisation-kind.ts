// A legal-person applicant's kind of organisation (商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他):
// the annual disclosure report's table 三 counts requests in those columns (decision 191). Nullable: a
// citizen has none, and requests filed before the form asked count as 其他.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('applicant_org_kind', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cases').dropColumn('applicant_org_kind').execute();
}
