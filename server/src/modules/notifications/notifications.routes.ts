import {
  EmptyBody,
  IdParams,
  Inbox,
  InboxQuery,
  MarkedRead,
  TodoList,
  UnreadCount,
} from '@greenvoice/common';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { NotificationsServiceImpl } from './notifications.service.ts';
import { errorResponses } from '../../http/route-kit.ts';

const errors = errorResponses(400, 401, 403, 404, 429);
const tags = ['notifications'];
const self = { config: { access: 'notifications:self' as const } };

/** The signed-in person's own inbox and to-dos: nobody reads another's. */
export function notificationsRoutes(fastify: FastifyInstance, notifications: NotificationsServiceImpl) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/notifications',
    {
      ...self,
      schema: {
        tags,
        summary: 'My notifications, newest first, with the unread count',
        querystring: InboxQuery,
        response: { 200: Inbox, ...errors },
      },
    },
    (req) => notifications.inbox(req.ctx, req.query),
  );
  app.get(
    '/api/v1/notifications/unread-count',
    {
      ...self,
      schema: {
        tags,
        summary: 'How many of my notifications are unread',
        response: { 200: UnreadCount, ...errors },
      },
    },
    (req) => notifications.unreadCount(req.ctx),
  );
  app.post(
    '/api/v1/notifications/:id/read',
    {
      ...self,
      schema: {
        tags,
        summary: 'Mark one of my notifications read',
        params: IdParams,
        body: EmptyBody,
        response: { 200: MarkedRead, ...errors },
      },
    },
    (req) => notifications.markRead(req.ctx, req.params.id),
  );
  app.post(
    '/api/v1/notifications/read-all',
    {
      ...self,
      schema: {
        tags,
        summary: 'Mark all my notifications read',
        body: EmptyBody,
        response: { 200: MarkedRead, ...errors },
      },
    },
    (req) => notifications.markAllRead(req.ctx),
  );
  app.get(
    '/api/v1/todos',
    {
      ...self,
      schema: {
        tags,
        summary: 'What waits for me, from every module (counts and links)',
        response: { 200: TodoList, ...errors },
      },
    },
    (req) => notifications.todos(req.ctx),
  );
}
