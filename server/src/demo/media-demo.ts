// Demo new-media matrix (clearly demo: every account is_demo, names say 演示): the Changde county-level
// bureaus' accounts with 2018's daily metrics from a seeded generator — the same numbers on every machine.
// Some accounts opened after the 2018-06-30 deadline (澧县, 西洞庭) or not at all (桃花源), some went
// silent (津市 after October, 安乡's Weibo never posted, 临澧 in August), 汉寿's Douyin stopped but was
// never deregistered and 西湖's WeChat has no working interaction function.
import type { FunctionState, MediaPlatform } from '@greenvoice/common';
import { dayNumber, dayOf } from '@greenvoice/common';
import type { DB } from '../db/database.ts';
import { nowIso } from '../db/database.ts';
import type { ScoresHandOff } from '../modules/assessment/scoring.service.ts';
import { mergeFactsChanges } from '../modules/facts/facts.repo.ts';
import { seedMediaWorkDemo } from './media-work-demo.ts';
import type { MediaFacts } from '../modules/media/media-facts.ts';
import { DEMO_BUREAU_CODE } from './changde-units.ts';

interface DemoAccount {
  unit: string;
  platform: MediaPlatform;
  name: string;
  opened: string | null;
  /** average reads per article and chance of posting on a day */
  reads: number;
  postChance: number;
  followers: number;
  silentFrom?: string;
  gap?: [string, string];
  never?: boolean;
  stopped?: string;
  deregistered?: string;
  broken?: boolean;
}

const W = 'wechatOfficial' as const;
const ACCOUNTS: DemoAccount[] = [
  {
    unit: 'CD-WL',
    platform: W,
    name: '武陵环保（演示）',
    opened: '2016-08-01',
    reads: 900,
    postChance: 0.75,
    followers: 5200,
  },
  {
    unit: 'CD-WL',
    platform: 'weibo',
    name: '武陵环保微博（演示）',
    opened: '2015-05-20',
    reads: 600,
    postChance: 0.5,
    followers: 3100,
  },
  {
    unit: 'CD-DC',
    platform: W,
    name: '鼎城环保（演示）',
    opened: '2017-03-15',
    reads: 700,
    postChance: 0.7,
    followers: 3800,
  },
  {
    unit: 'CD-DC',
    platform: 'douyin',
    name: '鼎城生态（演示）',
    opened: '2018-04-22',
    reads: 1500,
    postChance: 0.25,
    followers: 200,
  },
  {
    unit: 'CD-AX',
    platform: W,
    name: '安乡环保（演示）',
    opened: '2018-03-02',
    reads: 350,
    postChance: 0.55,
    followers: 600,
  },
  {
    unit: 'CD-AX',
    platform: 'weibo',
    name: '安乡环保发布（演示）',
    opened: '2018-05-10',
    reads: 0,
    postChance: 0,
    followers: 0,
    never: true,
  },
  {
    unit: 'CD-HS',
    platform: W,
    name: '汉寿环保（演示）',
    opened: '2017-11-08',
    reads: 420,
    postChance: 0.6,
    followers: 1500,
  },
  {
    unit: 'CD-HS',
    platform: 'douyin',
    name: '汉寿环保抖音（演示）',
    opened: '2018-02-01',
    reads: 800,
    postChance: 0.2,
    followers: 300,
    stopped: '2018-09-01',
  },
  {
    unit: 'CD-LX',
    platform: W,
    name: '澧县环保（演示）',
    opened: '2018-07-15',
    reads: 300,
    postChance: 0.5,
    followers: 150,
  },
  {
    unit: 'CD-LL',
    platform: W,
    name: '临澧环保（演示）',
    opened: '2018-01-20',
    reads: 380,
    postChance: 0.6,
    followers: 700,
    gap: ['2018-08-03', '2018-08-27'],
  },
  {
    unit: 'CD-TY',
    platform: W,
    name: '桃源环保（演示）',
    opened: '2017-06-06',
    reads: 520,
    postChance: 0.65,
    followers: 2400,
  },
  {
    unit: 'CD-TY',
    platform: 'toutiao',
    name: '桃源环保头条号（演示）',
    opened: '2018-03-18',
    reads: 1100,
    postChance: 0.3,
    followers: 800,
  },
  {
    unit: 'CD-SM',
    platform: W,
    name: '石门环保（演示）',
    opened: '2018-05-28',
    reads: 450,
    postChance: 0.6,
    followers: 500,
  },
  {
    unit: 'CD-SM',
    platform: 'toutiao',
    name: '石门环保头条（旧，演示）',
    opened: '2016-04-01',
    reads: 0,
    postChance: 0,
    followers: 0,
    stopped: '2017-10-01',
    deregistered: '2018-03-01',
  },
  {
    unit: 'CD-JS',
    platform: W,
    name: '津市环保（演示）',
    opened: '2018-02-26',
    reads: 330,
    postChance: 0.55,
    followers: 650,
    silentFrom: '2018-10-21',
  },
  {
    unit: 'CD-JKQ',
    platform: W,
    name: '常德经开区环保（演示）',
    opened: '2018-06-12',
    reads: 260,
    postChance: 0.5,
    followers: 300,
  },
  {
    unit: 'CD-LYH',
    platform: W,
    name: '柳叶湖环保（演示）',
    opened: '2018-06-29',
    reads: 280,
    postChance: 0.45,
    followers: 250,
  },
  {
    unit: 'CD-XH',
    platform: W,
    name: '西湖环保（演示）',
    opened: '2018-04-03',
    reads: 200,
    postChance: 0.4,
    followers: 220,
    broken: true,
  },
  {
    unit: 'CD-XDT',
    platform: W,
    name: '西洞庭环保（演示）',
    opened: '2018-09-03',
    reads: 180,
    postChance: 0.4,
    followers: 90,
  },
  {
    unit: 'CD-XXZX',
    platform: W,
    name: '常德环境（演示）',
    opened: '2015-09-01',
    reads: 2600,
    postChance: 0.9,
    followers: 21000,
  },
  {
    unit: 'CD-XXZX',
    platform: 'wechatVideo',
    name: '常德环境视频号（演示）',
    opened: '2018-10-10',
    reads: 900,
    postChance: 0.3,
    followers: 100,
  },
];

/** mulberry32: a small seeded generator, so the demo's numbers never change. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LINK: Record<MediaPlatform, (id: string) => string> = {
  wechatOfficial: (id) => `https://mp.weixin.qq.com/mp/profile_ext?action=home&__biz=${id}`,
  wechatVideo: (id) => `https://channels.weixin.qq.com/${id}`,
  weibo: (id) => `https://weibo.com/u/${id}`,
  douyin: (id) => `https://www.douyin.com/user/${id}`,
  toutiao: (id) => `https://www.toutiao.com/c/user/${id}/`,
  other: (id) => `https://example.org/${id}`,
};

export async function seedMediaDemo(
  db: DB,
  deps: { facts: MediaFacts; scores: ScoresHandOff; today: () => string },
) {
  const units = new Map(
    (await db.selectFrom('units').select(['id', 'code']).where('is_demo', '=', 1).execute()).map((u) => [
      u.code,
      u.id,
    ]),
  );
  const bureau = units.get(DEMO_BUREAU_CODE);
  if (!bureau) return 0;
  let rows = 0;
  const changes = await db.transaction().execute(async (trx) => {
    const at = nowIso();
    for (const [i, a] of ACCOUNTS.entries()) {
      const unitId = units.get(a.unit)!;
      const wechat = a.platform === W;
      const platformId = wechat
        ? `gh_demo${(0x5a3c1 + i * 7919).toString(16)}`
        : String(6_100_000_000 + i * 104_729);
      const fn = (s: FunctionState): FunctionState => (a.broken ? (s === 'working' ? 'broken' : s) : s);
      const { id } = await trx
        .insertInto('media_accounts')
        .values({
          bureau_unit_id: bureau,
          unit_id: unitId,
          platform: a.platform,
          name: a.name,
          platform_id: platformId,
          operator: '宣传信息员（演示）',
          opened_on: a.opened,
          filing: i % 7 === 3 ? 'pending' : 'filed',
          filing_number: i % 7 === 3 ? null : `湘新媒备〔2018〕${String(i + 1).padStart(3, '0')}号（演示）`,
          fn_messages: fn('working'),
          fn_auto_reply: fn(wechat ? 'working' : 'absent'),
          fn_menu: fn(wechat ? 'working' : 'absent'),
          link: LINK[a.platform](platformId),
          description: `${a.name.replace('（演示）', '')}：发布环境质量、执法动态和环保政策解读（演示账号）`,
          state: a.deregistered ? 'deregistered' : a.stopped ? 'stopped' : 'active',
          stopped_on: a.stopped ?? null,
          deregistered_on: a.deregistered ?? null,
          is_demo: 1,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('media_account_history')
        .values({
          account_id: id,
          version: 1,
          change: 'created',
          changes: JSON.stringify({ name: [null, a.name] }),
          changed_by: null,
          changed_by_name: '演示数据',
          changed_at: at,
        })
        .execute();
      if (a.never || a.deregistered) continue;
      const rnd = random(1000 + i);
      const first = Math.max(dayNumber(a.opened ?? '2018-01-01'), dayNumber('2018-01-01'));
      const last = dayNumber(a.stopped && a.stopped < '2018-12-31' ? a.stopped : '2018-12-31');
      let total = a.opened && a.opened < '2018-01-01' ? a.followers : Math.round(a.followers * 0.1);
      const batch = [];
      for (let d = first; d <= last; d++) {
        const date = dayOf(d);
        const quiet =
          (a.silentFrom && date >= a.silentFrom) || (a.gap && date >= a.gap[0] && date <= a.gap[1]);
        const posts = quiet || rnd() > a.postChance ? 0 : 1 + Math.floor(rnd() * (wechat ? 3 : 2));
        const season =
          1 + 0.25 * Math.sin(((d % 365) / 365) * 2 * Math.PI) + (date.slice(5, 10) === '06-05' ? 1.5 : 0);
        const per = Array.from({ length: posts }, (_, k) =>
          Math.round(a.reads * season * (k === 0 ? 1.6 : 0.6) * (0.4 + rnd() * 1.2)),
        );
        const reads = per.reduce((s, x) => s + x, 0);
        const ratio = (r: number, f: number) => Math.round(r * f * (0.6 + rnd() * 0.8));
        const fNew = Math.round((a.followers / 220) * (0.3 + rnd()) * (posts ? 1.4 : 0.6));
        const fCut = Math.round(fNew * (0.1 + rnd() * 0.25));
        total += fNew - fCut;
        batch.push({
          account_id: id,
          period: 'day' as const,
          period_start: date,
          posts,
          headline_posts: wechat ? Math.min(posts, 1) : null,
          reads,
          zaikan: wechat ? ratio(reads, 0.012) : null,
          likes: ratio(reads, 0.025),
          shares: ratio(reads, 0.03),
          headline_reads: wechat ? (per[0] ?? 0) : null,
          headline_zaikan: wechat ? ratio(per[0] ?? 0, 0.012) : null,
          headline_likes: wechat ? ratio(per[0] ?? 0, 0.025) : null,
          headline_shares: wechat ? ratio(per[0] ?? 0, 0.03) : null,
          peak_reads: wechat ? Math.max(0, ...per) : null,
          peak_zaikan: wechat ? ratio(Math.max(0, ...per), 0.012) : null,
          peak_likes: wechat ? ratio(Math.max(0, ...per), 0.025) : null,
          peak_shares: wechat ? ratio(Math.max(0, ...per), 0.03) : null,
          followers_new: fNew,
          followers_cancelled: fCut,
          followers_net: fNew - fCut,
          followers_total: total,
          source: 'demo' as const,
          updated_at: at,
        });
      }
      // headline and peak values never exceed the totals they are part of
      for (const r of batch) {
        for (const k of ['zaikan', 'likes', 'shares'] as const) {
          const total = r[k] ?? 0;
          for (const part of [`headline_${k}`, `peak_${k}`] as const)
            if (r[part] !== null && r[part]! > total) r[part] = total;
        }
      }
      for (let k = 0; k < batch.length; k += 100)
        await trx
          .insertInto('media_metrics')
          .values(batch.slice(k, k + 100))
          .execute();
      rows += batch.length;
    }
    const work = await seedMediaWorkDemo(trx, units, bureau, deps.facts, at);
    const all = await trx.selectFrom('media_accounts').select('unit_id').distinct().execute();
    const changes = await deps.facts.refreshUnits(
      trx,
      all.map((u) => u.unit_id),
      deps.today(),
    );
    changes.push(...work);
    for (const c of mergeFactsChanges(changes)) await deps.scores.markStale(trx, c);
    return changes;
  });
  await deps.scores.afterCommit(mergeFactsChanges(changes));
  return rows;
}
