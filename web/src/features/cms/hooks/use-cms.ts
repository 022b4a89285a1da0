import { keys } from '../../../shared/api/query-keys.ts';
import type {
  Article,
  ArticleAction,
  ArticleInput,
  ArticleUpdate,
  Channel,
  ChannelInput,
  SiteDomains,
  SiteSettings,
} from '@greenvoice/common';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createArticle,
  createChannel,
  deleteAttachment,
  deleteChannel,
  getArticle,
  getRevision,
  getSiteDomains,
  getSiteSettings,
  listArticles,
  listChannels,
  listRevisions,
  putSiteDomains,
  putSiteSettings,
  transitionArticle,
  updateArticle,
  updateChannel,
  uploadAttachment,
  type ArticleListParams,
} from '../api/cms-api.ts';

export const useChannels = () => useQuery({ queryKey: keys.cms.channels, queryFn: listChannels });

export const useArticles = (params: ArticleListParams) =>
  useQuery({
    queryKey: keys.cms.articles(params),
    queryFn: () => listArticles(params),
    placeholderData: keepPreviousData,
  });

export const useArticle = (id: number | null) =>
  useQuery({ queryKey: keys.cms.article(id), queryFn: () => getArticle(id!), enabled: id !== null });

export const useRevisions = (id: number | null, open: boolean) =>
  useQuery({
    queryKey: keys.cms.revisions(id),
    queryFn: () => listRevisions(id!),
    enabled: id !== null && open,
  });

export const useRevision = (id: number, revisionId: number | null) =>
  useQuery({
    queryKey: keys.cms.revision(id, revisionId),
    queryFn: () => getRevision(id, revisionId!),
    enabled: revisionId !== null,
  });

function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: keys.cms.all });
}

/** Saves the draft: created when new, else only the fields that changed (with the version seen). */
export function useSaveArticle() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ article, values }: { article: Article | null; values: ArticleInput }) => {
      if (!article) return createArticle(values);
      const changes: Omit<ArticleUpdate, 'version'> = {};
      for (const key of Object.keys(values) as (keyof ArticleInput)[]) {
        const now = values[key];
        if (now !== undefined && now !== article[key]) (changes as Record<string, unknown>)[key] = now;
      }
      return updateArticle(article.id, { version: article.version, ...changes });
    },
    onSettled: refresh,
  });
}

export function useTransition() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (v: { article: Article; action: ArticleAction; reason?: string; publishAt?: string }) =>
      transitionArticle(v.article.id, {
        version: v.article.version,
        action: v.action,
        ...(v.reason ? { reason: v.reason } : {}),
        ...(v.publishAt ? { publishAt: v.publishAt } : {}),
      }),
    onSettled: refresh,
  });
}

export function useAttachments(articleId: number) {
  const refresh = useRefresh();
  return {
    upload: useMutation({
      mutationFn: (file: File) => uploadAttachment(articleId, file),
      onSettled: refresh,
    }),
    remove: useMutation({
      mutationFn: (fileId: number) => deleteAttachment(articleId, fileId),
      onSettled: refresh,
    }),
  };
}

export function useSaveChannel() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ channel, values }: { channel: Channel | null; values: ChannelInput }) =>
      channel ? updateChannel(channel.id, { version: channel.version, ...values }) : createChannel(values),
    onSettled: refresh,
  });
}

export function useDeleteChannel() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: deleteChannel, onSettled: refresh });
}

export const useSiteSettings = () => useQuery({ queryKey: keys.cms.site, queryFn: getSiteSettings });

export const useSiteDomains = () => useQuery({ queryKey: keys.cms.domains, queryFn: getSiteDomains });

export function useSaveSiteDomains() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (v: SiteDomains) => putSiteDomains(v), onSettled: refresh });
}

export function useSaveSiteSettings() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (v: SiteSettings) => putSiteSettings(v), onSettled: refresh });
}
