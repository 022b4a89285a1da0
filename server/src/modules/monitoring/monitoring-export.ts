// The monitoring page's two tables as .xlsx (decision 123): the air stations with their latest hour, and
// the water sections with the month's class, limiting factors and the same month a year before.
import {
  CONTROL_LEVEL_LABELS,
  WATER_STANDARD,
  type AirNow,
  type WaterSectionStatus,
} from '@greenvoice/common';
import type { ListExport } from '../../spreadsheets/xlsx-export.ts';

type AirRow = AirNow['items'][number];

export const AIR_EXPORT: ListExport<AirRow> = {
  list: 'air-stations',
  sheet: { zh: '空气监测点', en: 'Air stations' },
  columns: [
    { header: { zh: '名称', en: 'Name' }, width: 20, value: (r) => r.station.name },
    { header: { zh: '编码', en: 'Code' }, width: 12, value: (r) => r.station.code },
    { header: { zh: '县区', en: 'County' }, width: 12, value: (r) => r.station.county },
    {
      header: { zh: '控制级别', en: 'Control level' },
      width: 10,
      value: (r, l) => CONTROL_LEVEL_LABELS[r.station.controlLevel][l],
    },
    { header: { zh: '最新 AQI', en: 'Latest AQI' }, width: 10, value: (r) => r.reading?.aqi },
    { header: { zh: '类别', en: 'Category' }, width: 10, value: (r) => r.reading?.category },
    { header: { zh: '时间', en: 'Hour' }, width: 17, value: (r) => r.reading?.hour.replace('T', ' ') },
    { header: { zh: '地址', en: 'Address' }, width: 30, value: (r) => r.station.address },
  ],
};

export const WATER_EXPORT: ListExport<WaterSectionStatus> = {
  list: 'water-sections',
  sheet: { zh: '水质断面', en: 'Water sections' },
  columns: [
    { header: { zh: '名称', en: 'Name' }, width: 20, value: (r) => r.section.name },
    { header: { zh: '编码', en: 'Code' }, width: 12, value: (r) => r.section.code },
    { header: { zh: '河流', en: 'River' }, width: 12, value: (r) => r.section.river },
    { header: { zh: '流域', en: 'Basin' }, width: 12, value: (r) => r.section.basin },
    {
      header: { zh: '控制级别', en: 'Control level' },
      width: 10,
      value: (r, l) => CONTROL_LEVEL_LABELS[r.section.controlLevel][l],
    },
    { header: { zh: '属性', en: 'Attribute' }, width: 10, value: (r) => r.section.attribute },
    { header: { zh: '目标类别', en: 'Target class' }, width: 10, value: (r) => r.section.targetClass },
    { header: { zh: '采样日期', en: 'Sampled' }, width: 12, value: (r) => r.latest?.sampledOn },
    { header: { zh: '水质类别', en: 'Class' }, width: 10, value: (r) => r.latest?.class },
    { header: { zh: '上年同期', en: 'A year before' }, width: 10, value: (r) => r.lastYearClass },
    {
      header: { zh: '超标因子（超III类倍数）', en: 'Limiting factors (× class III)' },
      width: 30,
      value: (r, l) =>
        r.latest?.limitingFactors
          .filter((f) => f.multipleOfIII !== undefined)
          .map((f) => `${WATER_STANDARD[f.factor].name[l]}(${f.multipleOfIII})`)
          .join(l === 'zh' ? '、' : ', ') || null,
    },
  ],
};
