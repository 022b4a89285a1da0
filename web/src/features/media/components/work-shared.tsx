// What the three media-work pages share: the page around their table (the switch between them, the
// year and unit filters, the add button), the edit modal (the shared FormModal: server field problems
// beside the field) and the delete button.
import { PlusOutlined } from '@ant-design/icons';
import { Button, InputNumber, Popconfirm, Segmented, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ListPage, SelectFilter } from '../../../shared/list/list-page.tsx';
import { FormModal } from '../../../shared/forms/form-modal.tsx';
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
  title: string;
  row: { id: number; version: number } | null;
  form: FormInstance<V>;
  initialValues: Partial<V>;
  toBody: (v: V) => object;
  onClose: () => void;
  children: ReactNode;
}) {
  const { save } = useRegisterWrite(props.register);
  return (
    <FormModal<V>
      testId="work"
      title={props.title}
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
