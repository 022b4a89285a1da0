// The one shape a submission leaves the server in, including what the reader may do with it now.
import {
  availableSubmissionActions,
  type DuplicateRef,
  type Submission,
  type SubmissionParties,
} from '@greenvoice/common';
import type { Actor } from '../../http/context.ts';
import { presentEvidence } from './evidence.service.ts';
import type { SubmissionRow, SubmissionsRepo } from './submissions.repo.ts';

type CoUnit = Awaited<ReturnType<SubmissionsRepo['coUnits']>>[number];
type EvidenceRow = Awaited<ReturnType<SubmissionsRepo['evidence']>>[number];

/** What the workflow policy needs to know of a stored submission. */
export function partiesOf(row: SubmissionRow, coUnitIds: readonly number[]): SubmissionParties {
  return {
    status: row.status,
    kind: row.kind,
    unitId: row.unit_id,
    coUnitIds,
  };
}

export function presentSubmission(
  actor: Actor,
  r: SubmissionRow,
  coUnits: CoUnit[],
  evidence: EvidenceRow[],
  duplicates: DuplicateRef[],
): Submission {
  const co = coUnits.filter((c) => c.submission_id === r.id);
  return {
    id: r.id,
    kind: r.kind,
    status: r.status,
    title: r.title,
    date: r.fact_date,
    outletId: r.outlet_id,
    outletName: r.outlet_name ?? null,
    outletLevel: r.outlet_level ?? null,
    outletMedium: r.outlet_medium ?? null,
    link: r.link,
    themes: JSON.parse(r.themes) as string[],
    unitId: r.unit_id,
    unitName: r.unit_name,
    coUnits: co.map((c) => ({ id: c.unit_id, name: c.name })),
    activityType: r.activity_type,
    awardRank: r.award_rank,
    quantity: r.quantity === null ? null : Number(r.quantity),
    accountName: r.account_name,
    summary: r.summary,
    adoptionLevel: r.adoption_level,
    leaderInstruction: r.leader_instruction,
    instructionNote: r.instruction_note,
    reviewReason: r.review_reason,
    reviewerName: r.reviewer_name,
    reviewedAt: r.reviewed_at,
    submittedAt: r.submitted_at,
    createdByName: r.created_by_name,
    evidence: evidence.filter((e) => e.submission_id === r.id).map(presentEvidence),
    duplicates,
    // the workflow policy (common/src/submissions/submission-policy.ts) the service enforces
    allowedActions: availableSubmissionActions(
      partiesOf(
        r,
        co.map((c) => c.unit_id),
      ),
      actor,
    ),
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
