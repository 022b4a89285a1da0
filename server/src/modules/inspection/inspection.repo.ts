// The only place that builds queries for the self-inspection's runs, findings, open findings and
// settings (decision 174), its monthly bulletins (decision 187) and its external-link cache (188).
import type { Insertable, Transaction, Updateable } from 'kysely';
import type { DB } from '../../db/database.ts';
import { updateVersioned } from '../../db/versioned.ts';
import type {
  Database,
  InspectionBulletinsTable,
  InspectionFindingsTable,
  InspectionLinkChecksTable,
  InspectionRunsTable,
} from '../../db/types.ts';

type Trx = Transaction<Database>;

export function createInspectionRepo(db: DB) {
  const bulletinRows = () =>
    db
      .selectFrom('inspection_bulletins as b')
      .innerJoin('people as drafter', 'drafter.id', 'b.drafted_by')
      .leftJoin('people as approver', 'approver.id', 'b.approved_by')
      .selectAll('b')
      .select(['drafter.name as drafter_name', 'approver.name as approver_name']);
  return {
    async insertRun(trx: Trx, run: Insertable<InspectionRunsTable>) {
      return (await trx.insertInto('inspection_runs').values(run).returning('id').executeTakeFirstOrThrow())
        .id;
    },
    async insertFindings(trx: Trx, rows: Insertable<InspectionFindingsTable>[]) {
      // in chunks: PostgreSQL allows 65,535 parameters a statement
      for (let i = 0; i < rows.length; i += 500)
        await trx
          .insertInto('inspection_findings')
          .values(rows.slice(i, i + 500))
          .execute();
    },
    runs: (bureauUnitId: number, limit: number, offset: number) =>
      db
        .selectFrom('inspection_runs')
        .selectAll()
        .where('bureau_unit_id', '=', bureauUnitId)
        .orderBy('id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute(),
    async countRuns(bureauUnitId: number) {
      const r = await db
        .selectFrom('inspection_runs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('bureau_unit_id', '=', bureauUnitId)
        .executeTakeFirstOrThrow();
      return Number(r.n);
    },
    run: (id: number, bureauUnitId: number) =>
      db
        .selectFrom('inspection_runs')
        .selectAll()
        .where('id', '=', id)
        .where('bureau_unit_id', '=', bureauUnitId)
        .executeTakeFirst(),
    findings: (runId: number) =>
      db
        .selectFrom('inspection_findings')
        .selectAll()
        .where('run_id', '=', runId)
        .orderBy('veto', 'desc')
        .orderBy('id')
        .execute(),

    openFindings: (trx: Trx, bureauUnitId: number) =>
      trx
        .selectFrom('inspection_open_findings')
        .selectAll()
        .where('bureau_unit_id', '=', bureauUnitId)
        .execute(),
    /** The episode's first finding: the earliest row of the key since the open finding was first seen. */
    episodeStart: (trx: Trx, bureauUnitId: number, key: string, firstSeenOn: string) =>
      trx
        .selectFrom('inspection_findings as f')
        .innerJoin('inspection_runs as r', 'r.id', 'f.run_id')
        .select(['f.id', 'r.checked_on'])
        .where('r.bureau_unit_id', '=', bureauUnitId)
        .where('r.checked_on', '>=', firstSeenOn)
        .where('f.finding_key', '=', key)
        .orderBy('f.id')
        .limit(1)
        .executeTakeFirst(),
    /** "why this score" names a finding fact by its run's day and its evidence (decision 195) */
    async findingTitles(ids: number[]): Promise<Map<number, string>> {
      if (!ids.length) return new Map();
      const rows = await db
        .selectFrom('inspection_findings as f')
        .innerJoin('inspection_runs as r', 'r.id', 'f.run_id')
        .select(['f.id', 'r.checked_on', 'f.evidence_zh'])
        .where('f.id', 'in', ids)
        .execute();
      return new Map(rows.map((r) => [r.id, `${r.checked_on} 网站与新媒体检查：${r.evidence_zh}`]));
    },
    /** the run a finding belongs to, within the bureau (the console opens it from "why this score") */
    runOfFinding: (id: number, bureauUnitId: number) =>
      db
        .selectFrom('inspection_findings as f')
        .innerJoin('inspection_runs as r', 'r.id', 'f.run_id')
        .select('r.id')
        .where('f.id', '=', id)
        .where('r.bureau_unit_id', '=', bureauUnitId)
        .executeTakeFirst(),
    async closeFindings(trx: Trx, bureauUnitId: number, keys: string[]) {
      for (let i = 0; i < keys.length; i += 500)
        await trx
          .deleteFrom('inspection_open_findings')
          .where('bureau_unit_id', '=', bureauUnitId)
          .where('finding_key', 'in', keys.slice(i, i + 500))
          .execute();
    },
    async openFinding(trx: Trx, bureauUnitId: number, key: string, on: string) {
      await trx
        .insertInto('inspection_open_findings')
        .values({ bureau_unit_id: bureauUnitId, finding_key: key, first_seen_on: on, last_alerted_on: null })
        .execute();
    },
    async markAlerted(trx: Trx, bureauUnitId: number, key: string, on: string) {
      await trx
        .updateTable('inspection_open_findings')
        .set({ last_alerted_on: on })
        .where('bureau_unit_id', '=', bureauUnitId)
        .where('finding_key', '=', key)
        .execute();
    },

    settings: (bureauUnitId: number, q: DB | Trx = db) =>
      q
        .selectFrom('inspection_settings')
        .selectAll()
        .where('bureau_unit_id', '=', bureauUnitId)
        .executeTakeFirst(),
    async saveSettings(
      trx: Trx,
      bureauUnitId: number,
      set: {
        repeat_alert_days: number;
        security_incident: string | null;
        security_incident_on: string | null;
        updated_at: string;
      },
    ) {
      const updated = await trx
        .updateTable('inspection_settings')
        .set((eb) => ({ ...set, version: eb('version', '+', 1) }))
        .where('bureau_unit_id', '=', bureauUnitId)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0)
        await trx
          .insertInto('inspection_settings')
          .values({ bureau_unit_id: bureauUnitId, ...set })
          .execute();
    },

    /** the runs checked on days from `from` to `to` (inclusive), oldest first */
    runsBetween: (bureauUnitId: number, from: string, to: string) =>
      db
        .selectFrom('inspection_runs')
        .selectAll()
        .where('bureau_unit_id', '=', bureauUnitId)
        .where('checked_on', '>=', from)
        .where('checked_on', '<=', to)
        .orderBy('checked_on')
        .orderBy('id')
        .execute(),
    /** the findings of `runIds` with their unit's name */
    async findingsOf(runIds: number[]) {
      const out = [];
      for (let i = 0; i < runIds.length; i += 500)
        out.push(
          ...(await db
            .selectFrom('inspection_findings')
            .leftJoin('units', 'units.id', 'inspection_findings.unit_id')
            .selectAll('inspection_findings')
            .select('units.name as unit_name')
            .where('run_id', 'in', runIds.slice(i, i + 500))
            .orderBy('inspection_findings.id')
            .execute()),
        );
      return out;
    },

    bulletins: (bureauUnitId: number, publishedOnly: boolean) => {
      let q = bulletinRows().where('b.bureau_unit_id', '=', bureauUnitId).orderBy('b.month', 'desc');
      if (publishedOnly) q = q.where('b.status', '=', 'published');
      return q.execute();
    },
    bulletin: (id: number, bureauUnitId: number) =>
      bulletinRows().where('b.id', '=', id).where('b.bureau_unit_id', '=', bureauUnitId).executeTakeFirst(),
    bulletinOfMonth: (bureauUnitId: number, month: string) =>
      db
        .selectFrom('inspection_bulletins')
        .select('id')
        .where('bureau_unit_id', '=', bureauUnitId)
        .where('month', '=', month)
        .executeTakeFirst(),
    async insertBulletin(
      trx: Trx,
      values: Omit<Insertable<InspectionBulletinsTable>, 'id' | 'version' | 'doc_number'>,
    ) {
      return (
        await trx
          .insertInto('inspection_bulletins')
          .values({ ...values, doc_number: null })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    },
    updateBulletin: (trx: Trx, id: number, version: number, set: Updateable<InspectionBulletinsTable>) =>
      updateVersioned(trx, 'inspection_bulletins', id, version, set),
    /** what the portal shows: published bulletins with a public summary, newest month first */
    publicSummaries: (bureauUnitId: number) =>
      db
        .selectFrom('inspection_bulletins')
        .select(['id', 'month', 'title', 'doc_number', 'public_summary', 'published_at'])
        .where('bureau_unit_id', '=', bureauUnitId)
        .where('status', '=', 'published')
        .where('public_summary', '<>', '')
        .orderBy('month', 'desc')
        .limit(36)
        .execute(),

    linkChecks: async (urls: string[], since: string) => {
      const out: InspectionLinkChecksTable[] = [];
      for (let i = 0; i < urls.length; i += 500)
        out.push(
          ...(await db
            .selectFrom('inspection_link_checks')
            .selectAll()
            .where('url', 'in', urls.slice(i, i + 500))
            .where('checked_at', '>=', since)
            .execute()),
        );
      return out;
    },
    async saveLinkCheck(row: InspectionLinkChecksTable) {
      await db
        .insertInto('inspection_link_checks')
        .values(row)
        .onConflict((oc) =>
          oc.column('url').doUpdateSet({
            checked_at: row.checked_at,
            outcome: row.outcome,
            status: row.status,
            detail: row.detail,
          }),
        )
        .execute();
    },
  };
}
export type InspectionRepo = ReturnType<typeof createInspectionRepo>;
export type InspectionBulletinRow = NonNullable<Awaited<ReturnType<InspectionRepo['bulletin']>>>;
