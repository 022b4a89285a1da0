import {
  Article,
  ArticleInput,
  ArticleListQuery,
  ArticleRevision,
  ArticleRevisionDetail,
  ArticleTransitionInput,
  ArticleUpdate,
  Channel,
  ChannelInput,
  ChannelUpdate,
  CmsFile,
  ExportQuery,
  FileParams,
  IdParams,
  Ok,
  Page,
  ArticleSummary,
  RevisionParams,
  SiteDomains,
  SiteSettings,
} from '@greenvoice/common';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { CmsFilesService, Upload } from './cms-files.service.ts';
import type { ChannelsService } from './channels.service.ts';
import type { CmsService } from './cms.service.ts';
import { errorResponses, multipartBody, sendXlsx, uploadedFile, XlsxFile } from '../../http/route-kit.ts';

const errors = errorResponses(400, 401, 403, 404, 409, 413, 415, 422, 507);
const tags = ['portal content'];

/** The one multipart file field ("file") of an upload request. */
export async function readUpload(req: FastifyRequest): Promise<Upload> {
  const { fileName, bytes } = await uploadedFile(req, 'upload');
  return { filename: fileName, bytes };
}

export function cmsRoutes(
  fastify: FastifyInstance,
  services: { cms: CmsService; channels: ChannelsService; files: CmsFilesService },
) {
  const { cms, channels, files } = services;
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/v1/cms/channels',
    {
      config: { access: 'cms:read' },
      schema: { tags, summary: 'Portal channels', response: { 200: Type.Array(Channel), ...errors } },
    },
    (req) => channels.listChannels(req.ctx),
  );
  app.post(
    '/api/v1/cms/channels',
    {
      config: { access: 'cms:channels' },
      schema: { tags, body: ChannelInput, response: { 201: Channel, ...errors } },
    },
    async (req, reply) => reply.code(201).send(await channels.createChannel(req.ctx, req.body)),
  );
  app.patch(
    '/api/v1/cms/channels/:id',
    {
      config: { access: 'cms:channels' },
      schema: { tags, params: IdParams, body: ChannelUpdate, response: { 200: Channel, ...errors } },
    },
    (req) => channels.updateChannel(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/v1/cms/channels/:id',
    {
      config: { access: 'cms:channels' },
      schema: { tags, params: IdParams, response: { 200: Ok, ...errors } },
    },
    async (req) => {
      await channels.deleteChannel(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/cms/articles',
    {
      config: { access: 'cms:read' },
      schema: { tags, querystring: ArticleListQuery, response: { 200: Page(ArticleSummary), ...errors } },
    },
    (req) => cms.listArticles(req.ctx, req.query),
  );
  app.get(
    '/api/v1/cms/articles/export.xlsx',
    {
      config: { access: 'cms:read' },
      schema: {
        tags,
        summary: 'The whole filtered article list as Excel (audited; the channels in scope only)',
        querystring: ExportQuery(ArticleListQuery),
        response: { 200: XlsxFile, ...errors },
      },
    },
    async (req, reply) => sendXlsx(reply, await cms.exportXlsx(req.ctx, req.query)),
  );
  app.get(
    '/api/v1/cms/articles/:id',
    {
      config: { access: 'cms:read' },
      schema: { tags, params: IdParams, response: { 200: Article, ...errors } },
    },
    (req) => cms.getArticle(req.ctx, req.params.id),
  );
  app.post(
    '/api/v1/cms/articles',
    {
      config: { access: 'cms:edit' },
      schema: {
        tags,
        summary: 'Write a draft; the body HTML is sanitised by the server allow-list',
        body: ArticleInput,
        response: { 201: Article, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await cms.createArticle(req.ctx, req.body)),
  );
  app.patch(
    '/api/v1/cms/articles/:id',
    {
      config: { access: 'cms:edit' },
      schema: { tags, params: IdParams, body: ArticleUpdate, response: { 200: Article, ...errors } },
    },
    (req) => cms.updateArticle(req.ctx, req.params.id, req.body),
  );
  app.post(
    '/api/v1/cms/articles/:id/transitions',
    {
      // each action checks its own permission and separation of duties in the service
      config: { access: 'cms:read' },
      schema: {
        tags,
        summary: 'Submit, review, approve, publish (or schedule), return, withdraw, archive, unarchive',
        params: IdParams,
        body: ArticleTransitionInput,
        response: { 200: Article, ...errors },
      },
    },
    (req) => cms.transition(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/api/v1/cms/articles/:id/revisions',
    {
      config: { access: 'cms:read' },
      schema: { tags, params: IdParams, response: { 200: Type.Array(ArticleRevision), ...errors } },
    },
    (req) => cms.revisions(req.ctx, req.params.id),
  );
  app.get(
    '/api/v1/cms/articles/:id/revisions/:revisionId',
    {
      config: { access: 'cms:read' },
      schema: { tags, params: RevisionParams, response: { 200: ArticleRevisionDetail, ...errors } },
    },
    (req) => cms.revision(req.ctx, req.params.id, req.params.revisionId),
  );

  app.post(
    '/api/v1/cms/images',
    {
      config: { access: 'cms:edit' },
      schema: {
        tags,
        summary: 'Upload an image for an article body (PNG or JPEG; metadata removed)',
        ...multipartBody,
        response: { 201: CmsFile, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await files.uploadImage(req.ctx, await readUpload(req))),
  );
  app.post(
    '/api/v1/cms/articles/:id/attachments',
    {
      config: { access: 'cms:edit' },
      schema: {
        tags,
        summary: 'Attach a file (PDF, Word, Excel, PNG, JPEG) to an article being edited',
        ...multipartBody,
        params: IdParams,
        response: { 201: CmsFile, ...errors },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await files.uploadAttachment(req.ctx, req.params.id, await readUpload(req))),
  );
  app.delete(
    '/api/v1/cms/articles/:id/attachments/:fileId',
    {
      config: { access: 'cms:edit' },
      schema: { tags, params: FileParams, response: { 200: Ok, ...errors } },
    },
    async (req) => {
      await files.removeAttachment(req.ctx, req.params.id, req.params.fileId);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/v1/cms/site',
    {
      config: { access: 'cms:read' },
      schema: {
        tags,
        summary: 'Site settings: footer and meta tags',
        response: { 200: SiteSettings, ...errors },
      },
    },
    (req) => channels.getSiteSettings(req.ctx),
  );
  app.put(
    '/api/v1/cms/site',
    {
      config: { access: 'cms:channels' },
      schema: { tags, body: SiteSettings, response: { 200: SiteSettings, ...errors } },
    },
    (req) => channels.putSiteSettings(req.ctx, req.body),
  );
  app.get(
    '/api/v1/cms/site/domains',
    {
      config: { access: 'cms:read' },
      schema: {
        tags,
        summary: 'The host names this bureau’s website answers on',
        response: { 200: SiteDomains, ...errors },
      },
    },
    (req) => channels.getSiteDomains(req.ctx),
  );
  app.put(
    '/api/v1/cms/site/domains',
    {
      config: { access: 'cms:channels' },
      schema: {
        tags,
        summary: 'Sets the host names of this bureau’s website; a name already another site’s is a 409',
        body: SiteDomains,
        response: { 200: SiteDomains, ...errors },
      },
    },
    (req) => channels.putSiteDomains(req.ctx, req.body),
  );
}
