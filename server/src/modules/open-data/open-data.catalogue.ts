// What each public data set is, for the people who use it (issue 11 item 7): a description, every
// field with its Chinese name, English code and unit, how often it changes, the licence and the
// publisher. One time zone for every time: China time (UTC+8). Pure data; the open-data page
// (portal/environment/open-data-page.ts) and the CSV headers are written from it.
import { CHINA_TIME_ZONE, WATER_FACTORS, WATER_STANDARD } from '@greenvoice/common';

export interface FieldInfo {
  zh: string;
  en: string;
  unit?: string;
}
export interface DatasetInfo {
  description: { zh: string; en: string };
  frequency: { zh: string; en: string };
  fields: Record<string, FieldInfo>;
}

export const TIME_ZONE = {
  zh: '所有时间均为北京时间（UTC+8）；小时数据的时间为该小时的开始。',
  en: 'Every time is China Standard Time (UTC+8); an hourly value is stamped with the start of its hour.',
  iana: CHINA_TIME_ZONE,
};
export const LICENCE = {
  zh: '知识共享署名 4.0 国际许可协议（CC BY 4.0）：可自由复制、分发和再利用，须注明来源。',
  en: 'Creative Commons Attribution 4.0 International (CC BY 4.0): free to copy, share and reuse, with attribution.',
  url: 'https://creativecommons.org/licenses/by/4.0/deed.zh-hans',
};

const UG = 'μg/m³';
const demo: FieldInfo = { zh: '演示数据（1 是，0 否）', en: 'Demonstration data (1 yes, 0 no)' };
const stationCode: FieldInfo = { zh: '站点编码', en: 'Station code' };
const pollutants: Record<string, FieldInfo> = {
  so2: { zh: '二氧化硫', en: 'Sulphur dioxide', unit: UG },
  no2: { zh: '二氧化氮', en: 'Nitrogen dioxide', unit: UG },
  co: { zh: '一氧化碳', en: 'Carbon monoxide', unit: 'mg/m³' },
  pm10: { zh: '颗粒物（PM10）', en: 'Particulate matter PM10', unit: UG },
  pm25: { zh: '细颗粒物（PM2.5）', en: 'Fine particulate matter PM2.5', unit: UG },
};
const aqi: Record<string, FieldInfo> = {
  aqi: { zh: '空气质量指数（HJ 633-2012）', en: 'Air Quality Index (HJ 633-2012)' },
  aqi_level: { zh: '空气质量指数级别（1–6）', en: 'AQI level (1–6)' },
  primary_pollutants: {
    zh: '首要污染物（代码，逗号分隔）',
    en: 'Primary pollutants (codes, comma-separated)',
  },
};
const level: FieldInfo = {
  zh: '控制级别（national 国控，provincial 省控，city 市控）',
  en: 'Control level (national, provincial, city)',
};

export const CATALOGUE: Record<string, DatasetInfo> = {
  'air-stations': {
    description: {
      zh: '全市环境空气质量自动监测站点：编码、名称、所在区县、控制级别和位置。',
      en: 'The automatic air-quality monitoring stations: code, name, county, control level and place.',
    },
    frequency: { zh: '站点变更时更新', en: 'When a station changes' },
    fields: {
      code: stationCode,
      name: { zh: '站点名称', en: 'Station name' },
      county: { zh: '区县', en: 'County' },
      control_level: level,
      address: { zh: '地址', en: 'Address' },
      longitude: { zh: '经度', en: 'Longitude', unit: '°' },
      latitude: { zh: '纬度', en: 'Latitude', unit: '°' },
      is_demo: demo,
    },
  },
  'air-hourly': {
    description: {
      zh: '各站点每小时污染物浓度和实时空气质量指数；一年 10 个站点约 8.8 万行。',
      en: 'Hourly concentrations and real-time AQI at each station; a year of 10 stations is about 88,000 rows.',
    },
    frequency: { zh: '每小时', en: 'Hourly' },
    fields: {
      station_code: stationCode,
      hour_at: { zh: '时间（北京时间，小时开始）', en: 'Hour (China time, start of the hour)' },
      ...pollutants,
      o3: { zh: '臭氧（1 小时）', en: 'Ozone (1 hour)', unit: UG },
      o3_8h: { zh: '臭氧（8 小时滑动平均）', en: 'Ozone (8-hour moving mean)', unit: UG },
      ...aqi,
      is_demo: demo,
    },
  },
  'air-daily': {
    description: {
      zh: '各站点日均浓度和日空气质量指数（HJ 663-2013 有效性规定）。',
      en: 'Daily means and the daily AQI at each station (validity rules of HJ 663-2013).',
    },
    frequency: { zh: '每日', en: 'Daily' },
    fields: {
      station_code: stationCode,
      date: { zh: '日期（北京时间）', en: 'Date (China time)' },
      ...pollutants,
      o3_1h: { zh: '臭氧日最大 1 小时浓度', en: 'Ozone, daily maximum 1-hour', unit: UG },
      o3_8h: { zh: '臭氧日最大 8 小时滑动平均', en: 'Ozone, daily maximum 8-hour mean', unit: UG },
      valid_hours: { zh: '有效小时数（PM2.5）', en: 'Valid hours (PM2.5)', unit: 'h' },
      ...aqi,
      is_demo: demo,
    },
  },
  'water-sections': {
    description: {
      zh: '地表水环境质量监测断面：所在河流或湖库、流域、区县、控制级别和水质目标。',
      en: 'The surface-water monitoring sections: river or lake, basin, county, control level and target class.',
    },
    frequency: { zh: '断面变更时更新', en: 'When a section changes' },
    fields: {
      code: { zh: '断面编码', en: 'Section code' },
      name: { zh: '断面名称', en: 'Section name' },
      river: { zh: '河流或湖库', en: 'River or lake' },
      basin: { zh: '流域', en: 'Basin' },
      waterbody: { zh: '水体类型（river 河流，lake 湖库）', en: 'Water body (river, lake)' },
      county: { zh: '区县', en: 'County' },
      control_level: level,
      attribute: { zh: '断面属性', en: 'Section type' },
      target_class: { zh: '水质目标类别', en: 'Target class' },
      is_demo: demo,
    },
  },
  'water-readings': {
    description: {
      zh: '各断面每次监测的各项指标浓度（每项一列）、水质类别（GB 3838-2002 单因子评价）和定类因子。',
      en: 'Each sample: every factor in its own column, the class (GB 3838-2002, worst factor) and the deciding factors.',
    },
    frequency: { zh: '每月', en: 'Monthly' },
    fields: {
      section_code: { zh: '断面编码', en: 'Section code' },
      sampled_on: { zh: '采样日期（北京时间）', en: 'Sampling date (China time)' },
      ...Object.fromEntries(
        WATER_FACTORS.map((f) => {
          const s = WATER_STANDARD[f];
          return [f, { zh: s.name.zh, en: s.name.en, ...(s.unit ? { unit: s.unit } : {}) }];
        }),
      ),
      water_class: { zh: '水质类别（I–V，劣V）', en: 'Class (I–V, worse than V)' },
      limiting_factors: { zh: '定类因子（代码，逗号分隔）', en: 'Deciding factors (codes, comma-separated)' },
      is_demo: demo,
    },
  },
  dischargers: {
    description: {
      zh: '重点排污单位名录：统一社会信用代码、排污许可证编号、行业和所在区县。',
      en: 'The key discharging units: credit code, discharge permit number, industry and county.',
    },
    frequency: { zh: '名录调整时更新', en: 'When the list changes' },
    fields: {
      id: { zh: '编号', en: 'ID' },
      name: { zh: '单位名称', en: 'Name' },
      credit_code: { zh: '统一社会信用代码', en: 'Unified social credit code' },
      county: { zh: '区县', en: 'County' },
      industry: { zh: '行业', en: 'Industry' },
      permit_number: { zh: '排污许可证编号', en: 'Discharge permit number' },
      address: { zh: '地址', en: 'Address' },
      listed_year: { zh: '列入名录年份', en: 'Year listed' },
      is_demo: demo,
    },
  },
  disclosures: {
    description: {
      zh: '重点排污单位的年度报告、临时报告、应急预案备案和行政处罚记录。',
      en: 'Annual and temporary disclosure reports, emergency plans filed and penalties of the key units.',
    },
    frequency: { zh: '随披露更新', en: 'As disclosed' },
    fields: {
      id: { zh: '编号', en: 'ID' },
      discharger_id: { zh: '单位编号', en: 'Unit ID' },
      kind: {
        zh: '类型（annual 年度报告，temporary 临时报告，emergencyPlan 应急预案，penalty 行政处罚）',
        en: 'Kind',
      },
      part: { zh: '年度报告部分', en: 'Part of the annual report' },
      title: { zh: '标题', en: 'Title' },
      year: { zh: '报告年度', en: 'Year reported on' },
      event_date: { zh: '事项日期', en: 'Event date' },
      published_on: { zh: '披露日期', en: 'Disclosed on' },
      doc_number: { zh: '文号或备案编号', en: 'Document or filing number' },
      amount: { zh: '罚款金额', en: 'Fine', unit: '元' },
      content: { zh: '内容', en: 'Content' },
      is_demo: demo,
    },
  },
  incidents: {
    description: {
      zh: '突发环境事件信息发布：发生时间、地点、级别、处置状态和概况。',
      en: 'Environmental incident releases: time, place, level, status and summary.',
    },
    frequency: { zh: '随发布更新', en: 'As released' },
    fields: {
      id: { zh: '编号', en: 'ID' },
      title: { zh: '标题', en: 'Title' },
      occurred_at: { zh: '发生时间（北京时间）', en: 'Occurred (China time)' },
      county: { zh: '区县', en: 'County' },
      location: { zh: '地点', en: 'Place' },
      level: { zh: '事件级别', en: 'Level' },
      status: { zh: '处置状态（responding 处置中，closed 已处置完毕）', en: 'Status (responding, closed)' },
      summary: { zh: '概况', en: 'Summary' },
      published_at: { zh: '发布时间（北京时间）', en: 'Published (China time)' },
      is_demo: demo,
    },
  },
};

/** A CSV header cell: the Chinese name, then the English code the JSON uses — 细颗粒物（PM2.5）(pm25). */
export const csvHeader = (dataset: string, code: string) => {
  const f = CATALOGUE[dataset]?.fields[code];
  return f ? `${f.zh}${f.unit ? `（${f.unit}）` : ''}(${code})` : code;
};
