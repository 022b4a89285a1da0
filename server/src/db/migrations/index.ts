// Every migration, in order. Listed explicitly (not read from the folder) so that the set applied is
// exactly what was reviewed, whatever files lie around.
import type { Migration } from 'kysely';
import * as foundation from './2026-11-29_01_foundation.ts';
import * as assessmentFacts from './2026-11-29_02_assessment-facts.ts';
import * as portal from './2026-11-29_30_portal.ts';

export const migrations: Record<string, Migration> = {
  '2026-11-29_01_foundation': foundation,
  '2026-11-29_02_assessment-facts': assessmentFacts,
  '2026-11-29_30_portal': portal,
};
