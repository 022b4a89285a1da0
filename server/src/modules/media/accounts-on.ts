// The accounts of a scope as they stand on a day (flags, silent spell, last post), read in two queries:
// the accounts, then all their post history at once (media-present.ts presentEach).
import type { MediaRepo } from './media.repo.ts';
import { presentEach } from './media-present.ts';

export async function accountsOn(
  repo: Pick<MediaRepo, 'all' | 'postHistory'>,
  scopePath: string,
  day: string,
) {
  const rows = await repo.all({ scopePath });
  return presentEach(rows, await repo.postHistory(rows.map((r) => r.id)), day);
}
