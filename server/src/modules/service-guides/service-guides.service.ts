// Service guides (办事指南): the bureau's services — EIA approvals, discharge permits, hazardous-waste
// transfers … — each with the ten elements the national inspection requires and its downloadable forms
// (decision 113). Editors keep them in the console; a guide missing an element cannot be published, and
// a published guide cannot lose one. Every change commits with its audit record, and a change the
// portal shows with its change-feed entry (the page caches empty).
import {
  GUIDE_ELEMENT_LABELS,
  missingGuideElements,
  type GuideElement,
  type ServiceGuide,
  type ServiceGuideInput,
  type ServiceGuideTransition,
  type ServiceGuideUpdate,
} from '@greenvoice/common';
import { nowIso } from '../../db/database.ts';
import { ApiError, conflict, notFound } from '../../http/api-error.ts';
import { requireActor, type RequestContext } from '../../http/context.ts';
import type { FileStore } from '../../files/file-store.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { createChangeRunner, trimAll, type ContentChanges } from '../cms/content-changes.ts';
import { ATTACHMENT_TYPES, checkedUpload, MIME, type Upload } from '../cms/upload-types.ts';
import type { GuideFormRow, GuideRow, ServiceGuidesRepo } from './service-guides.repo.ts';

/** Form files a visitor downloads: office documents and PDF (images are not forms). */
const FORM_TYPES = ATTACHMENT_TYPES.filter((t) => t !== 'png' && t !== 'jpg');

export const guideFormUrl = (guideId: number, formId: number) => `/services/${guideId}/forms/${formId}`;

export function presentGuide(r: GuideRow, forms: GuideFormRow[]): ServiceGuide {
  return {
    id: r.id,
    category: r.category,
    name: r.name,
    basis: r.basis,
    conditions: r.conditions,
    materials: r.materials,
    location: r.location,
    agency: r.agency,
    fees: r.fees,
    hours: r.hours,
    phone: r.phone,
    process: r.process,
    timeLimit: r.time_limit,
    onlineUrl: r.online_url,
    sortOrder: r.sort_order,
    status: r.status,
    missing: missingGuideElements(r),
    forms: forms
      .filter((f) => f.guide_id === r.id)
      .map((f) => ({
        id: f.id,
        name: f.original_name,
        mime: f.mime,
        size: f.size,
        url: guideFormUrl(r.id, f.id),
      })),
    publishedAt: r.published_at,
    isDemo: r.is_demo === 1,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

/** 422 naming every missing element, in the form's order, so the console marks each field. */
function missingElements(missing: GuideElement[], publishing: boolean): ApiError {
  return new ApiError(
    'UNPROCESSABLE',
    missing.map((k) => ({
      field: `/${k}`,
      message: `${GUIDE_ELEMENT_LABELS[k].zh}不能为空`,
      messageEn: `${GUIDE_ELEMENT_LABELS[k].en} is required`,
    })),
    publishing
      ? {
          zh: '办事指南缺少必备要素，不能发布',
          en: 'The guide lacks required elements and cannot be published',
        }
      : {
          zh: '已发布的办事指南不能缺少必备要素，请补全或先撤下',
          en: 'A published guide cannot lack required elements: complete it or unpublish it first',
        },
  );
}

const columns = (v: Partial<ServiceGuideInput>) => ({
  ...(v.category !== undefined ? { category: v.category } : {}),
  ...(v.name !== undefined ? { name: v.name } : {}),
  ...(v.basis !== undefined ? { basis: v.basis } : {}),
  ...(v.conditions !== undefined ? { conditions: v.conditions } : {}),
  ...(v.materials !== undefined ? { materials: v.materials } : {}),
  ...(v.location !== undefined ? { location: v.location } : {}),
  ...(v.agency !== undefined ? { agency: v.agency } : {}),
  ...(v.fees !== undefined ? { fees: v.fees } : {}),
  ...(v.hours !== undefined ? { hours: v.hours } : {}),
  ...(v.phone !== undefined ? { phone: v.phone } : {}),
  ...(v.process !== undefined ? { process: v.process } : {}),
  ...(v.timeLimit !== undefined ? { time_limit: v.timeLimit } : {}),
  ...(v.onlineUrl !== undefined ? { online_url: v.onlineUrl } : {}),
  ...(v.sortOrder !== undefined ? { sort_order: v.sortOrder } : {}),
});

export function createServiceGuidesService(deps: {
  repo: ServiceGuidesRepo;
  audit: AuditService;
  changes: ContentChanges;
  store: FileStore;
}) {
  const { repo, audit, store } = deps;
  const change = createChangeRunner(audit, deps.changes);
  const shown = { everything: true };

  async function row(ctx: RequestContext, id: number) {
    const r = await repo.find(id, requireActor(ctx).scopePath);
    if (!r) throw notFound();
    return r;
  }
  async function present(ctx: RequestContext, id: number) {
    const r = await row(ctx, id);
    return presentGuide(r, await repo.forms([id]));
  }

  return {
    async list(ctx: RequestContext): Promise<ServiceGuide[]> {
      const rows = await repo.list(requireActor(ctx).scopePath);
      const forms = await repo.forms(rows.map((r) => r.id));
      return rows.map((r) => presentGuide(r, forms));
    },

    get: present,

    async create(ctx: RequestContext, input: ServiceGuideInput): Promise<ServiceGuide> {
      const actor = requireActor(ctx);
      const v = trimAll(input);
      const at = nowIso();
      const id = await change(ctx, null, async (trx, record) => {
        const { id } = await repo.insert(trx, {
          owner_unit_id: actor.bureauUnitId,
          category: v.category,
          name: v.name,
          basis: v.basis ?? '',
          conditions: v.conditions ?? '',
          materials: v.materials ?? '',
          location: v.location ?? '',
          agency: v.agency ?? '',
          fees: v.fees ?? '',
          hours: v.hours ?? '',
          phone: v.phone ?? '',
          process: v.process ?? '',
          time_limit: v.timeLimit ?? '',
          online_url: v.onlineUrl ?? '',
          sort_order: v.sortOrder ?? 0,
          status: 'draft',
          published_at: null,
          created_by: actor.personId,
          is_demo: 0,
          created_at: at,
          updated_at: at,
        });
        await record({
          action: 'guides.create',
          objectType: 'service_guide',
          objectId: id,
          detail: { after: { name: v.name, category: v.category } },
        });
        return id;
      });
      return present(ctx, id);
    },

    async update(ctx: RequestContext, id: number, input: ServiceGuideUpdate): Promise<ServiceGuide> {
      const current = await row(ctx, id);
      if (current.version !== input.version) throw conflict();
      const { version, ...fields } = trimAll(input);
      const set = columns(fields);
      const published = current.status === 'published';
      if (published) {
        const missing = missingGuideElements({ ...current, ...set });
        if (missing.length) throw missingElements(missing, false);
      }
      await change(ctx, published ? shown : null, async (trx, record) => {
        if (!(await repo.update(trx, id, version, { ...set, updated_at: nowIso() }))) throw conflict();
        await record({
          action: 'guides.update',
          objectType: 'service_guide',
          objectId: id,
          detail: { before: { name: current.name, status: current.status }, after: fields },
        });
      });
      return present(ctx, id);
    },

    async transition(ctx: RequestContext, id: number, input: ServiceGuideTransition) {
      const current = await row(ctx, id);
      if (current.version !== input.version) throw conflict();
      const publish = input.action === 'publish';
      if (publish) {
        const missing = missingGuideElements(current);
        if (missing.length) throw missingElements(missing, true);
      }
      await change(ctx, shown, async (trx, record) => {
        const ok = await repo.update(trx, id, input.version, {
          status: publish ? 'published' : 'draft',
          published_at: publish ? nowIso() : current.published_at,
          updated_at: nowIso(),
        });
        if (!ok) throw conflict();
        await record({
          action: `guides.${input.action}`,
          objectType: 'service_guide',
          objectId: id,
          detail: { name: current.name },
        });
      });
      return present(ctx, id);
    },

    async uploadForm(ctx: RequestContext, id: number, upload: Upload): Promise<ServiceGuide> {
      const actor = requireActor(ctx);
      const current = await row(ctx, id);
      const f = checkedUpload(upload, FORM_TYPES);
      const stored = await store.put(f.bytes);
      try {
        await change(ctx, current.status === 'published' ? shown : null, async (trx, record) => {
          const { id: formId } = await repo.insertForm(trx, {
            guide_id: id,
            token: stored.key,
            original_name: f.name,
            mime: MIME[f.type],
            size: stored.size,
            sha256: stored.sha256,
            sort_order: 0,
            created_by: actor.personId,
            created_at: nowIso(),
          });
          await record({
            action: 'guides.form.upload',
            objectType: 'service_guide_form',
            objectId: formId,
            detail: { guideId: id, name: f.name, size: stored.size, type: f.type },
          });
        });
      } catch (err) {
        await store.remove(stored.key);
        throw err;
      }
      return present(ctx, id);
    },

    async removeForm(ctx: RequestContext, id: number, formId: number): Promise<ServiceGuide> {
      const current = await row(ctx, id);
      const form = (await repo.forms([id])).find((f) => f.id === formId);
      if (!form) throw notFound();
      await change(ctx, current.status === 'published' ? shown : null, async (trx, record) => {
        await repo.deleteForm(trx, formId, id);
        await record({
          action: 'guides.form.remove',
          objectType: 'service_guide_form',
          objectId: formId,
          detail: { guideId: id, name: form.original_name },
        });
      });
      await store.remove(form.token);
      return present(ctx, id);
    },

    // ——— the portal's reads (public: published guides of the site's bureau) ———
    async publishedGuides(siteUnitId: number): Promise<ServiceGuide[]> {
      const rows = await repo.published(siteUnitId);
      const forms = await repo.forms(rows.map((r) => r.id));
      return rows.map((r) => presentGuide(r, forms));
    },
    async publishedGuide(id: number, siteUnitId: number): Promise<ServiceGuide | null> {
      const r = await repo.publishedOne(id, siteUnitId);
      return r ? presentGuide(r, await repo.forms([id])) : null;
    },
    async openForm(guideId: number, formId: number, siteUnitId: number) {
      const f = await repo.publishedForm(formId, guideId, siteUnitId);
      if (!f) return null;
      const body = await store.open(f.token);
      return body ? { name: f.original_name, mime: f.mime, body } : null;
    },
  };
}
export type ServiceGuidesService = ReturnType<typeof createServiceGuidesService>;
