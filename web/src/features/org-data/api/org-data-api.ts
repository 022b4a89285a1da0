import type { ImportResult } from '@greenvoice/common';
import { uploadFile, type UploadCallbacks } from '../../../shared/api/upload.ts';

export const EXPORT_URL = '/api/v1/org/export.xlsx';
export const TEMPLATE_URL = '/api/v1/org/import-template.xlsx';

/** All or nothing: the server checks the whole workbook and imports nothing if any row is wrong (422). */
export const importWorkbook = (file: File, callbacks: UploadCallbacks) =>
  uploadFile<ImportResult>('/api/v1/org/import', 'file', file, file.name, callbacks);

export interface ImportProblem {
  key: number;
  sheet: string;
  row: string;
  column: string;
  message: string;
}

/** `人员/5/手机` → sheet 人员, row 5, column 手机 (a leading slash, as in JSON pointers, is tolerated). */
export function parseImportField(field: string): Pick<ImportProblem, 'sheet' | 'row' | 'column'> {
  const [sheet = '', row = '', ...rest] = field.replace(/^\//, '').split('/');
  return { sheet, row, column: rest.join('/') };
}
