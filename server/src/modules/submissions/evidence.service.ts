// Evidence files: upload (checked by content, images re-encoded so EXIF and GPS go), download by an
// authorised handler, attachment to a submission, and the sweeper that removes what was never used.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import sharp from 'sharp';
import type { Evidence } from '@greenvoice/common';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/database.ts';
import { nowIso } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';
import { ApiError, invalid, notFound } from '../../http/api-error.ts';
import { requireActor, type Actor, type RequestContext } from '../../http/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { EvidenceStore } from './evidence-store.ts';
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

export function createEvidenceService(
  db: DB,
  store: EvidenceStore,
  submissions: SubmissionsRepo,
  audit: AuditService,
) {
  /** Re-encodes an image: pixels only, turned upright; EXIF, GPS, comments and profiles dropped. */
  async function reencode(tmpPath: string, type: EvidenceMediaType, fileName: string): Promise<Buffer> {
    try {
      const image = sharp(tmpPath, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).rotate();
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

  /** Checks one received file and puts it in place; returns what the row needs. */
  async function accept(part: UploadPart, temps: string[], stored: string[]) {
    const fileName = cleanFileName(part.filename);
    const received = await store.receive(part.file);
    temps.push(received.tmpPath);
    if (part.file.truncated) throw new ApiError('PAYLOAD_TOO_LARGE');
    const detected = detectMediaType(await store.readHead(received.tmpPath));
    if (!isEvidenceType(detected)) throw refused(fileName, detected);
    if (!extensionMatches(fileName, detected)) throw misnamed(fileName, detected);
    let source = received.tmpPath;
    let size = received.size;
    let sha256 = received.sha256;
    if (detected !== 'application/pdf') {
      const clean = await reencode(received.tmpPath, detected, fileName);
      source = await store.writeTemp(clean);
      temps.push(source);
      size = clean.length;
      sha256 = createHash('sha256').update(clean).digest('hex');
    }
    const name = await store.commit(source);
    stored.push(store.pathOf(name));
    return { storedName: name, fileName, mediaType: detected, size, sha256 };
  }

  return {
    /**
     * Takes up to five files of one request: all are stored and recorded, or none is (a bad file
     * refuses the request and removes what was already written).
     */
    async upload(ctx: RequestContext, parts: AsyncIterable<UploadPart>): Promise<Evidence[]> {
      const actor = requireActor(ctx);
      const temps: string[] = [];
      const stored: string[] = [];
      try {
        const accepted: Array<Awaited<ReturnType<typeof accept>>> = [];
        for await (const part of parts) accepted.push(await accept(part, temps, stored));
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
        await store.remove(...temps);
        return rows.map(presentEvidence);
      } catch (err) {
        await store.remove(...temps, ...stored);
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
      return { path: store.pathOf(row.stored_name), fileName: row.file_name, mediaType: row.media_type };
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
     * Removes files never attached (after a day), stored files with no row and stale temporary files
     * (after an hour), and idempotency answers older than a day. Safe to run on several servers at once.
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
      await store.remove(...stale.map((r) => store.pathOf(r.stored_name)));
      const { stored, temps } = await store.listOlderThan(now - ORPHAN_GRACE_MS);
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
        await store.remove(...orphans.map((n) => store.pathOf(n)));
      }
      await store.remove(...temps);
      await db.deleteFrom('idempotency_keys').where('created_at', '<', unattachedBefore).execute();
      return { unattached: stale.length, orphans: orphans.length, temps: temps.length };
    },
  };
}
export type EvidenceService = ReturnType<typeof createEvidenceService>;
