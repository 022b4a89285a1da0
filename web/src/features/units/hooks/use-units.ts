import { keys } from '../../../shared/api/query-keys.ts';
import type { Unit } from '@greenvoice/common';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  createUnit,
  deleteUnit,
  listUnits,
  updateUnit,
  type UnitListParams,
  type UnitValues,
} from '../api/units-api.ts';

export function useUnits(params: UnitListParams) {
  // keepPreviousData: paging and filtering do not flash an empty table
  return useQuery({
    queryKey: keys.units.list(params),
    queryFn: () => listUnits(params),
    placeholderData: keepPreviousData,
  });
}

/** Unit names show on the people and campaign pages too, so those reload after a change. */
function useRefreshOrg() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      [keys.units.all, keys.people.all, keys.campaign.all].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    );
}

export function useSaveUnit() {
  const refresh = useRefreshOrg();
  return useMutation({
    mutationFn: ({ unit, values }: { unit: Unit | null; values: UnitValues }) => {
      if (!unit) return createUnit(values);
      // Send only what changed, so a concurrent edit of another field is not silently overwritten.
      const changes: Partial<UnitValues> = {};
      if (values.code !== unit.code) changes.code = values.code;
      if (values.name !== unit.name) changes.name = values.name;
      if (values.kind !== unit.kind) changes.kind = values.kind;
      if (unit.parentId !== null && values.parentId !== unit.parentId) changes.parentId = values.parentId;
      if (values.sortOrder !== undefined && values.sortOrder !== unit.sortOrder)
        changes.sortOrder = values.sortOrder;
      return updateUnit(unit.id, { version: unit.version, ...changes });
    },
    onSettled: refresh,
  });
}

export function useDeleteUnit() {
  const refresh = useRefreshOrg();
  return useMutation({ mutationFn: deleteUnit, onSettled: refresh });
}
