// The portal's site settings (footer, meta tags), one JSON row per site unit in `settings`.
import type { SiteSettings } from '@greenvoice/common';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';
import { readSetting, writeSetting } from './settings.repo.ts';

export const siteSettingsKey = (unitId: number) => `portal.site.${unitId}`;

export function defaultSiteSettings(unitName: string): SiteSettings {
  return {
    siteName: unitName || '绿讯 GreenVoice',
    siteNameEn: 'Environmental Protection Bureau',
    siteDomain: '',
    siteIdCode: '',
    icp: '',
    publicSecurityFiling: '',
    sponsor: unitName,
    address: '',
    postcode: '',
    phone: '',
    email: '',
    govMarkImage: '',
    govMarkLink: '',
    errorReportUrl: '',
    statement: '',
    disclosureOffice: '',
    officeHours: '',
    fax: '',
  };
}

export async function readSiteSettings(db: DB | Transaction<Database>, unitId: number, unitName: string) {
  const value = await readSetting(db, siteSettingsKey(unitId));
  const defaults = defaultSiteSettings(unitName);
  if (value === undefined) return defaults;
  try {
    return { ...defaults, ...(JSON.parse(value) as Partial<SiteSettings>) };
  } catch {
    return defaults;
  }
}

export async function writeSiteSettings(trx: Transaction<Database>, unitId: number, value: SiteSettings) {
  await writeSetting(trx, siteSettingsKey(unitId), JSON.stringify(value));
}
