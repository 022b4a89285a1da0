// Who issues a plan's official documents (bulletins and interview notices): the plan's `office`, or the
// owner bureau's name when the plan sets none. The one helper, beside the document numbers it prefixes.
import type { PlanDetail } from '@greenvoice/common';

export interface Office {
  issuer: string;
  docPrefix: string;
  printedBy: string;
}

const PLACE_END = /^(.+?)(?:自治州|自治县|特别行政区|市|县|区|州|盟|旗|省)/;

/**
 * The 机关代字 (GB/T 9704) a bureau without an office of its own issues under, from its name: the
 * place's first character and the agency's — 常德市环境保护局 → 常环, 益阳市生态环境局 → 益环,
 * 汉寿县农业农村局 → 汉农. Never a bare word such as 通报, which is not an issuer's mark.
 */
export function bureauDocPrefix(bureauName: string): string {
  const name = bureauName.trim();
  const place = PLACE_END.exec(name);
  const rest = place ? name.slice(place[0].length) : name.slice(1);
  const agency = rest.includes('环') ? '环' : (rest[0] ?? '');
  return `${(place?.[1] ?? name)[0] ?? ''}${agency}` || '通报';
}

/** a bureau that has set no office of its own issues under its name */
export const defaultOffice = (bureauName: string): Office => ({
  issuer: bureauName,
  docPrefix: bureauDocPrefix(bureauName),
  printedBy: `${bureauName}办公室`,
});

export const officeOf = (plan: PlanDetail): Office =>
  (plan.document as { office?: Office }).office ?? defaultOffice(plan.ownerUnitName);

/** 常环宣〔2018〕3号 */
export const docNumberOf = (office: Office, year: number, n: number) =>
  `${office.docPrefix}〔${year}〕${n}号`;

/** 常环宣谈〔2018〕2号: interview notices are a series of their own */
export const noticeNumberOf = (plan: PlanDetail, n: number) =>
  `${officeOf(plan).docPrefix}谈〔${plan.year}〕${n}号`;

/** 常环宣监〔2026〕1号: the monthly monitoring bulletins (监测通报) are a series of their own per year */
export const monitoringNumberOf = (office: Office, year: number, n: number) =>
  `${office.docPrefix}监〔${year}〕${n}号`;

/** what a draft's Word file shows where the number will go */
export const NUMBER_PENDING = '（文号待批准后编发）';
