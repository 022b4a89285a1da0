import type { Outlet, OutletInput } from '@greenvoice/common';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { createOutlet, listOutlets, updateOutlet, type OutletListParams } from '../api/outlets-api.ts';
import { keys } from '../../../shared/api/query-keys.ts';

export function useOutlets(params: OutletListParams) {
  return useQuery({
    queryKey: keys.outlets.admin(params),
    queryFn: () => listOutlets(params),
    placeholderData: keepPreviousData,
  });
}

/** The submission form's outlet picker lives under the same key and reloads too. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: keys.outlets.all });
}

export function useSaveOutlet() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ outlet, values }: { outlet: Outlet | null; values: OutletInput }) =>
      outlet ? updateOutlet(outlet.id, { version: outlet.version, ...values }) : createOutlet(values),
    onSettled: refresh,
  });
}

export function useToggleOutlet() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (o: Outlet) => updateOutlet(o.id, { version: o.version, active: !o.active }),
    onSettled: refresh,
  });
}
