import type {
  AirNow,
  AirStation,
  AirStationInput,
  Discharger,
  DischargerDetail,
  DischargerInput,
  Disclosure,
  DisclosureInput,
  EnvImport,
  EnvImportResult,
  Incident,
  IncidentInput,
  OverdueList,
  WaterSection,
  WaterSectionInput,
  WaterStatusList,
  WorkingCalendarInput,
  WorkingCalendarYear,
} from '@greenvoice/common';
import { api, withQuery, type PageResult } from '../../../shared/api/api-client.ts';
import { uploadFile, type UploadCallbacks } from '../../../shared/api/upload.ts';

const base = '/api/v1/environment';

export const airNow = () => api.get<AirNow>(`${base}/air/now`);
export const listStations = () => api.get<{ items: AirStation[] }>(`${base}/air/stations`);
export const saveStation = (s: AirStation | null, values: AirStationInput) =>
  s
    ? api.patch<AirStation>(`${base}/air/stations/${s.id}`, { version: s.version, ...values })
    : api.post<AirStation>(`${base}/air/stations`, values);

export const waterStatus = () => api.get<WaterStatusList>(`${base}/water/sections`);
export const saveSection = (s: WaterSection | null, values: WaterSectionInput) =>
  s
    ? api.patch<WaterSection>(`${base}/water/sections/${s.id}`, { version: s.version, ...values })
    : api.post<WaterSection>(`${base}/water/sections`, values);

export type ImportKind = 'air' | 'water';
export const importReadings = (kind: ImportKind, file: File, cb: UploadCallbacks) =>
  uploadFile<EnvImportResult>(`${base}/${kind}/readings/import`, 'file', file, file.name, cb);
export interface PageParams {
  page: number;
  pageSize: number;
}
export const listImports = (p: PageParams) =>
  api.get<PageResult<EnvImport>>(withQuery(`${base}/imports`, { ...p }));

export const listDischargers = (p: { q?: string; page: number; pageSize: number }) =>
  api.get<PageResult<Discharger>>(withQuery(`${base}/dischargers`, p));
export const getDischarger = (id: number) => api.get<DischargerDetail>(`${base}/dischargers/${id}`);
export const saveDischarger = (d: Discharger | null, values: DischargerInput) =>
  d
    ? api.patch<Discharger>(`${base}/dischargers/${d.id}`, { version: d.version, ...values })
    : api.post<Discharger>(`${base}/dischargers`, values);
export const addDisclosure = (dischargerId: number, values: DisclosureInput) =>
  api.post<Disclosure>(`${base}/dischargers/${dischargerId}/disclosures`, values);
export const markPublished = (d: Disclosure, publishedOn: string) =>
  api.patch<Disclosure>(`${base}/disclosures/${d.id}`, { version: d.version, publishedOn });
export const overdueList = (asOf?: string) =>
  api.get<OverdueList>(withQuery(`${base}/disclosure-deadlines/overdue`, { asOf }));

export const listIncidents = (p: PageParams) =>
  api.get<PageResult<Incident>>(withQuery(`${base}/incidents`, { ...p }));
export const createIncident = (values: IncidentInput) => api.post<Incident>(`${base}/incidents`, values);
export const addFollowUp = (id: number, content: string, closes: boolean) =>
  api.post<Incident>(`${base}/incidents/${id}/follow-ups`, { content, closes });

export const getCalendar = (year: number) => api.get<WorkingCalendarYear>(`/api/v1/working-calendar/${year}`);
export const putCalendar = (year: number, body: WorkingCalendarInput) =>
  api.put<WorkingCalendarYear>(`/api/v1/working-calendar/${year}`, body);

/** `row/column` of an import problem, as the server reports it */
export { parseProblemField } from '../../../shared/list/import-problems.tsx';
