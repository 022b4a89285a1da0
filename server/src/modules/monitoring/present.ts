// Rows → the API's shapes (common/src/schemas/monitoring.ts): the only response shapes.
import {
  AQI_LEVELS,
  WATER_CLASS_CATEGORY,
  type AirDailyReading,
  type AirHourlyReading,
  type AirStation,
  type AqiPollutant,
  type LimitingFactor,
  type WaterClass,
  type WaterReading,
  type WaterSection,
  type Waterbody,
} from '@greenvoice/common';
import type { AirDailyTable, AirHourlyTable, WaterReadingsTable } from '../../db/types.ts';
import type { SectionRow, StationRow } from './monitoring.repo.ts';

export function presentStation(r: StationRow): AirStation {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    county: r.county,
    controlLevel: r.control_level,
    address: r.address,
    longitude: r.longitude,
    latitude: r.latitude,
    isDemo: r.is_demo === 1,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

export function presentSection(r: SectionRow): WaterSection {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    river: r.river,
    basin: r.basin,
    waterbody: r.waterbody as Waterbody,
    county: r.county,
    controlLevel: r.control_level,
    attribute: r.attribute,
    targetClass: r.target_class as WaterClass | null,
    longitude: r.longitude,
    latitude: r.latitude,
    isDemo: r.is_demo === 1,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

export function aqiFields(aqi: number | null, level: number | null, primary: string) {
  const l = level ? AQI_LEVELS[level - 1] : undefined;
  return {
    aqi,
    level,
    category: l?.category.zh ?? null,
    color: l?.color ?? null,
    primaryPollutants: (primary ? primary.split(',') : []) as AqiPollutant[],
  };
}

export function presentHourly(r: AirHourlyTable): AirHourlyReading {
  return {
    stationId: r.station_id,
    hour: r.hour_at,
    so2: r.so2,
    no2: r.no2,
    co: r.co,
    pm10: r.pm10,
    pm25: r.pm25,
    o3: r.o3,
    o3_8h: r.o3_8h,
    ...aqiFields(r.aqi, r.aqi_level, r.primary_pollutants),
    isDemo: r.is_demo === 1,
  };
}

export function presentDaily(r: AirDailyTable): AirDailyReading {
  return {
    stationId: r.station_id,
    date: r.date,
    so2: r.so2,
    no2: r.no2,
    co: r.co,
    pm10: r.pm10,
    pm25: r.pm25,
    o3_1h: r.o3_1h,
    o3_8h: r.o3_8h,
    validHours: r.valid_hours,
    ...aqiFields(r.aqi, r.aqi_level, r.primary_pollutants),
  };
}

export function presentWaterReading(r: Omit<WaterReadingsTable, 'id'> & { id: number }): WaterReading {
  const cls = r.water_class as WaterClass;
  return {
    id: r.id,
    sectionId: r.section_id,
    sampledOn: r.sampled_on,
    values: JSON.parse(r.values_json) as Record<string, number>,
    class: cls,
    category: WATER_CLASS_CATEGORY[cls].zh,
    limitingFactors: JSON.parse(r.limiting_factors) as LimitingFactor[],
    isDemo: r.is_demo === 1,
  };
}
