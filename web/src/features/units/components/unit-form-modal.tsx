import { CHILD_KINDS, UNIT_KIND_LABELS, UNIT_KINDS, type Unit, UnitInput } from '@greenvoice/common';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { isApiError } from '../../../shared/api/api-error.ts';
import { schemaRules } from '../../../shared/forms/schema-rules.ts';
import { useFormErrors } from '../../../shared/forms/use-form-errors.ts';
import { useNotifyError } from '../../../shared/api/use-notify-error.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useUnitOptions } from '../../../shared/org/use-unit-options.ts';
import type { UnitValues } from '../api/units-api.ts';
import { useSaveUnit } from '../hooks/use-units.ts';

/** Create (unit = null) or edit a unit. Rendered only while open, so each opening starts clean. */
export function UnitFormModal({ unit, onClose }: { unit: Unit | null; onClose: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<UnitValues>();
  const showFormError = useFormErrors(form);
  const rules = schemaRules(UnitInput, t);
  const options = useUnitOptions();
  const save = useSaveUnit();
  const isRoot = unit !== null && unit.parentId === null;

  const submit = (values: UnitValues) =>
    save.mutate(
      { unit, values: { ...values, code: values.code.trim(), name: values.name.trim() } },
      {
        onSuccess: () => {
          void message.success(t(unit ? 'common.saved' : 'common.created'));
          onClose();
        },
        onError: (err) => {
          if (isApiError(err) && err.code === 'CONFLICT') {
            // Someone else saved first: the list reloads (onSettled) and the person edits the fresh record.
            notifyError(err);
            onClose();
          } else showFormError(err);
        },
      },
    );

  // A unit cannot be moved under itself; the server also refuses moves under its own sub-units.
  const parentOptions = (options.data ?? []).filter((o) => o.value !== unit?.id);

  return (
    <Modal
      open
      title={unit ? t('units.edit') : t('units.create')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      okButtonProps={{ 'data-testid': 'unit-form-submit' }}
      width={560}
      maskClosable={false}
    >
      <Form<UnitValues>
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="unit-form"
        initialValues={
          unit
            ? {
                code: unit.code,
                name: unit.name,
                kind: unit.kind,
                parentId: unit.parentId ?? undefined,
                sortOrder: unit.sortOrder,
              }
            : { sortOrder: 0 }
        }
      >
        <Form.Item
          name="code"
          label={t('units.code')}
          extra={t('units.codeHint')}
          rules={rules('code', {
            requiredMessage: t('units.codeRequired'),
            patternMessage: t('units.codePattern'),
          })}
        >
          <Input data-testid="unit-code" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('units.name')}
          rules={rules('name', { requiredMessage: t('units.nameRequired') })}
        >
          <Input data-testid="unit-name" />
        </Form.Item>
        {isRoot ? null : (
          <Form.Item
            name="parentId"
            label={t('units.parent')}
            rules={rules('parentId', { requiredMessage: t('units.parentRequired') })}
          >
            <Select
              data-testid="unit-parent"
              showSearch={{ optionFilterProp: 'label' }}
              loading={options.isLoading}
              options={parentOptions.map((o) => ({ value: o.value, label: o.label }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="kind"
          label={t('units.kind')}
          dependencies={['parentId']}
          rules={[
            { required: true, message: t('units.kindRequired') },
            ({ getFieldValue }) => ({
              validator: async (_, kind: Unit['kind'] | undefined) => {
                const parent = parentOptions.find((o) => o.value === getFieldValue('parentId'));
                if (kind && parent && !CHILD_KINDS[parent.kind].includes(kind)) {
                  throw new Error(
                    t('units.kindNotUnderParent', {
                      parent: pick(UNIT_KIND_LABELS[parent.kind]),
                      kind: pick(UNIT_KIND_LABELS[kind]),
                    }),
                  );
                }
              },
            }),
          ]}
        >
          <Select
            data-testid="unit-kind"
            options={UNIT_KINDS.map((k) => ({ value: k, label: pick(UNIT_KIND_LABELS[k]) }))}
          />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('units.sortOrder')} extra={t('units.sortOrderHint')}>
          <InputNumber
            min={0}
            max={100000}
            precision={0}
            style={{ width: 160 }}
            data-testid="unit-sort-order"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
