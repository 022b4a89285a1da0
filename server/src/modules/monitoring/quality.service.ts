// Public reads behind the environment pages: air quality now, history, shares of good days, and the
// water sections' classes with trend and summaries. No actor: everything here is public information.
import {
  AQI_LEVELS,
  WATER_CLASSES,
  addDays,
  type AirHistory,
  type AirNow,
  type GoodDays,
  type WaterClass,
  type WaterReading,
  type WaterStatusList,
} from '@greenvoice/common';
import { invalid, notFound } from '../../http/api-error.ts';
import type { MonitoringRepo } from './monitoring.repo.ts';
import {
  presentDaily,
  presentHourly,
  presentSection,
  presentStation,
  presentWaterReading,
} from './present.ts';
import { cityDailyAqis, classChange, monthlyShares, waterSummaries } from './quality-summary.ts';
import { chinaNow } from './monitoring.service.ts';

const MAX_DAYS = { hourly: 31, daily: 366 } as const;
const daysBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;

/** How long "air quality now" may be served from memory: hourly data, so seconds of staleness are harmless. */
export const AIR_NOW_TTL_MS = 15_000;

export function createQualityService({
  repo,
  now = () => Date.now(),
}: {
  repo: MonitoringRepo;
  now?: () => number;
}) {
  // Each app server keeps its own copy; with several servers each is at most AIR_NOW_TTL_MS behind.
  let airNowCache: { at: number; value: Promise<AirNow> } | null = null;
  return {
    /** drop the cached "air quality now" of this server (after an import or a station change) */
    forgetAirNow() {
      airNowCache = null;
    },

    async stations() {
      return { items: (await repo.listStations()).map(presentStation) };
    },

    airNow(): Promise<AirNow> {
      if (airNowCache && now() - airNowCache.at < AIR_NOW_TTL_MS) return airNowCache.value;
      const value = this.airNowUncached();
      airNowCache = { at: now(), value };
      value.catch(() => (airNowCache = null));
      return value;
    },

    async airNowUncached(): Promise<AirNow> {
      const stations = await repo.listStations();
      let latestHour: string | null = null;
      const items = await Promise.all(
        stations.map(async (s) => {
          const r = await repo.latestHourly(s.id);
          if (r && (latestHour === null || r.hour_at > latestHour)) latestHour = r.hour_at;
          const level = r?.aqi_level ? AQI_LEVELS[r.aqi_level - 1]! : null;
          return {
            station: presentStation(s),
            reading: r ? presentHourly(r) : null,
            healthEffect: level?.healthEffect ?? null,
            advice: level?.advice ?? null,
          };
        }),
      );
      return { items, latestHour };
    },

    async airHistory(
      stationId: number,
      q: { granularity?: 'hourly' | 'daily'; from?: string; to?: string },
    ): Promise<AirHistory> {
      const station = await repo.findStation(stationId);
      if (!station) throw notFound();
      const granularity = q.granularity ?? 'daily';
      const latest =
        granularity === 'hourly'
          ? (await repo.latestHourly(stationId))?.hour_at.slice(0, 10)
          : (await repo.latestDaily(stationId))?.date;
      const to = q.to ?? latest ?? chinaNow().date;
      const from = q.from ?? addDays(to, granularity === 'hourly' ? -1 : -29);
      if (from > to) throw invalid('/from', '开始日期晚于结束日期', 'from is after to');
      if (daysBetween(from, to) >= MAX_DAYS[granularity])
        throw invalid(
          '/from',
          `一次最多查询 ${MAX_DAYS[granularity]} 天`,
          `At most ${MAX_DAYS[granularity]} days per request`,
        );
      const hourly =
        granularity === 'hourly'
          ? (await repo.hourlyRange(stationId, `${from}T00:00`, `${to}T23:00`)).map(presentHourly)
          : [];
      const daily =
        granularity === 'daily' ? (await repo.dailyRange([stationId], from, to)).map(presentDaily) : [];
      return { station: presentStation(station), granularity, from, to, hourly, daily };
    },

    async goodDays(year: number, stationId?: number): Promise<GoodDays> {
      let ids: number[];
      let scope: string;
      if (stationId !== undefined) {
        const s = await repo.findStation(stationId);
        if (!s) throw notFound();
        ids = [s.id];
        scope = s.name;
      } else {
        const stations = await repo.listStations();
        const national = stations.filter((s) => s.control_level === 'national');
        ids = (national.length ? national : stations).map((s) => s.id);
        scope = '全市';
      }
      const aqis = async (y: number, until: string) => {
        const rows = await repo.dailyRange(ids, `${y}-01-01`, until);
        if (stationId !== undefined) return new Map(rows.map((r) => [r.date, r.aqi]));
        return cityDailyAqis(rows);
      };
      const thisYear = await aqis(year, `${year}-12-31`);
      const { months, total } = monthlyShares(thisYear);
      // The same period of the previous year: up to the same day as this year's latest value.
      const lastDate = [...thisYear.keys()].sort().pop();
      const lastYear = lastDate
        ? monthlyShares(await aqis(year - 1, `${year - 1}${lastDate.slice(4)}`)).total
        : null;
      return {
        year,
        stationId: stationId ?? null,
        scope,
        months,
        total,
        lastYear: lastYear && lastYear.days > 0 ? lastYear : null,
      };
    },

    async waterStatus(month?: string): Promise<WaterStatusList> {
      const sections = await repo.listSections();
      const latest = await repo.latestWaterDate();
      const m = month ?? latest?.slice(0, 7) ?? null;
      if (!m)
        return {
          month: null,
          items: sections.map((s) => ({
            section: presentSection(s),
            latest: null,
            lastYearClass: null,
            change: null,
            meetsTarget: null,
          })),
          summaries: [],
        };
      const lastYear = `${Number(m.slice(0, 4)) - 1}${m.slice(4)}`;
      const pick = async (mm: string) => {
        const rows = await repo.waterReadings(null, `${mm}-01`, `${mm}-31`);
        const bySection = new Map<number, WaterReading>();
        for (const r of rows) bySection.set(r.section_id, presentWaterReading(r)); // ordered: the latest wins
        return bySection;
      };
      const [now, before] = await Promise.all([pick(m), pick(lastYear)]);
      const items = sections.map((s) => {
        const r = now.get(s.id) ?? null;
        const prev = (before.get(s.id)?.class ?? null) as WaterClass | null;
        const target = s.target_class as WaterClass | null;
        return {
          section: presentSection(s),
          latest: r,
          lastYearClass: prev,
          change: r ? classChange(r.class, prev) : null,
          meetsTarget: r && target ? WATER_CLASSES.indexOf(r.class) <= WATER_CLASSES.indexOf(target) : null,
        };
      });
      const classed = items
        .filter((i) => i.latest)
        .map((i) => ({ river: i.section.river, basin: i.section.basin, class: i.latest!.class }));
      return { month: m, items, summaries: waterSummaries(classed) };
    },

    async waterReadings(sectionId: number, q: { from?: string; to?: string }) {
      const section = await repo.findSection(sectionId);
      if (!section) throw notFound();
      const to = q.to ?? chinaNow().date;
      // default: three years back from the newest reading, so an archive (or the 2018 demo) still shows
      const newest = q.to ?? (await repo.latestWaterDate()) ?? to;
      const from = q.from ?? addDays(newest, -3 * 366);
      if (from > to) throw invalid('/from', '开始日期晚于结束日期', 'from is after to');
      const items = (await repo.waterReadings(sectionId, from, to)).map(presentWaterReading);
      return { section: presentSection(section), items };
    },
  };
}
export type QualityService = ReturnType<typeof createQualityService>;
