// The number of an information request's answer letter (N in 常环信复〔2026〕N号, decision 144): taken
// from the bureau's series when the request is answered, so the letter downloaded later always carries it;
// and the day the applicant was asked to complete it, from which their period runs (decision 145).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cases').addColumn('answer_number', 'integer').execute();
  await db.schema.alterTable('cases').addColumn('completion_asked_on', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('cases').dropColumn('completion_asked_on').execute();
  await db.schema.alterTable('cases').dropColumn('answer_number').execute();
}
