// What the matrix shows: the board (the opening deadline read from the bureau's plan, and the accounts
// the inspection rules flag), the monthly WCI ranking, a unit's months, and the public matrix for the
// portal (docs/new-media.md).
import {
  MEDIA_PLATFORM_LABELS,
  monthWci,
  openingStatus,
  WCI_VERSION,
  type MediaBoard,
  type PlanDocument,
  type WciRanking,
} from '@greenvoice/common';
import { notFound } from '../../http/api-error.ts';
import { requireActor, type RequestContext } from '../../http/context.ts';
import type { ScoresRepo } from '../assessment/scores.repo.ts';
import type { MediaRepo } from './media.repo.ts';
import { accountsOn } from './accounts-on.ts';
import { byAccount, monthSummaries, presentEach, wciRow, type AccountRow } from './media-present.ts';
import { qrSvg } from './qr-code.ts';
import { scopeOf, type CurrentSite } from '../cms/site-directory.ts';

/** The plan's opening-deadline item: a deadline rule over mediaAccount facts. */
export function deadlineItem(doc: PlanDocument) {
  for (const b of doc.blocks)
    for (const i of b.items)
      if (i.rule.type === 'deadline' && i.rule.match.kinds.includes('mediaAccount'))
        return { item: i, due: i.rule.due };
  return null;
}

export function createMediaBoard(deps: {
  repo: MediaRepo;
  plans: ScoresRepo;
  today: () => string;
  /** the site of the request being served: the public matrix is its bureau's accounts (decision 197) */
  site: CurrentSite;
}) {
  const { repo, plans } = deps;

  async function ranking(scopePath: string, month: string, publicOnly: boolean): Promise<WciRanking> {
    const accounts = (await repo.all({ scopePath, platform: 'wechatOfficial' })).filter(
      (a) => !publicOnly || a.state !== 'deregistered',
    );
    const rows = await repo.metrics(
      accounts.map((a) => a.id),
      { from: `${month}-01`, to: `${month}-31` },
    );
    const items: WciRanking['items'] = [];
    const noIndex: WciRanking['noIndex'] = [];
    for (const a of accounts) {
      const w = monthWci(rows.filter((r) => r.account_id === a.id).map(wciRow));
      if (!w) {
        if (!a.opened_on || a.opened_on <= `${month}-31`)
          noIndex.push({ accountId: a.id, accountName: a.name, unitName: a.unit_name });
        continue;
      }
      items.push({
        rank: 0,
        accountId: a.id,
        accountName: a.name,
        platformId: a.platform_id,
        unitId: a.unit_id,
        unitName: a.unit_name,
        articles: w.articles,
        reads: rows.filter((r) => r.account_id === a.id).reduce((s, r) => s + (r.reads ?? 0), 0),
        overall: w.overall,
        perArticle: w.perArticle,
        headline: w.headline,
        peak: w.peak,
        wci: w.wci,
        partial: w.partial,
        missing: w.missing,
      });
    }
    items.sort((x, y) => y.wci - x.wci || x.accountId - y.accountId);
    items.forEach((it, i) => (it.rank = i > 0 && items[i - 1]!.wci === it.wci ? items[i - 1]!.rank : i + 1));
    return { month, version: WCI_VERSION, days: 30, items, noIndex };
  }

  return {
    ranking: (ctx: RequestContext, month: string) => ranking(requireActor(ctx).scopePath, month, false),

    async board(ctx: RequestContext, q: { year?: number }): Promise<MediaBoard> {
      const actor = requireActor(ctx);
      const now = deps.today();
      // the year asked for, else the bureau's latest plan year: the board stands at that year's end (or today)
      const thisYear = Number(now.slice(0, 4));
      const recent = await plans.plansOfOwner(
        actor.bureauUnitId,
        Array.from({ length: 10 }, (_, i) => thisYear - i),
      );
      const year = q.year ?? recent.map((p) => p.year).sort((a, b) => b - a)[0] ?? thisYear;
      const today = `${year}-12-31` < now ? `${year}-12-31` : now;
      const each = await accountsOn(repo, actor.scopePath, today);
      const accounts = each.map((x) => x.row);
      const presented = each.map((x) => x.account);
      const plan =
        recent.find((p) => p.year === year) ?? (await plans.plansOfOwner(actor.bureauUnitId, [year]))[0];
      let deadline: MediaBoard['deadline'] = null;
      const opening: MediaBoard['opening'] = [];
      const found = plan ? deadlineItem(JSON.parse(plan.document) as PlanDocument) : null;
      if (plan && found) {
        const doc = JSON.parse(plan.document) as PlanDocument;
        deadline = { due: found.due, year, planTitle: plan.title, itemName: found.item.name };
        const kinds = doc.groups
          .filter((g) => !(found.item.notApplicableTo ?? []).includes(g.code))
          .flatMap((g) => g.unitKinds);
        const units = await plans.unitsOf(plan, kinds);
        const inScope = new Set(accounts.map((a) => a.unit_id));
        for (const u of units) {
          if (actor.scope === 'unit' && u.id !== actor.unitId && !inScope.has(u.id)) continue;
          const first = accounts
            .filter((a) => a.unit_id === u.id && a.platform === 'wechatOfficial' && a.opened_on)
            .sort((x, y) => x.opened_on!.localeCompare(y.opened_on!))[0];
          const s = openingStatus(first?.opened_on ?? null, found.due, today);
          opening.push({
            unitId: u.id,
            unitName: u.name,
            status: s.status,
            openedOn: first?.opened_on ?? null,
            accountName: first?.name ?? null,
            daysLate: s.daysLate,
          });
        }
      }
      return { today, year, deadline, opening, flagged: presented.filter((a) => a.flags.length > 0) };
    },

    async unitMonthly(ctx: RequestContext, unitId: number, year: number) {
      const accounts = await repo.all({ scopePath: requireActor(ctx).scopePath, unitId });
      if (!accounts.length) throw notFound();
      const rows = await repo.metrics(
        accounts.map((a) => a.id),
        { from: `${year}-01-01`, to: `${year}-12-31` },
      );
      const mine = byAccount(rows);
      return {
        unitId,
        unitName: accounts[0]!.unit_name,
        year,
        accounts: accounts.map((a) => ({
          accountId: a.id,
          name: a.name,
          platform: a.platform,
          months: monthSummaries(mine.get(a.id) ?? [], a.platform === 'wechatOfficial'),
        })),
      };
    },

    /** The public matrix: every account not deregistered, by unit, with its last update; and a month's ranking. */
    async publicMatrix(month: string | null) {
      const { path } = await scopeOf(deps.site);
      const accounts = (await repo.all({ scopePath: path })).filter((a) => a.state !== 'deregistered');
      const posts = await repo.postHistory(accounts.map((a) => a.id));
      const today = deps.today();
      const latestMonth =
        month ??
        posts
          .filter((p) => p.posts > 0)
          .map((p) => p.period_start.slice(0, 7))
          .filter((m) => m < today.slice(0, 7))
          .sort()
          .at(-1) ??
        null;
      const groups = new Map<
        string,
        {
          unitName: string;
          accounts: Array<AccountRow & { lastPostOn: string | null; platformLabel: string }>;
        }
      >();
      for (const { row: a, account: p } of presentEach(accounts, posts, today)) {
        const g = groups.get(a.unit_name) ?? { unitName: a.unit_name, accounts: [] };
        g.accounts.push({
          ...a,
          lastPostOn: p.lastPostOn,
          platformLabel: MEDIA_PLATFORM_LABELS[a.platform].zh,
        });
        groups.set(a.unit_name, g);
      }
      return {
        groups: [...groups.values()],
        ranking: latestMonth ? await ranking(path, latestMonth, true) : null,
      };
    },

    /** The QR code of a public (not deregistered) account with a link; null when there is none. */
    async publicQr(id: number): Promise<string | null> {
      const a = await repo.find(id, (await scopeOf(deps.site)).path);
      if (!a || !a.link || a.state === 'deregistered') return null;
      return qrSvg(a.link, `${a.name}（${a.platform_id}）二维码`);
    },
    async qr(ctx: RequestContext, id: number): Promise<string> {
      const a = await repo.find(id, requireActor(ctx).scopePath);
      if (!a) throw notFound();
      if (!a.link) throw notFound();
      return qrSvg(a.link, `${a.name}（${a.platform_id}）二维码`);
    },
  };
}
export type MediaBoardService = ReturnType<typeof createMediaBoard>;
