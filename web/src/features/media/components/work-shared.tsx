// What the media-work pages share: the page around their table (the switch between them, the year and
// unit filters, the add button), the edit modal (the shared FormModal: server field problems beside the
// field) with its form, unit and period fields, the row's edit and delete buttons, and the cards of
// summary tables above the list.
import { PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Segmented,
  Select,
  Space,
  Table,
  type FormInstance,
  type TableProps,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ListPage, SelectFilter } from '../../../shared/list/list-page.tsx';
import { FormModal } from '../../../shared/forms/form-modal.tsx';
import { schemaRules } from '../../../shared/forms/schema-rules.ts';
import { useCan } from '../../../shared/session/use-me.ts';
import { useI18n } from '../../../shared/i18n/use-i18n.ts';
import { useUnitOptions } from '../../../shared/org/use-unit-options.ts';
import { useRegisterWrite, type Register } from '../api/media-work-api.ts';

export function WorkNav() {
  const { pick } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  return (
    <Segmented
      style={{ marginBottom: 12 }}
      value={pathname.replace(/^\/admin/, '')}
      onChange={(v) => void navigate(v)}
      options={[
        { value: '/media', label: pick({ zh: '新媒体矩阵', en: 'Matrix' }) },
        { value: '/media/subscriptions', label: pick({ zh: '报刊征订', en: 'Subscriptions' }) },
        { value: '/media/commentators', label: pick({ zh: '网评员', en: 'Commentators' }) },
        { value: '/media/columns', label: pick({ zh: '媒体专栏', en: 'Columns' }) },
      ]}
      data-testid="media-work-nav"
    />
  );
}

type Words = { zh: string; en: string };

/** A media-work register's page: title and intro, the switch and a summary above, add, year and unit. */
export function WorkListPage(props: {
  title: Words;
  intro: Words;
  /** under the switch: the page's summary or tally */
  summary?: ReactNode;
  add: { label: Words; testId: string; onClick: () => void };
  list: {
    filters: { year?: number; unitId?: number };
    setFilter: <K extends 'year' | 'unitId'>(k: K, v: number | undefined) => void;
  };
  /** the year shown in the filter (a page may default it to the board's year) */
  year: number | undefined;
  error: unknown;
  children: ReactNode;
}) {
  const { pick } = useI18n();
  const can = useCan();
  return (
    <ListPage
      title={pick(props.title)}
      intro={pick(props.intro)}
      before={
        <>
          <WorkNav />
          {props.summary}
        </>
      }
      actions={
        can('media:write') ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={props.add.onClick}
            data-testid={props.add.testId}
          >
            {pick(props.add.label)}
          </Button>
        ) : null
      }
      filters={
        <YearUnitFilters
          year={props.year}
          onYear={(y) => props.list.setFilter('year', y)}
          unitId={props.list.filters.unitId}
          onUnit={(u) => props.list.setFilter('unitId', u)}
        />
      }
      error={props.error}
    >
      {props.children}
    </ListPage>
  );
}

export function YearUnitFilters(props: {
  year: number | undefined;
  onYear: (y: number | undefined) => void;
  unitId: number | undefined;
  onUnit: (u: number | undefined) => void;
}) {
  const { pick } = useI18n();
  const units = useUnitOptions();
  return (
    <>
      <InputNumber<number>
        min={2000}
        max={2100}
        value={props.year}
        onChange={(v) => props.onYear(v ?? undefined)}
        placeholder={pick({ zh: '年度', en: 'Year' })}
        aria-label={pick({ zh: '年度', en: 'Year' })}
        data-testid="work-year"
      />
      <SelectFilter<number>
        searchable
        placeholder={pick({ zh: '单位', en: 'Unit' })}
        value={props.unitId}
        onChange={props.onUnit}
        options={units.data ?? []}
        testId="work-unit"
      />
    </>
  );
}

export function WorkModal<V extends object>(props: {
  register: Register;
  /** the modal's title for a new row and for an edited one */
  title: { add: Words; edit: Words };
  row: { id: number; version: number } | null;
  form: FormInstance<V>;
  initialValues: Partial<V>;
  toBody: (v: V) => object;
  onClose: () => void;
  children: ReactNode;
}) {
  const { pick } = useI18n();
  const { save } = useRegisterWrite(props.register);
  return (
    <FormModal<V>
      testId="work"
      title={pick(props.row ? props.title.edit : props.title.add)}
      form={props.form}
      initialValues={props.initialValues}
      saving={save.isPending}
      save={(v) => save.mutateAsync({ row: props.row, body: props.toBody(v) })}
      onClose={props.onClose}
    >
      {props.children}
    </FormModal>
  );
}

export function DeleteButton({ register, id }: { register: Register; id: number }) {
  const { pick } = useI18n();
  const { remove } = useRegisterWrite(register);
  return (
    <Popconfirm
      title={pick({ zh: '确定删除这条记录？', en: 'Delete this record?' })}
      onConfirm={() => remove.mutateAsync(id)}
    >
      <Button type="link" size="small" danger>
        {pick({ zh: '删除', en: 'Delete' })}
      </Button>
    </Popconfirm>
  );
}

/** blank text → null, as the API stores an empty optional field */
export const orNull = (s: string | null | undefined) => (s && s.trim() ? s.trim() : null);

/** A register form's parts: the form and its rules, from the schema the server checks the body with. */
export function useWorkForm<V>(schema: unknown) {
  const { t, pick } = useI18n();
  const [form] = Form.useForm<V>();
  return { t, pick, form, rules: schemaRules(schema, t) };
}
type Rules = ReturnType<typeof schemaRules>;

/** A text field, checked by the schema's rules for its name. */
export function TextField(props: {
  name: string;
  label: Words;
  rules: Rules;
  testId?: string;
  placeholder?: string;
}) {
  const { pick } = useI18n();
  return (
    <Form.Item name={props.name} label={pick(props.label)} rules={props.rules(props.name)}>
      <Input data-testid={props.testId} placeholder={props.placeholder} />
    </Form.Item>
  );
}

/** The row's unit, any the reader sees (`unitId`). */
export function UnitField(props: { rules: Rules; label?: Words; testId?: string }) {
  const { pick } = useI18n();
  const units = useUnitOptions();
  return (
    <Form.Item
      name="unitId"
      label={pick(props.label ?? { zh: '单位', en: 'Unit' })}
      rules={props.rules('unitId')}
    >
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        options={units.data ?? []}
        data-testid={props.testId}
      />
    </Form.Item>
  );
}

/** A period as the form holds it (`period`: start, and an end that may be open) */
export type Period = [Dayjs, Dayjs | null];
export const periodValue = (r: { startsOn: string; endsOn: string | null }): Period => [
  dayjs(r.startsOn),
  r.endsOn ? dayjs(r.endsOn) : null,
];
export const periodBody = ([from, to]: Period) => ({
  startsOn: from.format('YYYY-MM-DD'),
  endsOn: to ? to.format('YYYY-MM-DD') : null,
});
export function PeriodField(props: { label: Words; openEnd?: boolean }) {
  const { t, pick } = useI18n();
  return (
    <Form.Item
      name="period"
      label={pick(props.label)}
      rules={[{ required: true, message: t('form.required') }]}
    >
      <DatePicker.RangePicker
        {...(props.openEnd ? { allowEmpty: [false, true] as [boolean, boolean] } : {})}
      />
    </Form.Item>
  );
}

/** Which row the form edits: undefined, none (closed); null, a new one. */
export function useEditing<R>() {
  const [editing, setEditing] = useState<R | null | undefined>(undefined);
  return {
    editing,
    add: () => setEditing(null),
    edit: (r: R) => setEditing(r),
    close: () => setEditing(undefined),
  };
}

/** A row's edit and delete buttons (the page decides who sees them). */
export function EditDeleteButtons(props: { register: Register; id: number; onEdit: () => void }) {
  const { pick } = useI18n();
  return (
    <>
      <Button type="link" size="small" onClick={props.onEdit}>
        {pick({ zh: '编辑', en: 'Edit' })}
      </Button>
      <DeleteButton register={props.register} id={props.id} />
    </>
  );
}

/** The actions column of a register whose writers edit and delete every row they see: none for readers. */
export function useWriteColumns<R extends { id: number }>(register: Register, onEdit: (r: R) => void) {
  const { pick } = useI18n();
  const can = useCan();
  return can('media:write')
    ? [
        {
          title: pick({ zh: '操作', en: 'Actions' }),
          render: (_: unknown, r: R) => (
            <Space size={0}>
              <EditDeleteButtons register={register} id={r.id} onEdit={() => onEdit(r)} />
            </Space>
          ),
        },
      ]
    : [];
}

/** A summary above a register's list: a small card holding one unpaged table. */
export function SummaryCard<R extends object>(
  props: { title: ReactNode; extra?: ReactNode; testId: string } & Pick<
    TableProps<R>,
    'rowKey' | 'dataSource' | 'columns' | 'loading'
  >,
) {
  const { title, extra, testId, ...table } = props;
  return (
    <Card size="small" style={{ marginBottom: 12 }} title={title} extra={extra}>
      <Table<R>
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid={testId}
        {...table}
      />
    </Card>
  );
}

/** A link that opens outside the console. */
export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <a href={href} target="_blank" rel="noreferrer noopener">
      {children}
    </a>
  );
}
