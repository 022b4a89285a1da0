// The key discharging units' list as .xlsx (decision 123): the list's columns, the whole search result.
import type { Discharger } from '@greenvoice/common';
import type { ListExport } from '../../spreadsheets/xlsx-export.ts';

export const DISCHARGERS_EXPORT: ListExport<Discharger> = {
  list: 'dischargers',
  sheet: { zh: '重点排污单位', en: 'Key dischargers' },
  columns: [
    { header: { zh: '单位名称', en: 'Name' }, width: 34, value: (d) => d.name },
    { header: { zh: '统一社会信用代码', en: 'Credit code' }, width: 22, value: (d) => d.creditCode },
    { header: { zh: '县区', en: 'County' }, width: 12, value: (d) => d.county },
    { header: { zh: '行业', en: 'Industry' }, width: 18, value: (d) => d.industry },
    { header: { zh: '排污许可证编号', en: 'Permit number' }, width: 24, value: (d) => d.permitNumber },
    { header: { zh: '地址', en: 'Address' }, width: 30, value: (d) => d.address },
    { header: { zh: '列入年份', en: 'Listed since' }, width: 10, value: (d) => d.listedYear },
  ],
};
