// Sends the delivery outbox (decision 120), run by the scheduler's deliveries job on every app server.
// Each delivery is taken with its own lease (one conditional UPDATE, as job leases are), so of several
// servers exactly one sends it; the outcome is written by the holder only. A failure is retried with
// exponential backoff up to MAX_ATTEMPTS, then the delivery is failed and shown to the administrator.
// A channel that failed once in a run is not tried again in that run (its other deliveries wait for the
// next tick untouched), so one dead robot costs one timeout a tick, not one per message.
import { nextAttemptAt, type DeliveryChannelSecrets, type DeliveryChannelSettings } from '@greenvoice/common';
import { openSecret } from '../auth/secret-box.ts';
import type { NotificationsRepo } from './notifications.repo.ts';
import { SendError, sendOne } from './senders.ts';

export interface DeliveryWorkerDeps {
  repo: NotificationsRepo;
  /** TOTP_ENCRYPTION_KEY: channel secrets are sealed like TOTP secrets */
  secretKey: Buffer | null;
  /** the console's address for links (PUBLIC_URL), or null */
  publicUrl: string | null;
  timeoutMs: number;
  log: { error(o: object, m: string): void };
}

/** How long a server holds a delivery it took: well beyond one attempt's timeout. */
const leaseMs = (timeoutMs: number) => Math.max(60_000, timeoutMs * 6);
const BATCH = 100;

export const consoleUrl = (publicUrl: string | null, link: string | null) =>
  publicUrl && link ? `${publicUrl.replace(/\/+$/, '')}/admin${link}` : null;

export function channelSecrets(sealed: string | null, key: Buffer | null): DeliveryChannelSecrets {
  return sealed ? (JSON.parse(openSecret(sealed, key)) as DeliveryChannelSecrets) : {};
}

export function createDeliveryWorker(deps: DeliveryWorkerDeps) {
  const { repo } = deps;
  return {
    /** One pass over what is due at `now`; answers what it did. */
    async run(holder: string, now: Date = new Date()) {
      const result = { sent: 0, retrying: 0, failed: 0, skipped: 0 };
      const at = now.toISOString();
      const until = new Date(now.getTime() + leaseMs(deps.timeoutMs)).toISOString();
      const broken = new Set<number>();
      for (const id of await repo.dueDeliveryIds(at, BATCH)) {
        const job = await repo.deliveryJob(id);
        if (!job || broken.has(job.channel_id)) {
          result.skipped += 1;
          continue;
        }
        if (!(await repo.claimDelivery(id, holder, at, until))) {
          result.skipped += 1; // another server has it
          continue;
        }
        try {
          if (job.channel_enabled !== 1) throw new SendError('the channel is disabled');
          await sendOne(
            job.channel_kind,
            JSON.parse(job.settings_json) as DeliveryChannelSettings,
            channelSecrets(job.secret, deps.secretKey),
            { title: job.title_zh, body: job.body_zh, url: consoleUrl(deps.publicUrl, job.link) },
            job.person_id
              ? { name: job.person_name, mobile: job.mobile, email: job.email }
              : job.to_mobile || job.to_email
                ? { name: job.to_name, mobile: job.to_mobile, email: job.to_email }
                : null,
            { timeoutMs: deps.timeoutMs, now: () => now.getTime() },
          );
          await repo.finishAttempt(id, holder, new Date().toISOString(), { state: 'sent' });
          result.sent += 1;
        } catch (err) {
          const error = err instanceof SendError ? err.message : `unexpected: ${String(err)}`;
          if (!(err instanceof SendError))
            deps.log.error({ err, delivery: id }, 'delivery failed unexpectedly');
          broken.add(job.channel_id);
          const next = job.channel_enabled === 1 ? nextAttemptAt(job.attempts + 1, now) : null;
          await repo.finishAttempt(
            id,
            holder,
            new Date().toISOString(),
            next ? { state: 'pending', next: next.toISOString(), error } : { state: 'failed', error },
          );
          if (next) result.retrying += 1;
          else result.failed += 1;
        }
      }
      return result;
    },
  };
}
export type DeliveryWorker = ReturnType<typeof createDeliveryWorker>;
