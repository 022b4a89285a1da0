// The demo year's events and the 2018 contest (issue 15), made through the real services so that the
// facts, block B, the audit and the photos' checks are the ones a user's would be: a year of events by
// the county officers and the information centre (a five-into board where some units are short), an
// open day with sign-ups and a waiting list, and the 2018 『塑』战速决 contest — schools, works with
// photos, automatic blind judging, the trimmed-mean results, the award proposal and leadership's
// approval, so the gallery and B2/B3 have something to show. Only on a real first start (server.ts).
// The contest's deadlines are checked against a demo clock walking through spring 2018: the same
// service code, told the date the story happens on. Every title ends in （演示）.
import { Readable } from 'node:stream';
import {
  CONTEST_TEMPLATE,
  type ActivityInput,
  type ActivityKind,
  type FiveIntoTarget,
} from '@greenvoice/common';
import type { DB } from '../db/database.ts';
import type { RequestContext } from '../http/context.ts';
import { sharp } from '../lazy-packages.ts';
import { createContestFacts } from '../modules/contest/contest-facts.ts';
import { createContestJudging } from '../modules/contest/contest-judging.service.ts';
import { createContestService } from '../modules/contest/contest.service.ts';
import { createFactsRepo } from '../modules/facts/facts.repo.ts';
import type { Services } from '../services.ts';
import { contextOf, personWith } from './demo-story.ts';

type Deps = Pick<
  Services,
  | 'auth'
  | 'activities'
  | 'signups'
  | 'registry'
  | 'contestRepo'
  | 'audit'
  | 'units'
  | 'activityPhotos'
  | 'handOff'
> & { db: DB };

const TARGETS: FiveIntoTarget[] = ['enterprise', 'school', 'agency', 'community', 'village'];
const PLACES = ['社区文化广场', '市民之家', '中心小学', '工业园区', '镇政府礼堂'];
/** how many of the five targets each county reached per half-year: some meet the norm, some not */
const REACH: Record<string, [number, number]> = {
  'CD-WL': [5, 5],
  'CD-DC': [5, 4],
  'CD-LX': [4, 5],
  'CD-AX': [3, 2],
  'CD-HS': [5, 3],
  'CD-TY': [2, 4],
};

function event(
  unitId: number,
  kind: ActivityKind,
  heldOn: string,
  title: string,
  extra: Partial<ActivityInput> = {},
): ActivityInput {
  return {
    unitId,
    kind,
    heldOn,
    title: `${title}（演示）`,
    place: extra.place ?? PLACES[heldOn.charCodeAt(9) % PLACES.length]!,
    organiser: extra.organiser ?? '本局宣传教育股',
    audienceCount: extra.audienceCount ?? 40 + ((heldOn.charCodeAt(6) * 7) % 160),
    ...extra,
  };
}

/** A small picture standing in for a photo of a work: a few shapes in the work's own colours. */
async function picture(seed: number) {
  const hue = (seed * 47) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="360">
    <rect width="480" height="360" fill="hsl(${hue},45%,88%)"/>
    <circle cx="${120 + (seed % 5) * 40}" cy="150" r="70" fill="hsl(${(hue + 120) % 360},55%,55%)"/>
    <rect x="250" y="${90 + (seed % 3) * 30}" width="110" height="170" rx="24" fill="hsl(${(hue + 200) % 360},50%,45%)"/>
    <path d="M40 320 Q240 ${230 + (seed % 4) * 15} 440 320 Z" fill="hsl(${(hue + 60) % 360},50%,60%)"/>
  </svg>`;
  return sharp()(Buffer.from(svg)).png().toBuffer();
}
async function* parts(files: Array<{ name: string; bytes: Buffer }>) {
  for (const f of files) yield { filename: f.name, file: Readable.from([f.bytes]) };
}

export async function seedActivitiesDemo(deps: Deps) {
  const { db } = deps;
  const units = new Map(
    (await db.selectFrom('units').select(['id', 'code']).execute()).map((u) => [u.code, u.id]),
  );
  const officers = new Map<string, number>();
  for (const o of await personWith(db, 'officer')) if (!officers.has(o.code)) officers.set(o.code, o.id);
  const [admin] = await personWith(db, 'admin');
  const [leader] = await personWith(db, 'leadership');
  if (!admin || !leader) return { events: 0, works: 0 };
  const centre = await contextOf(deps, admin.id);

  // a year of events: five-into per half-year by target, June 5, census and inspection publicity
  let events = 0;
  const record = async (ctx: RequestContext, input: ActivityInput) => {
    await deps.activities.create(ctx, input);
    events++;
  };
  for (const [code, [h1, h2]] of Object.entries(REACH)) {
    const personId = officers.get(code);
    const unitId = units.get(code);
    if (!personId || !unitId) continue;
    const ctx = await contextOf(deps, personId);
    for (const [half, reach] of [
      [0, h1],
      [1, h2],
    ] as const)
      for (const [i, target] of TARGETS.slice(0, reach).entries()) {
        const month = String(half * 6 + 2 + i).padStart(2, '0');
        await record(
          ctx,
          event(
            unitId,
            'fiveInto',
            `2018-${month}-1${i}`,
            `生态环保知识${target === 'school' ? '进校园' : '宣讲'}`,
            {
              target,
              partner: target === 'school' ? '区教育局' : '街道办事处',
              audienceKind: target === 'school' ? 'students' : 'public',
            },
          ),
        );
      }
    await record(
      ctx,
      event(unitId, 'environmentDay', '2018-06-05', '六五环境日主题宣传', { themes: ['plastic'] }),
    );
    await record(ctx, event(unitId, 'census', '2018-04-18', '第二次全国污染源普查入户宣传'));
  }
  const city = units.get('CD-XXZX') ?? units.get('CDHB')!;
  for (const [kind, heldOn, title, extra] of [
    [
      'lectureHall',
      '2018-03-22',
      '生态环保大讲堂：习近平生态文明思想',
      {
        organiser: '市委理论学习中心组',
        speaker: '省环保厅专家',
        audienceKind: 'leadingCadres',
        audienceCount: 120,
      },
    ],
    [
      'lectureHall',
      '2018-09-13',
      '生态环保大讲堂：企业环境责任',
      { organiser: '市委党校', speaker: '市环保局局长', audienceKind: 'enterpriseHeads', audienceCount: 86 },
    ],
    ['inspection', '2018-07-06', '中央环保督察“回头看”整改宣传', {}],
    ['training', '2018-05-16', '全市环保信息员培训', { audienceKind: 'staff', audienceCount: 64 }],
    ['greenAngel', '2018-10-20', '“绿色小天使”环保实践活动', { audienceKind: 'students' }],
  ] as const)
    await record(centre, event(city, kind, heldOn, title, extra as Partial<ActivityInput>));

  // an open day with seats: full, with a waiting list
  const nextYear = new Date().getUTCFullYear() + 1;
  const openDay = await deps.signups.createEvent(centre, {
    title: '环境监测站公众开放日（演示）',
    kind: 'openDay',
    startsAt: `${nextYear}-06-05T01:30:00.000Z`,
    closesAt: `${nextYear}-06-03T10:00:00.000Z`,
    place: '常德市环境监测站',
    description: '参观空气自动监测站和实验室，了解监测数据如何产生。',
    capacity: 30,
  });
  const publicCtx: RequestContext = {
    actor: null,
    requestId: 'demo-activities',
    clientIp: '127.0.0.1',
    userAgent: 'demo-activities',
    audited: false,
  };
  for (const [name, organisation, groupSize] of [
    ['王老师', '武陵区第一小学', 12],
    ['李女士', null, 2],
    ['张先生', '常德市民环保志愿者协会', 10],
    ['赵同学', null, 1],
    ['刘老师', '鼎城区实验中学', 8],
    ['陈先生', null, 3],
  ] as const)
    await deps.signups.signUp(publicCtx, openDay.id, { name, organisation, groupSize });

  await seedBases(deps, centre, publicCtx, nextYear);
  return { events, works: await seedContest(deps, units, officers, admin.id, leader.id) };
}

async function seedContest(
  deps: Deps,
  units: Map<string, number>,
  officers: Map<string, number>,
  adminId: number,
  leaderId: number,
) {
  const { db } = deps;
  let day = '2018-03-01';
  const today = () => day;
  const facts = createContestFacts({
    repo: deps.contestRepo,
    facts: createFactsRepo(),
    audit: deps.audit,
    scores: deps.handOff,
    today,
  });
  const people = {
    exists: async (id: number) =>
      Boolean(await db.selectFrom('people').select('id').where('id', '=', id).executeTakeFirst()),
  };
  const contests = createContestService({
    repo: deps.contestRepo,
    audit: deps.audit,
    units: deps.units,
    photos: deps.activityPhotos,
    facts,
    people,
    today,
  });
  const judging = createContestJudging({
    repo: deps.contestRepo,
    contests,
    audit: deps.audit,
    facts,
    photos: deps.activityPhotos,
    today,
  });
  const centre = await contextOf(deps, adminId);
  const c = await contests.create(centre, {
    year: 2018,
    title: '常德市中小学生环保创意大赛（演示）',
    theme: '『塑』战速决',
    ...CONTEST_TEMPLATE,
    quotas: { first: 1, second: 1, third: 1, excellence: 1 },
    judgesPerWork: 4,
    entriesCloseOn: '2018-05-10',
    judgingCloseOn: '2018-05-25',
    galaOn: '2018-06-05',
  });

  day = '2018-04-20';
  const schools: Array<{ id: number; name: string; county: string }> = [];
  for (const [name, county, consent] of [
    ['武陵区育英小学', 'CD-WL', true],
    ['鼎城区第一中学', 'CD-DC', false],
    ['澧县实验小学', 'CD-LX', true],
    ['安乡县深柳镇中学', 'CD-AX', true],
    ['汉寿县龙阳小学', 'CD-HS', false],
    ['桃源县漳江中学', 'CD-TY', true],
  ] as const) {
    const s = await contests.registerSchool(centre, c.id, {
      name,
      countyUnitId: units.get(county)!,
      contactTeacher: `${name.slice(-4, -2)}老师`,
      contactPhone: null,
      namesConsent: consent,
    });
    schools.push({ id: s.id, name, county });
  }
  const TITLES = [
    '塑料瓶的新生',
    '不要让海洋哭泣',
    '袋袋相传',
    '地球的塑料外衣',
    '吸管变花园',
    '少一个塑料袋',
  ];
  let works = 0;
  for (const [i, s] of schools.entries()) {
    const ageGroup = s.name.includes('中学') ? 'secondary' : 'primary';
    const officer = officers.get(s.county);
    // the county officer enters their own schools' works, as the module's scope intends
    const ctx = officer ? await contextOf(deps, officer) : centre;
    for (const [k, category] of (['handicraft', 'painting'] as const).entries()) {
      const seed = i * 2 + k;
      const w = await contests.enterWork(ctx, c.id, {
        schoolId: s.id,
        category,
        ageGroup,
        title: `${TITLES[(i + k * 3) % TITLES.length]}（演示）`,
        students: `学生${'甲乙丙丁戊己'[i]}${k + 1}、学生${'子丑寅卯辰巳'[i]}${k + 1}`,
        teacher: `指导老师${'一二三四五六'[i]}`,
        description:
          category === 'handicraft'
            ? '用回收的塑料瓶和瓶盖制作，提醒大家减少一次性塑料制品。'
            : '水彩画，表现海洋生物被塑料垃圾包围的场景。',
      });
      await contests.addWorkPhotos(
        ctx,
        c.id,
        w.id,
        parts([
          { name: `${w.code}-1.png`, bytes: await picture(seed) },
          { name: `${w.code}-2.png`, bytes: await picture(seed + 11) },
        ]),
      );
      works++;
    }
  }

  // five judges from the bureau and its departments: none teaches at a school or works in a county,
  // so every work gets four and the trimmed mean drops one high and one low sheet
  for (const [role, unit] of [
    ['reviewer'],
    ['leadership'],
    ['admin'],
    ['deputyLeader', 'CD-XJK'],
    ['deputyLeader', 'CD-BGS'],
  ] as const) {
    const [p] = await personWith(db, role, unit);
    if (p) await contests.addJudge(centre, c.id, { personId: p.id });
  }
  day = '2018-05-12';
  await judging.assign(centre, c.id);
  for (const judge of (await contests.judges(centre, c.id)).items) {
    const ctx = await contextOf(deps, judge.personId);
    for (const sheet of (await judging.mySheets(ctx)).items) {
      // a plausible spread: each work has its own level, each judge their own leniency
      const level = 5 + ((sheet.code.charCodeAt(sheet.code.length - 1) * 3 + sheet.title.length) % 5);
      const lean = (judge.id % 3) * 0.5;
      const scores = Object.fromEntries(
        sheet.rubric.map((r, j) => [r.code, Math.min(r.max, level + lean + (j % 2) * 0.5)]),
      );
      await judging.score(ctx, sheet.sheetId, { scores, comment: '主题鲜明，材料环保（演示）' });
    }
  }
  day = '2018-05-26';
  await judging.propose(centre, c.id);
  day = '2018-05-28';
  await judging.approve(await contextOf(deps, leaderId), c.id);
  return works;
}

/**
 * The city's registries of education bases, green schools and green communities, and visiting slots at
 * the two bases in good standing: one nearly booked by schools, one with a school group waiting.
 */
async function seedBases(deps: Deps, centre: RequestContext, publicCtx: RequestContext, nextYear: number) {
  const entries = [
    ['educationBase', '常德市环境监测站环境教育基地（演示）', '武陵区', 'provincial', 2016, 'active'],
    ['educationBase', '柳叶湖湿地生态环境教育基地（演示）', '武陵区', 'city', 2017, 'active'],
    ['educationBase', '壶瓶山自然保护区环境教育基地（演示）', '石门县', 'provincial', 2015, 'underReview'],
    ['greenSchool', '武陵区第一小学（演示）', '武陵区', 'provincial', 2017, 'active'],
    ['greenSchool', '鼎城区实验中学（演示）', '鼎城区', 'city', 2016, 'active'],
    ['greenSchool', '澧县第二中学（演示）', '澧县', 'city', 2014, 'revoked'],
    ['greenCommunity', '武陵区丹阳街道常德市民之家社区（演示）', '武陵区', 'city', 2017, 'active'],
    ['greenCommunity', '津市市嘉山街道社区（演示）', '津市市', 'county', 2018, 'active'],
  ] as const;
  const made = [];
  for (const [kind, name, county, level, yearAwarded, status] of entries)
    made.push(await deps.registry.create(centre, { kind, name, county, level, yearAwarded, status }));
  const [station, wetland] = made;
  const slot = (base: number, day: string, title: string, capacity: number) =>
    deps.signups.createEvent(centre, {
      title: `${title}（演示）`,
      kind: 'baseVisit',
      baseId: base,
      startsAt: `${nextYear}-${day}T01:00:00.000Z`,
      closesAt: `${nextYear}-${day}T00:00:00.000Z`,
      place: base === station!.id ? '常德市环境监测站' : '柳叶湖湿地公园游客中心',
      description: '讲解员带领参观，约两小时；请带队老师提前十分钟到达。',
      capacity,
    });
  const spring = await slot(station!.id, '04-22', '世界地球日参观：空气自动监测站', 60);
  await slot(station!.id, '05-12', '防灾减灾日参观：环境应急监测车', 40);
  const wetlandDay = await slot(wetland!.id, '05-22', '生物多样性日：湿地观鸟', 45);
  for (const [eventId, name, organisation, groupSize] of [
    [spring.id, '周老师', '武陵区第一小学', 35],
    [spring.id, '黄老师', '常德市第七中学', 20],
    [wetlandDay.id, '吴老师', '鼎城区实验中学', 40],
    [wetlandDay.id, '郑老师', '柳叶湖旅游度假区中心小学', 30],
  ] as const)
    await deps.signups.signUp(publicCtx, eventId, { name, organisation, groupSize });
}
