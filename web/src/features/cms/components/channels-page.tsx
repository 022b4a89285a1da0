// The portal's channels (columns) and the site settings behind every page's footer and meta tags.
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { CHANNEL_KIND_LABELS, type Channel, type ChannelKind } from '@greenvoice/common';
import { App, Button, Card, Popconfirm, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import { DemoTag } from '../../../shared/components/demo-tag.tsx';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { QueryError } from '../../../shared/components/query-error.tsx';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useCan } from '../../../shared/session/use-me.ts';
import { useChannels, useDeleteChannel } from '../hooks/use-cms.ts';
import { ChannelFormModal } from './channel-form-modal.tsx';
import { SiteDomainsCard } from './site-domains-card.tsx';
import { SiteSettingsCard } from './site-settings-card.tsx';

export function ChannelsPage() {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const can = useCan();
  const canWrite = can('cms:channels');
  const channels = useChannels();
  const remove = useDeleteChannel();
  const [editing, setEditing] = useState<Channel | null | undefined>();

  const columns: TableColumnsType<Channel> = [
    { title: t('cms.channelCode'), dataIndex: 'code', width: 120 },
    {
      title: t('cms.channelName'),
      dataIndex: 'name',
      render: (name: string, c) => (
        <Space size={4}>
          <a href={`/channels/${c.code}`} target="_blank" rel="noopener">
            {name}
          </a>
          <DemoTag show={c.isDemo} />
        </Space>
      ),
    },
    { title: t('cms.channelNameEn'), dataIndex: 'nameEn' },
    {
      title: t('cms.channelKind'),
      dataIndex: 'kind',
      width: 130,
      render: (k: ChannelKind) => pick(CHANNEL_KIND_LABELS[k]),
    },
    {
      title: t('cms.liveCount'),
      dataIndex: 'liveCount',
      width: 150,
      render: (n: number) => (n > 0 ? n : <Tag color="warning">{t('cms.emptyHidden')}</Tag>),
    },
    { title: t('units.sortOrder'), dataIndex: 'sortOrder', width: 80, align: 'right' },
  ];
  if (canWrite)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, c) => (
        <Space size={0}>
          <Tooltip title={t('common.edit')}>
            <Button
              type="text"
              size="small"
              icon={<EditOutlined />}
              aria-label={t('common.edit')}
              onClick={() => setEditing(c)}
              data-testid={`channel-edit-${c.code}`}
            />
          </Tooltip>
          <Popconfirm
            title={t('cms.deleteChannel', { name: c.name })}
            okButtonProps={{ danger: true }}
            onConfirm={() =>
              remove.mutateAsync(c.id).then(() => void message.success(t('common.deleted')), notifyError)
            }
          >
            <Button
              type="text"
              size="small"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('common.delete')}
            />
          </Popconfirm>
        </Space>
      ),
    });

  return (
    <>
      <PageHeader
        title={t('nav.cmsChannels')}
        extra={
          canWrite ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing(null)}
              data-testid="channel-create"
            >
              {t('cms.newChannel')}
            </Button>
          ) : null
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <QueryError error={channels.error} />
        <Table<Channel>
          data-testid="channels-table"
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={channels.data}
          loading={channels.isFetching}
          pagination={false}
          scroll={{ x: 900 }}
        />
      </Card>
      <SiteSettingsCard editable={canWrite} />
      <SiteDomainsCard editable={canWrite} />
      {editing !== undefined ? (
        <ChannelFormModal channel={editing} onClose={() => setEditing(undefined)} />
      ) : null}
    </>
  );
}
