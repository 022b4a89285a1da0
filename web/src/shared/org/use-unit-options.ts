// The units a person may pick from (parent unit, a person's unit, filters). Lives in shared because the
// units and people features both need it and features do not import each other.
import type { Unit, UnitKind } from '@greenvoice/common';
import { useQuery } from '@tanstack/react-query';
import { keys } from '../api/query-keys.ts';
import { api, withQuery, type PageResult } from '../api/api-client.ts';

export interface UnitOption {
  value: number;
  label: string;
  kind: UnitKind;
  parentId: number | null;
}

export function useUnitOptions(enabled = true) {
  return useQuery({
    // under the 'units' key so that any change to units refreshes the pickers too
    queryKey: keys.units.options,
    enabled,
    staleTime: 5 * 60_000,
    queryFn: async (): Promise<UnitOption[]> => {
      const page = await api.get<PageResult<Unit>>(withQuery('/api/v1/units', { page: 1, pageSize: 500 }));
      return page.items.map((u) => ({ value: u.id, label: u.name, kind: u.kind, parentId: u.parentId }));
    },
  });
}
