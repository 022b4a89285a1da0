// The one scaffold of a console list page: the page header with its actions, a filter bar, the
// query's error and the table — so every list looks and behaves the same (and on a phone the filter
// bar wraps instead of overflowing).
import { Card, Flex, Input, Select, type SelectProps } from 'antd';
import type { ReactNode } from 'react';
import { PageHeader } from '../components/page-header.tsx';
import { QueryError } from '../components/query-error.tsx';

export function ListPage(props: {
  title: string;
  /** buttons on the right of the header: create, import, export */
  actions?: ReactNode;
  /** a line under the title saying what the list is for */
  intro?: ReactNode;
  filters?: ReactNode;
  error: unknown;
  /** the table (and anything under it) */
  children: ReactNode;
}) {
  return (
    <>
      <PageHeader title={props.title} extra={props.actions}>
        {props.intro}
      </PageHeader>
      <Card size="small">
        {props.filters ? (
          <Flex gap={8} wrap style={{ marginBottom: 12 }} role="search">
            {props.filters}
          </Flex>
        ) : null}
        <QueryError error={props.error} />
        {props.children}
      </Card>
    </>
  );
}

/** free-text search: sends the trimmed text, or undefined for an empty box */
export function SearchFilter(props: {
  placeholder: string;
  onSearch: (q: string | undefined) => void;
  testId: string;
}) {
  return (
    <Input.Search
      allowClear
      placeholder={props.placeholder}
      aria-label={props.placeholder}
      style={{ width: 260, maxWidth: '100%' }}
      onSearch={(v) => props.onSearch(v.trim() || undefined)}
      data-testid={props.testId}
    />
  );
}

/** a clearable choice among options */
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
