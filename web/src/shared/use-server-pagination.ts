// Server-side paging for antd tables: the page and page size the API is asked for, and the table's
// pagination settings. A new page size starts again at page 1.
import type { TablePaginationConfig } from 'antd';
import { useState } from 'react';
import { useI18n } from './i18n/use-i18n';

export function useServerPagination(initialPageSize = 20) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(initialPageSize);
  const pagination = (total: number | undefined): TablePaginationConfig => ({
    current: page,
    pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [20, 50, 100],
    showTotal: (n) => t('common.total', { total: n }),
    onChange: (p, s) => {
      setPage(s === pageSize ? p : 1);
      setPageSize(s);
    },
  });
  return { page, pageSize, setPage, pagination };
}
