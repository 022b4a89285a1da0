// A year (2018) of plausible hourly air readings for the demo stations, generated deterministically: a
// seeded PRNG, seasonal and daily cycles, multi-day pollution episodes that all stations share, and
// about 1 % of hours missing (instrument maintenance). Labelled demo; never real measurements.
import type { ControlLevel, HourlyValues } from '@greenvoice/common';
import type { HourlyRow } from '../modules/monitoring/plan-air-import.ts';

/** mulberry32: small, fast and the same on every machine. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;

/**
 * Hourly rows for `stations` over `days` days from `start` (YYYY-MM-DD). Each station has its own
 * level (`urban` near 1.1 for city-centre stations, 0.9 for counties) over a city-wide weather signal.
 */
export function generateHourly(
  stations: ReadonlyArray<{ id: number; urban: number }>,
  start = '2018-01-01',
  days = 365,
  seed = 2018,
  missingShare = 0.01,
): HourlyRow[] {
  const rnd = prng(seed);
  const gauss = () => {
    const u = Math.max(rnd(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd());
  };
  // The city's weather: a daily AR(1) episode factor (stagnant air builds up over days, rain clears it).
  const episode: number[] = [];
  let e = 0;
  for (let d = 0; d < days; d++) {
    e = 0.75 * e + 0.38 * gauss();
    episode.push(Math.exp(e));
  }
  const t0 = Date.parse(`${start}T00:00:00Z`);
  const rows: HourlyRow[] = [];
  for (const s of stations) {
    for (let d = 0; d < days; d++) {
      const date = new Date(t0 + d * DAY_MS).toISOString().slice(0, 10);
      const doy =
        (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${date.slice(0, 4)}-01-01T00:00:00Z`)) / DAY_MS;
      const winter = (1 + Math.cos((2 * Math.PI * (doy - 15)) / 365)) / 2; // 1 mid-January, 0 mid-July
      const summer = 1 - winter;
      for (let h = 0; h < 24; h++) {
        if (rnd() < missingShare) continue; // a missing hour
        const rush = Math.exp(-((h - 8) ** 2) / 6) + Math.exp(-((h - 19) ** 2) / 8);
        const sun = Math.max(0, Math.sin((Math.PI * (h - 6)) / 14)); // 06:00–20:00, peak ~15:00
        const noise = () => Math.exp(0.12 * gauss());
        const pm25 = (20 + 50 * winter) * episode[d]! * s.urban * (0.9 + 0.25 * rush) * noise();
        const values: HourlyValues = {
          pm25: Math.round(pm25),
          pm10: Math.round(pm25 * (1.45 + 0.2 * rnd()) + 8 * summer),
          no2: Math.round((18 + 14 * winter) * s.urban * (0.8 + 0.7 * rush) * noise()),
          so2: Math.round((7 + 6 * winter) * noise()),
          co:
            Math.round((0.55 + 0.5 * winter) * Math.sqrt(episode[d]!) * (0.9 + 0.3 * rush) * noise() * 10) /
            10,
          o3: Math.round((25 + (40 + 72 * summer) * sun) * (1.1 - 0.1 * s.urban) * noise()),
        };
        // Maintenance sometimes takes one analyser down, not the whole station.
        if (rnd() < 0.004) values.o3 = null;
        rows.push({ stationId: s.id, hour: `${date}T${String(h).padStart(2, '0')}:00`, values });
      }
    }
  }
  return rows;
}

/** A demo city's air stations as rows of `air_stations`, owned by its bureau and flagged demo. */
export function demoStationRows(
  stations: ReadonlyArray<{ code: string; name: string; county: string; level: ControlLevel }>,
  common: { owner_unit_id: number; is_demo: number; created_at: string; updated_at: string },
) {
  return stations.map((s) => ({
    ...common,
    code: s.code,
    name: s.name,
    county: s.county,
    control_level: s.level,
    address: null,
    longitude: null,
    latitude: null,
  }));
}
