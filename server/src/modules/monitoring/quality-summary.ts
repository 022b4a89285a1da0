// Pure summaries behind the public pages: the city's daily values as the mean of its stations
// (HJ 663-2013: a city's value is the arithmetic mean of its assessment stations), shares of good days
// by month, and water summaries by river and basin.
import {
  WATER_CLASSES,
  dailyAqi,
  goodDaysShare,
  summariseSections,
  type DailyValues,
  type GoodDaysShare,
  type WaterClass,
} from '@greenvoice/common';
import type { AirDailyTable } from '../../db/types.ts';

const DAILY_FIELDS = ['so2', 'no2', 'co', 'pm10', 'pm25', 'o3_1h', 'o3_8h'] as const;

/** One AQI per date: the city's, from the mean of the stations' valid daily values. */
export function cityDailyAqis(rows: readonly AirDailyTable[]): Map<string, number | null> {
  const byDate = new Map<string, AirDailyTable[]>();
  for (const r of rows) {
    const list = byDate.get(r.date) ?? [];
    list.push(r);
    byDate.set(r.date, list);
  }
  const out = new Map<string, number | null>();
  for (const [date, list] of byDate) {
    const d = { validHours: {} } as DailyValues;
    for (const f of DAILY_FIELDS) {
      const vals = list.map((r) => r[f]).filter((v): v is number => v !== null);
      d[f] = vals.length ? roundAs(f, vals.reduce((a, b) => a + b, 0) / vals.length) : null;
    }
    out.set(date, dailyAqi(d, date)?.aqi ?? null);
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
  class: WaterClass;
}

/** Summaries by river, by basin and for all sections with a class this period. */
export function waterSummaries(sections: readonly SectionClass[]) {
  const groups: Array<{ kind: 'river' | 'basin' | 'all'; name: string; classes: WaterClass[] }> = [];
  const add = (kind: 'river' | 'basin', name: string, c: WaterClass) => {
    let g = groups.find((x) => x.kind === kind && x.name === name);
    if (!g) groups.push((g = { kind, name, classes: [] }));
    g.classes.push(c);
  };
  for (const s of sections) {
    add('basin', s.basin, s.class);
    add('river', s.river, s.class);
  }
  groups.push({ kind: 'all', name: '全部断面', classes: sections.map((s) => s.class) });
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
