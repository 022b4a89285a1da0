// Evidence files: upload (checked by content, images re-encoded so EXIF and GPS go), download by an
// authorised handler, attachment to a submission, and the sweeper that removes what was never used.
import type { Readable } from 'node:stream';
import { sharp } from '../../lazy-packages.ts';
import type { Evidence } from '@greenvoice/common';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/database.ts';
import { nowIso } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';
import { ApiError, invalid, notFound } from '../../http/api-error.ts';
import { requireActor, type Actor, type RequestContext } from '../../http/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { readAll, readHead, type FileStore } from '../../files/file-store.ts';
import {
  cleanFileName,
  detectMediaType,
  extensionMatches,
  isEvidenceType,
  type EvidenceMediaType,
} from './evidence-type.ts';
import { findReadableSubmission } from './submission-visibility.ts';
import type { SubmissionsRepo } from './submissions.repo.ts';

export interface UploadPart {
  filename: string;
  file: Readable & { truncated?: boolean };
}

/** A file never attached to a submission is removed after this long. */
export const UNATTACHED_TTL_MS = 24 * 3_600_000;
/** A stored file without a row (a crash between rename and commit) is removed after this long. */
export const ORPHAN_GRACE_MS = 3_600_000;
const MAX_PIXELS = 100_000_000;

const refused = (fileName: string, detected: string) =>
  new ApiError(
    'UNSUPPORTED_MEDIA_TYPE',
    [
      {
        field: fileName,
        message: `文件“${fileName}”的实际类型是 ${detected}，只接受 PNG、JPEG 图片或 PDF 文件`,
        messageEn: `"${fileName}" is ${detected}; only PNG, JPEG or PDF files are accepted`,
      },
    ],
    {
      zh: `不支持的文件类型：${detected}（只接受 PNG、JPEG、PDF）`,
      en: `Unsupported file type: ${detected} (PNG, JPEG or PDF only)`,
    },
  );

const misnamed = (fileName: string, detected: string) =>
  new ApiError(
    'UNSUPPORTED_MEDIA_TYPE',
    [
      {
        field: fileName,
        message: `文件“${fileName}”的内容是 ${detected}，与扩展名不符`,
        messageEn: `"${fileName}" contains ${detected}, which does not match its extension`,
      },
    ],
    {
      zh: `文件内容（${detected}）与扩展名不符`,
      en: `The file's content (${detected}) does not match its extension`,
    },
  );

type EvidenceRow = { id: number; file_name: string; media_type: string; size: number; created_at: string };
export const presentEvidence = (r: EvidenceRow): Evidence => ({
  id: r.id,
  fileName: r.file_name,
  mediaType: r.media_type,
  size: r.size,
  createdAt: r.created_at,
});

export function createEvidenceService({
  db,
  store,
  submissions,
  audit,
}: {
  db: DB;
  store: FileStore;
  submissions: SubmissionsRepo;
  audit: AuditService;
}) {
  /** Re-encodes an image: pixels only, turned upright; EXIF, GPS, comments and profiles dropped. */
  async function reencode(key: string, type: EvidenceMediaType, fileName: string): Promise<Buffer> {
    try {
      const image = sharp()(await readAll((await store.open(key))!), {
        limitInputPixels: MAX_PIXELS,
        failOn: 'error',
      }).rotate();
      return type === 'image/png'
        ? await image.png().toBuffer()
        : await image.jpeg({ quality: 90 }).toBuffer();
    } catch {
      throw new ApiError(
        'UNSUPPORTED_MEDIA_TYPE',
        [
          {
            field: fileName,
            message: `图片“${fileName}”已损坏或过大，无法读取`,
            messageEn: `The image "${fileName}" is damaged or too large to read`,
          },
        ],
        { zh: '图片无法读取', en: 'The image cannot be read' },
      );
    }
  }

  /**
   * Checks one received file and puts it in place; returns what the row needs. Every key stored is
   * added to `keys` (removed if the request fails); an image's original, replaced by its re-encoded
   * copy, also to `replaced` (removed once the rows commit).
   */
  async function accept(part: UploadPart, keys: string[], replaced: string[]) {
    const fileName = cleanFileName(part.filename);
    const received = await store.put(part.file);
    keys.push(received.key);
    if (part.file.truncated) throw new ApiError('PAYLOAD_TOO_LARGE');
    const detected = detectMediaType(await readHead((await store.open(received.key))!));
    if (!isEvidenceType(detected)) throw refused(fileName, detected);
    if (!extensionMatches(fileName, detected)) throw misnamed(fileName, detected);
    let stored = received;
    if (detected !== 'application/pdf') {
      stored = await store.put(await reencode(received.key, detected, fileName));
      keys.push(stored.key);
      replaced.push(received.key);
    }
    return {
      storedName: stored.key,
      fileName,
      mediaType: detected,
      size: stored.size,
      sha256: stored.sha256,
    };
  }

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
            const row = await trx
              .insertInto('evidence_files')
              .values({
                stored_name: a.storedName,
                file_name: a.fileName,
                media_type: a.mediaType,
                size: a.size,
                sha256: a.sha256,
                uploaded_by: actor.personId,
                unit_id: actor.unitId,
                submission_id: null,
                created_at: at,
              })
              .returning(['id', 'file_name', 'media_type', 'size', 'created_at'])
              .executeTakeFirstOrThrow();
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
      const row = await db.selectFrom('evidence_files').selectAll().where('id', '=', id).executeTakeFirst();
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
        const rows = await trx
          .selectFrom('evidence_files')
          .select(['id', 'submission_id', 'unit_id'])
          .where('id', 'in', ids)
          .execute();
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
      await trx
        .updateTable('evidence_files')
        .set({ submission_id: null })
        .where('submission_id', '=', submissionId)
        .where('id', 'not in', ids.length ? ids : [0])
        .execute();
      if (ids.length)
        await trx
          .updateTable('evidence_files')
          .set({ submission_id: submissionId })
          .where('id', 'in', ids)
          .execute();
    },

    /**
     * Removes files never attached (after a day), stored files with no row (after an hour), and
     * idempotency answers older than a day. Safe to run on several servers at once. Temporary files of
     * unfinished writes are the file store's own (jobs/file-temps.ts).
     */
    async sweep(now = Date.now()) {
      const unattachedBefore = new Date(now - UNATTACHED_TTL_MS).toISOString();
      // DELETE … RETURNING: a file attached between a look-up and the delete is never removed
      const stale = await db
        .deleteFrom('evidence_files')
        .where('submission_id', 'is', null)
        .where('created_at', '<', unattachedBefore)
        .returning('stored_name')
        .execute();
      await store.remove(...stale.map((r) => r.stored_name));
      const stored = await store.keysOlderThan(now - ORPHAN_GRACE_MS);
      let orphans: string[] = [];
      if (stored.length) {
        const known = new Set<string>();
        for (let i = 0; i < stored.length; i += 500) {
          const rows = await db
            .selectFrom('evidence_files')
            .select('stored_name')
            .where('stored_name', 'in', stored.slice(i, i + 500))
            .execute();
          rows.forEach((r) => known.add(r.stored_name));
        }
        orphans = stored.filter((n) => !known.has(n));
        await store.remove(...orphans);
      }
      await db.deleteFrom('idempotency_keys').where('created_at', '<', unattachedBefore).execute();
      return { unattached: stale.length, orphans: orphans.length };
    },
  };
}
export type EvidenceService = ReturnType<typeof createEvidenceService>;
