// Block B feeds itself (docs/activities.md "Block B"): every recorded event is an assessment fact of kind
// 'activity' whose activityType is the event's kind (lectureHall, fiveInto, environmentDay, census,
// inspection …), credited to the organising unit, written in the transaction that records, changes or
// deletes the event, with its scores marked stale there (decision 085). The title names the event, so
// "why this score" leads to it.
import { ACTIVITY_KIND_LABELS, FIVE_INTO_TARGET_LABELS } from '@greenvoice/common';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/types.ts';
import type { FactsChange, FactsRepo } from '../facts/facts.repo.ts';
import type { ActivityValues } from './activities.repo.ts';

export const ACTIVITY_FACT_SOURCE = 'activity';

export function activityFactTitle(
  a: Pick<ActivityValues, 'kind' | 'target' | 'title' | 'held_on' | 'place'>,
) {
  const kind = ACTIVITY_KIND_LABELS[a.kind].zh;
  const target = a.target ? `·${FIVE_INTO_TARGET_LABELS[a.target].zh}` : '';
  return `${kind}${target}「${a.title}」（${a.held_on}，${a.place}）`;
}

export function createActivityFacts(facts: FactsRepo) {
  return {
    write(trx: Transaction<Database>, id: number, a: ActivityValues): Promise<FactsChange> {
      return facts.upsertBySource(
        trx,
        { source: ACTIVITY_FACT_SOURCE, sourceId: id },
        {
          ownerUnitId: a.bureau_unit_id,
          kind: 'activity',
          date: a.held_on,
          unitIds: [a.unit_id],
          outletLevel: null,
          outletMedium: null,
          adoptionLevel: null,
          leaderInstruction: null,
          activityType: a.kind,
          awardRank: null,
          quantity: a.audience_count,
          negativeCode: null,
          themes: [a.kind, ...(JSON.parse(a.themes) as string[])].filter((t, i, all) => all.indexOf(t) === i),
          title: activityFactTitle(a),
        },
      );
    },
    remove: (trx: Transaction<Database>, id: number) =>
      facts.deleteBySource(trx, { source: ACTIVITY_FACT_SOURCE, sourceId: id }),
  };
}
export type ActivityFacts = ReturnType<typeof createActivityFacts>;
