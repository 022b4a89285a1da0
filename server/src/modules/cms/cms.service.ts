// The console's side of the portal: channels, articles through the three-review workflow, revision
// history and the site settings. Every change commits with its audit record, its revision and its
// entry in the portal's change feed (which empties the page caches) in one transaction.
import {
  parseDocNumber,
  articleTransition,
  EDITABLE_STATUSES,
  type ArticleInput,
  type ArticleListQuery,
  type ArticleSummary,
  type ArticleTransitionInput,
  type ArticleUpdate,
} from '@greenvoice/common';
import type { Transaction, Updateable } from 'kysely';
import type { DB } from '../../db/database.ts';
import { nowIso } from '../../db/database.ts';
import type { Database } from '../../db/types.ts';
import { ApiError, conflict, forbidden, invalid, notFound } from '../../http/api-error.ts';
import { requireActor, type RequestContext } from '../../http/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { pagedExport } from '../../spreadsheets/xlsx-export.ts';
import { ARTICLES_EXPORT } from './articles-export.ts';
import { articleParties, presentArticle, presentArticleSummary } from './cms-present.ts';
import type { CmsRepo } from './cms.repo.ts';
import { createChangeRunner, trimAll, type ContentChanges } from './content-changes.ts';
import { articleHtmlToText, sanitizeArticleHtml } from './sanitize-article-html.ts';
import type { SearchIndex } from './search-index.repo.ts';

/** The document number and its parts, which the portal's search matches however a number is typed. */
export function docParts(docNumber: string) {
  const p = parseDocNumber(docNumber);
  return {
    doc_number: docNumber,
    doc_prefix: p?.prefix ?? '',
    doc_year: p?.year ?? null,
    doc_serial: p?.serial ?? null,
  };
}

export function createCmsService(deps: {
  db: DB;
  repo: CmsRepo;
  audit: AuditService;
  search: SearchIndex;
  changes: ContentChanges;
}) {
  const { repo, audit, search, changes } = deps;

  async function getArticleRow(ctx: RequestContext, id: number, trx?: Transaction<Database>) {
    const row = await repo.findArticle(id, requireActor(ctx).scopePath, trx);
    if (!row) throw notFound();
    return row;
  }

  async function present(ctx: RequestContext, id: number) {
    const actor = requireActor(ctx);
    const row = await getArticleRow(ctx, id);
    return presentArticle(row, await repo.listFiles(id, 'attachment'), actor, nowIso());
  }

  async function snapshot(
    trx: Transaction<Database>,
    ctx: RequestContext,
    id: number,
    action: string,
    note: string | null = null,
  ) {
    const actor = requireActor(ctx);
    const r = await getArticleRow(ctx, id, trx);
    const { body_html, title, status, version, ...rest } = r;
    await repo.insertRevision(trx, {
      article_id: id,
      version,
      action,
      status,
      title,
      body_html,
      meta: JSON.stringify({
        channelId: rest.channel_id,
        docNumber: rest.doc_number,
        indexNumber: rest.index_number,
        disclosureCategory: rest.disclosure_category,
        writtenOn: rest.written_on,
        disclosureMethod: rest.disclosure_method,
        validity: rest.validity,
        issuer: rest.issuer,
        source: rest.source,
        author: rest.author,
        keywords: rest.keywords,
        summary: rest.summary,
        publishAt: rest.publish_at,
        archivedAt: rest.archived_at,
      }),
      actor_id: actor.personId,
      actor_name: actor.name,
      note,
      at: nowIso(),
    });
  }

  async function channelInScope(ctx: RequestContext, channelId: number, field = '/channelId') {
    const ch = await repo.findChannel(channelId, requireActor(ctx).scopePath);
    if (!ch) throw invalid(field, '栏目不存在', 'The channel does not exist');
    return ch;
  }

  const change = createChangeRunner(audit, changes);

  const service = {
    /** The article list's whole filtered result as .xlsx, through the list itself (decision 123). */
    exportXlsx: pagedExport(
      audit,
      ARTICLES_EXPORT,
      (ctx, q: ArticleListQuery): Promise<{ items: ArticleSummary[] }> => service.listArticles(ctx, q),
    ),

    // ——— articles ———
    async listArticles(ctx: RequestContext, query: ArticleListQuery) {
      const page = query.page ?? 1;
      const pageSize = query.pageSize ?? 20;
      const { items, total } = await repo.listArticles(
        {
          scopePath: requireActor(ctx).scopePath,
          q: query.q?.trim() || undefined,
          status: query.status,
          channelId: query.channelId,
        },
        page,
        pageSize,
      );
      const now = nowIso();
      return { items: items.map((r) => presentArticleSummary(r, now)), total, page, pageSize };
    },

    getArticle: present,

    async createArticle(ctx: RequestContext, input: ArticleInput) {
      const actor = requireActor(ctx);
      const ch = await channelInScope(ctx, input.channelId);
      const v = trimAll(input);
      const bodyHtml = sanitizeArticleHtml(input.bodyHtml);
      const at = nowIso();
      const id = await change(ctx, null, async (trx, record) => {
        const { id } = await repo.insertArticle(trx, {
          channel_id: ch.id,
          owner_unit_id: ch.owner_unit_id,
          title: v.title,
          ...docParts(v.docNumber ?? ''),
          index_number: v.indexNumber ?? '',
          disclosure_category: v.disclosureCategory ?? '',
          written_on: v.writtenOn ?? '',
          disclosure_method: v.disclosureMethod ?? '',
          validity: v.validity ?? '',
          issuer: v.issuer ?? '',
          source: v.source ?? '',
          author: v.author ?? '',
          keywords: v.keywords ?? '',
          summary: v.summary ?? '',
          body_html: bodyHtml,
          body_text: articleHtmlToText(bodyHtml),
          status: 'draft',
          return_reason: null,
          publish_at: null,
          archived_at: null,
          created_by: actor.personId,
          submitted_by: null,
          reviewed_by: null,
          approved_by: null,
          published_by: null,
          is_demo: 0,
          created_at: at,
          updated_at: at,
        });
        await snapshot(trx, ctx, id, 'create');
        await record({
          action: 'cms.article.create',
          objectType: 'portal_article',
          objectId: id,
          detail: { after: { title: v.title, channelId: ch.id } },
        });
        return id;
      });
      return present(ctx, id);
    },

    async updateArticle(ctx: RequestContext, id: number, input: ArticleUpdate) {
      const current = await getArticleRow(ctx, id);
      if (current.version !== input.version) throw conflict();
      if (!EDITABLE_STATUSES.includes(current.status))
        throw new ApiError('UNPROCESSABLE', undefined, {
          zh: '稿件在审核或已发布，须先退回或撤稿才能修改',
          en: 'The article is under review or published; return or unpublish it before editing',
        });
      if (input.channelId !== undefined) await channelInScope(ctx, input.channelId);
      const v = trimAll(input);
      const bodyHtml = input.bodyHtml === undefined ? current.body_html : sanitizeArticleHtml(input.bodyHtml);
      await change(ctx, null, async (trx, record) => {
        const ok = await repo.updateArticle(trx, id, input.version, {
          channel_id: v.channelId ?? current.channel_id,
          title: v.title ?? current.title,
          ...docParts(v.docNumber ?? current.doc_number),
          index_number: v.indexNumber ?? current.index_number,
          disclosure_category: v.disclosureCategory ?? current.disclosure_category,
          written_on: v.writtenOn ?? current.written_on,
          disclosure_method: v.disclosureMethod ?? current.disclosure_method,
          validity: v.validity ?? current.validity,
          issuer: v.issuer ?? current.issuer,
          source: v.source ?? current.source,
          author: v.author ?? current.author,
          keywords: v.keywords ?? current.keywords,
          summary: v.summary ?? current.summary,
          body_html: bodyHtml,
          body_text: articleHtmlToText(bodyHtml),
          // editing an unpublished article starts it again through the reviews
          status: 'draft',
          updated_at: nowIso(),
        });
        if (!ok) throw conflict();
        await snapshot(trx, ctx, id, 'edit');
        const { version: _v, bodyHtml: _b, ...after } = v;
        await record({
          action: 'cms.article.update',
          objectType: 'portal_article',
          objectId: id,
          detail: {
            before: { title: current.title, status: current.status },
            after: { ...after, bodyChanged: input.bodyHtml !== undefined },
          },
        });
      });
      return present(ctx, id);
    },

    async transition(ctx: RequestContext, id: number, input: ArticleTransitionInput) {
      const actor = requireActor(ctx);
      const current = await getArticleRow(ctx, id);
      if (current.version !== input.version) throw conflict();
      const verdict = articleTransition(articleParties(current), input.action, actor);
      if (!verdict.ok) {
        if (verdict.refusal.kind === 'permission') throw forbidden();
        throw new ApiError(verdict.refusal.kind === 'duty' ? 'FORBIDDEN' : 'UNPROCESSABLE', undefined, {
          zh: verdict.refusal.zh,
          en: verdict.refusal.en,
        });
      }
      if (input.action === 'return' && !input.reason?.trim())
        throw invalid('/reason', '请填写退回原因', 'Give the reason for returning the article');
      if (input.publishAt !== undefined && input.action !== 'publish')
        throw invalid(
          '/publishAt',
          '只有发布时可以指定发布时间',
          'A publication time is only for publishing',
        );
      const now = nowIso();
      const publishAt = input.publishAt ? new Date(input.publishAt).toISOString() : now;
      const set: Updateable<Database['portal_articles']> = { status: verdict.to, updated_at: now };
      switch (input.action) {
        case 'submit':
          Object.assign(set, { submitted_by: actor.personId, return_reason: null });
          break;
        case 'review':
          set.reviewed_by = actor.personId;
          break;
        case 'approve':
          set.approved_by = actor.personId;
          break;
        case 'publish':
          Object.assign(set, { published_by: actor.personId, publish_at: publishAt, archived_at: null });
          break;
        case 'return':
          Object.assign(set, {
            return_reason: input.reason!.trim(),
            submitted_by: null,
            reviewed_by: null,
            approved_by: null,
          });
          break;
        case 'withdraw':
          set.archived_at = null;
          break;
        case 'archive':
          set.archived_at = now;
          break;
        case 'unarchive':
          set.archived_at = null;
          break;
      }
      const visible = ['publish', 'withdraw', 'archive', 'unarchive'].includes(input.action);
      await change(
        ctx,
        visible ? { articleId: id, channelId: current.channel_id } : null,
        async (trx, record) => {
          if (!(await repo.updateArticle(trx, id, input.version, set))) throw conflict();
          if (input.action === 'publish')
            await search.put(trx, id, {
              title: current.title,
              issuer: current.issuer,
              keywords: current.keywords,
              docNumber: current.doc_number,
              bodyText: current.body_text,
            });
          if (input.action === 'withdraw') await search.remove(trx, id);
          await snapshot(trx, ctx, id, input.action, input.reason?.trim() ?? null);
          await record({
            action: `cms.article.${input.action}`,
            objectType: 'portal_article',
            objectId: id,
            detail: {
              before: { status: current.status, archivedAt: current.archived_at },
              after: { status: verdict.to, ...(input.action === 'publish' ? { publishAt } : {}) },
              ...(input.reason ? { reason: input.reason.trim() } : {}),
            },
          });
        },
      );
      return present(ctx, id);
    },

    async revisions(ctx: RequestContext, id: number) {
      await getArticleRow(ctx, id);
      return (await repo.listRevisions(id)).map((r) => ({
        id: r.id,
        version: r.version,
        action: r.action,
        status: r.status,
        title: r.title,
        actorName: r.actor_name,
        note: r.note,
        at: r.at,
      }));
    },

    async revision(ctx: RequestContext, id: number, revisionId: number) {
      await getArticleRow(ctx, id);
      const r = await repo.findRevision(id, revisionId);
      if (!r) throw notFound();
      return {
        id: r.id,
        version: r.version,
        action: r.action,
        status: r.status,
        title: r.title,
        actorName: r.actor_name,
        note: r.note,
        at: r.at,
        bodyHtml: r.body_html,
        meta: JSON.parse(r.meta) as Record<string, unknown>,
      };
    },
  };
  return service;
}
export type CmsService = ReturnType<typeof createCmsService>;
