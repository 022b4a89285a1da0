import type {
  Delivery,
  DeliveryChannel,
  DeliveryChannelInput,
  DeliveryChannelUpdate,
  DeliveryQuery,
  Inbox,
  ReminderSettings,
  TestSendResult,
  TodoList,
} from '@greenvoice/common';
import { api, withQuery, type PageResult } from '../../../shared/api/api-client.ts';

export interface InboxParams {
  unreadOnly?: boolean;
  page: number;
  pageSize: number;
}
export type DeliveryParams = DeliveryQuery & { page: number; pageSize: number };

export const listInbox = (p: InboxParams) => api.get<Inbox>(withQuery('/api/v1/notifications', { ...p }));
export const unreadCount = () => api.get<{ unread: number }>('/api/v1/notifications/unread-count');
export const markRead = (id: number) =>
  api.post<{ marked: number; unread: number }>(`/api/v1/notifications/${id}/read`);
export const markAllRead = () =>
  api.post<{ marked: number; unread: number }>('/api/v1/notifications/read-all');
export const listTodos = () => api.get<TodoList>('/api/v1/todos');

export const listChannels = () => api.get<{ items: DeliveryChannel[] }>('/api/v1/notification-channels');
export const createChannel = (body: DeliveryChannelInput) =>
  api.post<DeliveryChannel>('/api/v1/notification-channels', body);
export const updateChannel = (id: number, body: DeliveryChannelUpdate) =>
  api.patch<DeliveryChannel>(`/api/v1/notification-channels/${id}`, body);
export const testChannel = (id: number, to?: string) =>
  api.post<TestSendResult>(`/api/v1/notification-channels/${id}/test`, to ? { to } : {});
export const reminderSettings = () =>
  api.get<{ settings: ReminderSettings; version: number }>('/api/v1/notification-settings');
export const saveReminderSettings = (body: { settings: ReminderSettings; version: number }) =>
  api.put<{ settings: ReminderSettings; version: number }>('/api/v1/notification-settings', body);
export const listDeliveries = (p: DeliveryParams) =>
  api.get<PageResult<Delivery> & { failed: number; retrying: number }>(
    withQuery('/api/v1/notification-deliveries', { ...p }),
  );
export const retryDelivery = (id: number) =>
  api.post<{ ok: true }>(`/api/v1/notification-deliveries/${id}/retry`);
