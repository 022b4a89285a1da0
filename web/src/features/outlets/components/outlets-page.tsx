import { PlusOutlined } from '@ant-design/icons';
import {
  OUTLET_LEVEL_LABELS,
  OUTLET_LEVELS,
  OUTLET_MEDIA,
  OUTLET_MEDIUM_LABELS,
  type Outlet,
  type OutletInput,
  type OutletLevel,
  type OutletMedium,
} from '@greenvoice/common';
import {
  App,
  Button,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Switch,
  Tag,
  type TableColumnsType,
} from 'antd';
import { useState } from 'react';
import { isApiError } from '../../../shared/api/api-error.ts';
import { useFormErrors } from '../../../shared/forms/use-form-errors.ts';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import { ListPage, ListTable, SearchFilter, SelectFilter } from '../../../shared/list/list-page.tsx';
import { useListState } from '../../../shared/list/use-list-state.ts';
import { useLocalPagination } from '../../../shared/list/use-server-pagination.ts';
import { ExportButton } from '../../../shared/list/export-button.tsx';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useCan } from '../../../shared/session/use-me.ts';
import { useOutlets, useSaveOutlet, useToggleOutlet } from '../hooks/use-outlets.ts';

const LEVEL_COLORS: Record<OutletLevel, string> = {
  central: 'red',
  provincial: 'orange',
  municipal: 'green',
  county: 'blue',
};

/** The outlet registry (媒体): levels and media decide how a report scores. */
export function OutletsPage() {
  const { t, pick } = useI18n();
  const notifyError = useNotifyError();
  const canWrite = useCan()('outlets:write');
  const list = useListState<{ q?: string; level?: OutletLevel; medium?: OutletMedium }>({});
  const pages = useLocalPagination(50);
  const [editing, setEditing] = useState<Outlet | null | undefined>();
  const outlets = useOutlets(list.filters);
  const toggle = useToggleOutlet();

  const columns: TableColumnsType<Outlet> = [
    { title: t('outlets.name'), dataIndex: 'name', width: 220 },
    {
      title: t('outlets.level'),
      dataIndex: 'level',
      width: 110,
      render: (l: OutletLevel) => <Tag color={LEVEL_COLORS[l]}>{pick(OUTLET_LEVEL_LABELS[l])}</Tag>,
    },
    {
      title: t('outlets.medium'),
      dataIndex: 'medium',
      width: 120,
      render: (m: OutletMedium) => pick(OUTLET_MEDIUM_LABELS[m]),
    },
    {
      title: t('outlets.active'),
      dataIndex: 'active',
      width: 100,
      render: (active: boolean, o) => (
        <Switch
          size="small"
          checked={active}
          disabled={!canWrite}
          onChange={() => toggle.mutate(o, { onError: notifyError })}
          aria-label={`${t('outlets.active')}: ${o.name}`}
          data-testid={`outlet-active-${o.id}`}
        />
      ),
    },
    { title: t('units.sortOrder'), dataIndex: 'sortOrder', width: 80, align: 'right' },
  ];
  if (canWrite)
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, o) => (
        <Button type="link" size="small" onClick={() => setEditing(o)} data-testid={`outlet-edit-${o.id}`}>
          {t('common.edit')}
        </Button>
      ),
    });

  return (
    <>
      <ListPage
        title={t('nav.outlets')}
        actions={
          <>
            <ExportButton
              href="/api/v1/outlets/export.xlsx"
              filters={{ ...list.filters, includeInactive: true }}
              testId="outlets-export"
            />
            {canWrite ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setEditing(null)}
                data-testid="outlet-create"
              >
                {t('outlets.create')}
              </Button>
            ) : null}
          </>
        }
        filters={
          <>
            <SearchFilter
              placeholder={t('outlets.searchPlaceholder')}
              width={240}
              onSearch={(q) => list.setFilter('q', q)}
              testId="outlets-search"
            />
            <SelectFilter<OutletLevel>
              placeholder={t('outlets.level')}
              width={140}
              value={list.filters.level}
              onChange={(v) => list.setFilter('level', v)}
              options={OUTLET_LEVELS.map((l) => ({ value: l, label: pick(OUTLET_LEVEL_LABELS[l]) }))}
              testId="outlets-level-filter"
            />
            <SelectFilter<OutletMedium>
              placeholder={t('outlets.medium')}
              width={140}
              value={list.filters.medium}
              onChange={(v) => list.setFilter('medium', v)}
              options={OUTLET_MEDIA.map((m) => ({ value: m, label: pick(OUTLET_MEDIUM_LABELS[m]) }))}
              testId="outlets-medium-filter"
            />
          </>
        }
        error={outlets.error}
      >
        <ListTable<Outlet>
          testId="outlets-table"
          rowKey="id"
          columns={columns}
          dataSource={outlets.data?.items}
          loading={outlets.isFetching}
          pagination={pages}
        />
      </ListPage>
      {editing !== undefined ? (
        <OutletFormModal outlet={editing} onClose={() => setEditing(undefined)} />
      ) : null}
    </>
  );
}

function OutletFormModal({ outlet, onClose }: { outlet: Outlet | null; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<OutletInput>();
  const showFormError = useFormErrors(form);
  const save = useSaveOutlet();
  const submit = (values: OutletInput) =>
    save.mutate(
      { outlet, values: { ...values, name: values.name.trim() } },
      {
        onSuccess: () => {
          void message.success(t(outlet ? 'common.saved' : 'common.created'));
          onClose();
        },
        onError: (err) => {
          if (isApiError(err) && err.code === 'CONFLICT') {
            notifyError(err);
            onClose();
          } else showFormError(err);
        },
      },
    );
  return (
    <Modal
      open
      title={outlet ? t('outlets.edit') : t('outlets.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'outlet-form-submit' }}
      maskClosable={false}
    >
      <Form<OutletInput>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={
          outlet
            ? { name: outlet.name, level: outlet.level, medium: outlet.medium, sortOrder: outlet.sortOrder }
            : { level: 'municipal', medium: 'web' }
        }
      >
        <Form.Item
          name="name"
          label={t('outlets.name')}
          rules={[
            { required: true, whitespace: true, message: t('outlets.nameRequired') },
            { max: 100, message: t('common.maxLength', { max: 100 }) },
          ]}
        >
          <Input data-testid="outlet-name" />
        </Form.Item>
        <Form.Item name="level" label={t('outlets.level')} rules={[{ required: true }]}>
          <Select options={OUTLET_LEVELS.map((l) => ({ value: l, label: pick(OUTLET_LEVEL_LABELS[l]) }))} />
        </Form.Item>
        <Form.Item name="medium" label={t('outlets.medium')} rules={[{ required: true }]}>
          <Select options={OUTLET_MEDIA.map((m) => ({ value: m, label: pick(OUTLET_MEDIUM_LABELS[m]) }))} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('units.sortOrder')} extra={t('units.sortOrderHint')}>
          <InputNumber min={0} max={100000} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
