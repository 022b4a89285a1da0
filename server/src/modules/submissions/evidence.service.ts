// Evidence files: upload (checked by content, images re-encoded so EXIF and GPS go), download by an
// authorised handler, attachment to a submission, and the sweeper that removes what was never used.
import type { Evidence } from '@greenvoice/common';
import type { Transaction } from 'kysely';
import { nowIso } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';
import { invalid, notFound } from '../../http/api-error.ts';
import { requireActor, type Actor, type RequestContext } from '../../http/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { FileStore } from '../../files/file-store.ts';
import { createEvidenceIntake, type UploadPart } from './evidence-intake.ts';
import { findReadableSubmission } from './submission-visibility.ts';
import type { SubmissionsRepo } from './submissions.repo.ts';
import type { EvidenceRepo } from './evidence.repo.ts';
import type { IdempotencyRepo } from '../../http/idempotency.repo.ts';

export type { UploadPart };

/** A file never attached to a submission is removed after this long. */
export const UNATTACHED_TTL_MS = 24 * 3_600_000;
/** A stored file without a row (a crash between rename and commit) is removed after this long. */
export const ORPHAN_GRACE_MS = 3_600_000;
type EvidenceRow = { id: number; file_name: string; media_type: string; size: number; created_at: string };
export const presentEvidence = (r: EvidenceRow): Evidence => ({
  id: r.id,
  fileName: r.file_name,
  mediaType: r.media_type,
  size: r.size,
  createdAt: r.created_at,
});

export function createEvidenceService({
  repo,
  idempotency,
  store,
  submissions,
  audit,
}: {
  repo: EvidenceRepo;
  /** its stored answers are swept with the unattached files (a day) */
  idempotency: Pick<IdempotencyRepo, 'purgeBefore'>;
  store: FileStore;
  submissions: SubmissionsRepo;
  audit: AuditService;
}) {
  const accept = createEvidenceIntake(store).accept;

  return {
    /**
     * Takes up to five files of one request: all are stored and recorded, or none is (a bad file
     * refuses the request and removes what was already written).
     */
    async upload(ctx: RequestContext, parts: AsyncIterable<UploadPart>): Promise<Evidence[]> {
      const actor = requireActor(ctx);
      const keys: string[] = [];
      const replaced: string[] = [];
      try {
        const accepted: Array<Awaited<ReturnType<typeof accept>>> = [];
        for await (const part of parts) accepted.push(await accept(part, keys, replaced));
        if (!accepted.length)
          throw invalid('files', '请选择要上传的文件', 'Choose at least one file to upload');
        const rows = await audit.transact(ctx, async (trx, record) => {
          const at = nowIso();
          const out: EvidenceRow[] = [];
          for (const a of accepted) {
            const row = await repo.insert(trx, {
              stored_name: a.storedName,
              file_name: a.fileName,
              media_type: a.mediaType,
              size: a.size,
              sha256: a.sha256,
              uploaded_by: actor.personId,
              unit_id: actor.unitId,
              submission_id: null,
              created_at: at,
            });
            out.push(row);
          }
          await record({
            action: 'evidence.upload',
            objectType: 'evidence',
            objectId: out.map((r) => r.id).join(','),
            detail: { files: accepted.map((a) => ({ name: a.fileName, type: a.mediaType, size: a.size })) },
          });
          return out;
        });
        await store.remove(...replaced);
        return rows.map(presentEvidence);
      } catch (err) {
        await store.remove(...keys);
        throw err;
      }
    },

    /** The file, if this person may see it: their own unattached upload, or a visible submission's. */
    async open(ctx: RequestContext, id: number) {
      const actor = requireActor(ctx);
      const row = await repo.find(id);
      if (!row) throw notFound();
      const allowed =
        row.submission_id === null
          ? row.uploaded_by === actor.personId
          : !!(await findReadableSubmission(submissions, actor, row.submission_id));
      if (!allowed) throw notFound();
      const stream = await store.open(row.stored_name);
      if (!stream) throw notFound();
      return { stream, fileName: row.file_name, mediaType: row.media_type };
    },

    /**
     * Attaches exactly these files to a submission (inside its transaction): each must be the
     * author's unit's upload, unattached or already this submission's. Files dropped from the list
     * are detached and left to the sweeper.
     */
    async attach(trx: Transaction<Database>, actor: Actor, submissionId: number, ids: number[]) {
      if (ids.length) {
        const rows = await repo.owners(trx, ids);
        ids.forEach((id, i) => {
          const r = rows.find((x) => x.id === id);
          if (
            !r ||
            r.unit_id !== actor.unitId ||
            (r.submission_id !== null && r.submission_id !== submissionId)
          )
            throw invalid(`/evidenceIds/${i}`, '证明材料不存在', 'No such evidence file');
        });
      }
      await repo.setAttached(trx, submissionId, ids);
    },

    /**
     * Removes files never attached (after a day), stored files with no row (after an hour), and
     * idempotency answers older than a day. Safe to run on several servers at once. Temporary files of
     * unfinished writes are the file store's own (jobs/file-temps.ts).
     */
    async sweep(now = Date.now()) {
      const unattachedBefore = new Date(now - UNATTACHED_TTL_MS).toISOString();
      const stale = await repo.deleteUnattached(unattachedBefore);
      await store.remove(...stale);
      const stored = await store.keysOlderThan(now - ORPHAN_GRACE_MS);
      let orphans: string[] = [];
      if (stored.length) {
        const known = await repo.knownStoredNames(stored);
        orphans = stored.filter((n) => !known.has(n));
        await store.remove(...orphans);
      }
      await idempotency.purgeBefore(unattachedBefore);
      return { unattached: stale.length, orphans: orphans.length };
    },
  };
}
export type EvidenceService = ReturnType<typeof createEvidenceService>;
