// Pure summaries behind the public pages: the city's daily values as the mean of its stations
// (HJ 663-2013: a city's value is the arithmetic mean of its assessment stations), shares of good days
// by month, and water summaries by river and basin.
import {
  WATER_CLASSES,
  dailyAqi,
  goodDaysShare,
  summariseSections,
  type AqiResult,
  type DailyValues,
  type GoodDaysShare,
  type WaterClass,
  type Waterbody,
} from '@greenvoice/common';
import type { AirDailyTable } from '../../db/types.ts';

const DAILY_FIELDS = ['so2', 'no2', 'co', 'pm10', 'pm25', 'o3_1h', 'o3_8h'] as const;

/** One AQI per date: the city's, from the mean of the stations' valid daily values. */
export function cityDailyAqis(rows: readonly AirDailyTable[]): Map<string, number | null> {
  return new Map([...cityDaily(rows)].map(([date, r]) => [date, r?.aqi ?? null]));
}

/** The city's daily AQI with its level and primary pollutants, per date. */
export function cityDaily(rows: readonly AirDailyTable[]): Map<string, AqiResult | null> {
  const byDate = new Map<string, AirDailyTable[]>();
  for (const r of rows) {
    const list = byDate.get(r.date) ?? [];
    list.push(r);
    byDate.set(r.date, list);
  }
  const out = new Map<string, AqiResult | null>();
  for (const [date, list] of byDate) {
    const d = { validHours: {} } as DailyValues;
    for (const f of DAILY_FIELDS) {
      const vals = list.map((r) => r[f]).filter((v): v is number => v !== null);
      d[f] = vals.length ? roundAs(f, vals.reduce((a, b) => a + b, 0) / vals.length) : null;
    }
    out.set(date, dailyAqi(d, date));
  }
  return out;
}

const roundAs = (f: string, v: number) => (f === 'co' ? Math.round(v * 10) / 10 : Math.round(v));

/** Shares of good days per month (YYYY-MM) and for the whole set. */
export function monthlyShares(aqiByDate: ReadonlyMap<string, number | null>) {
  const byMonth = new Map<string, Array<number | null>>();
  for (const [date, aqi] of aqiByDate) {
    const m = date.slice(0, 7);
    const list = byMonth.get(m) ?? [];
    list.push(aqi);
    byMonth.set(m, list);
  }
  const months = [...byMonth.keys()]
    .sort()
    .map((month) => ({ month, ...goodDaysShare(byMonth.get(month)!) }));
  const total: GoodDaysShare = goodDaysShare([...aqiByDate.values()]);
  return { months, total };
}

export interface SectionClass {
  river: string;
  basin: string;
  /** a lake's or reservoir's sections are summarised as 湖库, not as a river */
  waterbody: Waterbody;
  class: WaterClass;
}

type SummaryKind = 'river' | 'lake' | 'basin' | 'all';

/**
 * Summaries by river or lake, by basin and for all sections with a class this period. A basin whose
 * sections all lie on one river (沅水 and its main stem 沅江) is that river's summary again: it is
 * listed once, as the river.
 */
export function waterSummaries(sections: readonly SectionClass[]) {
  const groups: Array<{ kind: SummaryKind; name: string; keys: string[]; classes: WaterClass[] }> = [];
  const add = (kind: SummaryKind, name: string, key: string, c: WaterClass) => {
    const family = kind === 'basin' ? 'basin' : 'water';
    let g = groups.find((x) => (x.kind === 'basin' ? 'basin' : 'water') === family && x.name === name);
    if (!g) groups.push((g = { kind, name, keys: [], classes: [] }));
    g.keys.push(key);
    g.classes.push(c);
  };
  for (const [i, s] of sections.entries()) {
    add('basin', s.basin, String(i), s.class);
    add(s.waterbody === 'lake' ? 'lake' : 'river', s.river, String(i), s.class);
  }
  const same = (a: string[], b: string[]) => a.length === b.length && a.every((k, i) => k === b[i]);
  for (const g of [...groups])
    if (g.kind === 'basin' && groups.some((r) => r.kind !== 'basin' && same(r.keys, g.keys)))
      groups.splice(groups.indexOf(g), 1);
  groups.push({ kind: 'all', name: '全部断面', keys: [], classes: sections.map((s) => s.class) });
  return groups.map((g) => {
    const s = summariseSections(g.classes);
    return {
      kind: g.kind,
      name: g.name,
      sections: s.sections,
      counts: s.counts as Record<string, number>,
      shareIToIII: s.shareIToIII,
      shareWorseThanV: s.shareWorseThanV,
      category: s.category,
    };
  });
}

/** Classes better (+) or worse (−) than before; null without a reading to compare. */
export function classChange(now: WaterClass, before: WaterClass | null): number | null {
  return before === null ? null : WATER_CLASSES.indexOf(before) - WATER_CLASSES.indexOf(now);
}
