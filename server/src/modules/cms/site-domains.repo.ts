// The host names each bureau's website answers on (decision 175): the only place that builds queries
// on portal_site_domains.
import type { Transaction } from 'kysely';
import type { DB } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';

type Executor = DB | Transaction<Database>;

/** Every host name with the bureau whose site it names. */
export function allSiteHosts(ex: Executor) {
  return ex
    .selectFrom('portal_site_domains as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select(['d.host', 'u.id', 'u.name', 'u.path'])
    .orderBy('d.host')
    .execute();
}

export async function hostsOf(ex: Executor, unitId: number): Promise<string[]> {
  const rows = await ex
    .selectFrom('portal_site_domains')
    .select('host')
    .where('unit_id', '=', unitId)
    .orderBy('host')
    .execute();
  return rows.map((r) => r.host);
}

/** Of `hosts`, those another bureau's site already answers on, with that bureau's name. */
export function hostsTakenElsewhere(ex: Executor, unitId: number, hosts: string[]) {
  if (hosts.length === 0) return Promise.resolve([]);
  return ex
    .selectFrom('portal_site_domains as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select(['d.host', 'u.name'])
    .where('d.host', 'in', hosts)
    .where('d.unit_id', '!=', unitId)
    .execute();
}

/** The bureau's host names become exactly `hosts` (in the caller's transaction). */
export async function replaceHosts(trx: Transaction<Database>, unitId: number, hosts: string[], at: string) {
  await trx.deleteFrom('portal_site_domains').where('unit_id', '=', unitId).execute();
  if (hosts.length > 0)
    await trx
      .insertInto('portal_site_domains')
      .values(hosts.map((host) => ({ host, unit_id: unitId, created_at: at })))
      .execute();
}
