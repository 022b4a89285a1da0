// Refusals nobody is accountable for — anonymous requests refused or failed (401, 403 cross-site, 400,
// 404…) and any request over its rate limit (429) — are audited in bounded form (decision 065): per
// client address, actor and reason (the error code), the first of a minute is recorded at once, as any
// refusal is; the rest of that minute are counted and written as ONE summary record (`http.refused`,
// with the count) when the minute is over, or when the server stops. A flood therefore adds at most two
// records a minute per client and reason instead of one per request, and cannot bury real events.
// The counts are kept per process: with several app servers each writes its own summary.
import { nowIso } from '../db/database.ts';
import type { RequestContext } from '../http/context.ts';
import type { AuditService } from '../modules/audit/audit.service.ts';
import { clientKey } from './rate-limits.ts';

export interface Refusal {
  method: string;
  route: string;
  status: number;
  /** the error code answered (RATE_LIMITED, CSRF_REJECTED…), or the status when there is none */
  reason: string;
}

interface Pending {
  minute: string;
  ctx: RequestContext;
  refusal: Refusal;
  /** refusals after the first, not yet written */
  more: number;
  /** a few of the routes they went to (the first record names its own) */
  routes: Set<string>;
  from: string;
  to: string;
}

/** Beyond this many distinct clients in a minute, further ones share one summary (memory stays bounded). */
const MAX_KEYS = 10_000;

declare module 'fastify' {
  interface FastifyInstance {
    /** the bounded audit of refusals (plugins/security.ts); tests flush it */
    refusalAudit: RefusalAudit;
  }
}

export function createRefusalAudit(audit: AuditService, logError: (err: unknown) => void) {
  const pending = new Map<string, Pending>();
  let timer: NodeJS.Timeout | null = null;
  let currentMinute = '';

  const resultOf = (status: number) => (status === 401 || status === 403 ? 'denied' : 'failure');

  async function writeSummary(p: Pending) {
    if (p.more === 0) return;
    await audit.record(p.ctx, {
      action: 'http.refused',
      objectType: 'route',
      objectId: p.refusal.reason,
      result: resultOf(p.refusal.status),
      detail: {
        status: p.refusal.status,
        reason: p.refusal.reason,
        count: p.more,
        from: p.from,
        to: p.to,
        routes: [...p.routes],
      },
    });
  }

  /** Writes the summaries of minutes that are over (all of them when `all`). */
  async function flush(all = false) {
    const minute = nowIso().slice(0, 16);
    for (const [key, p] of [...pending]) {
      if (!all && p.minute === minute) continue;
      pending.delete(key);
      await writeSummary(p).catch(logError);
    }
  }

  return {
    async note(ctx: RequestContext, refusal: Refusal): Promise<void> {
      const at = nowIso();
      const minute = at.slice(0, 16);
      const client = pending.size < MAX_KEYS ? clientKey(ctx.clientIp) : 'other';
      const key = `${minute}\u0000${client}\u0000${ctx.actor?.personId ?? '-'}\u0000${refusal.reason}`;
      const seen = pending.get(key);
      if (seen) {
        seen.more++;
        seen.to = at;
        seen.ctx = { ...ctx, audited: false };
        if (seen.routes.size < 5) seen.routes.add(`${refusal.method} ${refusal.route}`.slice(0, 200));
        return;
      }
      if (minute !== currentMinute) {
        currentMinute = minute;
        void flush().catch(logError);
      }
      const p = { minute, ctx: { ...ctx, audited: false }, refusal, more: 0, from: at, to: at };
      pending.set(key, { ...p, routes: new Set() });
      await audit.record(ctx, {
        action: `http.${refusal.method.toLowerCase()}`,
        objectType: 'route',
        objectId: refusal.route.slice(0, 200),
        result: resultOf(refusal.status),
        detail: { status: refusal.status, reason: refusal.reason },
      });
    },

    flush,

    start() {
      timer ??= setInterval(() => void flush().catch(logError), 15_000);
      timer.unref();
    },

    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await flush(true);
    },
  };
}
export type RefusalAudit = ReturnType<typeof createRefusalAudit>;
