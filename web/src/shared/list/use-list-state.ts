// The state of a list page: its filters and the server-side page. Changing any filter starts again at
// page 1 (page 7 of the old result set means nothing in the new one). `query` is what the API is asked.
import { useCallback, useState } from 'react';
import { useServerPagination } from '../use-server-pagination.ts';

export function useListState<F extends object>(initial: F, initialPageSize = 20) {
  const [filters, setFilters] = useState<F>(initial);
  const { page, pageSize, setPage, pagination } = useServerPagination(initialPageSize);
  const setFilter = useCallback(
    <K extends keyof F>(key: K, value: F[K]) => {
      setFilters((f) => ({ ...f, [key]: value }));
      setPage(1);
    },
    [setPage],
  );
  return { filters, setFilter, query: { ...filters, page, pageSize }, pagination };
}
