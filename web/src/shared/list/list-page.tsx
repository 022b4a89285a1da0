// The one scaffold of a console list page: the page header with its actions, a filter bar, the
// query's error and the table — so every list looks and behaves the same. On a phone the filter bar
// wraps, the table scrolls sideways under its fixed key column and the pager compacts
// (docs/decisions/170-console-on-a-phone.md). Lint refuses a list built another way
// (eslint/console-one-way.js, decision 171).
import {
  Card,
  DatePicker,
  Flex,
  Input,
  Select,
  Switch,
  Table,
  type SelectProps,
  type TableColumnsType,
  type TablePaginationConfig,
  type TableProps,
} from 'antd';
import dayjs from 'dayjs';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { PageHeader } from '../components/page-header.tsx';
import { QueryError } from '../components/query-error.tsx';
import { useI18n } from '../i18n/use-i18n.ts';
import { useIsPhone } from '../use-is-phone.ts';

export function ListPage(props: {
  title: string;
  /** buttons on the right of the header: create, import, export */
  actions?: ReactNode;
  /** a line under the title saying what the list is for */
  intro?: ReactNode;
  /** what stands between the header and the list: an upload form, a check's result */
  before?: ReactNode;
  filters?: ReactNode;
  error: unknown;
  /** the table (and anything under it) */
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={props.title} extra={props.actions}>
        {props.intro}
      </PageHeader>
      {props.before}
      <Card size="small">
        {props.filters ? (
          <Flex
            gap={8}
            wrap
            align="center"
            style={{ marginBottom: 12 }}
            role="search"
            aria-label={t('list.filters')}
          >
            {props.filters}
          </Flex>
        ) : null}
        <QueryError error={props.error} />
        {props.children}
      </Card>
    </>
  );
}

/**
 * The list's table. The first column is the key column: it stays fixed while the rest scrolls
 * sideways, so on a 390 px phone every row is still named. Paging is the list state's
 * (`list.pagination(total)`) or, for rows already on the page, `useLocalPagination()`; `false` for a
 * short fixed list.
 */
export function ListTable<T extends object>(
  props: Omit<TableProps<T>, 'pagination' | 'columns'> & {
    testId: string;
    columns: TableColumnsType<T>;
    pagination: TablePaginationConfig | false;
  },
) {
  const { testId, columns, pagination, rowSelection, expandable, scroll, size, ...rest } = props;
  const phone = useIsPhone();
  // a table that scrolls sideways must be reachable by keyboard to scroll (WCAG 2.1.1, axe
  // scrollable-region-focusable): its scrolling box takes focus
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current
      ?.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body')
      .forEach((el) => el.setAttribute('tabindex', '0'));
  });
  const keyed = columns.some((c) => c.fixed === 'start' || c.fixed === 'left')
    ? columns
    : columns.map((c, i) => (i === 0 ? { ...c, fixed: 'start' as const } : c));
  return (
    <div ref={box}>
      <Table<T>
        data-testid={testId}
        size={phone ? 'small' : (size ?? 'middle')}
        columns={keyed}
        scroll={{ x: 'max-content', ...scroll }}
        rowSelection={rowSelection ? { fixed: true, ...rowSelection } : undefined}
        expandable={expandable ? { fixed: 'start', ...expandable } : undefined}
        pagination={
          pagination && phone
            ? { ...pagination, simple: true, showSizeChanger: false, size: 'small' }
            : pagination
        }
        {...rest}
      />
    </div>
  );
}

/** free-text search: sends the trimmed text, or undefined for an empty box */
export function SearchFilter(props: {
  placeholder: string;
  onSearch: (q: string | undefined) => void;
  testId: string;
  width?: number;
}) {
  return (
    <Input.Search
      allowClear
      placeholder={props.placeholder}
      aria-label={props.placeholder}
      style={{ width: props.width ?? 260, maxWidth: '100%' }}
      onSearch={(v) => props.onSearch(v.trim() || undefined)}
      data-testid={props.testId}
    />
  );
}

/** a clearable choice among options; its placeholder is also its accessible name */
export function SelectFilter<V extends string | number>(props: {
  placeholder: string;
  value: V | undefined;
  onChange: (v: V | undefined) => void;
  options: SelectProps<V>['options'];
  width?: number;
  testId: string;
  searchable?: boolean;
}) {
  return (
    <Select<V>
      allowClear
      showSearch={props.searchable ? { optionFilterProp: 'label' } : undefined}
      placeholder={props.placeholder}
      aria-label={props.placeholder}
      style={{ width: props.width ?? 200, maxWidth: '100%' }}
      value={props.value}
      onChange={(v) => props.onChange(v)}
      options={props.options}
      data-testid={props.testId}
    />
  );
}

/** a date range as two YYYY-MM-DD strings (inclusive), each end optional */
export function DateRangeFilter(props: {
  from: string | undefined;
  to: string | undefined;
  onChange: (range: { from: string | undefined; to: string | undefined }) => void;
  testId: string;
}) {
  const { t } = useI18n();
  return (
    <DatePicker.RangePicker
      allowEmpty={[true, true]}
      value={[props.from ? dayjs(props.from) : null, props.to ? dayjs(props.to) : null]}
      onChange={(v) =>
        props.onChange({ from: v?.[0]?.format('YYYY-MM-DD'), to: v?.[1]?.format('YYYY-MM-DD') })
      }
      placeholder={[t('list.from'), t('list.to')]}
      aria-label={t('list.dateRange')}
      style={{ maxWidth: '100%' }}
      data-testid={props.testId}
    />
  );
}

/** an on/off filter with its label beside it (the label names the switch for screen readers) */
export function SwitchFilter(props: {
  label: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  testId: string;
}) {
  const id = useId();
  return (
    <Flex align="center" gap={6}>
      <Switch id={id} checked={props.checked} onChange={props.onChange} data-testid={props.testId} />
      <label htmlFor={id}>{props.label}</label>
    </Flex>
  );
}
