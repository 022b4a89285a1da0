// The registry tab of the matrix page: the accounts with their QR codes and flags, search and platform
// filter, register / edit, and the registry workbook's export and import (docs/new-media.md).
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import {
  ACCOUNT_FLAG_LABELS,
  ACCOUNT_STATE_LABELS,
  FILING_STATE_LABELS,
  MEDIA_PLATFORM_LABELS,
  MEDIA_PLATFORMS,
  type MediaAccount,
} from '@greenvoice/common';
import { App, Button, Space, Tag, Upload } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { keys } from '../../../shared/api/query-keys.ts';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import { ImportProblems, isImportRejected } from '../../../shared/list/import-problems.tsx';
import { QueryError } from '../../../shared/components/query-error.tsx';
import { ListTable, SearchFilter, SelectFilter } from '../../../shared/list/list-page.tsx';
import { useListState } from '../../../shared/list/use-list-state.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useCan } from '../../../shared/session/use-me.ts';
import { importAccounts, qrUrl } from '../api/media-api.ts';
import { useAccounts } from '../hooks/use-media.ts';
import { MediaAccountForm } from './media-account-form.tsx';

export function Flags({ a }: { a: MediaAccount }) {
  const { pick } = useI18n();
  return (
    <Space size={4} wrap>
      {a.flags.map((f) => (
        <Tag key={f} color={f === 'silent' ? 'red' : f === 'notFiled' ? 'default' : 'orange'}>
          {pick(ACCOUNT_FLAG_LABELS[f])}
        </Tag>
      ))}
    </Space>
  );
}

export function AccountsTab() {
  const { pick } = useI18n();
  const can = useCan();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const notifyError = useNotifyError();
  // the refused import's report stays on the page until the next try
  const [importError, setImportError] = useState<unknown>(null);
  const paging = useListState<{ q?: string; platform?: string }>({});
  const list = useAccounts({ q: '', ...paging.query });
  // null: the form registers a new account; an account: the form edits it
  const [editing, setEditing] = useState<MediaAccount | null | undefined>(undefined);
  if (list.error) return <QueryError error={list.error} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <SearchFilter
          placeholder={pick({ zh: '账号名称或平台账号ID', en: 'Name or platform id' })}
          onSearch={(v) => paging.setFilter('q', v)}
          testId="media-search"
        />
        <SelectFilter<string>
          width={160}
          placeholder={pick({ zh: '平台', en: 'Platform' })}
          value={paging.filters.platform}
          onChange={(v) => paging.setFilter('platform', v)}
          options={MEDIA_PLATFORMS.map((p) => ({ value: p, label: pick(MEDIA_PLATFORM_LABELS[p]) }))}
          testId="media-platform-filter"
        />
        {can('media:write') ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setEditing(null)}
            data-testid="media-add"
          >
            {pick({ zh: '登记账号', en: 'Register an account' })}
          </Button>
        ) : null}
        <Button icon={<DownloadOutlined />} href="/api/v1/media/accounts.xlsx">
          {pick({ zh: '导出 Excel', en: 'Export Excel' })}
        </Button>
        {can('media:write') ? (
          <Upload
            accept=".xlsx,.csv"
            showUploadList={false}
            customRequest={async ({ file }) => {
              try {
                setImportError(null);
                const r = await importAccounts(file as File);
                message.success(
                  pick({
                    zh: `导入成功：新增 ${r.created}，更新 ${r.updated}`,
                    en: `Imported: ${r.created} new, ${r.updated} updated`,
                  }),
                );
                void queryClient.invalidateQueries({ queryKey: keys.media.all });
              } catch (e) {
                setImportError(e);
                if (!isImportRejected(e)) notifyError(e);
              }
            }}
          >
            <Button icon={<UploadOutlined />}>{pick({ zh: '导入台账', en: 'Import registry' })}</Button>
          </Upload>
        ) : null}
      </Space>
      <ImportProblems error={importError} testId="media-registry-import-problems" />
      <ListTable<MediaAccount>
        testId="media-accounts-table"
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={paging.pagination(list.data?.total)}
        columns={[
          {
            title: pick({ zh: '账号', en: 'Account' }),
            render: (_: unknown, a: MediaAccount) => <Link to={`/media/accounts/${a.id}`}>{a.name}</Link>,
          },
          {
            title: pick({ zh: '二维码', en: 'QR' }),
            width: 72,
            render: (_: unknown, a: MediaAccount) =>
              a.link ? (
                <img src={qrUrl(a.id)} width={56} height={56} alt={`${a.name}（${a.platformId}）`} />
              ) : (
                '—'
              ),
          },
          {
            title: pick({ zh: '平台', en: 'Platform' }),
            dataIndex: 'platform',
            render: (p: MediaAccount['platform']) => pick(MEDIA_PLATFORM_LABELS[p]),
          },
          { title: pick({ zh: '单位', en: 'Unit' }), dataIndex: 'unitName' },
          { title: pick({ zh: '开通日期', en: 'Opened' }), dataIndex: 'openedOn' },
          {
            title: pick({ zh: '备案', en: 'Filing' }),
            dataIndex: 'filing',
            render: (f: MediaAccount['filing']) => pick(FILING_STATE_LABELS[f]),
          },
          {
            title: pick({ zh: '状态', en: 'State' }),
            dataIndex: 'state',
            render: (s: MediaAccount['state']) => pick(ACCOUNT_STATE_LABELS[s]),
          },
          { title: pick({ zh: '最近发文', en: 'Last post' }), dataIndex: 'lastPostOn' },
          {
            title: pick({ zh: '问题', en: 'Problems' }),
            render: (_: unknown, a: MediaAccount) => <Flags a={a} />,
          },
          ...(can('media:write')
            ? [
                {
                  title: pick({ zh: '操作', en: 'Actions' }),
                  render: (_: unknown, a: MediaAccount) => (
                    <Button type="link" size="small" onClick={() => setEditing(a)}>
                      {pick({ zh: '编辑', en: 'Edit' })}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editing !== undefined ? (
        <MediaAccountForm account={editing} onClose={() => setEditing(undefined)} />
      ) : null}
    </Space>
  );
}
