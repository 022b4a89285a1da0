// The demo environmental data: Changde's air stations and water sections (names modelled on the city's
// real network; values generated), monthly water readings for 2017–2018, key discharging units with
// their disclosures, and incident releases. Every row is flagged is_demo. The year of hourly air
// readings is a separate step (`seedAirReadingsDemo`): `npm start` runs it, tests only when they need it.
import type { ControlLevel, DisclosureKind } from '@greenvoice/common';
import { classify, creditCodeCheckChar, type WaterValues, type Waterbody } from '@greenvoice/common';
import type { DB } from '../db/database.ts';
import { storeHourly } from '../modules/monitoring/air-store.ts';
import { storeWater } from '../modules/monitoring/water-store.ts';
import { demoStationRows, generateHourly, prng } from './air-readings-demo.ts';
import { DEMO_BUREAU_CODE } from './changde-units.ts';
import { SECOND_CITY_AIR_STATIONS } from './second-city-demo.ts';

export const DEMO_AIR_STATIONS = [
  { code: 'CD-A01', name: '市监测站', county: '武陵区', level: 'national', urban: 1.1 },
  { code: 'CD-A02', name: '市政府', county: '武陵区', level: 'national', urban: 1.15 },
  { code: 'CD-A03', name: '区环保局', county: '武陵区', level: 'national', urban: 1.05 },
  { code: 'CD-A04', name: '鼎城区监测站', county: '鼎城区', level: 'national', urban: 1.0 },
  { code: 'CD-A05', name: '经开区管委会', county: '常德经济技术开发区', level: 'national', urban: 1.08 },
  { code: 'CD-A06', name: '澧县环保局', county: '澧县', level: 'provincial', urban: 0.95 },
  { code: 'CD-A07', name: '津市市环保局', county: '津市市', level: 'provincial', urban: 0.97 },
  { code: 'CD-A08', name: '石门县环保局', county: '石门县', level: 'provincial', urban: 0.85 },
  { code: 'CD-A09', name: '桃源县环保局', county: '桃源县', level: 'provincial', urban: 0.88 },
  { code: 'CD-A10', name: '汉寿县环保局', county: '汉寿县', level: 'provincial', urban: 0.92 },
] as const;

// name, river, basin, waterbody, county, control level, attribute, target class, [typical NH3-N, TP, CODMn]
const SECTIONS: Array<
  [string, string, string, Waterbody, string, ControlLevel, string, string, [number, number, number]]
> = [
  ['沅水桃源', '沅江', '沅水', 'river', '桃源县', 'national', '控制', 'II', [0.18, 0.05, 2.1]],
  ['沅水河洑', '沅江', '沅水', 'river', '武陵区', 'national', '饮用水', 'II', [0.2, 0.06, 2.2]],
  ['沅水坡头', '沅江', '沅水', 'river', '汉寿县', 'national', '交界', 'III', [0.3, 0.09, 2.6]],
  ['澧水三江口', '澧水', '澧水', 'river', '石门县', 'national', '控制', 'II', [0.15, 0.04, 1.8]],
  ['澧水澧阳', '澧水', '澧水', 'river', '澧县', 'provincial', '控制', 'III', [0.25, 0.08, 2.4]],
  ['澧水小渡口', '澧水', '澧水', 'river', '津市市', 'national', '交界', 'III', [0.3, 0.1, 2.6]],
  ['道水佘市桥', '道水', '澧水', 'river', '临澧县', 'provincial', '控制', 'III', [0.45, 0.14, 3.4]],
  ['临澧九龙水厂', '道水', '澧水', 'river', '临澧县', 'provincial', '饮用水', 'II', [0.2, 0.07, 2.3]],
  ['西洞庭湖蒋家嘴', '西洞庭湖', '洞庭湖', 'lake', '汉寿县', 'national', '控制', 'III', [0.35, 0.075, 3.8]],
  ['柳叶湖湖心', '柳叶湖', '洞庭湖', 'lake', '武陵区', 'provincial', '控制', 'III', [0.3, 0.04, 4.2]],
  ['西毛里湖湖心', '西毛里湖', '洞庭湖', 'lake', '澧县', 'provincial', '控制', 'III', [0.28, 0.038, 4.0]],
];

/** A credit code with a correct check character, for a fictional enterprise registered in Changde. */
function demoCreditCode(body: string): string {
  const first17 = `914307${body}`; // 91: company; 4307xx: Changde's division codes
  const check = creditCodeCheckChar(first17);
  if (!check) throw new Error(`bad demo credit code body ${body}`);
  return first17 + check;
}

const DISCHARGERS = [
  {
    name: '常德市沅澧化工有限公司（演示）',
    code: demoCreditCode('00MA4L0X12C'),
    county: '鼎城区',
    industry: '化学原料和化学制品制造业',
  },
  {
    name: '湖南德山纸业有限公司（演示）',
    code: demoCreditCode('00760784437'),
    county: '常德经济技术开发区',
    industry: '造纸和纸制品业',
  },
  {
    name: '常德市江北污水处理有限公司（演示）',
    code: demoCreditCode('02328545160'),
    county: '武陵区',
    industry: '水的生产和供应业',
  },
  {
    name: '石门县楚江水泥有限公司（演示）',
    code: demoCreditCode('26MA4PBN35X'),
    county: '石门县',
    industry: '非金属矿物制品业',
  },
  {
    name: '澧县兴澧制革有限公司（演示）',
    code: demoCreditCode('23598600271'),
    county: '澧县',
    industry: '皮革、毛皮、羽毛及其制品和制鞋业',
  },
  {
    name: '汉寿县南湖垃圾焚烧发电有限公司（演示）',
    code: demoCreditCode('22MA4M3K08R'),
    county: '汉寿县',
    industry: '电力、热力生产和供应业',
  },
];

/** Part 3 of the demo annual report as figures (decision 104): clearly demonstration values. */
const DEMO_EMISSIONS = JSON.stringify([
  {
    pollutant: '化学需氧量',
    outlet: 'DW001 废水总排口',
    concentration: 42,
    limit: 100,
    concentrationUnit: 'mg/L',
    total: 18.6,
    permitted: 45,
    monitoring: '自动监测',
    standard: 'GB 8978-1996 一级',
  },
  {
    pollutant: '氨氮',
    outlet: 'DW001 废水总排口',
    concentration: 3.1,
    limit: 15,
    concentrationUnit: 'mg/L',
    total: 1.4,
    permitted: 6.8,
    monitoring: '自动监测',
    standard: 'GB 8978-1996 一级',
  },
  {
    pollutant: '颗粒物',
    outlet: 'DA001 锅炉废气排口',
    concentration: 12,
    limit: 30,
    concentrationUnit: 'mg/m³',
    total: 2.2,
    permitted: 8,
    monitoring: '手工监测（每季度）',
    standard: 'GB 13271-2014',
  },
]);

/** One part-3 row: pollutant, outlet, concentration / limit (unit), tonnes discharged / permitted, monitoring, standard. */
const row = (
  pollutant: string,
  outlet: string,
  [concentration, limit, concentrationUnit]: [number, number, string],
  [total, permitted]: [number, number],
  monitoring: string,
  standard: string,
) => ({ pollutant, outlet, concentration, limit, concentrationUnit, total, permitted, monitoring, standard });

/** the paper mill's and the sewage works' part 3 (every annual report lists its figures — issue 11) */
const PAPER_EMISSIONS = JSON.stringify([
  row('化学需氧量', 'DW001 废水总排口', [58, 90, 'mg/L'], [96.4, 180], '自动监测', 'GB 3544-2008'),
  row('氨氮', 'DW001 废水总排口', [2.6, 8, 'mg/L'], [4.3, 16], '自动监测', 'GB 3544-2008'),
  row('二氧化硫', 'DA001 锅炉废气排口', [35, 50, 'mg/m³'], [11.2, 30], '自动监测', 'GB 13271-2014'),
]);
const SEWAGE_EMISSIONS = JSON.stringify([
  row('化学需氧量', 'DW001 出水口', [24, 50, 'mg/L'], [310, 730], '自动监测', 'GB 18918-2002 一级A'),
  row('氨氮', 'DW001 出水口', [1.2, 5, 'mg/L'], [15.5, 73], '自动监测', 'GB 18918-2002 一级A'),
  row('总磷', 'DW001 出水口', [0.31, 0.5, 'mg/L'], [4, 7.3], '自动监测', 'GB 18918-2002 一级A'),
]);

/** the annual reports the demo enterprises have published under 部令第24号 (owed from 2022) */
const RECENT_REPORT_YEARS = [2022, 2023, 2024, 2025] as const;

export async function seedEnvironmentDemo(db: DB): Promise<void> {
  const bureau = await db
    .selectFrom('units')
    .select('id')
    .where('code', '=', DEMO_BUREAU_CODE)
    .executeTakeFirstOrThrow();
  const at = '2018-01-02T01:00:00.000Z';
  const common = { owner_unit_id: bureau.id, is_demo: 1, created_at: at, updated_at: at };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('air_stations').values(demoStationRows(DEMO_AIR_STATIONS, common)).execute();

    const sections = await trx
      .insertInto('water_sections')
      .values(
        SECTIONS.map(([name, river, basin, waterbody, county, level, attribute, target], i) => ({
          ...common,
          code: `CD-W${String(i + 1).padStart(2, '0')}`,
          name,
          river,
          basin,
          waterbody,
          county,
          control_level: level,
          attribute,
          target_class: target,
          longitude: null,
          latitude: null,
        })),
      )
      .returning(['id', 'waterbody'])
      .execute();
    const rnd = prng(3838);
    const water = sections.flatMap((s, i) => {
      const [nh3n, tp, codmn] = SECTIONS[i]![8];
      return ['2017', '2018'].flatMap((year) =>
        Array.from({ length: 12 }, (_, m) => {
          const wet = Math.sin((Math.PI * m) / 11); // spring and summer floods carry more nutrients
          const f = (base: number, spread: number) =>
            Math.round(base * (1 + spread * (rnd() - 0.4) + 0.3 * wet) * 1000) / 1000;
          const values: WaterValues = {
            ph: Math.round((7.2 + 0.8 * rnd()) * 100) / 100,
            do: Math.round((9.5 - 2.5 * wet - rnd()) * 10) / 10,
            codmn: f(codmn, 0.4),
            cod: f(codmn * 3.2, 0.4),
            bod5: f(codmn * 0.5, 0.4),
            nh3n: f(nh3n, 0.8),
            tp: f(tp, 0.7),
            ...(s.waterbody === 'lake' ? { tn: f(0.9, 0.5) } : {}),
          };
          return {
            sectionId: s.id,
            sampledOn: `${year}-${String(m + 1).padStart(2, '0')}-${String(5 + (i % 6)).padStart(2, '0')}`,
            values,
            result: classify(s.waterbody as Waterbody, values),
          };
        }),
      );
    });
    await storeWater(trx, water, { importId: null, isDemo: true });

    const ids: number[] = [];
    for (const [i, d] of DISCHARGERS.entries()) {
      const r = await trx
        .insertInto('dischargers')
        .values({
          ...common,
          name: d.name,
          credit_code: d.code,
          county: d.county,
          industry: d.industry,
          // HJ 608-2017: the 18-character credit code, a 3-digit sequence, a letter — 22 characters
          permit_number: `${d.code}001P`,
          address: null,
          listed_year: i < 4 ? 2017 : 2018,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      ids.push(r.id);
    }
    const disclosure = (
      dischargerId: number,
      kind: DisclosureKind,
      part: string,
      title: string,
      x: Partial<{
        content: string;
        year: number;
        event_date: string;
        published_on: string | null;
        parts_json: string;
        emissions_json: string;
        doc_number: string;
        amount: number;
      }>,
    ) => ({
      is_demo: 1,
      created_at: at,
      updated_at: at,
      discharger_id: dischargerId,
      kind,
      part,
      title,
      content: x.content ?? '',
      year: x.year ?? null,
      event_date: x.event_date ?? null,
      published_on: x.published_on ?? null,
      due_on: null,
      parts_json: x.parts_json ?? null,
      emissions_json: x.emissions_json ?? null,
      doc_number: x.doc_number ?? null,
      amount: x.amount ?? null,
    });
    const annualParts = (name: string) =>
      JSON.stringify({
        basicInfo: `${name}，生产经营场所位于常德市。`,
        management: '已取得排污许可证，按证排污；设有环境保护管理机构和专职人员。',
        emissions: '主要污染物化学需氧量、氨氮均达标排放，自动监测数据已联网；各项排放数据见下表。',
        carbon: '不属于碳排放权交易重点排放单位。',
        emergency: '突发环境事件应急预案已备案，本年度开展应急演练2次。',
        violations: '本年度无生态环境违法行为。',
        temporary: '本年度临时环境信息依法披露情况见下列记录（如有）。',
        other: '无。',
      });
    await trx
      .insertInto('discharger_disclosures')
      .values([
        disclosure(ids[0]!, 'annual', 'basicInfo', '2017年度环境信息依法披露报告', {
          year: 2017,
          published_on: '2018-03-09',
          parts_json: annualParts(DISCHARGERS[0]!.name),
          emissions_json: DEMO_EMISSIONS,
        }),
        disclosure(ids[1]!, 'annual', 'basicInfo', '2017年度环境信息依法披露报告', {
          year: 2017,
          published_on: '2018-03-14',
          parts_json: annualParts(DISCHARGERS[1]!.name),
          emissions_json: PAPER_EMISSIONS,
        }),
        // published late, and one unit (ids[3]) never published its 2017 report
        disclosure(ids[2]!, 'annual', 'basicInfo', '2017年度环境信息依法披露报告', {
          year: 2017,
          published_on: '2018-03-26',
          parts_json: annualParts(DISCHARGERS[2]!.name),
          emissions_json: SEWAGE_EMISSIONS,
        }),
        // the years 部令第24号 owes (2022 on), so that the demo shows today's deadlines as a bureau would
        // see them: on time but for one late report and one unit (ids[3] again) missing its latest year
        ...RECENT_REPORT_YEARS.flatMap((year) =>
          DISCHARGERS.flatMap((d, i) =>
            i === 3 && year === RECENT_REPORT_YEARS.at(-1)
              ? []
              : [
                  disclosure(ids[i]!, 'annual', 'basicInfo', `${year}年度环境信息依法披露报告`, {
                    year,
                    published_on:
                      i === 2 && year === 2023
                        ? '2024-03-22'
                        : `${year + 1}-03-${String(3 + i).padStart(2, '0')}`,
                    parts_json: annualParts(d.name),
                    emissions_json: [DEMO_EMISSIONS, PAPER_EMISSIONS, SEWAGE_EMISSIONS][i] ?? DEMO_EMISSIONS,
                  }),
                ],
          ),
        ),
        disclosure(ids[0]!, 'temporary', 'temporary', '污水处理设施检修停运的临时披露', {
          event_date: '2018-02-12',
          published_on: '2018-02-24',
          content: '因设备检修，污水处理设施于2018年2月12日停运，产生的废水暂存于事故应急池。',
        }),
        disclosure(ids[1]!, 'temporary', 'temporary', '排污许可证变更的临时披露', {
          event_date: '2018-09-27',
          published_on: '2018-10-10',
          content: '排污许可证载明事项变更。',
        }),
        disclosure(ids[4]!, 'temporary', 'temporary', '受到行政处罚的临时披露', {
          event_date: '2018-11-20',
          published_on: null,
          content: '因超标排放受到行政处罚，整改情况将另行披露。',
        }),
        disclosure(ids[0]!, 'emergencyPlan', 'emergency', '突发环境事件应急预案（2018年修订）', {
          published_on: '2018-05-16',
          doc_number: '430703-2018-012-M',
        }),
        disclosure(ids[5]!, 'emergencyPlan', 'emergency', '突发环境事件应急预案', {
          published_on: '2018-06-01',
          doc_number: '430722-2018-007-L',
        }),
        disclosure(ids[4]!, 'penalty', 'violations', '超标排放水污染物行政处罚', {
          event_date: '2018-11-20',
          doc_number: '常环罚〔2018〕31号',
          amount: 200000,
          content: '化学需氧量超标排放，责令改正并处罚款二十万元。',
        }),
      ])
      .execute();

    const inc = await trx
      .insertInto('incidents')
      .values({
        ...common,
        title: '澧县某化工企业储罐泄漏突发环境事件（演示）',
        occurred_at: '2018-07-14T05:40',
        county: '澧县',
        location: '澧县工业园区',
        level: 'general',
        status: 'closed',
        summary:
          '7月14日凌晨，澧县工业园区一企业储罐阀门破损，少量物料泄漏至厂区围堰内。事发后市、县两级环保部门立即赶赴现场，启动应急预案，泄漏物料已全部收集，未进入外环境。',
        published_at: '2018-07-14T03:10:00.000Z',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('incident_follow_ups')
      .values([
        {
          incident_id: inc.id,
          content:
            '7月14日12时，下游澧水小渡口断面应急监测结果显示，pH、化学需氧量、氨氮等指标均符合地表水III类标准。',
          published_at: '2018-07-14T05:00:00.000Z',
        },
        {
          incident_id: inc.id,
          content: '7月16日，应急监测终止，事件处置结束。对涉事企业的调查处理情况将依法公开。',
          published_at: '2018-07-16T09:00:00.000Z',
        },
      ])
      .execute();
    await trx
      .insertInto('incidents')
      .values({
        ...common,
        title: '沅江常德段疑似油污带应急处置（演示）',
        occurred_at: '2018-11-03T09:15',
        county: '鼎城区',
        location: '沅江鼎城区河段',
        level: 'general',
        status: 'responding',
        summary:
          '11月3日上午，群众通过12369热线反映沅江鼎城区河段出现疑似油污带。市环境监测站已赶赴现场采样，海事部门布设围油栏。',
        published_at: '2018-11-03T03:30:00.000Z',
      })
      .execute();
  });
}

/** The year 2018 of hourly readings for the demo stations, with AQI and daily values; one transaction. */
export async function seedAirReadingsDemo(db: DB): Promise<number> {
  const stations = await db
    .selectFrom('air_stations')
    .select(['id', 'code'])
    .where('is_demo', '=', 1)
    .orderBy('code')
    .execute();
  const urban = new Map<string, number>(
    [...DEMO_AIR_STATIONS, ...SECOND_CITY_AIR_STATIONS].map((s) => [s.code, s.urban]),
  );
  const rows = generateHourly(stations.map((s) => ({ id: s.id, urban: urban.get(s.code) ?? 1 })));
  await db.transaction().execute((trx) => storeHourly(trx, rows, { importId: null, isDemo: true }));
  return rows.length;
}
