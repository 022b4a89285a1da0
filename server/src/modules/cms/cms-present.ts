// Presenters: the only shapes the console's CMS API answers with.
import {
  availableArticleActions,
  EDITABLE_STATUSES,
  type Article,
  type ArticleSummary,
  type Channel,
  type CmsFile,
} from '@greenvoice/common';
import type { Actor } from '../../http/context.ts';
import type { CmsRepo } from './cms.repo.ts';

type ChannelRow = Awaited<ReturnType<CmsRepo['listChannels']>>[number];
type ArticleRow = NonNullable<Awaited<ReturnType<CmsRepo['findArticle']>>>;
type FileRow = Awaited<ReturnType<CmsRepo['listFiles']>>[number];

export function presentChannel(r: Omit<ChannelRow, 'live_count'> & { live_count?: number | null }): Channel {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    kind: r.kind,
    description: r.description,
    keywords: r.keywords,
    sortOrder: r.sort_order,
    showOnHome: r.show_on_home === 1,
    dataPage: r.data_page,
    liveCount: Number(r.live_count ?? 0),
    isDemo: r.is_demo === 1,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

export function fileUrl(f: { kind: string; token: string; id: number; mime: string }): string {
  return f.kind === 'image'
    ? `/portal/images/${f.token}.${f.mime === 'image/png' ? 'png' : 'jpg'}`
    : `/portal/attachments/${f.id}`;
}

export function presentFile(f: FileRow): CmsFile {
  return {
    id: f.id,
    kind: f.kind as CmsFile['kind'],
    name: f.original_name,
    mime: f.mime,
    size: f.size,
    url: fileUrl(f),
  };
}

export function presentArticleSummary(r: ArticleRow, now: string): ArticleSummary {
  return {
    id: r.id,
    channelId: r.channel_id,
    channelName: r.channel_name,
    title: r.title,
    docNumber: r.doc_number,
    status: r.status,
    scheduled: r.status === 'published' && r.publish_at !== null && r.publish_at > now,
    archived: r.archived_at !== null,
    publishAt: r.publish_at,
    readCount: r.read_count,
    createdByName: r.creator_name,
    isDemo: r.is_demo === 1,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

export function articleParties(r: ArticleRow) {
  return {
    status: r.status,
    archived: r.archived_at !== null,
    createdBy: r.created_by,
    submittedBy: r.submitted_by,
    reviewedBy: r.reviewed_by,
  };
}

export function presentArticle(r: ArticleRow, files: FileRow[], actor: Actor, now: string): Article {
  return {
    ...presentArticleSummary(r, now),
    indexNumber: r.index_number,
    disclosureCategory: r.disclosure_category,
    writtenOn: r.written_on,
    disclosureMethod: r.disclosure_method,
    validity: r.validity,
    issuer: r.issuer,
    source: r.source,
    author: r.author,
    keywords: r.keywords,
    summary: r.summary,
    bodyHtml: r.body_html,
    returnReason: r.return_reason,
    archivedAt: r.archived_at,
    createdBy: r.created_by,
    submittedBy: r.submitted_by,
    reviewedBy: r.reviewed_by,
    approvedBy: r.approved_by,
    publishedBy: r.published_by,
    attachments: files.map(presentFile),
    actions: availableArticleActions(articleParties(r), actor),
    editable: EDITABLE_STATUSES.includes(r.status) && actor.permissions.has('cms:edit'),
  };
}
