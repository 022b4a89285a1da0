// How fresh each column (栏目) of a site is — live articles, the newest publication day, the items without
// a date — and what the home page lists: the self-inspection's facts about the portal (decision 174).
import type { DB } from '../../db/database.ts';

export function createColumnFreshnessRepo(db: DB) {
  return {
    async columns(siteId: number, now: string) {
      const rows = await db
        .selectFrom('portal_channels as c')
        .leftJoin('portal_articles as a', (j) =>
          j
            .onRef('a.channel_id', '=', 'c.id')
            .on('a.status', '=', 'published')
            .on((eb) => eb.or([eb('a.publish_at', '<=', now), eb('a.publish_at', 'is', null)])),
        )
        .where('c.owner_unit_id', '=', siteId)
        .groupBy(['c.id', 'c.name', 'c.kind', 'c.data_page', 'c.show_on_home', 'c.sort_order'])
        .select((eb) => [
          'c.id',
          'c.name',
          'c.kind',
          'c.data_page',
          'c.show_on_home',
          eb.fn.count<number>('a.id').as('published'),
          eb.fn.max<string | null>('a.publish_at').as('newest_at'),
          eb.fn
            .sum<number>(
              eb
                .case()
                .when(eb.and([eb('a.id', 'is not', null), eb('a.publish_at', 'is', null)]))
                .then(1)
                .else(0)
                .end(),
            )
            .as('undated'),
        ])
        .orderBy('c.sort_order')
        .orderBy('c.id')
        .execute();
      return rows.map((r) => ({
        ...r,
        published: Number(r.published),
        undated: Number(r.undated ?? 0),
      }));
    },
  };
}
