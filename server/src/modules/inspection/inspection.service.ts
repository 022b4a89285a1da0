// The self-inspection of the portal and the bureau's new-media accounts (decision 174): gathers what
// the system knows about its own site — columns, the home page, interaction, service guides, the
// accounts — and what the site answers when asked page by page (site-probe.ts), judges it with the pure
// rules (common/src/inspection), stores the run with every finding's evidence, and tells the
// responsible unit and the information centre once per finding (again only when it persists past the
// bureau's interval). A run that cannot gather its facts is stored as "could not check", never a pass.
import {
  chinaDate,
  findingKey,
  FINDING_LABELS,
  inspect,
  missingGuideElements,
  type Finding,
  type Role,
  type SiteFacts,
} from '@greenvoice/common';
import type { DB } from '../../db/database.ts';
import { nowIso } from '../../db/database.ts';
import { ApiError, notFound } from '../../http/api-error.ts';
import { requireActor, type RequestContext } from '../../http/context.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { createUnansweredRepo } from '../cases/unanswered.repo.ts';
import type { createColumnFreshnessRepo } from '../cms/column-freshness.repo.ts';
import type { MediaRepo } from '../media/media.repo.ts';
import { accountsOn } from '../media/accounts-on.ts';
import type { NotificationsService } from '../notifications/notifications.service.ts';
import type { createServiceGuidesRepo } from '../service-guides/service-guides.repo.ts';
import type { InspectionRepo } from './inspection.repo.ts';
import type { ExternalLinks } from './external-links.ts';
import type { InspectionFacts } from './inspection-facts.ts';
import { mergeFactsChanges, type FactsChange } from '../facts/facts.repo.ts';
import type { ScoresHandOff } from '../assessment/scoring.service.ts';
import { probeSite, type PortalFetch } from './site-probe.ts';

const CASE_FORMS = ['/interaction/report', '/interaction/mailbox', '/interaction/consultation'];

export interface InspectionDeps {
  db: DB;
  repo: InspectionRepo;
  audit: AuditService;
  notifications: Pick<NotificationsService, 'notify'>;
  columns: ReturnType<typeof createColumnFreshnessRepo>;
  unanswered: ReturnType<typeof createUnansweredRepo>;
  guides: ReturnType<typeof createServiceGuidesRepo>;
  media: MediaRepo;
  /** every website of the installation: each bureau's is inspected on its own (decision 206) */
  sites: () => Promise<InspectedSite[]>;
  /** checks the external links the probe found (decision 188) */
  external: ExternalLinks;
  /** findings the plan deducts for, as facts of the account's unit (decision 195) */
  facts: InspectionFacts;
  scores: ScoresHandOff;
  today?: () => string;
}

const presentRun = (r: Awaited<ReturnType<InspectionRepo['runs']>>[number]) => ({
  id: r.id,
  checkedOn: r.checked_on,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  trigger: r.trigger,
  state: r.state,
  error: r.error,
  site: { score: r.site_score, vetoed: r.site_vetoed === 1, passed: r.site_passed === 1 },
  vetoes: r.vetoes,
  deductions: r.deductions,
  accountsFailed: r.accounts_failed,
  pagesChecked: r.pages_checked,
  linksChecked: r.links_checked,
  unchecked: r.unchecked,
});

/** A bureau's website as the inspection reads it: the bureau, its subtree, a host name it answers on. */
export interface InspectedSite {
  id: number;
  path: string;
  /** null: the default site, reached on any host no site names */
  host: string | null;
}

export function createInspectionService(deps: InspectionDeps) {
  const { repo, audit } = deps;
  let portalGet: PortalFetch | null = null;
  // one run per site at a time in this process: a run reads the whole site, and a second click must not
  // start another
  const running = new Set<number>();
  const today = () => deps.today?.() ?? chinaDate(nowIso());

  async function gather(site: InspectedSite, day: string) {
    const fetchPortal = portalGet;
    if (!fetchPortal) throw new Error('the portal cannot be fetched from here (no app attached)');
    // the site's own pages: requested on its host name, as its visitors do
    const get = (path: string) => fetchPortal(path, site.host);
    const now = nowIso();
    const [columns, messages, guides, accounts, settings, probe] = await Promise.all([
      deps.columns.columns(site.id, now),
      deps.unanswered.openMessages(site.id),
      deps.guides.list(site.path),
      accountsOn(deps.media, site.path, day),
      repo.settings(site.id),
      probeSite(get),
    ]);
    const external = await deps.external(probe.external);
    const forms = await Promise.all(CASE_FORMS.map((p) => get(p)));
    const home = columns.filter((c) => c.show_on_home && c.kind !== 'special' && c.kind !== 'media');
    const newest = home.map((c) => c.newest_at).filter((x): x is string => !!x);
    const facts: SiteFacts = {
      today: day,
      homeNewestOn: newest.length ? chinaDate(newest.sort().at(-1)!) : null,
      columns: columns.map((c) => ({
        id: c.id,
        name: c.name,
        kind: c.kind,
        dataPage: c.data_page !== null,
        published: c.published,
        newestOn: c.newest_at ? chinaDate(c.newest_at) : null,
        undated: c.undated,
      })),
      interactionChannels: forms.filter((r) => r.status === 200 && r.body.includes('<form')).length,
      openMessages: messages.map((m) => ({
        id: m.id,
        trackingNumber: m.tracking_number,
        receivedOn: m.received_on,
      })),
      guides: guides
        .filter((g) => g.status === 'published')
        .map((g) => ({ id: g.id, name: g.name, missing: missingGuideElements(g) })),
      securityIncident: settings?.security_incident ?? null,
      accounts: accounts.map(({ row: a, account: p }) => ({
        id: a.id,
        name: a.name,
        unitId: a.unit_id,
        unitName: a.unit_name,
        flags: p.flags,
        silentSince: p.spell?.from ?? null,
      })),
      pages: probe.pages,
      links: probe.links,
      brokenExternal: external.broken,
    };
    return {
      facts,
      checked: { pages: probe.pages.length, links: probe.links.length + external.checked },
      unchecked: { ...probe.unchecked, external: external.unchecked },
      repeatDays: settings?.repeat_alert_days ?? 7,
    };
  }

  /** the unit's officers and deputy leader for its own account; the information centre for everything */
  function alerts(siteId: number, f: Finding, day: string, seenOn: string) {
    const label = FINDING_LABELS[f.code];
    const audiences: Array<[string, { unitIds?: number[]; roles: Role[] }]> = [
      ['centre', { roles: ['admin'] }],
    ];
    if (f.unitId) audiences.push(['unit', { unitIds: [f.unitId], roles: ['officer', 'deputyLeader'] }]);
    return audiences.map(([who, to]) => ({
      bureauUnitId: siteId,
      to,
      kind: `inspection.${f.code}`,
      title: {
        zh: `${f.veto ? '【单项否决】' : ''}网站与新媒体检查：${label.zh}`,
        en: `${f.veto ? '[single veto] ' : ''}Site and new-media check: ${label.en}`,
      },
      body: f.evidence,
      link: '/inspection',
      dedupeKey: `inspection:${findingKey(f)}:${seenOn}:${day}:${who}`,
    }));
  }

  async function settingsOf(bureauUnitId: number) {
    const s = await repo.settings(bureauUnitId);
    return {
      repeatAlertDays: s?.repeat_alert_days ?? 7,
      securityIncident: s?.security_incident ?? null,
      securityIncidentOn: s?.security_incident_on ?? null,
    };
  }

  async function runChecks(ctx: RequestContext, trigger: 'schedule' | 'manual', site: InspectedSite) {
    const day = today();
    const startedAt = nowIso();
    let gathered: Awaited<ReturnType<typeof gather>> | null = null;
    let error: string | null = null;
    try {
      gathered = await gather(site, day);
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    const result = gathered ? inspect(gathered.facts) : null;
    let changes: FactsChange[] = [];
    const out = await audit.transact(ctx, async (trx, record) => {
      const runId = await repo.insertRun(trx, {
        bureau_unit_id: site.id,
        checked_on: day,
        started_at: startedAt,
        finished_at: nowIso(),
        trigger,
        run_by: ctx.actor?.personId ?? null,
        state: result ? 'done' : 'failed',
        error,
        site_score: result?.site.score ?? 0,
        site_vetoed: result?.site.vetoed ? 1 : 0,
        site_passed: result?.site.passed ? 1 : 0,
        vetoes: result?.findings.filter((f) => f.veto).length ?? 0,
        deductions: result?.findings.filter((f) => !f.veto).length ?? 0,
        accounts_failed: result?.accounts.filter((a) => !a.passed).length ?? 0,
        pages_checked: gathered?.checked.pages ?? 0,
        links_checked: gathered?.checked.links ?? 0,
        unchecked: gathered
          ? gathered.unchecked.pages + gathered.unchecked.links + gathered.unchecked.external
          : 0,
      });
      if (result && gathered) {
        await repo.insertFindings(
          trx,
          result.findings.map((f) => ({
            run_id: runId,
            finding_key: findingKey(f),
            code: f.code,
            veto: f.veto ? 1 : 0,
            points: f.points,
            subject_type: f.subject.type,
            subject_id: f.subject.id,
            subject_label: f.subject.label,
            unit_id: f.unitId,
            since: f.since,
            evidence_zh: f.evidence.zh,
            evidence_en: f.evidence.en,
          })),
        );
        // open findings: new ones are told, lasting ones again after the interval, gone ones closed
        const open = new Map((await repo.openFindings(trx, site.id)).map((o) => [o.finding_key, o]));
        const keys = new Set<string>();
        const seen: Parameters<InspectionFacts['write']>[2] = [];
        for (const f of result.findings) {
          const key = findingKey(f);
          if (keys.has(key)) continue;
          keys.add(key);
          let o = open.get(key);
          if (!o) {
            await repo.openFinding(trx, site.id, key, day);
            o = { bureau_unit_id: site.id, finding_key: key, first_seen_on: day, last_alerted_on: null };
          }
          seen.push({ finding: f, key, firstSeenOn: o.first_seen_on });
          const due =
            !o.last_alerted_on ||
            Date.parse(day) - Date.parse(o.last_alerted_on) >= gathered.repeatDays * 86_400_000;
          if (!due) continue;
          for (const n of alerts(site.id, f, day, o.first_seen_on)) await deps.notifications.notify(trx, n);
          await repo.markAlerted(trx, site.id, key, day);
        }
        await repo.closeFindings(
          trx,
          site.id,
          [...open.keys()].filter((k) => !keys.has(k)),
        );
        changes = mergeFactsChanges(await deps.facts.write(trx, site.id, seen));
        for (const c of changes) await deps.scores.markStale(trx, c);
      }
      await record({
        action: 'inspection.run',
        objectType: 'inspection_run',
        objectId: runId,
        result: result ? 'success' : 'failure',
        detail: {
          trigger,
          score: result?.site.score ?? null,
          vetoed: result?.site.vetoed ?? null,
          findings: result?.findings.length ?? 0,
          unchecked: gathered?.unchecked ?? null,
          error,
        },
      });
      return { id: runId };
    });
    await deps.scores.afterCommit(changes);
    return out;
  }

  async function runOnce(ctx: RequestContext, trigger: 'schedule' | 'manual', site: InspectedSite) {
    if (running.has(site.id))
      throw new ApiError('CONFLICT', undefined, {
        zh: '检查正在进行，请稍候查看结果',
        en: 'A check is already running; see its result in a moment',
      });
    running.add(site.id);
    try {
      return await runChecks(ctx, trigger, site);
    } finally {
      running.delete(site.id);
    }
  }

  return {
    /** the app attaches its in-process request function once its routes exist (app.ts) */
    attachPortal(get: PortalFetch) {
      portalGet = get;
    },

    /** The information centre's check of its own bureau's website, now. */
    async run(ctx: RequestContext) {
      const bureau = requireActor(ctx).bureauUnitId;
      const site = (await deps.sites()).find((s) => s.id === bureau);
      if (!site) throw notFound();
      return runOnce(ctx, 'manual', site);
    },

    /** The night's check of every website, one after another; a site already being checked is skipped. */
    async runAll(ctx: RequestContext) {
      const ids: number[] = [];
      for (const site of await deps.sites()) {
        if (running.has(site.id)) continue;
        ids.push((await runOnce(ctx, 'schedule', site)).id);
      }
      return ids;
    },

    async runs(ctx: RequestContext, q: { page: number; pageSize: number }) {
      const bureau = requireActor(ctx).bureauUnitId;
      const [rows, total] = await Promise.all([
        repo.runs(bureau, q.pageSize, (q.page - 1) * q.pageSize),
        repo.countRuns(bureau),
      ]);
      return { items: rows.map(presentRun), total, page: q.page, pageSize: q.pageSize };
    },

    async run1(ctx: RequestContext, id: number) {
      const r = await repo.run(id, requireActor(ctx).bureauUnitId);
      if (!r) throw notFound();
      const findings = await repo.findings(id);
      return {
        ...presentRun(r),
        findings: findings.map((f) => ({
          id: f.id,
          code: f.code,
          veto: f.veto === 1,
          points: f.points,
          subject: { type: f.subject_type, id: f.subject_id, label: f.subject_label },
          unitId: f.unit_id,
          since: f.since,
          evidence: { zh: f.evidence_zh, en: f.evidence_en },
        })),
      };
    },

    async runOfFinding(ctx: RequestContext, id: number) {
      const r = await repo.runOfFinding(id, requireActor(ctx).bureauUnitId);
      if (!r) throw notFound();
      return { runId: r.id };
    },

    settings: (ctx: RequestContext) => settingsOf(requireActor(ctx).bureauUnitId),

    async saveSettings(
      ctx: RequestContext,
      input: { repeatAlertDays: number; securityIncident: string | null },
    ) {
      const actor = requireActor(ctx);
      const incident = input.securityIncident?.trim() || null;
      await audit.transact(ctx, async (trx, record) => {
        const before = await repo.settings(actor.bureauUnitId, trx);
        await repo.saveSettings(trx, actor.bureauUnitId, {
          repeat_alert_days: input.repeatAlertDays,
          security_incident: incident,
          security_incident_on: incident ? (before?.security_incident_on ?? today()) : null,
          updated_at: nowIso(),
        });
        await record({
          action: 'inspection.settings',
          objectType: 'unit',
          objectId: actor.bureauUnitId,
          detail: { repeatAlertDays: input.repeatAlertDays, securityIncident: incident },
        });
      });
      return settingsOf(actor.bureauUnitId);
    },
  };
}
export type InspectionService = ReturnType<typeof createInspectionService>;
