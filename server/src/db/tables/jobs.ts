// Tables owned by the jobs module: only its repository queries them (docs/architecture.md, table
// ownership). Columns holding a domain value carry its union type.
import type { Generated } from 'kysely';

export interface JobLeasesTable {
  name: string;
  holder: string | null;
  expires_at: string | null;
  last_tick: string | null;
  last_finished_at: string | null;
  last_result: string | null;
  runs: Generated<number>;
}
