// The portal's articles in the console: every status, filterable, newest change first.
import { PlusOutlined } from '@ant-design/icons';
import {
  ARTICLE_STATUS_LABELS,
  ARTICLE_STATUSES,
  type ArticleStatus,
  type ArticleSummary,
} from '@greenvoice/common';
import { Button, Space, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import { DemoTag } from '../../../shared/components/demo-tag.tsx';
import { ListPage, ListTable, SearchFilter, SelectFilter } from '../../../shared/list/list-page.tsx';
import { ExportButton } from '../../../shared/list/export-button.tsx';
import { useListState } from '../../../shared/list/use-list-state.ts';
import { formatDateTime } from '../../../shared/format.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useCan } from '../../../shared/session/use-me.ts';
import { useArticles, useChannels } from '../hooks/use-cms.ts';
import { ArticleStatusTag } from './status-tag.tsx';

export function ArticlesPage() {
  const { t, pick } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const list = useListState<{ q?: string; status?: ArticleStatus; channelId?: number }>({});
  const articles = useArticles(list.query);
  const channels = useChannels();

  const columns: TableColumnsType<ArticleSummary> = [
    {
      title: t('cms.title'),
      dataIndex: 'title',
      // the other columns have fixed widths; without one the title was squeezed to a few characters a line
      width: 320,
      render: (title: string, a) => (
        <Space size={4}>
          <Link to={`/cms/articles/${a.id}`} data-testid={`article-link-${a.id}`}>
            {title}
          </Link>
          <DemoTag show={a.isDemo} />
        </Space>
      ),
    },
    { title: t('cms.docNumber'), dataIndex: 'docNumber', width: 170 },
    { title: t('cms.channel'), dataIndex: 'channelName', width: 130 },
    {
      title: t('cms.status'),
      dataIndex: 'status',
      width: 170,
      render: (s: ArticleStatus, a) => (
        <ArticleStatusTag status={s} scheduled={a.scheduled} archived={a.archived} />
      ),
    },
    {
      title: t('cms.publishAt'),
      dataIndex: 'publishAt',
      width: 160,
      render: (v: string | null) => (v ? formatDateTime(v) : '—'),
    },
    { title: t('cms.readCount'), dataIndex: 'readCount', width: 90, align: 'right' },
    { title: t('cms.writer'), dataIndex: 'createdByName', width: 150 },
    {
      title: t('cms.updatedAt'),
      dataIndex: 'updatedAt',
      width: 160,
      render: (v: string) => formatDateTime(v),
    },
  ];

  return (
    <ListPage
      title={t('nav.cmsArticles')}
      actions={
        <>
          <ExportButton
            href="/api/v1/cms/articles/export.xlsx"
            filters={list.query}
            testId="articles-export"
          />
          {can('cms:edit') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/cms/articles/new')}
              data-testid="article-create"
            >
              {t('cms.newArticle')}
            </Button>
          ) : null}
        </>
      }
      filters={
        <>
          <SearchFilter
            placeholder={t('cms.searchPlaceholder')}
            onSearch={(q) => list.setFilter('q', q)}
            testId="articles-search"
          />
          <SelectFilter<ArticleStatus>
            placeholder={t('cms.statusFilter')}
            width={160}
            value={list.filters.status}
            onChange={(v) => list.setFilter('status', v)}
            options={ARTICLE_STATUSES.map((s) => ({ value: s, label: pick(ARTICLE_STATUS_LABELS[s]) }))}
            testId="articles-status-filter"
          />
          <SelectFilter<number>
            placeholder={t('cms.channelFilter')}
            width={180}
            value={list.filters.channelId}
            onChange={(v) => list.setFilter('channelId', v)}
            options={(channels.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            testId="articles-channel-filter"
          />
        </>
      }
      error={articles.error}
    >
      <ListTable<ArticleSummary>
        testId="articles-table"
        rowKey="id"
        columns={columns}
        dataSource={articles.data?.items}
        loading={articles.isFetching}
        pagination={list.pagination(articles.data?.total)}
      />
    </ListPage>
  );
}
