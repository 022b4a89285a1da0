// Every migration, in order. Listed explicitly (not read from the folder) so that the set applied is
// exactly what was reviewed, whatever files lie around.
import type { Migration } from 'kysely';
import * as foundation from './2026-11-29_01_foundation.ts';
import * as assessmentFacts from './2026-11-29_02_assessment-facts.ts';
import * as assessmentScores from './2026-11-29_10_assessment-scores.ts';
import * as submissions from './2026-11-29_20_submissions.ts';
import * as portal from './2026-11-29_30_portal.ts';
import * as environment from './2026-11-29_40_environment.ts';
import * as jobLeases from './2026-11-29_50_job-leases.ts';
import * as secondFactor from './2026-11-29_51_second-factor.ts';
import * as documentCounters from './2026-12-01_10_document-counters.ts';
import * as auditKeyedChain from './2026-12-01_30_audit-keyed-chain.ts';
import * as loginGuard from './2026-12-01_50_login-guard.ts';
import * as scoreStale from './2026-12-01_70_score-stale.ts';

export const migrations: Record<string, Migration> = {
  '2026-11-29_01_foundation': foundation,
  '2026-11-29_02_assessment-facts': assessmentFacts,
  '2026-11-29_10_assessment-scores': assessmentScores,
  '2026-11-29_20_submissions': submissions,
  '2026-11-29_30_portal': portal,
  '2026-11-29_40_environment': environment,
  '2026-11-29_50_job-leases': jobLeases,
  '2026-11-29_51_second-factor': secondFactor,
  '2026-12-01_10_document-counters': documentCounters,
  '2026-12-01_30_audit-keyed-chain': auditKeyedChain,
  '2026-12-01_50_login-guard': loginGuard,
  '2026-12-01_70_score-stale': scoreStale,
};
