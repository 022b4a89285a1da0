import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getBoard, listCampaigns, updateCampaign } from '../api/campaign-api.ts';
import { keys } from '../../../shared/api/query-keys.ts';

export function useCampaigns() {
  return useQuery({ queryKey: keys.campaign.list, queryFn: listCampaigns });
}

export function useBoard(id: number | undefined) {
  return useQuery({
    queryKey: keys.campaign.board(id),
    queryFn: () => getBoard(id ?? 0),
    enabled: id !== undefined,
    // a live board: refreshed while it is on screen, as units name their contacts
    refetchInterval: 60_000,
  });
}

export function useUpdateCampaign() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number; version: number; title?: string; deadline?: string }) =>
      updateCampaign(id, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.campaign.all }),
  });
}
