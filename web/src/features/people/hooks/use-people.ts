import { keys } from '../../../shared/api/query-keys.ts';
import type { Person } from '@greenvoice/common';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  accountAction,
  createPerson,
  deletePerson,
  listPeople,
  revealMobile,
  updatePerson,
  type AccountActionName,
  type PeopleListParams,
  type PersonChanges,
  type PersonCreate,
} from '../api/people-api.ts';

export function usePeople(params: PeopleListParams) {
  return useQuery({
    queryKey: keys.people.list(params),
    queryFn: () => listPeople(params),
    placeholderData: keepPreviousData,
  });
}

/** People counts show on the units page and named contacts on the campaign board. */
function useRefreshOrg() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      [keys.people.all, keys.units.all, keys.campaign.all].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    );
}

const sameRoles = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((r) => b.includes(r));

export function useSavePerson() {
  const refresh = useRefreshOrg();
  return useMutation({
    mutationFn: ({ person, values }: { person: Person | null; values: PersonCreate }) => {
      if (!person) return createPerson(values);
      // Only what changed; an empty mobile field on edit means "keep the number" (we only ever see it masked).
      const changes: PersonChanges = {};
      if (values.unitId !== person.unitId) changes.unitId = values.unitId;
      if (values.name !== person.name) changes.name = values.name;
      if ((values.title ?? '') !== person.title) changes.title = values.title ?? '';
      if (values.mobile) changes.mobile = values.mobile;
      if (values.email !== undefined && values.email !== (person.email ?? '')) changes.email = values.email;
      if (!sameRoles(values.roles, person.roles)) changes.roles = values.roles;
      return updatePerson(person.id, { version: person.version, ...changes });
    },
    onSettled: refresh,
  });
}

export function useDeletePerson() {
  const refresh = useRefreshOrg();
  return useMutation({ mutationFn: deletePerson, onSettled: refresh });
}

export function useRevealMobile() {
  return useMutation({ mutationFn: revealMobile });
}

export function useAccountAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action, username }: { id: number; action: AccountActionName; username?: string }) =>
      accountAction(id, action, username),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.people.all }),
  });
}
