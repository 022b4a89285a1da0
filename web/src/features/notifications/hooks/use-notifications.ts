import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { keys } from '../../../shared/api/query-keys.ts';
import * as calls from '../api/notifications-api.ts';

/** The header's count: polled, so a notification another request wrote shows within a minute. */
export const UNREAD_POLL_MS = 60_000;

export const useUnreadCount = () =>
  useQuery({
    queryKey: keys.notifications.unread,
    queryFn: calls.unreadCount,
    refetchInterval: UNREAD_POLL_MS,
  });
export const useInbox = (p: calls.InboxParams) =>
  useQuery({
    queryKey: keys.notifications.inbox(p),
    queryFn: () => calls.listInbox(p),
    placeholderData: keepPreviousData,
  });
export const useTodos = () => useQuery({ queryKey: keys.notifications.todos, queryFn: calls.listTodos });

function useRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: keys.notifications.all });
}
export function useMarkRead() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: calls.markRead, onSettled: refresh });
}
export function useMarkAllRead() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: calls.markAllRead, onSettled: refresh });
}

export const useChannels = () =>
  useQuery({ queryKey: keys.notifications.channels, queryFn: calls.listChannels });
export function useSaveChannel() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (a: {
      id?: number;
      body: Parameters<typeof calls.createChannel>[0] & { version?: number };
    }) => {
      if (a.id === undefined) return calls.createChannel(a.body);
      const { kind: _kind, ...rest } = a.body;
      return calls.updateChannel(a.id, { ...rest, version: a.body.version ?? 1 });
    },
    onSettled: refresh,
  });
}
export const useTestChannel = () =>
  useMutation({ mutationFn: (a: { id: number; to?: string }) => calls.testChannel(a.id, a.to) });
export const useReminderSettings = () =>
  useQuery({ queryKey: keys.notifications.settings, queryFn: calls.reminderSettings });
export function useSaveReminderSettings() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: calls.saveReminderSettings, onSettled: refresh });
}
export const useDeliveries = (p: calls.DeliveryParams) =>
  useQuery({
    queryKey: keys.notifications.deliveries(p),
    queryFn: () => calls.listDeliveries(p),
    placeholderData: keepPreviousData,
  });
export function useRetryDelivery() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: calls.retryDelivery, onSettled: refresh });
}
