// The incident releases as .xlsx (decision 123): newest first, as the list shows them.
import { INCIDENT_LEVEL_LABELS, INCIDENT_STATUS_LABELS, type Incident } from '@greenvoice/common';
import { chinaTime, type ListExport } from '../../spreadsheets/xlsx-export.ts';

export const INCIDENTS_EXPORT: ListExport<Incident> = {
  list: 'incidents',
  sheet: { zh: '突发环境事件', en: 'Incidents' },
  columns: [
    { header: { zh: '标题', en: 'Title' }, width: 36, value: (i) => i.title },
    { header: { zh: '发生时间', en: 'Occurred' }, width: 17, value: (i) => i.occurredAt.replace('T', ' ') },
    { header: { zh: '县区', en: 'County' }, width: 12, value: (i) => i.county },
    { header: { zh: '地点', en: 'Location' }, width: 24, value: (i) => i.location },
    { header: { zh: '级别', en: 'Level' }, width: 10, value: (i, l) => INCIDENT_LEVEL_LABELS[i.level][l] },
    { header: { zh: '状态', en: 'Status' }, width: 12, value: (i, l) => INCIDENT_STATUS_LABELS[i.status][l] },
    { header: { zh: '发布时间', en: 'Released' }, width: 17, value: (i) => chinaTime(i.publishedAt) },
    { header: { zh: '续报', en: 'Follow-ups' }, width: 8, value: (i) => i.followUps.length },
    { header: { zh: '概要', en: 'Summary' }, width: 50, value: (i) => i.summary },
  ],
};
