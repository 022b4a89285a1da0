// The in-process job scheduler (croner), safe with several app servers: every server schedules every
// job, and a database lease (job-leases.repo.ts) lets one server run each tick. Each run leaves an audit
// record whose request id names the job and its tick, so "ran once" can be checked from the log.
import { CHINA_TIME_ZONE } from '@greenvoice/common';
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { Cron } from 'croner';
import type { DB } from '../db/database.ts';
import type { RequestContext } from '../http/context.ts';
import type { ScoringService } from '../modules/assessment/scoring.service.ts';
import type { AuditService, CheckpointLog } from '../modules/audit/audit.service.ts';
import type { DeliveryWorker } from '../modules/notifications/delivery-worker.ts';
import type { NotificationsServiceImpl } from '../modules/notifications/notifications.service.ts';
import { createJobLeases } from './job-leases.repo.ts';
import { runHousekeeping } from './housekeeping.ts';

export interface JobDefinition {
  name: string;
  /** croner pattern (seconds optional), read in China time */
  cron: string;
  /** how long a run may hold the lease before another server may take the next tick over */
  leaseMs: number;
  run(): Promise<Record<string, unknown>>;
}

export interface Scheduler {
  holder: string;
  stop(): void;
  /** runs a job's tick now (tests, and the first run after start-up) */
  runTick(name: string, tick: Date): Promise<'ran' | 'skipped'>;
}

export function housekeepingJob(db: DB, cron: string): JobDefinition {
  return {
    name: 'housekeeping',
    cron,
    leaseMs: 10 * 60_000,
    run: async () => ({ ...(await runHousekeeping(db)) }),
  };
}

/** Every minute, on one server: recomputes the scores an approval marked stale and no recompute caught. */
export const SCORES_STALE_CRON = '30 * * * * *';

export function scoresStaleJob(scoring: Pick<ScoringService, 'recomputeStale'>): JobDefinition {
  return {
    name: 'scores-stale',
    cron: SCORES_STALE_CRON,
    leaseMs: 5 * 60_000,
    run: async () => ({ marksCaughtUp: await scoring.recomputeStale() }),
  };
}

/**
 * The notification outbox, once a minute (decision 120). The tick's lease keeps two servers from running
 * the same tick; each delivery's own lease keeps a slow run and the next tick's from sending it twice.
 */
export function notificationDeliveriesJob(worker: DeliveryWorker, cron: string): JobDefinition {
  const holder = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  return {
    name: 'notification-deliveries',
    cron,
    leaseMs: 10 * 60_000,
    run: async () => ({ ...(await worker.run(holder)) }),
  };
}

/** The reminder rules, daily: each rule's drafts are notified, deduplicated by their keys. */
export function notificationRemindersJob(
  notifications: Pick<NotificationsServiceImpl, 'runReminders'>,
  cron: string,
  today: () => string,
): JobDefinition {
  return {
    name: 'notification-reminders',
    cron,
    leaseMs: 30 * 60_000,
    run: async () => notifications.runReminders(today()),
  };
}

/** A signed audit checkpoint to AUDIT_CHECKPOINT_DIR and the log (decision 071). */
export function auditCheckpointJob(
  audit: AuditService,
  cron: string,
  dir: string,
  log: CheckpointLog,
): JobDefinition {
  return {
    name: 'audit-checkpoint',
    cron,
    leaseMs: 5 * 60_000,
    run: async () => {
      const cp = await audit.checkpoint('periodic', dir, log);
      return { count: cp.count, lastId: cp.lastId };
    },
  };
}

export function startScheduler(
  deps: {
    db: DB;
    audit: AuditService;
    log: { info(o: object, m: string): void; error(o: object, m: string): void };
  },
  jobs: JobDefinition[],
): Scheduler {
  const leases = createJobLeases(deps.db);
  const holder = `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const byName = new Map(jobs.map((j) => [j.name, j]));

  async function runTick(name: string, tick: Date): Promise<'ran' | 'skipped'> {
    const job = byName.get(name);
    if (!job) throw new Error(`no job ${name}`);
    const tickIso = tick.toISOString();
    if (!(await leases.claim(job.name, tickIso, holder, job.leaseMs))) return 'skipped';
    const ctx: RequestContext = {
      actor: null,
      requestId: `job:${job.name}:${tickIso}`,
      clientIp: 'scheduler',
      userAgent: holder,
      audited: false,
    };
    try {
      const detail = await job.run();
      await deps.audit.record(ctx, {
        action: `job.${job.name}`,
        objectType: 'job',
        objectId: job.name,
        detail: { ...detail, holder },
        actorOverride: { id: null, name: '系统任务 scheduler', roles: '' },
      });
      await leases.release(job.name, holder, 'ok');
      deps.log.info({ job: job.name, tick: tickIso, ...detail }, 'job ran');
    } catch (err) {
      await leases.release(job.name, holder, `failed: ${String(err)}`).catch(() => {});
      await deps.audit
        .record(ctx, {
          action: `job.${job.name}`,
          objectType: 'job',
          objectId: job.name,
          result: 'failure',
          detail: { holder },
          actorOverride: { id: null, name: '系统任务 scheduler', roles: '' },
        })
        .catch(() => {});
      deps.log.error({ err, job: job.name }, 'job failed');
    }
    return 'ran';
  }

  const crons = jobs.map(
    (job) =>
      new Cron(job.cron, { timezone: CHINA_TIME_ZONE, protect: true }, async (self: Cron) => {
        await runTick(job.name, self.currentRun() ?? new Date());
      }),
  );
  return {
    holder,
    runTick,
    stop: () => crons.forEach((c) => c.stop()),
  };
}
