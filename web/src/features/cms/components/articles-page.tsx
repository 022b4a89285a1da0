// The portal's articles in the console: every status, filterable, newest change first.
import { PlusOutlined } from '@ant-design/icons';
import {
  ARTICLE_STATUS_LABELS,
  ARTICLE_STATUSES,
  type ArticleStatus,
  type ArticleSummary,
} from '@greenvoice/common';
import { Button, Card, Flex, Input, Select, Space, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { DemoTag } from '../../../shared/components/demo-tag.tsx';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { QueryError } from '../../../shared/components/query-error.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useCan } from '../../../shared/session/use-me.ts';
import { useArticles, useChannels } from '../hooks/use-cms.ts';
import { ArticleStatusTag } from './status-tag.tsx';
import { useServerPagination } from '../../../shared/use-server-pagination';

export function ArticlesPage() {
  const { t, pick } = useI18n();
  const can = useCan();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<ArticleStatus | undefined>();
  const [channelId, setChannelId] = useState<number | undefined>();
  const { page, pageSize, setPage, pagination } = useServerPagination();
  const articles = useArticles({ q: q || undefined, status, channelId, page, pageSize });
  const channels = useChannels();

  const columns: TableColumnsType<ArticleSummary> = [
    {
      title: t('cms.title'),
      dataIndex: 'title',
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
    <>
      <PageHeader
        title={t('nav.cmsArticles')}
        extra={
          can('cms:edit') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => navigate('/cms/articles/new')}
              data-testid="article-create"
            >
              {t('cms.newArticle')}
            </Button>
          ) : null
        }
      />
      <Card size="small">
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('cms.searchPlaceholder')}
            style={{ width: 260 }}
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
            data-testid="articles-search"
          />
          <Select<ArticleStatus>
            allowClear
            placeholder={t('cms.statusFilter')}
            style={{ width: 160 }}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={ARTICLE_STATUSES.map((s) => ({ value: s, label: pick(ARTICLE_STATUS_LABELS[s]) }))}
            data-testid="articles-status-filter"
          />
          <Select<number>
            allowClear
            placeholder={t('cms.channelFilter')}
            style={{ width: 180 }}
            value={channelId}
            onChange={(v) => {
              setChannelId(v);
              setPage(1);
            }}
            options={(channels.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          />
        </Flex>
        <QueryError error={articles.error} />
        <Table<ArticleSummary>
          data-testid="articles-table"
          rowKey="id"
          columns={columns}
          dataSource={articles.data?.items}
          loading={articles.isFetching}
          pagination={pagination(articles.data?.total)}
          scroll={{ x: 1100 }}
        />
      </Card>
    </>
  );
}
