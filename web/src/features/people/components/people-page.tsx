import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { ROLE_LABELS, ROLES, type Person, type Role } from '@greenvoice/common';
import { App, Button, Flex, Popconfirm, Space, Tooltip, type TableColumnsType } from 'antd';
import { useState, type ReactNode } from 'react';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import { DemoTag } from '../../../shared/components/demo-tag.tsx';
import { ListPage, ListTable, SearchFilter, SelectFilter } from '../../../shared/list/list-page.tsx';
import { useListState } from '../../../shared/list/use-list-state.ts';
import { RoleTags } from '../../../shared/components/role-tags.tsx';
import { formatDateTime } from '../../../shared/format.ts';
import { ExportButton } from '../../../shared/list/export-button.tsx';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useUnitOptions } from '../../../shared/org/use-unit-options.ts';
import { useCan, useMe } from '../../../shared/session/use-me.ts';
import { useDeletePerson, usePeople } from '../hooks/use-people.ts';
import { AccountActions } from './account-actions.tsx';
import { AccountState } from './account-state.tsx';
import { CreateLogin } from './create-login.tsx';
import { MobileCell } from './mobile-cell.tsx';
import { PersonFormModal } from './person-form-modal.tsx';

/** `toolbar` lets the app add cross-feature buttons (Excel import/export) without features importing each other. */
export function PeoplePage({ toolbar }: { toolbar?: ReactNode }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const can = useCan();
  const { data: me } = useMe();
  const canWrite = can('people:write');
  const canManage = can('accounts:manage');
  const canReveal = can('people:revealMobile');
  const list = useListState<{ q?: string; unitId?: number; role?: Role }>({});
  const [editing, setEditing] = useState<Person | null | undefined>();
  const people = usePeople(list.query);
  const units = useUnitOptions();
  const remove = useDeletePerson();

  const columns: TableColumnsType<Person> = [
    {
      title: t('people.name'),
      dataIndex: 'name',
      fixed: 'start',
      width: 140,
      render: (name: string, p) => (
        <Space size={4}>
          {name}
          <DemoTag show={p.isDemo} />
        </Space>
      ),
    },
    { title: t('people.unit'), dataIndex: 'unitName', width: 140 },
    { title: t('people.title'), dataIndex: 'title', width: 100, render: (v: string) => v || '—' },
    {
      title: t('people.mobile'),
      key: 'mobile',
      width: 135,
      render: (_, p) => <MobileCell person={p} canReveal={canReveal} />,
    },
    {
      title: t('people.roles'),
      dataIndex: 'roles',
      width: 150,
      render: (roles: Role[]) => <RoleTags roles={roles} />,
    },
    {
      title: t('people.username'),
      dataIndex: 'username',
      width: 100,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('people.accountState'),
      key: 'state',
      width: 130,
      render: (_, p) => <AccountStateCell person={p} />,
    },
    {
      title: t('people.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 140,
      render: (v: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v)}</span>,
    },
  ];
  if (canWrite || canManage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'end',
      width: canManage ? 110 : 80,
      render: (_, p) => (
        <Space size={4}>
          {canWrite ? (
            <>
              <Tooltip title={t('common.edit')}>
                <Button
                  type="text"
                  size="small"
                  icon={<EditOutlined />}
                  aria-label={t('common.edit')}
                  data-testid={`person-edit-${p.id}`}
                  onClick={() => setEditing(p)}
                />
              </Tooltip>
              <Popconfirm
                title={t('people.deleteConfirm', { name: p.name })}
                okButtonProps={{ danger: true }}
                okText={t('common.delete')}
                disabled={p.id === me?.id}
                onConfirm={() =>
                  remove.mutateAsync(p.id).then(
                    () => void message.success(t('common.deleted')),
                    (err: unknown) => notifyError(err),
                  )
                }
              >
                <Tooltip title={t('common.delete')}>
                  <Button
                    type="text"
                    size="small"
                    danger
                    disabled={p.id === me?.id}
                    icon={<DeleteOutlined />}
                    aria-label={t('common.delete')}
                    data-testid={`person-delete-${p.id}`}
                  />
                </Tooltip>
              </Popconfirm>
            </>
          ) : null}
          {canManage && p.username && p.id !== me?.id ? <AccountActions person={p} /> : null}
          {/* stays mounted once the login exists, so the new password can still be shown */}
          {canManage ? <CreateLogin person={p} /> : null}
        </Space>
      ),
    });
  }

  return (
    <>
      <ListPage
        title={t('nav.people')}
        actions={
          <>
            {toolbar}
            <ExportButton href="/api/v1/people/export.xlsx" filters={list.query} testId="people-export" />
            {canWrite ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing(null)}
                data-testid="person-create"
              >
                {t('people.create')}
              </Button>
            ) : null}
          </>
        }
        filters={
          <>
            <SearchFilter
              placeholder={t('people.searchPlaceholder')}
              onSearch={(q) => list.setFilter('q', q)}
              testId="people-search"
            />
            <SelectFilter<number>
              searchable
              placeholder={t('people.unitFilter')}
              width={220}
              value={list.filters.unitId}
              onChange={(v) => list.setFilter('unitId', v)}
              options={units.data?.map((u) => ({ value: u.value, label: u.label }))}
              testId="people-unit-filter"
            />
            <SelectFilter<Role>
              placeholder={t('people.roleFilter')}
              width={180}
              value={list.filters.role}
              onChange={(v) => list.setFilter('role', v)}
              options={ROLES.map((r) => ({ value: r, label: pick(ROLE_LABELS[r]) }))}
              testId="people-role-filter"
            />
          </>
        }
        error={people.error}
      >
        <ListTable<Person>
          testId="people-table"
          rowKey="id"
          columns={columns}
          dataSource={people.data?.items}
          loading={people.isFetching}
          pagination={list.pagination(people.data?.total)}
        />
      </ListPage>
      {editing !== undefined ? (
        <PersonFormModal person={editing} onClose={() => setEditing(undefined)} />
      ) : null}
    </>
  );
}

function AccountStateCell({ person }: { person: Person }) {
  return (
    <Flex wrap gap={2}>
      <AccountState person={person} />
    </Flex>
  );
}
