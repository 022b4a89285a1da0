// Organisation: unit kinds (the groups units are ranked within) and mainland mobile numbers.

export const UNIT_KINDS = ['province', 'cityBureau', 'department', 'countyBureau', 'affiliatedUnit'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, { zh: string; en: string }> = {
  province: { zh: '省级', en: 'Province' },
  cityBureau: { zh: '市局', en: 'City bureau' },
  department: { zh: '科室', en: 'Department' },
  countyBureau: { zh: '区县市环保局(分局)', en: 'County-level bureau' },
  affiliatedUnit: { zh: '局属单位', en: 'Unit under the bureau' },
};

/** The kinds that are assessed and ranked within their own group. */
export const ASSESSED_UNIT_KINDS: readonly UnitKind[] = ['department', 'countyBureau', 'affiliatedUnit'];

/**
 * Mainland China mobile numbers: 11 digits starting 1[3-9]. Spaces, dashes and a +86 / 0086 prefix are
 * accepted on input and removed.
 */
export function normaliseMobile(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

/**
 * An e-mail address as stored (trimmed, the domain in lower case), or null if it is not one. Deliberately
 * plain: one @, a dot in the domain, no spaces — the mail server is the real check.
 */
export function normaliseEmail(input: string): string | null {
  const v = input.trim();
  const m = /^([^\s@]{1,64})@([^\s@]+\.[^\s@.]{2,})$/.exec(v);
  if (!m || v.length > 254 || m[2]!.includes('..')) return null;
  return `${m[1]}@${m[2]!.toLowerCase()}`;
}

/** 13812341234 → 138****1234 */
export function maskMobile(mobile: string): string {
  return mobile.length === 11 ? `${mobile.slice(0, 3)}****${mobile.slice(7)}` : '****';
}

/** Which kinds of unit may sit directly under a unit of each kind (the tree's shape). */
export const CHILD_KINDS: Record<UnitKind, readonly UnitKind[]> = {
  province: ['cityBureau', 'department', 'affiliatedUnit'],
  cityBureau: ['department', 'countyBureau', 'affiliatedUnit'],
  countyBureau: ['countyBureau', 'department'],
  department: [],
  affiliatedUnit: [],
};
