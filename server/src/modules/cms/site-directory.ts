// Which bureau's website a request is for (decision 175). Each bureau's site answers on the host names
// listed for it (portal_site_domains); the installation's default site — PORTAL_SITE_UNIT, else the
// root of the unit tree — also answers every host no site names, for as long as it has no host names
// of its own (a single-site installation, or one still being set up). Once the default site lists its
// names too, a host nobody listed is no site at all: the portal says so rather than show some city.
// The table is read once and kept until the change feed says the settings changed (any process's
// change empties it in every process, like the page cache).
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DB } from '../../db/database.ts';
import { siteUnit } from '../units/units.repo.ts';
import { allSiteHosts } from './site-domains.repo.ts';

/** A bureau whose website the portal is serving. */
export interface PortalSite {
  id: number;
  name: string;
  /** the bureau's unit path: its subtree's data is this site's */
  path: string;
  /** the host name the request matched; null: reached as the default site */
  host: string | null;
}

/** What a module's public reads need of the site (decision 197): its id (what is kept per site) and its subtree. */
export type SiteScope = Pick<PortalSite, 'id' | 'path'>;
/** The site of the request being served, as a module is given it (services.ts: `sites.current`). */
export type CurrentSite = () => Promise<SiteScope | null>;
/** The site's scope; with no unit at all (no site), the whole tree — which owns nothing yet. */
export async function scopeOf(site: CurrentSite): Promise<SiteScope> {
  return (await site()) ?? { id: 0, path: '/' };
}

interface Table {
  hosts: Map<string, PortalSite>;
  /** the default site, when it answers hosts nobody listed */
  fallback: PortalSite | null;
  /** the default site however it was reached (jobs, the console) */
  home: PortalSite | null;
}

/** `Host` as sent → the name to look up: lower case, no port, no trailing dot; null if malformed. */
export function hostName(raw: string | undefined): string | null {
  if (!raw) return null;
  const m = /^([A-Za-z0-9.-]{1,253})(:\d{1,5})?$/.exec(raw.trim());
  return m ? m[1]!.toLowerCase().replace(/\.$/, '') : null;
}

export function createSiteDirectory(db: DB, options: { defaultUnitCode: string | null }) {
  let table: Promise<Table> | null = null;
  let ready: Table | null = null;
  const current = new AsyncLocalStorage<PortalSite>();

  async function load(): Promise<Table> {
    const [rows, home] = await Promise.all([allSiteHosts(db), siteUnit(db, options.defaultUnitCode)]);
    const hosts = new Map<string, PortalSite>();
    for (const r of rows) hosts.set(r.host, { id: r.id, name: r.name, path: r.path, host: r.host });
    const homeSite = home ? { ...home, host: null } : null;
    const homeListed = homeSite !== null && rows.some((r) => r.id === homeSite.id);
    return { hosts, fallback: homeListed ? null : homeSite, home: homeSite };
  }
  function loaded(): Promise<Table> {
    if (!table) {
      const t = (table = load());
      t.then((v) => table === t && (ready = v)).catch(() => table === t && (table = null));
    }
    return table;
  }
  const pick = (t: Table, host: string | undefined) => {
    const name = hostName(host);
    return (name !== null ? t.hosts.get(name) : undefined) ?? t.fallback;
  };

  return {
    /** The site `host` names; null: no site answers on it. */
    async forHost(host: string | undefined): Promise<PortalSite | null> {
      return pick(await loaded(), host);
    },
    /** The same from memory only, for the raw request handler; undefined: not read yet. */
    forHostNow(host: string | undefined): PortalSite | null | undefined {
      return ready ? pick(ready, host) : undefined;
    },
    /**
     * A bureau's site as its own staff read it (decision 197: the console's environmental data is their
     * bureau's, whatever host the console was opened on). The name is known for a site the table holds.
     */
    async forBureau(id: number, path: string): Promise<PortalSite> {
      const t = await loaded();
      const known = [...t.hosts.values(), t.home].find((s) => s?.id === id);
      return { id, path, name: known?.name ?? '', host: null };
    },
    /**
     * The site of the portal request being served (set by `within`), else the default site — what the
     * scheduled jobs and a module's public reads mean by "the site".
     */
    async current(): Promise<PortalSite | null> {
      return current.getStore() ?? (await loaded()).home;
    },
    /**
     * Every site of the installation, each with a host name it answers on (its first, in order) — null
     * for the default site while it answers every host no site names: what the self-inspection reads
     * site by site (decision 206).
     */
    async all(): Promise<PortalSite[]> {
      const t = await loaded();
      const sites = new Map<number, PortalSite>();
      if (t.fallback) sites.set(t.fallback.id, t.fallback);
      for (const s of [...t.hosts.values()].sort((a, b) => a.host!.localeCompare(b.host!)))
        if (!sites.has(s.id)) sites.set(s.id, s);
      return [...sites.values()].sort((a, b) => a.id - b.id);
    },
    /** Runs `fn` (and everything it awaits) as a request for `site`. */
    within<T>(site: PortalSite, fn: () => T): T {
      return current.run(site, fn);
    },
    /** The host names changed (the change feed's `everything`): read them again when next asked. */
    forget() {
      table = null;
      ready = null;
    },
  };
}
export type SiteDirectory = ReturnType<typeof createSiteDirectory>;
