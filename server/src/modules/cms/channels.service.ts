// The portal's channels (columns) and its site settings (footer, meta tags). Any change here shows on
// every page (the channel bar and footer are everywhere), so each empties every page cache.
import type { ChannelInput, ChannelUpdate, SiteDomains, SiteSettings } from '@greenvoice/common';
import type { DB } from '../../db/database.ts';
import { nowIso } from '../../db/database.ts';
import { ApiError, conflict, notFound } from '../../http/api-error.ts';
import { requireActor, type RequestContext } from '../../http/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { presentChannel } from './cms-present.ts';
import type { CmsRepo } from './cms.repo.ts';
import { createChangeRunner, trimAll, type ContentChanges } from './content-changes.ts';
import { readSiteSettings, writeSiteSettings } from './site-settings.ts';
import { unitName } from '../units/units.repo.ts';
import { isUniqueViolation } from '../../http/idempotency.ts';
import { hostsOf, hostsTakenElsewhere, replaceHosts } from './site-domains.repo.ts';

/** A host another bureau's site already answers on: which of the list, never whose site it is. */
const hostTaken = (index: number, host: string) =>
  new ApiError(
    'DUPLICATE',
    [
      {
        field: `/domains/${index}`,
        message: `域名 ${host} 已用于另一个网站，一个域名只能对应一个网站`,
        messageEn: `Another site already answers on ${host}; a host name names one site only`,
      },
    ],
    { zh: '域名已被其他网站使用', en: 'A host name is already used by another site' },
  );

export function createChannelsService(deps: {
  db: DB;
  repo: CmsRepo;
  audit: AuditService;
  changes: ContentChanges;
}) {
  const { db, repo, audit, changes } = deps;
  const change = createChangeRunner(audit, changes);

  async function getSiteSettings(ctx: RequestContext): Promise<SiteSettings> {
    const unitId = requireActor(ctx).bureauUnitId;
    return readSiteSettings(db, unitId, (await unitName(db, unitId)) ?? '');
  }

  return {
    async listChannels(ctx: RequestContext) {
      return (await repo.listChannels(requireActor(ctx).scopePath, nowIso())).map(presentChannel);
    },

    async createChannel(ctx: RequestContext, input: ChannelInput) {
      const actor = requireActor(ctx);
      const owner = actor.bureauUnitId;
      const v = trimAll(input);
      if (await repo.channelCodeTaken(owner, v.code, null))
        throw new ApiError('DUPLICATE', [
          { field: '/code', message: '栏目代码已被使用', messageEn: 'This channel code is already used' },
        ]);
      const at = nowIso();
      const id = await change(ctx, { everything: true }, async (trx, record) => {
        const { id } = await repo.insertChannel(trx, {
          owner_unit_id: owner,
          code: v.code,
          name: v.name,
          name_en: v.nameEn,
          kind: v.kind,
          description: v.description ?? '',
          keywords: v.keywords ?? '',
          sort_order: v.sortOrder ?? 0,
          show_on_home: v.showOnHome === false ? 0 : 1,
          data_page: v.dataPage ?? null,
          is_demo: 0,
          created_at: at,
          updated_at: at,
        });
        await record({
          action: 'cms.channel.create',
          objectType: 'portal_channel',
          objectId: id,
          detail: { after: v },
        });
        return id;
      });
      return presentChannel((await repo.findChannel(id, actor.scopePath))!);
    },

    async updateChannel(ctx: RequestContext, id: number, input: ChannelUpdate) {
      const actor = requireActor(ctx);
      const current = await repo.findChannel(id, actor.scopePath);
      if (!current) throw notFound();
      if (current.version !== input.version) throw conflict();
      const v = trimAll(input);
      if (
        v.code &&
        v.code !== current.code &&
        (await repo.channelCodeTaken(current.owner_unit_id, v.code, id))
      )
        throw new ApiError('DUPLICATE', [
          { field: '/code', message: '栏目代码已被使用', messageEn: 'This channel code is already used' },
        ]);
      await change(ctx, { everything: true }, async (trx, record) => {
        const ok = await repo.updateChannel(trx, id, input.version, {
          code: v.code ?? current.code,
          name: v.name ?? current.name,
          name_en: v.nameEn ?? current.name_en,
          kind: v.kind ?? current.kind,
          description: v.description ?? current.description,
          keywords: v.keywords ?? current.keywords,
          sort_order: v.sortOrder ?? current.sort_order,
          show_on_home: v.showOnHome === undefined ? current.show_on_home : v.showOnHome ? 1 : 0,
          data_page: v.dataPage === undefined ? current.data_page : v.dataPage,
          updated_at: nowIso(),
        });
        if (!ok) throw conflict();
        const { version: _v, ...after } = v;
        await record({
          action: 'cms.channel.update',
          objectType: 'portal_channel',
          objectId: id,
          detail: { before: { code: current.code, name: current.name, kind: current.kind }, after },
        });
      });
      return presentChannel((await repo.findChannel(id, actor.scopePath))!);
    },

    async deleteChannel(ctx: RequestContext, id: number) {
      const current = await repo.findChannel(id, requireActor(ctx).scopePath);
      if (!current) throw notFound();
      if ((await repo.countChannelArticles(id)) > 0)
        throw new ApiError('UNPROCESSABLE', undefined, {
          zh: '栏目下还有稿件，不能删除',
          en: 'The channel still has articles',
        });
      await change(ctx, { everything: true }, async (trx, record) => {
        await repo.deleteChannel(trx, id);
        await record({
          action: 'cms.channel.delete',
          objectType: 'portal_channel',
          objectId: id,
          detail: { before: { code: current.code, name: current.name } },
        });
      });
    },

    getSiteSettings,

    async putSiteSettings(ctx: RequestContext, input: SiteSettings): Promise<SiteSettings> {
      const unitId = requireActor(ctx).bureauUnitId;
      const before = await getSiteSettings(ctx);
      const value = trimAll(input);
      await change(ctx, { everything: true }, async (trx, record) => {
        await writeSiteSettings(trx, unitId, value);
        await record({
          action: 'cms.site.update',
          objectType: 'portal_site',
          objectId: unitId,
          detail: { before, after: value },
        });
      });
      return value;
    },

    /** The host names the actor's bureau's website answers on (decision 175). */
    async getSiteDomains(ctx: RequestContext): Promise<SiteDomains> {
      return { domains: await hostsOf(db, requireActor(ctx).bureauUnitId) };
    },

    async putSiteDomains(ctx: RequestContext, input: SiteDomains): Promise<SiteDomains> {
      const unitId = requireActor(ctx).bureauUnitId;
      const domains = [...new Set(input.domains.map((d) => d.trim().toLowerCase()))].sort();
      const before = await hostsOf(db, unitId);
      const refuseTaken = async () => {
        const host = (await hostsTakenElsewhere(db, unitId, domains))[0]?.host;
        if (host)
          throw hostTaken(
            Math.max(
              0,
              input.domains.findIndex((d) => d.toLowerCase() === host),
            ),
            host,
          );
      };
      await refuseTaken();
      try {
        // every page of every process: the host names decide which site a request is for
        await change(ctx, { everything: true }, async (trx, record) => {
          await replaceHosts(trx, unitId, domains, nowIso());
          await record({
            action: 'cms.site.domains',
            objectType: 'portal_site',
            objectId: unitId,
            detail: { before, after: domains },
          });
        });
      } catch (err) {
        // another admin saved the same name a moment ago: the primary key refused the second
        if (isUniqueViolation(err)) await refuseTaken();
        throw err;
      }
      return { domains };
    },
  };
}
export type ChannelsService = ReturnType<typeof createChannelsService>;
