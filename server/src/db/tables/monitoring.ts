// Tables owned by the monitoring module: only its repository queries them (docs/architecture.md, table
// ownership). Columns holding a domain value carry its union type.
import type { ControlLevel } from '@greenvoice/common';
import type { Generated } from 'kysely';

export interface AirStationsTable {
  id: Generated<number>;
  owner_unit_id: number;
  code: string;
  name: string;
  county: string;
  control_level: ControlLevel;
  address: string | null;
  longitude: number | null;
  latitude: number | null;
  is_demo: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface WaterSectionsTable {
  id: Generated<number>;
  owner_unit_id: number;
  code: string;
  name: string;
  river: string;
  basin: string;
  waterbody: string;
  county: string;
  control_level: ControlLevel;
  attribute: string | null;
  target_class: string | null;
  longitude: number | null;
  latitude: number | null;
  is_demo: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface EnvImportsTable {
  id: Generated<number>;
  owner_unit_id: number;
  kind: string;
  file_name: string;
  rows: number;
  replaced: number;
  first_at: string;
  last_at: string;
  created_by: number | null;
  created_at: string;
}

/** One hour at one station; `hour_at` is 'YYYY-MM-DDTHH:00' China time, the hour starting then. */
export interface AirHourlyTable {
  station_id: number;
  hour_at: string;
  so2: number | null;
  no2: number | null;
  co: number | null;
  pm10: number | null;
  pm25: number | null;
  o3: number | null;
  o3_8h: number | null;
  aqi: number | null;
  aqi_level: number | null;
  /** comma-separated AQI pollutant names, '' for none */
  primary_pollutants: string;
  import_id: number | null;
  is_demo: number;
}

export interface AirDailyTable {
  station_id: number;
  date: string;
  so2: number | null;
  no2: number | null;
  co: number | null;
  pm10: number | null;
  pm25: number | null;
  o3_1h: number | null;
  o3_8h: number | null;
  valid_hours: number;
  aqi: number | null;
  aqi_level: number | null;
  primary_pollutants: string;
  is_demo: number;
}

export interface WaterReadingsTable {
  id: Generated<number>;
  section_id: number;
  sampled_on: string;
  values_json: string;
  water_class: string;
  limiting_factors: string;
  import_id: number | null;
  is_demo: number;
}
