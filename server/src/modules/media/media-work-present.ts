// Rows of the media work tables as the API answers them (common/src/schemas/media-work.ts).
import type { Commentator, CommentatorPost, MediaColumn, Subscription } from '@greenvoice/common';
import type {
  MediaColumnsTable,
  MediaCommentatorPostsTable,
  MediaCommentatorsTable,
  MediaSubscriptionsTable,
} from '../../db/types.ts';

type Row<T> = Omit<T, 'id' | 'version'> & { id: number; version: number; unit_name: string };

export const presentSubscription = (r: Row<MediaSubscriptionsTable>): Subscription => ({
  id: r.id,
  unitId: r.unit_id,
  unitName: r.unit_name,
  version: r.version,
  year: r.year,
  paper: r.paper,
  copies: r.copies,
  amountYuan: r.amount_fen === null ? null : r.amount_fen / 100,
  evidence: r.evidence,
});

export const presentCommentator = (
  r: Row<MediaCommentatorsTable> & { post_count?: number | string | null; last_post_on?: string | null },
): Commentator => ({
  id: r.id,
  unitId: r.unit_id,
  unitName: r.unit_name,
  version: r.version,
  name: r.name,
  accounts: r.accounts,
  active: r.active === 1,
  posts: Number(r.post_count ?? 0),
  lastPostOn: r.last_post_on ?? null,
});

export const presentPost = (p: Omit<MediaCommentatorPostsTable, 'id'> & { id: number }): CommentatorPost => ({
  id: p.id,
  commentatorId: p.commentator_id,
  postedOn: p.posted_on,
  url: p.url,
  topic: p.topic,
  taskId: p.task_id ?? null,
});

export const presentColumn = (
  r: Row<MediaColumnsTable> & { counted: number | string | null },
): MediaColumn => ({
  id: r.id,
  unitId: r.unit_id,
  unitName: r.unit_name,
  version: r.version,
  outletId: r.outlet_id,
  outletName: r.outlet_name,
  name: r.name,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  pieces: r.pieces,
  note: r.note,
  counted: Number(r.counted ?? 0),
});
