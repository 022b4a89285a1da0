// The article list's .xlsx export (decision 123): what the CMS list shows, in words, for the channels in
// the user's scope only (the list's own function applies the scope).
import { ARTICLE_STATUS_LABELS, type ArticleSummary } from '@greenvoice/common';
import { chinaTime, type ListExport } from '../../spreadsheets/xlsx-export.ts';

export const ARTICLES_EXPORT: ListExport<ArticleSummary> = {
  list: 'articles',
  sheet: { zh: '文章', en: 'Articles' },
  columns: [
    { header: { zh: '标题', en: 'Title' }, width: 40, value: (a) => a.title },
    { header: { zh: '文号', en: 'Document number' }, width: 20, value: (a) => a.docNumber },
    { header: { zh: '栏目', en: 'Channel' }, width: 16, value: (a) => a.channelName },
    {
      header: { zh: '状态', en: 'Status' },
      width: 16,
      value: (a, l) =>
        [
          ARTICLE_STATUS_LABELS[a.status][l],
          a.scheduled ? { zh: '定时发布', en: 'scheduled' }[l] : null,
          a.archived ? { zh: '已归档', en: 'archived' }[l] : null,
        ]
          .filter(Boolean)
          .join(l === 'zh' ? '、' : ', '),
    },
    { header: { zh: '发布时间', en: 'Published' }, width: 17, value: (a) => chinaTime(a.publishAt) },
    { header: { zh: '阅读数', en: 'Reads' }, width: 8, value: (a) => a.readCount },
    { header: { zh: '撰稿', en: 'Writer' }, width: 14, value: (a) => a.createdByName },
    { header: { zh: '更新时间', en: 'Updated' }, width: 17, value: (a) => chinaTime(a.updatedAt) },
  ],
};
