// The state of a list page: its filters and the server-side page. Changing any filter starts again at
// page 1 (page 7 of the old result set means nothing in the new one). `query` is what the API is asked.
// `onReset` runs whenever the result set changes under the reader (a filter or the page): the review
// queue clears its selection there, so a bulk action never applies to rows no longer on screen.
import { useCallback, useState } from 'react';
import { useServerPagination } from './use-server-pagination.ts';

export function useListState<F extends object>(
  initial: F,
  options: { pageSize?: number; onReset?: () => void } = {},
) {
  const { onReset } = options;
  const [filters, setAll] = useState<F>(initial);
  const { page, pageSize, setPage, pagination } = useServerPagination(options.pageSize ?? 20, onReset);
  /** several filters at once (a date range sets `from` and `to`) */
  const setFilters = useCallback(
    (patch: Partial<F>) => {
      setAll((f) => ({ ...f, ...patch }));
      setPage(1);
      onReset?.();
    },
    [setPage, onReset],
  );
  const setFilter = useCallback(
    <K extends keyof F>(key: K, value: F[K]) => {
      const patch: Partial<F> = {};
      patch[key] = value;
      setFilters(patch);
    },
    [setFilters],
  );
  return { filters, setFilter, setFilters, query: { ...filters, page, pageSize }, pagination };
}

export type ListState<F extends object> = ReturnType<typeof useListState<F>>;
