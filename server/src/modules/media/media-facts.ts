// Block C feeds itself (docs/new-media.md, "Block C"): the registry and the metrics are written as
// assessment facts by the system, in the transaction that changed them, and the scores they change are
// marked stale in it (decision 085):
//   mediaAccount   — each WeChat official account with its opening date (item C2, the deadline)
//   mediaFollowers — each unit's WeChat official-account followers at each month's end (C3, growth)
//   mediaSilence   — each silent spell of each account, its platform in activityType (C4)
//   mediaSubscription — each line of the subscription register: one paper's copies for a unit and year (C1)
// Every fact's title names the account (and the month or the spell), so "why this score" does too.
import {
  dayNumber,
  MEDIA_PLATFORM_LABELS,
  monthEnd,
  silentSpells,
  type AssessmentFact,
} from '@greenvoice/common';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/types.ts';
import type { FactsChange, FactsRepo } from '../facts/facts.repo.ts';
import type { MediaRepo } from './media.repo.ts';
import { byAccount, postHistoryOf } from './media-present.ts';

const blank = {
  outletLevel: null,
  outletMedium: 'newMedia' as const,
  adoptionLevel: null,
  leaderInstruction: null,
  awardRank: null,
  negativeCode: null,
  themes: ['mediaMatrix'],
};
type FactBody = Omit<AssessmentFact, 'id'>;

export function createMediaFacts(deps: { repo: MediaRepo; facts: FactsRepo }) {
  const { repo, facts } = deps;

  /** Replaces the facts of `source` with `wanted` (by source id); returns what changed. */
  async function replace(
    trx: Transaction<Database>,
    source: string,
    ownerUnitId: number,
    wanted: Map<number, FactBody>,
  ): Promise<FactsChange[]> {
    const changes: FactsChange[] = [];
    for (const id of await facts.sourceIdsOf(trx, source))
      if (!wanted.has(id)) {
        const c = await facts.deleteBySource(trx, { source, sourceId: id });
        if (c) changes.push(c);
      }
    for (const [sourceId, f] of wanted) {
      changes.push(await facts.upsertBySource(trx, { source, sourceId }, { ...f, ownerUnitId }));
    }
    return changes;
  }

  return {
    /**
     * Writes (or, for null, removes) the fact of one subscription line: dated the year's 1 January, so
     * the copies count for the whole plan year; quantity = copies.
     */
    async writeSubscription(
      trx: Transaction<Database>,
      id: number,
      row: { bureau_unit_id: number; unit_id: number; year: number; paper: string; copies: number } | null,
    ): Promise<FactsChange[]> {
      const source = { source: 'mediaSubscription', sourceId: id };
      if (!row) {
        const gone = await facts.deleteBySource(trx, source);
        return gone ? [gone] : [];
      }
      const fact: FactBody = {
        ...blank,
        outletMedium: 'paper',
        themes: [],
        kind: 'mediaSubscription',
        date: `${row.year}-01-01`,
        unitIds: [row.unit_id],
        activityType: null,
        quantity: row.copies,
        title: `${row.year}年订阅${row.paper.startsWith('《') ? row.paper : `《${row.paper}》`} ${row.copies} 份`,
      };
      return [await facts.upsertBySource(trx, source, { ...fact, ownerUnitId: row.bureau_unit_id })];
    },

    /**
     * Rewrites the media facts of the units (and of every account they hold) as of `today`. Called in
     * the transaction of any change to an account or its metrics, and daily for spells still running.
     */
    async refreshUnits(trx: Transaction<Database>, unitIds: number[], today: string): Promise<FactsChange[]> {
      const changes: FactsChange[] = [];
      for (const unitId of [...new Set(unitIds)]) {
        const accounts = await repo.all({ scopePath: '/', unitId }, trx);
        const bureau = accounts[0]?.bureau_unit_id;
        const rows = await repo.metrics(
          accounts.map((a) => a.id),
          {},
          trx,
        );
        const grouped = byAccount(rows);
        // accounts that left this unit keep no facts here: their own source is per account
        for (const a of accounts) {
          const mine = grouped.get(a.id) ?? [];
          const label = `${MEDIA_PLATFORM_LABELS[a.platform].zh}「${a.name}」`;
          const opened = new Map<number, FactBody>();
          if (a.platform === 'wechatOfficial' && a.opened_on)
            opened.set(a.id, {
              ...blank,
              kind: 'mediaAccount',
              date: a.opened_on,
              unitIds: [a.unit_id],
              activityType: a.platform,
              quantity: null,
              title: `${label}（${a.platform_id}）于 ${a.opened_on} 开通`,
            });
          changes.push(...(await replace(trx, `mediaAccount:${a.id}`, a.bureau_unit_id, opened)));
          const spells = new Map<number, FactBody>();
          for (const s of silentSpells(postHistoryOf(a, mine), today))
            spells.set(dayNumber(s.from), {
              ...blank,
              kind: 'mediaSilence',
              date: s.silentFrom,
              unitIds: [a.unit_id],
              activityType: a.platform,
              quantity: s.days,
              title: s.neverPosted
                ? `${label}自 ${s.from} 起从未发文，${s.until ? `至 ${s.until} 共` : '已'} ${s.days} 天`
                : `${label}自 ${s.from} 最后一次发文后 ${s.until ? `至 ${s.until} 共` : '已'} ${s.days} 天未更新`,
            });
          changes.push(...(await replace(trx, `mediaSilence:${a.id}`, a.bureau_unit_id, spells)));
        }
        if (bureau === undefined) continue;
        // followers: the unit's WeChat official accounts, each at its last known count by the month's end
        const wechat = accounts.filter((a) => a.platform === 'wechatOfficial');
        const months = [
          ...new Set(
            rows
              .filter((r) => wechat.some((a) => a.id === r.account_id))
              .map((r) => r.period_start.slice(0, 7)),
          ),
        ].sort();
        const followers = new Map<number, FactBody>();
        const last = new Map<number, number>();
        for (const m of months) {
          for (const r of rows)
            if (
              r.period_start.slice(0, 7) === m &&
              r.followers_total !== null &&
              wechat.some((a) => a.id === r.account_id)
            )
              last.set(r.account_id, r.followers_total);
          if (!last.size) continue;
          const parts = wechat.filter((a) => last.has(a.id));
          const total = parts.reduce((s, a) => s + last.get(a.id)!, 0);
          const end = monthEnd(m);
          followers.set(Number(m.replace('-', '')), {
            ...blank,
            kind: 'mediaFollowers',
            date: end < today ? end : today,
            unitIds: [unitId],
            activityType: 'wechatOfficial',
            quantity: total,
            title: `${m.slice(0, 4)}年${Number(m.slice(5))}月末微信公众号粉丝 ${total}（${parts.map((a) => `「${a.name}」${last.get(a.id)}`).join(' + ')}）`,
          });
        }
        changes.push(...(await replace(trx, `mediaFollowers:${unitId}`, bureau, followers)));
      }
      return changes;
    },
  };
}
export type MediaFacts = ReturnType<typeof createMediaFacts>;
