import type { ServiceGuide, ServiceGuideInput } from '@greenvoice/common';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { keys } from '../../../shared/api/query-keys.ts';
import {
  createGuide,
  listGuides,
  removeGuideForm,
  transitionGuide,
  updateGuide,
  uploadGuideForm,
} from '../api/guides-api.ts';

export const useGuides = () => useQuery({ queryKey: keys.guides.all, queryFn: listGuides });

function useRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: keys.guides.all });
}

export function useSaveGuide() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ guide, values }: { guide: ServiceGuide | null; values: ServiceGuideInput }) =>
      guide ? updateGuide(guide.id, { version: guide.version, ...values }) : createGuide(values),
    onSettled: refresh,
  });
}

export function useTransitionGuide() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (g: ServiceGuide) =>
      transitionGuide(g.id, {
        version: g.version,
        action: g.status === 'published' ? 'unpublish' : 'publish',
      }),
    onSettled: refresh,
  });
}

export function useGuideForms() {
  const refresh = useRefresh();
  const upload = useMutation({
    mutationFn: ({ id, file }: { id: number; file: File }) => uploadGuideForm(id, file),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: ({ id, formId }: { id: number; formId: number }) => removeGuideForm(id, formId),
    onSettled: refresh,
  });
  return { upload, remove };
}
