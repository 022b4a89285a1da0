// 办事指南 in the console (decision 113): the bureau's service guides, each with the ten elements the
// national indicators require. Editors (cms:edit) write and attach forms; publishers (cms:publish) put a
// complete guide on the portal's /services or take it off. A guide missing an element says which.
import { PlusOutlined } from '@ant-design/icons';
import { GUIDE_CATEGORY_LABELS, GUIDE_ELEMENT_LABELS, type ServiceGuide } from '@greenvoice/common';
import { App, Button, Popconfirm, Space, Tag, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import { DemoTag } from '../../../shared/components/demo-tag.tsx';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { ListPage, ListTable } from '../../../shared/list/list-page.tsx';
import { useLocalPagination } from '../../../shared/list/use-server-pagination.ts';
import { useCan } from '../../../shared/session/use-me.ts';
import { useGuides, useTransitionGuide } from '../hooks/use-guides.ts';
import { GuideFormDrawer } from './guide-form-drawer.tsx';

export function ServiceGuidesPage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const can = useCan();
  const guides = useGuides();
  const transition = useTransitionGuide();
  const pagination = useLocalPagination(20);
  const [editing, setEditing] = useState<ServiceGuide | null | undefined>();
  // the drawer shows the list's fresh copy, so an upload's new version is the one saved next
  const open =
    editing === undefined ? undefined : editing && (guides.data?.find((g) => g.id === editing.id) ?? editing);

  const columns: TableColumnsType<ServiceGuide> = [
    {
      title: t('guides.name'),
      dataIndex: 'name',
      render: (name: string, g) => (
        <Space size={4} wrap>
          {can('cms:edit') ? (
            <Typography.Link onClick={() => setEditing(g)} data-testid={`guide-edit-${g.id}`}>
              {name}
            </Typography.Link>
          ) : (
            name
          )}
          <DemoTag show={g.isDemo} />
        </Space>
      ),
    },
    {
      title: t('guides.category'),
      dataIndex: 'category',
      width: 170,
      render: (c: ServiceGuide['category']) => pick(GUIDE_CATEGORY_LABELS[c]),
    },
    {
      title: t('guides.status'),
      key: 'status',
      width: 220,
      render: (_, g) =>
        g.missing.length ? (
          <Tag color="error">
            {t('guides.missing', { names: g.missing.map((k) => pick(GUIDE_ELEMENT_LABELS[k])).join('、') })}
          </Tag>
        ) : g.status === 'published' ? (
          <Tag color="success">{t('guides.published')}</Tag>
        ) : (
          <Tag>{t('guides.draft')}</Tag>
        ),
    },
    { title: t('guides.forms'), key: 'forms', width: 90, render: (_, g) => g.forms.length },
  ];
  if (can('cms:publish'))
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_, g) => (
        <Space size={4}>
          {g.status === 'published' ? (
            <a href={`/services/${g.id}`} target="_blank" rel="noopener">
              {t('guides.view')}
            </a>
          ) : null}
          <Popconfirm
            title={g.status === 'published' ? t('guides.unpublishConfirm') : t('guides.publishConfirm')}
            onConfirm={() =>
              transition.mutateAsync(g).then(() => void message.success(t('common.saved')), notifyError)
            }
          >
            <Button
              size="small"
              disabled={g.status !== 'published' && g.missing.length > 0}
              data-testid={`guide-transition-${g.id}`}
            >
              {g.status === 'published' ? t('guides.unpublish') : t('guides.publish')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    });

  return (
    <ListPage
      title={t('nav.serviceGuides')}
      intro={<Typography.Paragraph type="secondary">{t('guides.intro')}</Typography.Paragraph>}
      actions={
        can('cms:edit') ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing(null)}
            data-testid="guide-create"
          >
            {t('guides.new')}
          </Button>
        ) : null
      }
      error={guides.error}
    >
      <ListTable<ServiceGuide>
        testId="guides-table"
        rowKey="id"
        columns={columns}
        dataSource={guides.data}
        loading={guides.isFetching}
        pagination={pagination}
      />
      {open !== undefined ? <GuideFormDrawer guide={open} onClose={() => setEditing(undefined)} /> : null}
    </ListPage>
  );
}
