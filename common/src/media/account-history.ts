// An account's history in words (issue 14): the stored change rows name columns (`fn_auto_reply`) and
// codes (`notFiled`); people read the field's label and the value's word in their language.
import {
  ACCOUNT_STATE_LABELS,
  FILING_STATE_LABELS,
  FUNCTION_STATE_LABELS,
  INTERACTION_FUNCTION_LABELS,
  MEDIA_PLATFORM_LABELS,
} from './platforms.ts';

type Words = { zh: string; en: string };

export const ACCOUNT_FIELD_LABELS: Record<string, Words> = {
  unit_id: { zh: '所属单位', en: 'Unit' },
  platform: { zh: '平台', en: 'Platform' },
  name: { zh: '账号名称', en: 'Name' },
  platform_id: { zh: '平台账号ID', en: 'Platform id' },
  operator: { zh: '运营人员', en: 'Operator' },
  opened_on: { zh: '开通日期', en: 'Opened on' },
  filing: { zh: '备案状态', en: 'Filing' },
  filing_number: { zh: '备案编号', en: 'Filing number' },
  fn_messages: { zh: `互动功能 · ${INTERACTION_FUNCTION_LABELS.messages.zh}`, en: 'Messages' },
  fn_auto_reply: { zh: `互动功能 · ${INTERACTION_FUNCTION_LABELS.autoReply.zh}`, en: 'Auto-reply' },
  fn_menu: { zh: `互动功能 · ${INTERACTION_FUNCTION_LABELS.menu.zh}`, en: 'Menu' },
  link: { zh: '链接', en: 'Link' },
  description: { zh: '简介', en: 'Description' },
  state: { zh: '状态', en: 'State' },
  stopped_on: { zh: '停更日期', en: 'Stopped on' },
  deregistered_on: { zh: '注销日期', en: 'Deregistered on' },
};

const CODED: Record<string, Record<string, Words>> = {
  platform: MEDIA_PLATFORM_LABELS,
  filing: FILING_STATE_LABELS,
  fn_messages: FUNCTION_STATE_LABELS,
  fn_auto_reply: FUNCTION_STATE_LABELS,
  fn_menu: FUNCTION_STATE_LABELS,
  state: ACCOUNT_STATE_LABELS,
};

export interface AccountChangeLine {
  field: string;
  label: Words;
  /** null: empty before (a new account) or emptied */
  before: Words | null;
  after: Words | null;
}

/**
 * The lines of one history row, in the registry's field order. `unitName` names a unit id (null when
 * the unit is gone or out of sight: the id is shown then, never a blank).
 */
export function accountChangeLines(
  changes: Record<string, unknown[]>,
  unitName: (id: number) => string | null,
): AccountChangeLine[] {
  const word = (field: string, v: unknown): Words | null => {
    if (v === null || v === undefined || v === '') return null;
    if (field === 'unit_id') {
      const name = unitName(Number(v));
      return name ? { zh: name, en: name } : { zh: `单位 #${String(v)}`, en: `unit #${String(v)}` };
    }
    const coded = CODED[field]?.[String(v)];
    return coded ?? { zh: String(v), en: String(v) };
  };
  const order = Object.keys(ACCOUNT_FIELD_LABELS);
  return Object.entries(changes)
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([field, [before, after]]) => ({
      field,
      label: ACCOUNT_FIELD_LABELS[field] ?? { zh: field, en: field },
      before: word(field, before),
      after: word(field, after),
    }));
}
