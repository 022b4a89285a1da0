// The audit log's .xlsx export for the auditor (decision 126): every record the filters select, in
// words (roles, actions, objects by name) beside the codes and the record's MAC, so a printed or
// archived copy can still be checked against the chain.
import {
  auditActionLabel,
  auditObjectLabel,
  ROLE_LABELS,
  type AuditRecord,
  type Role,
} from '@greenvoice/common';
import { chinaTime, type ExportColumn } from '../../spreadsheets/xlsx-export.ts';

const RESULT = {
  success: { zh: '成功', en: 'Success' },
  failure: { zh: '失败', en: 'Failure' },
  denied: { zh: '拒绝', en: 'Denied' },
} as Record<string, { zh: string; en: string }>;

export const AUDIT_EXPORT_COLUMNS: ExportColumn<AuditRecord>[] = [
  { header: { zh: '序号', en: 'No.' }, width: 8, value: (r) => r.id },
  { header: { zh: '时间', en: 'Time' }, width: 17, value: (r) => chinaTime(r.at) },
  { header: { zh: '操作人', en: 'Actor' }, width: 12, value: (r) => r.actorName },
  {
    header: { zh: '角色', en: 'Roles' },
    width: 18,
    value: (r, l) =>
      r.actorRoles
        .split(',')
        .filter(Boolean)
        .map((role) => ROLE_LABELS[role as Role]?.[l] ?? role)
        .join('、'),
  },
  {
    header: { zh: '操作', en: 'Action' },
    width: 22,
    value: (r, l) => auditActionLabel(r.action)?.[l] ?? r.action,
  },
  { header: { zh: '操作代码', en: 'Action code' }, width: 20, value: (r) => r.action },
  {
    header: { zh: '对象', en: 'Object' },
    width: 12,
    value: (r, l) => (r.objectType ? (auditObjectLabel(r.objectType)?.[l] ?? r.objectType) : null),
  },
  { header: { zh: '对象编号', en: 'Object id' }, width: 10, value: (r) => r.objectId },
  { header: { zh: '对象名称', en: 'Object name' }, width: 24, value: (r) => r.objectName },
  { header: { zh: '结果', en: 'Result' }, width: 8, value: (r, l) => RESULT[r.result]?.[l] ?? r.result },
  { header: { zh: '来源地址', en: 'Client IP' }, width: 16, value: (r) => r.clientIp },
  { header: { zh: '请求编号', en: 'Request id' }, width: 20, value: (r) => r.requestId },
  { header: { zh: '详情', en: 'Detail' }, width: 40, value: (r) => r.detail },
  { header: { zh: '校验码', en: 'MAC' }, width: 20, value: (r) => r.hash },
];
