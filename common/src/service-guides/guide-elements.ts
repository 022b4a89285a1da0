// A service guide (办事指南) and the elements the national inspection requires of it (国办秘函〔2019〕19号:
// a missing guide, or a guide without one of these, fails the whole website). Pure, shared by the
// console's form and the server's publish check (docs/decisions/113-service-guides.md).

export const GUIDE_ELEMENTS = [
  'name',
  'basis',
  'conditions',
  'materials',
  'location',
  'agency',
  'fees',
  'hours',
  'phone',
  'process',
] as const;
export type GuideElement = (typeof GUIDE_ELEMENTS)[number];

export const GUIDE_ELEMENT_LABELS: Record<GuideElement, { zh: string; en: string }> = {
  name: { zh: '事项名称', en: 'Service' },
  basis: { zh: '设定依据', en: 'Legal basis' },
  conditions: { zh: '申请条件', en: 'Who may apply' },
  materials: { zh: '办理材料', en: 'Documents required' },
  location: { zh: '办理地点', en: 'Where' },
  agency: { zh: '办理机构', en: 'Handled by' },
  fees: { zh: '收费标准', en: 'Fees' },
  hours: { zh: '办理时间', en: 'Opening hours' },
  phone: { zh: '联系电话', en: 'Phone' },
  process: { zh: '办理流程', en: 'Steps' },
};

export const GUIDE_STATUSES = ['draft', 'published'] as const;
export type GuideStatus = (typeof GUIDE_STATUSES)[number];

export const GUIDE_CATEGORIES = ['eia', 'permit', 'waste', 'radiation', 'other'] as const;
export type GuideCategory = (typeof GUIDE_CATEGORIES)[number];
export const GUIDE_CATEGORY_LABELS: Record<GuideCategory, { zh: string; en: string }> = {
  eia: { zh: '环境影响评价', en: 'Environmental impact assessment' },
  permit: { zh: '排污许可', en: 'Discharge permits' },
  waste: { zh: '固体废物与危险废物', en: 'Solid and hazardous waste' },
  radiation: { zh: '辐射安全', en: 'Radiation safety' },
  other: { zh: '其他事项', en: 'Other services' },
};

/** The text elements of a guide, as stored. */
export type GuideElements = Record<GuideElement, string>;

/** The required elements a guide lacks (blank or whitespace only), in the order the form shows them. */
export function missingGuideElements(
  g: Partial<Record<GuideElement, string | null | undefined>>,
): GuideElement[] {
  return GUIDE_ELEMENTS.filter((k) => !(g[k] ?? '').trim());
}
