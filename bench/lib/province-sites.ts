// A province's portal for the province suite: the demo's two city sites (常德, 湘潭) and more city
// bureaus beside them, each reached on a host name of its own (decision 175), each topped up to the same
// number of published articles. Written straight into a stopped GreenVoice's SQLite file, the way the
// demo seed writes its own articles.
import path from 'node:path';
import { openDatabase } from '../../server/src/db/database.ts';
import { DEMO_BUREAU_CODE } from '../../server/src/demo/changde-units.ts';
import { SECOND_CITY_CODE, SECOND_CITY_HOST } from '../../server/src/demo/second-city-demo.ts';
import { createUnitsRepo } from '../../server/src/modules/units/units.repo.ts';

export interface ProvinceSite {
  host: string;
  unitId: number;
  /** the site's article ids, oldest first */
  articleIds: number[];
}

/** The channels every site has (the demo's two share these codes); the bulk articles go into them. */
const CHANNELS = [
  ['gzdt', '工作动态', 'Work news', 'news'],
  ['tzgg', '通知公告', 'Notices', 'notice'],
  ['zcfg', '政策法规', 'Policies and laws', 'policy'],
] as const;

const PARAGRAPH =
  '全市生态环境系统深入推进污染防治攻坚战，持续改善环境空气质量和水环境质量，强化重点排污单位监管，依法公开环境信息，接受社会监督。';

/** About 9 KB of body text: with the layout around it, an article page of the demo's size. */
const body = (city: string, n: number) =>
  `<p>${city}第${n}号稿件。</p>\n${Array.from({ length: 24 }, () => `<p>${PARAGRAPH}</p>`).join('\n')}`;

/**
 * Makes `sites` sites of `articles` published articles each in the SQLite database of `dataDir` (a
 * GreenVoice data directory after its first start, server stopped): 常德 on changde.localhost,
 * 湘潭 on its demo host, the rest new city bureaus on cityNN.localhost.
 */
export async function buildProvinceSites(
  dataDir: string,
  sites: number,
  articles: number,
): Promise<ProvinceSite[]> {
  const database = await openDatabase({ url: path.join(dataDir, 'greenvoice.db'), dialect: 'sqlite' });
  const db = database.db;
  try {
    const at = '2018-03-01T01:00:00.000Z';
    const unitId = async (code: string) =>
      (await db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
    const found: Array<{ host: string; unitId: number }> = [
      { host: 'changde.localhost', unitId: await unitId(DEMO_BUREAU_CODE) },
      { host: SECOND_CITY_HOST, unitId: await unitId(SECOND_CITY_CODE) },
    ].slice(0, sites);
    const units = createUnitsRepo(db);
    for (let i = found.length + 1; i <= sites; i++) {
      const code = `BENCH-CITY-${String(i).padStart(2, '0')}`;
      const unit = await db.transaction().execute((trx) =>
        units.insert(trx, {
          code,
          name: `第${i}市生态环境局`,
          kind: 'cityBureau',
          parentId: null,
          parentPath: '/',
          sortOrder: 100 + i,
          isDemo: true,
          at,
        }),
      );
      await db
        .insertInto('portal_channels')
        .values(
          CHANNELS.map(([c, name, nameEn, kind], k) => ({
            owner_unit_id: unit.id,
            code: c,
            name,
            name_en: nameEn,
            kind,
            description: name,
            keywords: name,
            sort_order: (k + 1) * 10,
            show_on_home: 1,
            is_demo: 1,
            created_at: at,
            updated_at: at,
          })),
        )
        .execute();
      found.push({ host: `city${String(i).padStart(2, '0')}.localhost`, unitId: unit.id });
    }
    // Changde, the default site, lists a name too: a host nobody listed is then no site (decision 175)
    await db
      .insertInto('portal_site_domains')
      .values(
        found
          .filter((s) => s.host !== SECOND_CITY_HOST)
          .map((s) => ({ host: s.host, unit_id: s.unitId, created_at: at })),
      )
      .execute();
    const { id: editor } = await db
      .selectFrom('people')
      .select('id')
      .orderBy('id')
      .limit(1)
      .executeTakeFirstOrThrow();

    const result: ProvinceSite[] = [];
    for (const [s, site] of found.entries()) {
      const channels = await db
        .selectFrom('portal_channels')
        .select(['id', 'code'])
        .where('owner_unit_id', '=', site.unitId)
        .where(
          'code',
          'in',
          CHANNELS.map(([c]) => c),
        )
        .orderBy('code')
        .execute();
      const have = await db
        .selectFrom('portal_articles')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('owner_unit_id', '=', site.unitId)
        .executeTakeFirstOrThrow();
      const missing = articles - Number(have.n);
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < missing; i += 500) {
          const rows = Array.from({ length: Math.min(500, missing - i) }, (_, j) => {
            const n = i + j + 1;
            // spread over 2014–2018, one every few hours, so the listings page through years
            const publishAt = new Date(Date.UTC(2014, 0, 1) + n * 7.5 * 3600_000).toISOString();
            const html = body(`第${s + 1}站`, n);
            return {
              channel_id: channels[n % channels.length]!.id,
              owner_unit_id: site.unitId,
              title: `第${s + 1}站 关于生态环境工作的第${n}篇稿件`,
              doc_number: '',
              index_number: '',
              keywords: '',
              summary: '',
              issuer: '生态环境局',
              source: '生态环境局',
              author: '生态环境局',
              body_html: html,
              body_text: html.replace(/<[^>]+>/g, ''),
              status: 'published' as const,
              publish_at: publishAt,
              read_count: n % 400,
              created_by: editor,
              submitted_by: editor,
              reviewed_by: editor,
              approved_by: editor,
              published_by: editor,
              is_demo: 1,
              created_at: publishAt,
              updated_at: publishAt,
            };
          });
          await trx.insertInto('portal_articles').values(rows).execute();
        }
      });
      const ids = await db
        .selectFrom('portal_articles')
        .select('id')
        .where('owner_unit_id', '=', site.unitId)
        .where('status', '=', 'published')
        .orderBy('id')
        .execute();
      result.push({ ...site, articleIds: ids.map((r) => r.id) });
    }
    return result;
  } finally {
    await database.close();
  }
}
