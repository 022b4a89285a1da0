// The self-inspection's external links (decision 188): what the probe found on the portal's pages is
// checked by the polite, SSRF-safe checker (link-checker.ts) — an answer of the last day is reused
// (ok and broken are kept; "unchecked" is asked again next run), at most MAX_EXTERNAL a run. With the
// checker off (no outbound network, the default) every external link is counted as unchecked.
import type { ExternalLinkFacts } from '@greenvoice/common';
import type { InspectionRepo } from './inspection.repo.ts';
import { checkLinks, type LinkCheckOptions, type LinkResult } from './link-checker.ts';

export const MAX_EXTERNAL = 300;
const DAY_MS = 86_400_000;

export function createExternalLinks(deps: {
  repo: Pick<InspectionRepo, 'linkChecks' | 'saveLinkCheck'>;
  /** null: external links are not checked */
  options: Omit<LinkCheckOptions, 'userAgent'> | null;
  /** the User-Agent, naming the bureau whose site it is */
  agent: () => Promise<string>;
  now?: () => number;
}) {
  const now = () => deps.now?.() ?? Date.now();
  return async (found: Array<{ from: string; href: string }>) => {
    if (!deps.options) return { broken: [] as ExternalLinkFacts[], checked: 0, unchecked: found.length };
    const list = found.slice(0, MAX_EXTERNAL);
    const since = new Date(now() - DAY_MS).toISOString();
    const known = new Map<string, Pick<LinkResult, 'outcome' | 'status' | 'detail'>>(
      (
        await deps.repo.linkChecks(
          list.map((l) => l.href),
          since,
        )
      ).map((r) => [r.url, r]),
    );
    const fresh = await checkLinks(
      list.filter((l) => !known.has(l.href)).map((l) => l.href),
      { ...deps.options, userAgent: await deps.agent() },
    );
    const at = new Date(now()).toISOString();
    for (const r of fresh) {
      known.set(r.url, r);
      if (r.outcome !== 'unchecked')
        await deps.repo.saveLinkCheck({
          url: r.url,
          checked_at: at,
          outcome: r.outcome,
          status: r.status,
          detail: r.detail,
        });
    }
    const broken: ExternalLinkFacts[] = [];
    let checked = 0;
    for (const l of list) {
      const r = known.get(l.href)!;
      if (r.outcome === 'unchecked') continue;
      checked++;
      if (r.outcome === 'broken') broken.push({ ...l, status: r.status, detail: r.detail ?? '' });
    }
    return { broken, checked, unchecked: found.length - checked };
  };
}
export type ExternalLinks = ReturnType<typeof createExternalLinks>;
