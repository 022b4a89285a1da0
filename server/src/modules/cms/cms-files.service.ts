// Images for article bodies and attachments for articles: checked by content, images stripped of
// their metadata, stored durably before the row that names them commits.
import type { CmsFile } from '@greenvoice/common';
import { nowIso } from '../../db/database.ts';
import { ApiError, notFound } from '../../http/api-error.ts';
import { requireActor, type RequestContext } from '../../http/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { presentFile } from './cms-present.ts';
import type { CmsRepo } from './cms.repo.ts';
import type { CmsService } from './cms.service.ts';
import type { FileStore } from '../../files/file-store.ts';
import {
  ATTACHMENT_TYPES,
  checkedUpload,
  IMAGE_TYPES,
  MIME,
  type Upload,
  type UploadType,
} from './upload-types.ts';

export type { Upload } from './upload-types.ts';

export function createCmsFilesService(deps: {
  repo: CmsRepo;
  cms: CmsService;
  audit: AuditService;
  store: FileStore;
}) {
  const { repo, cms, audit, store } = deps;

  async function save(
    ctx: RequestContext,
    kind: 'image' | 'attachment',
    articleId: number | null,
    upload: Upload,
    allowed: readonly UploadType[],
  ): Promise<CmsFile> {
    const actor = requireActor(ctx);
    const f = checkedUpload(upload, allowed);
    const stored = await store.put(f.bytes);
    const token = stored.key;
    try {
      const id = await audit.transact(ctx, async (trx, record) => {
        const { id } = await repo.insertFile(trx, {
          article_id: articleId,
          owner_unit_id: actor.bureauUnitId,
          kind,
          token,
          original_name: f.name,
          mime: MIME[f.type],
          size: stored.size,
          sha256: stored.sha256,
          sort_order: 0,
          created_by: actor.personId,
          created_at: nowIso(),
        });
        await record({
          action: `cms.${kind}.upload`,
          objectType: 'portal_file',
          objectId: id,
          detail: { articleId, name: f.name, size: stored.size, type: f.type },
        });
        return id;
      });
      return presentFile({
        id,
        article_id: articleId,
        owner_unit_id: actor.bureauUnitId,
        kind,
        token,
        original_name: f.name,
        mime: MIME[f.type],
        size: stored.size,
        sha256: '',
        sort_order: 0,
        created_by: actor.personId,
        created_at: '',
      });
    } catch (err) {
      await store.remove(token);
      throw err;
    }
  }

  async function editableArticle(ctx: RequestContext, articleId: number) {
    const a = await cms.getArticle(ctx, articleId);
    // Attachments are part of what the reviewers approved: they change only with the text.
    if (!a.editable)
      throw new ApiError('UNPROCESSABLE', undefined, {
        zh: '稿件在审核或已发布，须先退回或撤稿才能修改附件',
        en: 'The article is under review or published; return or unpublish it before changing attachments',
      });
    return a;
  }

  return {
    uploadImage: (ctx: RequestContext, upload: Upload) => save(ctx, 'image', null, upload, IMAGE_TYPES),

    async uploadAttachment(ctx: RequestContext, articleId: number, upload: Upload) {
      await editableArticle(ctx, articleId);
      return save(ctx, 'attachment', articleId, upload, ATTACHMENT_TYPES);
    },

    async removeAttachment(ctx: RequestContext, articleId: number, fileId: number) {
      await editableArticle(ctx, articleId);
      const file = await repo.findFile(fileId, articleId);
      if (!file || file.kind !== 'attachment') throw notFound();
      await audit.transact(ctx, async (trx, record) => {
        await repo.deleteFile(trx, fileId);
        await record({
          action: 'cms.attachment.delete',
          objectType: 'portal_file',
          objectId: fileId,
          detail: { articleId, name: file.original_name },
        });
      });
      await store.remove(file.token);
    },
  };
}
export type CmsFilesService = ReturnType<typeof createCmsFilesService>;
