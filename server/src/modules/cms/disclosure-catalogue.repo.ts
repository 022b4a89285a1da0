// The 政府信息公开目录's reads: live articles the editors placed in a catalogue category, with the facts
// each row shows (索引号, 发布机构, 成文/发布日期, 公开方式, 有效性) — decision 111.
import { sql } from 'kysely';
import type { DB } from '../../db/database.ts';

export interface CatalogueItem {
  id: number;
  title: string;
  index_number: string;
  issuer: string;
  doc_number: string;
  written_on: string;
  publish_at: string;
  disclosure_category: string;
  disclosure_method: string;
  validity: string;
}

export function createDisclosureCatalogueRepo(db: DB) {
  const live = (siteUnitId: number, now: string) =>
    db
      .selectFrom('portal_articles')
      .where('owner_unit_id', '=', siteUnitId)
      .where('status', '=', 'published')
      .where('publish_at', '<=', now)
      .where('disclosure_category', '!=', '');
  return {
    /** The annual disclosure report's proactive figures (decision 148): what the bureau's portal
     *  published in [from, to) — everything, and by catalogue category and validity. */
    async yearFigures(siteUnitId: number, from: string, to: string) {
      const rows = await db
        .selectFrom('portal_articles')
        .select(['disclosure_category', 'validity', sql<number>`COUNT(*)`.as('n')])
        .where('owner_unit_id', '=', siteUnitId)
        .where('status', '=', 'published')
        .where('publish_at', '>=', from)
        .where('publish_at', '<', to)
        .groupBy(['disclosure_category', 'validity'])
        .execute();
      const inForce = await db
        .selectFrom('portal_articles')
        .select(sql<number>`COUNT(*)`.as('n'))
        .where('owner_unit_id', '=', siteUnitId)
        .where('status', '=', 'published')
        .where('publish_at', '<', to)
        .where('disclosure_category', '=', 'regulation')
        .where('validity', 'in', ['', 'valid'])
        .executeTakeFirstOrThrow();
      return { rows: rows.map((r) => ({ ...r, n: Number(r.n) })), regulationsInForce: Number(inForce.n) };
    },
    /** the bureau's channel with this code (the annual reports' channel) */
    channelByCode: (ownerUnitId: number, code: string) =>
      db
        .selectFrom('portal_channels')
        .select('id')
        .where('owner_unit_id', '=', ownerUnitId)
        .where('code', '=', code)
        .executeTakeFirst(),
    /** How many live items each category holds (categories with none are left out). */
    async counts(siteUnitId: number, now: string): Promise<Map<string, number>> {
      const rows = await live(siteUnitId, now)
        .select(['disclosure_category', sql<number>`COUNT(*)`.as('n')])
        .groupBy('disclosure_category')
        .execute();
      return new Map(rows.map((r) => [r.disclosure_category, Number(r.n)]));
    },
    async items(
      siteUnitId: number,
      now: string,
      category: string,
      limit: number,
      offset: number,
    ): Promise<{ total: number; items: CatalogueItem[] }> {
      let q = live(siteUnitId, now);
      if (category) q = q.where('disclosure_category', '=', category as never);
      const rows = await q
        .select([
          'id',
          'title',
          'index_number',
          'issuer',
          'doc_number',
          'written_on',
          'disclosure_category',
          'disclosure_method',
          'validity',
        ])
        .select(sql<string>`publish_at`.as('publish_at'))
        .select(sql<number>`COUNT(*) OVER ()`.as('total'))
        .orderBy('publish_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit)
        .offset(offset)
        .execute();
      return {
        total: Number(rows[0]?.total ?? 0),
        items: rows.map(({ total: _t, ...r }) => r),
      };
    },
  };
}
export type DisclosureCatalogueRepo = ReturnType<typeof createDisclosureCatalogueRepo>;
