// Public reads behind the environment pages: air quality now, history, shares of good days, and the
// water sections' classes with trend and summaries. No actor: everything here is public information —
// of one site (decision 197): the stations and sections its bureau's subtree owns, for the site of the
// request being served (a portal page, or an API read marked `siteData`), else the default site.
import {
  chinaNow,
  AQI_LEVELS,
  type AqiResult,
  WATER_CLASSES,
  addDays,
  type AirDailyReading,
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
import { cityDaily, cityDailyAqis, classChange, monthlyShares, waterSummaries } from './quality-summary.ts';
import { createKeptReads } from '../cms/kept-reads.ts';
import { scopeOf, type CurrentSite } from '../cms/site-directory.ts';

const MAX_DAYS = { hourly: 31, daily: 366 } as const;
const daysBetween = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 86_400_000;

/** How long "air quality now" may be served from memory: hourly data, so seconds of staleness are harmless. */
export const AIR_NOW_TTL_MS = 15_000;

export function createQualityService({
  repo,
  site,
  now = () => Date.now(),
}: {
  repo: MonitoringRepo;
  /** the site of the request being served: its id keys what is kept, its path scopes the stations */
  site: CurrentSite;
  now?: () => number;
}) {
  const scope = () => scopeOf(site);
  // Each app server keeps its own copy per site; with several servers each is at most AIR_NOW_TTL_MS behind.
  const airNowCache = new Map<number, { at: number; value: Promise<AirNow> }>();
  // What the portal reads on every render of an uncached page — the stations, the city's newest AQI,
  // the shares of good days (a city's year is 3,650 rows and 365 AQI computations), a year of a
  // station's daily values, the sections' classes this month — changes only with the data: kept until
  // it does, per topic. An import or edit here, or another server's through the change feed (app.ts),
  // calls forget. Keys carry the site's scope path, so each site keeps its own.
  const air = createKeptReads();
  const water = createKeptReads();
  const stationsOf = (path: string) => air.get(`stations|${path}`, () => repo.listStations(path));
  const stationOf = (id: number, path: string) =>
    air.get(`station|${path}|${id}`, () => repo.findStation(id, path));
  /** a station's daily values over a period, cut from its calendar years, each kept whole */
  const stationDaily = async (id: number, from: string, to: string) => {
    const [first, last] = [Number(from.slice(0, 4)), Number(to.slice(0, 4))];
    // a period the pages and the API accept spans two calendar years at most; any other is read as asked
    if (!(last - first <= 1)) return (await repo.dailyRange([id], from, to)).map(presentDaily);
    const years: AirDailyReading[][] = [];
    for (let y = first; y <= last; y++)
      years.push(
        await air.get(`daily|${id}|${y}`, async () =>
          (await repo.dailyRange([id], `${y}-01-01`, `${y}-12-31`)).map(presentDaily),
        ),
      );
    return years.flat().filter((d) => d.date >= from && d.date <= to);
  };
  /** the city's stations: its national ones, else all */
  const cityIds = async (path: string) => {
    const stations = await stationsOf(path);
    const national = stations.filter((s) => s.control_level === 'national');
    return (national.length ? national : stations).map((s) => s.id);
  };
  const latestWaterDateOf = (path: string) => water.get(`latest|${path}`, () => repo.latestWaterDate(path));
  async function waterStatusOf(path: string, month?: string): Promise<WaterStatusList> {
    const sections = await repo.listSections(path);
    const latest = await latestWaterDateOf(path);
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
      const rows = await repo.waterReadings(null, `${mm}-01`, `${mm}-31`, path);
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
      .map((i) => ({
        river: i.section.river,
        basin: i.section.basin,
        waterbody: i.section.waterbody,
        class: i.latest!.class,
      }));
    return { month: m, items, summaries: waterSummaries(classed) };
  }
  async function airNowUncached(): Promise<AirNow> {
    const stations = await stationsOf((await scope()).path);
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
  }

  return {
    /** drop what this server keeps of a topic's data, else of both (after a change here or on another server) */
    forget(topic?: 'air' | 'water') {
      if (topic !== 'water') {
        airNowCache.clear();
        air.clear();
      }
      if (topic !== 'air') water.clear();
    },

    /** The portal's search over stations and sections (public data). */
    findPlaces: async (words: string[], limit: number) => repo.findPlaces(words, limit, (await scope()).path),

    async stations() {
      return { items: (await stationsOf((await scope()).path)).map(presentStation) };
    },

    async airNow(): Promise<AirNow> {
      const s = await scope();
      const kept = airNowCache.get(s.id);
      if (kept && now() - kept.at < AIR_NOW_TTL_MS) return kept.value;
      const value = airNowUncached();
      const entry = { at: now(), value };
      airNowCache.set(s.id, entry);
      value.catch(() => airNowCache.get(s.id) === entry && airNowCache.delete(s.id));
      return value;
    },

    airNowUncached,

    async airHistory(
      stationId: number,
      q: { granularity?: 'hourly' | 'daily'; from?: string; to?: string },
    ): Promise<AirHistory> {
      const station = await stationOf(stationId, (await scope()).path);
      if (!station) throw notFound();
      const granularity = q.granularity ?? 'daily';
      const latest = () =>
        air.get(`latest|${granularity}|${stationId}`, async () =>
          granularity === 'hourly'
            ? ((await repo.latestHourly(stationId))?.hour_at.slice(0, 10) ?? null)
            : ((await repo.latestDaily(stationId))?.date ?? null),
        );
      const to = q.to ?? (await latest()) ?? chinaNow().date;
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
      const daily = granularity === 'daily' ? await stationDaily(stationId, from, to) : [];
      return { station: presentStation(station), granularity, from, to, hourly, daily };
    },

    /**
     * The city's newest daily AQI (the mean of its national stations, else of all): the date, the
     * value with its level and primary pollutants; null without daily data.
     */
    async cityLatest(): Promise<{ date: string; aqi: AqiResult | null } | null> {
      const { path } = await scope();
      return air.get(`city|${path}`, async () => {
        const ids = await cityIds(path);
        const latest = await repo.latestDailyOf(ids);
        if (!latest) return null;
        const day = cityDaily(await repo.dailyRange(ids, latest, latest)).get(latest) ?? null;
        return { date: latest, aqi: day };
      });
    },

    /** The newest surface-water sampling date. */
    latestWaterDate: async () => latestWaterDateOf((await scope()).path),

    async goodDays(year: number, stationId?: number): Promise<GoodDays> {
      const { path } = await scope();
      return air.get(`good|${path}|${year}|${stationId ?? ''}`, async () => {
        let ids: number[];
        let scopeName: string;
        if (stationId !== undefined) {
          const s = await stationOf(stationId, path);
          if (!s) throw notFound();
          ids = [s.id];
          scopeName = s.name;
        } else {
          ids = await cityIds(path);
          scopeName = '全市';
        }
        const aqis = async (y: number, until: string) =>
          stationId === undefined
            ? cityDailyAqis(await repo.dailyRange(ids, `${y}-01-01`, until))
            : new Map((await stationDaily(stationId, `${y}-01-01`, until)).map((d) => [d.date, d.aqi]));
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
          scope: scopeName,
          months,
          total,
          lastYear: lastYear && lastYear.days > 0 ? lastYear : null,
        };
      });
    },

    async waterStatus(month?: string): Promise<WaterStatusList> {
      const { path } = await scope();
      return water.get(`status|${path}|${month ?? ''}`, () => waterStatusOf(path, month));
    },

    async waterReadings(sectionId: number, q: { from?: string; to?: string }) {
      const { path } = await scope();
      const section = await repo.findSection(sectionId, path);
      if (!section) throw notFound();
      const to = q.to ?? chinaNow().date;
      // default: three years back from the newest reading, so an archive (or the 2018 demo) still shows
      const newest = q.to ?? (await repo.latestWaterDate(path)) ?? to;
      const from = q.from ?? addDays(newest, -3 * 366);
      if (from > to) throw invalid('/from', '开始日期晚于结束日期', 'from is after to');
      const items = (await repo.waterReadings(sectionId, from, to)).map(presentWaterReading);
      return { section: presentSection(section), items };
    },
  };
}
export type QualityService = ReturnType<typeof createQualityService>;
