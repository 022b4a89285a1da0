// Every saved version and workflow step of an article, and what its text was at each.
import { ARTICLE_ACTION_LABELS, type Article, type ArticleAction } from '@greenvoice/common';
import { Button, Card, Drawer, Skeleton, Table, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { formatDateTime } from '../../../shared/format.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useRevision, useRevisions } from '../hooks/use-cms.ts';

const RichTextEditor = lazy(() => import('./rich-text-editor.tsx'));

export function ArticleRevisions({ article }: { article: Article }) {
  const { t, pick } = useI18n();
  const [open, setOpen] = useState(false);
  const [shown, setShown] = useState<number | null>(null);
  const revisions = useRevisions(article.id, open);
  const revision = useRevision(article.id, shown);
  return (
    <Card size="small" title={t('cms.revisions')}>
      <Button onClick={() => setOpen(true)} data-testid="article-revisions">
        {t('cms.showRevisions')}
      </Button>
      <Drawer open={open} onClose={() => setOpen(false)} title={t('cms.revisions')} width={720}>
        <Table
          size="small"
          rowKey="id"
          loading={revisions.isFetching}
          dataSource={revisions.data}
          pagination={false}
          data-testid="revisions-table"
          columns={[
            {
              title: t('cms.revisionAt'),
              dataIndex: 'at',
              width: 150,
              render: (v: string) => formatDateTime(v),
            },
            {
              title: t('cms.revisionAction'),
              dataIndex: 'action',
              width: 90,
              render: (a: string) =>
                a in ARTICLE_ACTION_LABELS
                  ? pick(ARTICLE_ACTION_LABELS[a as ArticleAction])
                  : t(a === 'create' ? 'cms.revisionCreate' : 'cms.revisionEdit'),
            },
            { title: t('cms.revisionBy'), dataIndex: 'actorName', width: 150 },
            { title: t('cms.title'), dataIndex: 'title', ellipsis: true },
            { title: t('cms.note'), dataIndex: 'note', width: 120, render: (v: string | null) => v ?? '' },
            {
              key: 'show',
              width: 70,
              render: (_, r) => (
                <Button size="small" type="link" onClick={() => setShown(r.id)}>
                  {t('cms.view')}
                </Button>
              ),
            },
          ]}
        />
        {shown !== null ? (
          <div style={{ marginTop: 16 }}>
            {revision.data ? (
              <>
                <Typography.Title level={5}>{revision.data.title}</Typography.Title>
                <Suspense fallback={<Skeleton active />}>
                  <RichTextEditor key={shown} value={revision.data.bodyHtml} editable={false} />
                </Suspense>
              </>
            ) : (
              <Skeleton active />
            )}
          </div>
        ) : null}
      </Drawer>
    </Card>
  );
}
