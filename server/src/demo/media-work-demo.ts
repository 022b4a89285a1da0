// Demo media work for 2018 (docs/new-media.md, "Subscriptions, commentators, columns"): every county
// bureau's paper subscriptions — some short of the 30-copy quota, so C1 shows both — a small
// commentator team with a year of posts and two of the centre's tasks, and two standing columns.
// Deterministic; written with the subscription facts inside the media demo's transaction.
import type { Transaction } from 'kysely';
import type { Database } from '../db/types.ts';
import type { FactsChange } from '../modules/facts/facts.repo.ts';
import type { MediaFacts } from '../modules/media/media-facts.ts';
import { DEMO_BUREAU_CODE } from './changde-units.ts';

const COUNTY = ['CD-WL', 'CD-DC', 'CD-AX', 'CD-HS', 'CD-LX', 'CD-LL', 'CD-TY', 'CD-SM', 'CD-JS'];
const TEAM: Array<[string, string, string]> = [
  ['CD-WL', '向晓阳', '微博 @武陵晓阳；今日头条 晓阳说环保'],
  ['CD-WL', '周敏', '微博 @周敏在常德'],
  ['CD-DC', '李卫东', '今日头条 鼎城卫东'],
  ['CD-LX', '黄丽', '微博 @澧州黄丽'],
  ['CD-JCZ', '陈思远', '微博 @监测站思远'],
];
const TOPICS = ['蓝天保卫战', '河长制巡河', '六五环境日', '中央环保督察整改', '洞庭湖生态修复', '垃圾分类'];
// the centre's tasks for the whole team (decision 207): posts on the topic within the period complete them
const TASKS = [
  {
    topic: '六五环境日',
    title: '六五环境日：评论《常德市2017年环境状况公报》',
    from: '2018-06-01',
    to: '2018-06-15',
  },
  { topic: '中央环保督察整改', title: '中央环保督察“回头看”整改进展', from: '2018-10-01', to: '2018-10-31' },
];

export async function seedMediaWorkDemo(
  trx: Transaction<Database>,
  units: Map<string, number>,
  bureau: number,
  facts: MediaFacts,
  at: string,
): Promise<FactsChange[]> {
  const changes: FactsChange[] = [];
  const own = (code: string) => ({
    bureau_unit_id: bureau,
    unit_id: units.get(code)!,
    created_at: at,
    updated_at: at,
  });
  for (const [i, code] of COUNTY.entries()) {
    if (!units.has(code)) continue;
    const lines = [
      { paper: '中国环境报', copies: [30, 24, 30, 18, 36, 30, 12, 30, 22][i]!, price: 324 },
      ...(i % 3 === 0 ? [{ paper: '湖南日报', copies: 6, price: 498 }] : []),
    ];
    for (const l of lines) {
      const row = {
        ...own(code),
        year: 2018,
        paper: l.paper,
        copies: l.copies,
        amount_fen: l.copies * l.price * 100,
        evidence: `邮发订单 2017-${1100 + i}`,
      };
      const { id } = await trx
        .insertInto('media_subscriptions')
        .values(row)
        .returning('id')
        .executeTakeFirstOrThrow();
      changes.push(...(await facts.writeSubscription(trx, id, row)));
    }
  }
  for (const [i, [code, name, accounts]] of TEAM.entries()) {
    if (!units.has(code)) continue;
    const { id } = await trx
      .insertInto('media_commentators')
      .values({ ...own(code), name, accounts, active: i === 4 ? 0 : 1 })
      .returning('id')
      .executeTakeFirstOrThrow();
    // a few posts a month, fewer for the later members; none after the one who left stopped (June)
    for (let m = 1; m <= (i === 4 ? 6 : 12); m++)
      for (let k = 0; k < ((m * 7 + i * 3) % 4) + (i < 2 ? 2 : 0); k++) {
        const day = `2018-${String(m).padStart(2, '0')}-${String(3 + k * 6).padStart(2, '0')}`;
        await trx
          .insertInto('media_commentator_posts')
          .values({
            commentator_id: id,
            task_id: null,
            posted_on: day,
            url: `https://weibo.com/demo/${id}/${day.replaceAll('-', '')}${k}`,
            topic: TOPICS[(m + k + i) % TOPICS.length]!,
            created_at: at,
          })
          .execute();
      }
  }
  for (const task of TASKS) {
    const { id } = await trx
      .insertInto('media_commentator_tasks')
      .values({
        ...own(DEMO_BUREAU_CODE),
        title: task.title,
        link: 'https://www.changde.gov.cn/demo/hb',
        starts_on: task.from,
        ends_on: task.to,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('media_commentator_posts')
      .set({ task_id: id })
      .where('topic', '=', task.topic)
      .where('posted_on', '>=', task.from)
      .where('posted_on', '<=', task.to)
      .execute();
  }
  const outlet = async (name: string) =>
    (await trx.selectFrom('outlets').select('id').where('name', '=', name).executeTakeFirst())?.id ?? null;
  for (const c of [
    {
      code: 'CD-XJK',
      outlet: '常德日报',
      name: '生态常德',
      starts: '2018-01-01',
      ends: '2018-12-31',
      pieces: 46,
    },
    {
      code: 'CD-XJK',
      outlet: '常德广播电视台',
      name: '环保在线',
      starts: '2018-03-01',
      ends: null,
      pieces: 31,
    },
  ])
    if (units.has(c.code))
      await trx
        .insertInto('media_columns')
        .values({
          ...own(c.code),
          outlet_id: await outlet(c.outlet),
          outlet_name: c.outlet,
          name: c.name,
          starts_on: c.starts,
          ends_on: c.ends,
          pieces: c.pieces,
          note: '示例数据',
        })
        .execute();
  return changes;
}
