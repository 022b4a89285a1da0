// Inspection findings as assessment facts (decision 195): a finding about a unit's own account that the
// plan may deduct for becomes one `inspectionFinding` fact of that unit — one per episode (from the day
// it was first seen until it goes away), dated that day, its code in `activityType` — written in the
// run's transaction through the facts repository, so "why this score" leads to the finding itself
// (source `inspectionFinding`, id = the episode's first finding row). Findings about the site have no
// unit under assessment (the information centre that runs it is not ranked, decision 131), and the
// silent account is the media matrix's `mediaSilence` fact already (C4): neither is written here.
import { FINDING_LABELS, type Finding, type FindingCode } from '@greenvoice/common';
import type { Transaction } from 'kysely';
import type { Database } from '../../db/types.ts';
import type { FactsChange, FactsRepo } from '../facts/facts.repo.ts';
import type { InspectionRepo } from './inspection.repo.ts';

export const ASSESSED_FINDINGS: readonly FindingCode[] = [
  'accountNoInteraction',
  'accountStoppedNotDeregistered',
  'accountNotFiled',
];

export function createInspectionFacts(deps: { facts: FactsRepo; repo: InspectionRepo }) {
  return {
    /** Writes the facts of the run's findings whose episode has none yet; returns what changed. */
    async write(
      trx: Transaction<Database>,
      bureauUnitId: number,
      found: Array<{ finding: Finding; key: string; firstSeenOn: string }>,
    ): Promise<FactsChange[]> {
      const changes: FactsChange[] = [];
      for (const { finding: f, key, firstSeenOn } of found) {
        if (f.unitId === null || !ASSESSED_FINDINGS.includes(f.code)) continue;
        const start = await deps.repo.episodeStart(trx, bureauUnitId, key, firstSeenOn);
        if (!start) continue;
        const source = { source: 'inspectionFinding', sourceId: start.id };
        if (await deps.facts.findBySource(trx, source)) continue;
        changes.push(
          await deps.facts.upsertBySource(trx, source, {
            ownerUnitId: bureauUnitId,
            kind: 'inspectionFinding',
            date: firstSeenOn,
            unitIds: [f.unitId],
            outletLevel: null,
            outletMedium: 'newMedia',
            adoptionLevel: null,
            leaderInstruction: null,
            activityType: f.code,
            awardRank: null,
            quantity: null,
            negativeCode: null,
            themes: ['mediaMatrix'],
            title: `${start.checked_on} 网站与新媒体检查：${FINDING_LABELS[f.code].zh}——${f.evidence.zh}`,
          }),
        );
      }
      return changes;
    },
  };
}
export type InspectionFacts = ReturnType<typeof createInspectionFacts>;
