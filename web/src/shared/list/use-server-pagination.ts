// Server-side paging for the list scaffold (list-page.tsx): the page and page size the API is asked for,
// and the table's pagination settings. A new page size starts again at page 1. Features reach it
// through useListState, never directly (lint: eslint/console-one-way.js).
import type { PaginationProps } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n/use-i18n.ts';

export const PAGE_SIZES = [20, 50, 100];

export function useServerPagination(initialPageSize = 20, onChange?: () => void) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialPageSize);
  const pagination = (total: number | undefined): PaginationProps => ({
    current: page,
    pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZES,
    showTotal: (n) => t('common.total', { total: n }),
    onChange: (p, s) => {
      setPage(s === pageSize ? p : 1);
      setPageSize(s);
      onChange?.();
    },
  });
  return { page, pageSize, setPage, pagination };
}

/** Paging of rows the page already holds (an import's problems, the campaign board). */
export function useLocalPagination(pageSize = 20): PaginationProps {
  const { t } = useI18n();
  return {
    defaultPageSize: pageSize,
    hideOnSinglePage: true,
    showSizeChanger: true,
    pageSizeOptions: [...new Set([pageSize, ...PAGE_SIZES])].sort((a, b) => a - b),
    showTotal: (n) => t('common.total', { total: n }),
  };
}
