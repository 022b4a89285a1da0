// The only place that builds submission queries. Visibility follows the unit tree (decision 004): a
// submission is visible to whoever's scope holds its lead unit or one of its co-submitting units.
import {
  SUBMISSION_THEME_LABELS,
  type SubmissionKind,
  type SubmissionStatus,
  type SubmissionTheme,
} from '@greenvoice/common';
import type { ExpressionBuilder, Insertable, Transaction, Updateable } from 'kysely';
import type { DB } from '../../db/database.ts';
import type { Database, SubmissionsTable } from '../../db/types.ts';
import { containsText, withinScope } from '../../db/expressions.ts';
import { deleteVersioned, updateVersioned } from '../../db/versioned.ts';

type Db = Transaction<Database> | DB;

export interface SubmissionFilter {
  scopePath: string;
  statuses?: readonly SubmissionStatus[];
  kind?: SubmissionKind;
  unitId?: number;
  q?: string;
  from?: string;
  to?: string;
  ids?: number[];
  /** drafts are shown only to their own unit: this one */
  draftsOfUnit?: number;
}

const columns = [
  's.id',
  's.owner_unit_id',
  's.unit_id',
  's.kind',
  's.status',
  's.title',
  's.title_norm',
  's.fact_date',
  's.outlet_id',
  's.link',
  's.link_norm',
  's.themes',
  's.activity_type',
  's.award_rank',
  's.quantity',
  's.account_name',
  's.summary',
  's.adoption_level',
  's.leader_instruction',
  's.instruction_note',
  's.review_reason',
  's.reviewer_name',
  's.reviewed_at',
  's.submitted_at',
  's.created_by',
  's.created_by_name',
  's.version',
  's.created_at',
  's.updated_at',
] as const;

function visible(scopePath: string) {
  return (eb: ExpressionBuilder<Database & { s: SubmissionsTable; u: Database['units'] }, 's' | 'u'>) =>
    eb.or([
      withinScope('u.path', scopePath),
      eb.exists(
        eb
          .selectFrom('submission_units as su')
          .innerJoin('units as cu', 'cu.id', 'su.unit_id')
          .select('su.unit_id')
          .whereRef('su.submission_id', '=', 's.id')
          .where(withinScope('cu.path', scopePath)),
      ),
    ]);
}

/** The theme codes whose Chinese or English name contains the search text. */
function themesNamed(text: string): SubmissionTheme[] {
  const needle = text.trim().toLowerCase();
  if (!needle) return [];
  return (Object.entries(SUBMISSION_THEME_LABELS) as Array<[SubmissionTheme, { zh: string; en: string }]>)
    .filter(([, l]) => l.zh.includes(needle) || l.en.toLowerCase().includes(needle))
    .map(([code]) => code);
}

export function createSubmissionsRepo(db: DB) {
  const base = (f: SubmissionFilter, trx: Db = db) => {
    let q = trx
      .selectFrom('submissions as s')
      .innerJoin('units as u', 'u.id', 's.unit_id')
      .leftJoin('outlets as o', 'o.id', 's.outlet_id')
      .where(visible(f.scopePath));
    if (f.statuses) q = q.where('s.status', 'in', f.statuses);
    if (f.kind) q = q.where('s.kind', '=', f.kind);
    if (f.unitId) q = q.where('s.unit_id', '=', f.unitId);
    if (f.from) q = q.where('s.fact_date', '>=', f.from);
    if (f.to) q = q.where('s.fact_date', '<=', f.to);
    if (f.ids) q = q.where('s.id', 'in', f.ids.length ? f.ids : [0]);
    if (f.draftsOfUnit !== undefined) {
      const own = f.draftsOfUnit;
      q = q.where((eb) => eb.or([eb('s.status', '!=', 'draft'), eb('s.unit_id', '=', own)]));
    }
    const text = f.q;
    if (text) {
      // themes are stored as codes: typing 普查 finds the pieces tagged 污染源普查 (census)
      const themes = themesNamed(text);
      q = q.where((eb) =>
        eb.or([
          containsText('s.title', text),
          containsText('u.name', text),
          ...themes.map((code) => containsText('s.themes', `"${code}"`)),
        ]),
      );
    }
    return q;
  };
  const select = (f: SubmissionFilter, trx: Db = db) =>
    base(f, trx).select([
      ...columns,
      'u.name as unit_name',
      'u.path as unit_path',
      'o.name as outlet_name',
      'o.level as outlet_level',
      'o.medium as outlet_medium',
    ]);

  return {
    async list(f: SubmissionFilter, page: number, pageSize: number) {
      const total = await base(f)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const items = await select(f)
        .orderBy('s.updated_at', 'desc')
        .orderBy('s.id', 'desc')
        .limit(pageSize)
        .offset((page - 1) * pageSize)
        .execute();
      return { items, total: Number(total.n) };
    },

    /** Ids in the filter, newest first, at most `limit` (the duplicates-only queue filter). */
    async listIds(f: SubmissionFilter, limit: number) {
      const rows = await base(f)
        .select('s.id')
        .orderBy('s.updated_at', 'desc')
        .orderBy('s.id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((r) => r.id);
    },

    findVisible(id: number, scopePath: string, trx: Db = db) {
      return select({ scopePath, ids: [id] }, trx).executeTakeFirst();
    },

    findManyVisible(ids: number[], scopePath: string, trx: Db = db) {
      return select({ scopePath, ids }, trx).execute();
    },

    async coUnits(ids: number[], trx: Db = db) {
      if (!ids.length) return [];
      return trx
        .selectFrom('submission_units as su')
        .innerJoin('units as u', 'u.id', 'su.unit_id')
        .select(['su.submission_id', 'su.unit_id', 'su.position', 'u.name'])
        .where('su.submission_id', 'in', ids)
        .orderBy('su.submission_id')
        .orderBy('su.position')
        .execute();
    },

    async evidence(ids: number[], trx: Db = db) {
      if (!ids.length) return [];
      return trx
        .selectFrom('evidence_files')
        .select(['id', 'submission_id', 'file_name', 'media_type', 'size', 'created_at'])
        .where('submission_id', 'in', ids)
        .orderBy('id')
        .execute();
    },

    events(id: number, trx: Db = db) {
      return trx
        .selectFrom('submission_events')
        .selectAll()
        .where('submission_id', '=', id)
        .orderBy('id')
        .execute();
    },

    async insert(trx: Transaction<Database>, values: Insertable<SubmissionsTable>) {
      const row = await trx
        .insertInto('submissions')
        .values(values)
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },

    /** Updates only if the version is still the one seen; false if someone changed it in between. */
    async updateVersioned(
      trx: Transaction<Database>,
      id: number,
      version: number,
      values: Updateable<SubmissionsTable>,
    ): Promise<boolean> {
      return updateVersioned(trx, 'submissions', id, version, values);
    },

    /**
     * Deletes a draft at the version seen; false if it changed or is no longer a draft. Its history and
     * co-units go with it (ON DELETE CASCADE); its evidence files are detached and left to the sweeper.
     */
    async deleteDraft(trx: Transaction<Database>, id: number, version: number): Promise<boolean> {
      return deleteVersioned(trx, 'submissions', { id, status: 'draft' }, version);
    },

    async setCoUnits(trx: Transaction<Database>, id: number, unitIds: number[]) {
      await trx.deleteFrom('submission_units').where('submission_id', '=', id).execute();
      if (unitIds.length)
        await trx
          .insertInto('submission_units')
          .values(unitIds.map((unitId, i) => ({ submission_id: id, unit_id: unitId, position: i + 1 })))
          .execute();
    },

    async addEvent(
      trx: Transaction<Database>,
      e: {
        submissionId: number;
        action: string;
        from: SubmissionStatus | null;
        to: SubmissionStatus | null;
        personId: number;
        personName: string;
        unitName: string;
        text: string | null;
        at: string;
      },
    ) {
      await trx
        .insertInto('submission_events')
        .values({
          submission_id: e.submissionId,
          action: e.action,
          from_status: e.from,
          to_status: e.to,
          person_id: e.personId,
          person_name: e.personName,
          unit_name: e.unitName,
          text: e.text,
          at: e.at,
        })
        .execute();
    },

    /** Other non-draft records sharing one of these normalised links, within the scope. */
    linkMatches(links: string[], scopePath: string) {
      if (!links.length) return Promise.resolve([]);
      return base({ scopePath })
        .select(['s.id', 's.title', 's.status', 's.fact_date', 's.link_norm', 'u.name as unit_name'])
        .where('s.link_norm', 'in', links)
        .where('s.status', '!=', 'draft')
        .execute();
    },

    /** Non-draft records dated within [from, to], the pool for near-identical titles. */
    titleCandidates(from: string, to: string, scopePath: string) {
      return base({ scopePath, from, to })
        .select(['s.id', 's.title', 's.title_norm', 's.status', 's.fact_date', 'u.name as unit_name'])
        .where('s.status', '!=', 'draft')
        .execute();
    },

    /** The assessed units under a bureau, for picking co-submitters. */
    assessedUnitsUnder(bureauPath: string) {
      return db
        .selectFrom('units')
        .select(['id', 'name', 'kind'])
        .where(withinScope('path', bureauPath))
        .where('kind', 'in', ['department', 'countyBureau', 'affiliatedUnit'])
        .orderBy('sort_order')
        .orderBy('id')
        .execute();
    },

    /** Units by id within the scope, for co-submitters. */
    unitsInScope(ids: number[], scopePath: string) {
      if (!ids.length) return Promise.resolve([]);
      return db
        .selectFrom('units')
        .select(['id', 'name', 'path', 'kind'])
        .where('id', 'in', ids)
        .where(withinScope('path', scopePath))
        .execute();
    },

    /** the names of these submissions, in one query (the audit log says names, not ids) */
    async namesOf(ids: number[]): Promise<Map<number, string>> {
      if (!ids.length) return new Map();
      const rows = await db
        .selectFrom('submissions')
        .select(['id', 'title as name'])
        .where('id', 'in', ids)
        .execute();
      return new Map(rows.map((r) => [r.id, r.name]));
    },
  };
}
export type SubmissionsRepo = ReturnType<typeof createSubmissionsRepo>;
export type SubmissionRow = NonNullable<Awaited<ReturnType<SubmissionsRepo['findVisible']>>>;
