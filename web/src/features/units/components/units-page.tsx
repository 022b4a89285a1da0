import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { UNIT_KIND_LABELS, UNIT_KINDS, type Unit, type UnitKind } from '@greenvoice/common';
import {
  App,
  Button,
  Card,
  Flex,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tooltip,
  type TableColumnsType,
} from 'antd';
import { QueryError } from '../../../shared/components/query-error.tsx';
import { useState, type ReactNode } from 'react';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import { DemoTag } from '../../../shared/components/demo-tag.tsx';
import { PageHeader } from '../../../shared/components/page-header.tsx';
import { useServerPagination } from '../../../shared/use-server-pagination';
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
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<UnitKind | undefined>();
  const { page, pageSize, setPage, pagination } = useServerPagination();
  // undefined: closed; null: creating; a unit: editing it
  const [editing, setEditing] = useState<Unit | null | undefined>();
  const units = useUnits({ q: q || undefined, kind, page, pageSize });
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
      <PageHeader
        title={t('nav.units')}
        extra={
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
      />
      <Card size="small">
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t('units.searchPlaceholder')}
            style={{ width: 260 }}
            onSearch={(v) => {
              setQ(v.trim());
              setPage(1);
            }}
            data-testid="units-search"
          />
          <Select<UnitKind>
            allowClear
            placeholder={t('units.kindFilter')}
            style={{ width: 200 }}
            value={kind}
            onChange={(v) => {
              setKind(v);
              setPage(1);
            }}
            options={UNIT_KINDS.map((k) => ({ value: k, label: pick(UNIT_KIND_LABELS[k]) }))}
            data-testid="units-kind-filter"
          />
        </Flex>
        <QueryError error={units.error} />
        <Table<Unit>
          data-testid="units-table"
          size="medium"
          rowKey="id"
          columns={columns}
          dataSource={units.data?.items}
          loading={units.isFetching}
          pagination={pagination(units.data?.total)}
          scroll={{ x: 900 }}
        />
      </Card>
      {editing !== undefined ? <UnitFormModal unit={editing} onClose={() => setEditing(undefined)} /> : null}
    </>
  );
}
