import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { UNIT_KIND_LABELS, UNIT_KINDS, type Unit, type UnitKind } from '@greenvoice/common';
import { App, Button, Popconfirm, Space, Tooltip, type TableColumnsType } from 'antd';
import { useState, type ReactNode } from 'react';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import { DemoTag } from '../../../shared/components/demo-tag.tsx';
import { ListPage, ListTable, SearchFilter, SelectFilter } from '../../../shared/list/list-page.tsx';
import { useListState } from '../../../shared/list/use-list-state.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useCan } from '../../../shared/session/use-me.ts';
import { useDeleteUnit, useUnits } from '../hooks/use-units.ts';
import { UnitFormModal } from './unit-form-modal.tsx';

/** `toolbar` lets the app add cross-feature buttons (Excel import/export) without features importing each other. */
export function UnitsPage({ toolbar }: { toolbar?: ReactNode }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const can = useCan();
  const canWrite = can('units:write');
  const list = useListState<{ q?: string; kind?: UnitKind }>({});
  // undefined: closed; null: creating; a unit: editing it
  const [editing, setEditing] = useState<Unit | null | undefined>();
  const units = useUnits(list.query);
  const remove = useDeleteUnit();

  const columns: TableColumnsType<Unit> = [
    { title: t('units.code'), dataIndex: 'code', width: 140 },
    {
      title: t('units.name'),
      dataIndex: 'name',
      render: (name: string, u) => (
        <Space size={4}>
          {name}
          <DemoTag show={u.isDemo} />
        </Space>
      ),
    },
    {
      title: t('units.kind'),
      dataIndex: 'kind',
      width: 170,
      render: (k: UnitKind) => pick(UNIT_KIND_LABELS[k]),
    },
    { title: t('units.parent'), dataIndex: 'parentName', render: (v: string | null) => v ?? '—' },
    { title: t('units.sortOrder'), dataIndex: 'sortOrder', width: 80, align: 'right' },
    { title: t('units.peopleCount'), dataIndex: 'peopleCount', width: 90, align: 'right' },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_, u) => (
        <Space size={0}>
          <Tooltip title={t('common.edit')}>
            <Button
              type="text"
              size="small"
              icon={<EditOutlined />}
              aria-label={t('common.edit')}
              data-testid={`unit-edit-${u.id}`}
              onClick={() => setEditing(u)}
            />
          </Tooltip>
          <Popconfirm
            title={t('units.deleteConfirm', { name: u.name })}
            description={u.peopleCount > 0 ? t('units.deleteHasPeople') : undefined}
            okButtonProps={{ danger: true }}
            okText={t('common.delete')}
            onConfirm={() =>
              remove.mutateAsync(u.id).then(
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
                icon={<DeleteOutlined />}
                aria-label={t('common.delete')}
                data-testid={`unit-delete-${u.id}`}
              />
            </Tooltip>
          </Popconfirm>
        </Space>
      ),
    });
  }

  return (
    <>
      <ListPage
        title={t('nav.units')}
        actions={
          <>
            {toolbar}
            {canWrite ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing(null)}
                data-testid="unit-create"
              >
                {t('units.create')}
              </Button>
            ) : null}
          </>
        }
        filters={
          <>
            <SearchFilter
              placeholder={t('units.searchPlaceholder')}
              onSearch={(q) => list.setFilter('q', q)}
              testId="units-search"
            />
            <SelectFilter<UnitKind>
              placeholder={t('units.kindFilter')}
              value={list.filters.kind}
              onChange={(v) => list.setFilter('kind', v)}
              options={UNIT_KINDS.map((k) => ({ value: k, label: pick(UNIT_KIND_LABELS[k]) }))}
              testId="units-kind-filter"
            />
          </>
        }
        error={units.error}
      >
        <ListTable<Unit>
          testId="units-table"
          rowKey="id"
          columns={columns}
          dataSource={units.data?.items}
          loading={units.isFetching}
          pagination={list.pagination(units.data?.total)}
        />
      </ListPage>
      {editing !== undefined ? <UnitFormModal unit={editing} onClose={() => setEditing(undefined)} /> : null}
    </>
  );
}
