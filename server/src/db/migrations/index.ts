// Every migration, in order. Listed explicitly (not read from the folder) so that the set applied is
// exactly what was reviewed, whatever files lie around.
import type { Migration } from 'kysely';
import * as foundation from './2026-11-29_01_foundation.ts';

export const migrations: Record<string, Migration> = {
  '2026-11-29_01_foundation': foundation,
};
