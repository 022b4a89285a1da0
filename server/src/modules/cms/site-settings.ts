// The portal's site settings (footer, meta tags), one JSON row per site unit in `settings`.
import type { SiteSettings } from '@greenvoice/common';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';

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
  };
}

export async function readSiteSettings(db: DB | Transaction<Database>, unitId: number, unitName: string) {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', siteSettingsKey(unitId))
    .executeTakeFirst();
  const defaults = defaultSiteSettings(unitName);
  if (!row) return defaults;
  try {
    return { ...defaults, ...(JSON.parse(row.value) as Partial<SiteSettings>) };
  } catch {
    return defaults;
  }
}

export async function writeSiteSettings(trx: Transaction<Database>, unitId: number, value: SiteSettings) {
  const key = siteSettingsKey(unitId);
  const json = JSON.stringify(value);
  const updated = await trx
    .updateTable('settings')
    .set({ value: json })
    .where('key', '=', key)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0)
    await trx.insertInto('settings').values({ key, value: json }).execute();
}
