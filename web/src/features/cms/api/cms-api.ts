import type {
  Article,
  ArticleAction,
  ArticleInput,
  ArticleRevision,
  ArticleRevisionDetail,
  ArticleStatus,
  ArticleSummary,
  ArticleUpdate,
  Channel,
  ChannelInput,
  ChannelUpdate,
  CmsFile,
  SiteDomains,
  SiteSettings,
} from '@greenvoice/common';
import { api, withQuery, type PageResult } from '../../../shared/api/api-client.ts';
import { uploadFile } from '../../../shared/api/upload.ts';

export interface ArticleListParams {
  q?: string;
  status?: ArticleStatus;
  channelId?: number;
  page: number;
  pageSize: number;
}

export const listChannels = () => api.get<Channel[]>('/api/v1/cms/channels');
export const createChannel = (body: ChannelInput) => api.post<Channel>('/api/v1/cms/channels', body);
export const updateChannel = (id: number, body: ChannelUpdate) =>
  api.patch<Channel>(`/api/v1/cms/channels/${id}`, body);
export const deleteChannel = (id: number) => api.delete<{ ok: true }>(`/api/v1/cms/channels/${id}`);

export const listArticles = (p: ArticleListParams) =>
  api.get<PageResult<ArticleSummary>>(withQuery('/api/v1/cms/articles', { ...p }));
export const getArticle = (id: number) => api.get<Article>(`/api/v1/cms/articles/${id}`);
export const createArticle = (body: ArticleInput) => api.post<Article>('/api/v1/cms/articles', body);
export const updateArticle = (id: number, body: ArticleUpdate) =>
  api.patch<Article>(`/api/v1/cms/articles/${id}`, body);
export const transitionArticle = (
  id: number,
  body: { version: number; action: ArticleAction; reason?: string; publishAt?: string },
) => api.post<Article>(`/api/v1/cms/articles/${id}/transitions`, body);
export const listRevisions = (id: number) =>
  api.get<ArticleRevision[]>(`/api/v1/cms/articles/${id}/revisions`);
export const getRevision = (id: number, revisionId: number) =>
  api.get<ArticleRevisionDetail>(`/api/v1/cms/articles/${id}/revisions/${revisionId}`);

export const uploadImage = (file: File) => uploadFile<CmsFile>('/api/v1/cms/images', 'file', file, file.name);
export const uploadAttachment = (articleId: number, file: File) =>
  uploadFile<CmsFile>(`/api/v1/cms/articles/${articleId}/attachments`, 'file', file, file.name);
export const deleteAttachment = (articleId: number, fileId: number) =>
  api.delete<{ ok: true }>(`/api/v1/cms/articles/${articleId}/attachments/${fileId}`);

export const getSiteSettings = () => api.get<SiteSettings>('/api/v1/cms/site');
export const putSiteSettings = (body: SiteSettings) => api.put<SiteSettings>('/api/v1/cms/site', body);
export const getSiteDomains = () => api.get<SiteDomains>('/api/v1/cms/site/domains');
export const putSiteDomains = (body: SiteDomains) => api.put<SiteDomains>('/api/v1/cms/site/domains', body);
