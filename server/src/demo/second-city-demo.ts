// The demo's second city (decision 176): 湘潭市生态环境局, a bureau of its own beside Changde's in one
// installation, with a small website of its own reached on its own host name. Its channels share
// Changde's codes on purpose — /channels/tzgg is each city's own notices — so the demo shows that a
// site is chosen by host, never by address. Everything is flagged is_demo like the rest.
import { classify, creditCodeCheckChar, type WaterValues } from '@greenvoice/common';
import type { Transaction } from 'kysely';
import type { Database } from '../db/types.ts';
import { storeHourly } from '../modules/monitoring/air-store.ts';
import { storeWater } from '../modules/monitoring/water-store.ts';
import { demoStationRows, generateHourly, prng } from './air-readings-demo.ts';
import type { DemoUnit } from './changde-units.ts';
import { p, seedDemoSite } from './portal-demo.ts';

export const SECOND_CITY_CODE = 'XTHB';
/** `*.localhost` reaches this machine in browsers and curl without any set-up (RFC 6761). */
export const SECOND_CITY_HOST = 'xiangtan.localhost';

export const SECOND_CITY_UNITS: DemoUnit[] = [
  { code: SECOND_CITY_CODE, name: '湘潭市生态环境局', kind: 'cityBureau', parent: null },
  { code: 'XT-XXZX', name: '湘潭市生态环境局信息中心', kind: 'department', parent: SECOND_CITY_CODE },
];

export async function seedSecondCityDemo(trx: Transaction<Database>, bureauId: number) {
  await seedDemoSite(trx, {
    bureauId,
    channels: [
      ['gzdt', '工作动态', 'Work news', 'news', '湘潭市生态环境保护工作动态'],
      ['tzgg', '通知公告', 'Notices', 'notice', '湘潭市生态环境局发布的通知、公告'],
      ['zcfg', '政策法规', 'Policies and laws', 'policy', '生态环境法律法规与政策文件'],
      // the data channels lead to Xiangtan's own stations, sections, enterprises and incidents (decision 198)
      ['hjzl', '环境质量', 'Environmental quality', 'data', '湘潭市空气与地表水环境质量'],
      ['qyhjxx', '企业环境信息', 'Enterprise information', 'disclosure', '湘潭市重点排污单位环境信息公开'],
      ['tfhjsj', '突发环境事件', 'Environmental incidents', 'news', '湘潭市突发环境事件信息发布'],
      ['sjkf', '开放数据', 'Open data', 'data', '湘潭市环境质量、企业与事件数据整套下载'],
      ['gzcy', '公众参与', 'Public participation', 'participation', '举报、信件与依申请公开'],
    ],
    dataPages: { hjzl: 'quality', qyhjxx: 'enterprises', tfhjsj: 'incidents', sjkf: 'open-data' },
    articles: [
      [
        'gzdt',
        '湘江湘潭段水质保持Ⅱ类（演示）',
        '2018-04-18 10:00',
        '湘潭市生态环境局',
        p('湘江湘潭段各国控断面一季度水质均值保持Ⅱ类，饮用水水源地水质达标率100%。'),
      ],
      [
        'gzdt',
        '湘潭市开展竹埠港老工业区土壤修复宣传周（演示）',
        '2018-05-15 09:30',
        '湘潭市生态环境局',
        p('5月15日起，湘潭市在竹埠港片区开展土壤修复宣传周，向周边居民介绍修复进展和监测结果。'),
      ],
      [
        'tzgg',
        '关于湘潭市2018年生态环境宣传月活动安排的通知（演示）',
        '2018-04-25 16:00',
        '湘潭市生态环境局办公室',
        p('各县市区生态环境分局：现将2018年生态环境宣传月活动安排印发给你们，请认真组织实施。'),
        { doc: '潭环发〔2018〕7号' },
      ],
      [
        'gzcy',
        '湘潭市环境违法行为举报指引（演示）',
        '2018-03-20 09:00',
        '湘潭市生态环境局',
        p(
          '公众可通过本网站“公众参与”栏目或12369环保举报热线举报环境违法行为，举报人的个人信息依法予以保密。',
        ),
      ],
      [
        'zcfg',
        '湘潭市大气污染防治实施细则（演示）',
        '2018-03-12 09:00',
        '湘潭市生态环境局',
        p('为改善环境空气质量，根据《中华人民共和国大气污染防治法》，结合本市实际，制定本细则。'),
      ],
    ],
    staff: { editor: 'admin.xt', reviewer: 'admin.xt', admin: 'admin.xt' },
    settings: {
      siteName: '湘潭市生态环境局',
      siteNameEn: 'Xiangtan Ecology and Environment Bureau',
      siteDomain: 'sthjj.xiangtan.gov.cn',
      siteIdCode: '4303000000',
      icp: '湘ICP备00000003号（演示）',
      publicSecurityFiling: '湘公网安备43030000000000号（演示）',
      sponsor: '湘潭市生态环境局',
      address: '湖南省湘潭市岳塘区（演示地址）',
      postcode: '411100',
      phone: '12369（环保举报热线）',
      email: 'demo-xt@example.gov.cn',
    },
  });
  await trx
    .insertInto('portal_site_domains')
    .values({ host: SECOND_CITY_HOST, unit_id: bureauId, created_at: '2018-03-01T01:00:00.000Z' })
    .execute();
}

/** Xiangtan's own air stations (the year of readings at `npm start` covers them like Changde's). */
export const SECOND_CITY_AIR_STATIONS = [
  { code: 'XT-A01', name: '湘潭市监测站', county: '雨湖区', level: 'national', urban: 1.12 },
  { code: 'XT-A02', name: '岳塘区板塘', county: '岳塘区', level: 'national', urban: 1.06 },
] as const;
export const SECOND_CITY_SECTION = '湘江易家湾';
export const SECOND_CITY_ENTERPRISE = '湘潭市竹埠港化工有限公司（演示）';
export const SECOND_CITY_INCIDENT = '湘江湘潭段疑似漂浮物应急监测（演示）';

/**
 * Xiangtan's environmental data (decision 198): two stations with the last fortnight of 2018 hourly
 * (so even the test app's home page has its own air), one Xiang River section with two years of
 * monthly readings, one key discharging unit and one incident — stored the way an import stores them.
 */
export async function seedSecondCityEnvironment(trx: Transaction<Database>, bureauId: number) {
  const at = '2018-03-01T01:00:00.000Z';
  const common = { owner_unit_id: bureauId, is_demo: 1, created_at: at, updated_at: at };
  const stations = await trx
    .insertInto('air_stations')
    .values(demoStationRows(SECOND_CITY_AIR_STATIONS, common))
    .returning(['id', 'code'])
    .execute();
  const urban = new Map<string, number>(SECOND_CITY_AIR_STATIONS.map((s) => [s.code, s.urban]));
  const hours = generateHourly(
    stations.map((s) => ({ id: s.id, urban: urban.get(s.code) ?? 1 })),
    '2018-12-18',
    14,
    4303,
  );
  await storeHourly(trx, hours, { importId: null, isDemo: true });

  const section = await trx
    .insertInto('water_sections')
    .values({
      ...common,
      code: 'XT-W01',
      name: SECOND_CITY_SECTION,
      river: '湘江',
      basin: '湘江',
      waterbody: 'river',
      county: '岳塘区',
      control_level: 'national',
      attribute: '控制',
      target_class: 'II',
      longitude: null,
      latitude: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const rnd = prng(4303);
  const readings = ['2017', '2018'].flatMap((year) =>
    Array.from({ length: 12 }, (_, m) => {
      const f = (base: number) => Math.round(base * (0.8 + 0.4 * rnd()) * 1000) / 1000;
      const values: WaterValues = {
        ph: Math.round((7.3 + 0.6 * rnd()) * 100) / 100,
        do: Math.round((8.5 - rnd()) * 10) / 10,
        codmn: f(2.0),
        cod: f(6.5),
        bod5: f(1.0),
        nh3n: f(0.2),
        tp: f(0.06),
      };
      const sampledOn = `${year}-${String(m + 1).padStart(2, '0')}-08`;
      return { sectionId: section.id, sampledOn, values, result: classify('river', values) };
    }),
  );
  await storeWater(trx, readings, { importId: null, isDemo: true });

  const first17 = '91430300MA4XT0001'; // 4303: Xiangtan's division code
  const code = first17 + creditCodeCheckChar(first17)!;
  await trx
    .insertInto('dischargers')
    .values({
      ...common,
      name: SECOND_CITY_ENTERPRISE,
      credit_code: code,
      county: '岳塘区',
      industry: '化学原料和化学制品制造业',
      permit_number: `${code}001P`,
      address: null,
      listed_year: 2018,
    })
    .execute();
  await trx
    .insertInto('incidents')
    .values({
      ...common,
      title: SECOND_CITY_INCIDENT,
      occurred_at: '2018-06-09T08:30',
      county: '岳塘区',
      location: '湘江易家湾河段',
      level: 'general',
      status: 'closed',
      summary:
        '6月9日上午，湘江易家湾河段发现疑似漂浮物。市环境监测站立即开展应急监测，各项指标均符合地表水II类标准。',
      published_at: '2018-06-09T02:00:00.000Z',
    })
    .execute();
}
