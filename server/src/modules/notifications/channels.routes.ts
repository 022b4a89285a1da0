import {
  DeliveryChannel,
  DeliveryChannelInput,
  DeliveryChannelList,
  DeliveryChannelUpdate,
  DeliveryPage,
  DeliveryQuery,
  EmptyBody,
  IdParams,
  Ok,
  ReminderSettingsUpdate,
  ReminderSettingsView,
  TestSendInput,
  TestSendResult,
} from '@greenvoice/common';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { DeliveryChannelsService } from './channels.service.ts';
import { errorResponses } from '../../http/route-kit.ts';

const errors = errorResponses(400, 401, 403, 404, 409, 429);
const tags = ['notifications'];
const manage = { config: { access: 'notifications:manage' as const } };

/** The administrator's side: the bureau's channels, reminder settings and the delivery log. */
export function deliveryChannelsRoutes(fastify: FastifyInstance, channels: DeliveryChannelsService) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/v1/notification-channels',
    {
      ...manage,
      schema: {
        tags,
        summary: 'The bureau’s delivery channels (secrets never shown)',
        response: { 200: DeliveryChannelList, ...errors },
      },
    },
    (req) => channels.list(req.ctx),
  );
  app.post(
    '/api/v1/notification-channels',
    {
      ...manage,
      schema: {
        tags,
        summary: 'Add a WeCom, DingTalk, SMS or e-mail channel',
        body: DeliveryChannelInput,
        response: { 201: DeliveryChannel, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await channels.create(req.ctx, req.body)),
  );
  app.patch(
    '/api/v1/notification-channels/:id',
    {
      ...manage,
      schema: {
        tags,
        summary: 'Change a channel (omitted secrets are kept)',
        params: IdParams,
        body: DeliveryChannelUpdate,
        response: { 200: DeliveryChannel, ...errors },
      },
    },
    (req) => channels.update(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/v1/notification-channels/:id/test',
    {
      ...manage,
      schema: {
        tags,
        summary: 'Send a test message now and answer what the receiver said',
        params: IdParams,
        body: TestSendInput,
        response: { 200: TestSendResult, ...errors },
      },
    },
    (req) => channels.test(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/v1/notification-settings',
    {
      ...manage,
      schema: {
        tags,
        summary: 'The bureau’s reminder thresholds (days)',
        response: { 200: ReminderSettingsView, ...errors },
      },
    },
    (req) => channels.settings(req.ctx),
  );
  app.put(
    '/api/v1/notification-settings',
    {
      ...manage,
      schema: {
        tags,
        summary: 'Set the bureau’s reminder thresholds',
        body: ReminderSettingsUpdate,
        response: { 200: ReminderSettingsView, ...errors },
      },
    },
    (req) => channels.saveSettings(req.ctx, req.body),
  );
  app.get(
    '/api/v1/notification-deliveries',
    {
      ...manage,
      schema: {
        tags,
        summary: 'The delivery log: sent, retrying and failed deliveries',
        querystring: DeliveryQuery,
        response: { 200: DeliveryPage, ...errors },
      },
    },
    (req) => channels.deliveries(req.ctx, req.query),
  );
  app.post(
    '/api/v1/notification-deliveries/:id/retry',
    {
      ...manage,
      schema: {
        tags,
        summary: 'Send a failed delivery again',
        params: IdParams,
        body: EmptyBody,
        response: { 200: Ok, ...errors },
      },
    },
    (req) => channels.retry(req.ctx, req.params.id),
  );
}
