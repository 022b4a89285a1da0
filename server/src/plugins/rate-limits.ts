// Per-client request limits (docs/security-requirements.md §20, decision 065). Two per-minute budgets per
// client address:
// - `api`: every API request, RATE_LIMIT_PER_MINUTE — counted before anything else looks at the request,
//   so refused ones (401, 403 cross-site, 403 forbidden) count too (plugins/security.ts);
// - `portal`: every portal request the server has to work for — a page it renders (search, addresses
//   with parameters, cache misses, 404s), a file it reads, the display-settings form, the read beacon —
//   PORTAL_RATE_LIMIT_PER_MINUTE. A page answered from the byte cache never reaches this code.
// The sign-in routes keep their own tighter limit (`config.rateLimit` on the route). Counters live in
// Redis when REDIS_URL is set (shared by every app server), else in this process; when Redis fails the
// limits fail open (decision 056).
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import proxyAddr from '@fastify/proxy-addr';
import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { redis as redisPackage } from '../lazy-packages.ts';
import type { Config } from '../config.ts';
import { ApiError } from '../http/api-error.ts';
import { sendRefusal } from '../portal/pages/refusal-page.ts';

export type LimitBucket = 'api' | 'portal';

const WINDOW_MS = 60_000;
/** Addresses whose requests cost nothing to answer: in-memory assets and the console's static files. */
const UNLIMITED = /^\/(portal\/assets\/|admin(\/|$)|robots\.txt$)/;

/** A client's address as the limits count it: IPv6 by its /64, as one machine usually holds a /64. */
export const clientKey = (ip: string) => normalizeIP(ip, 64);

export interface RateLimits {
  /** which budgets a request to this address spends */
  bucketsFor(url: string): LimitBucket[];
  /** spends one request of the client's budget: the seconds to wait when it is exhausted, else null */
  hit(bucket: LimitBucket, ip: string): Promise<number | null>;
  /** the client's address exactly as Fastify computes it (TRUST_PROXY), for the fast lane */
  clientIp(req: IncomingMessage): string;
  /** requests the fast lane has already counted before handing them on to Fastify */
  counted: WeakSet<IncomingMessage>;
  /**
   * A random token, made at start and never sent anywhere: the self-inspection's in-process requests
   * (app.inject) carry it in INSPECTOR_HEADER and spend no client's budget (decision 174).
   */
  inspectorToken: string;
}

export const INSPECTOR_HEADER = 'x-greenvoice-inspector';

export async function registerRateLimits(app: FastifyInstance, config: Config): Promise<RateLimits> {
  // If Redis goes away the limits fail open (decision 056): answering every request with 500 — even
  // health — would be worse; the database-backed account lockout still guards sign-in.
  const redis = config.redisUrl
    ? new (redisPackage().Redis)(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false })
    : null;
  if (redis) {
    let reported = false;
    redis.on('error', (err) => {
      if (!reported)
        app.log.error({ err }, 'Redis unreachable: rate limits are not enforced until it returns');
      reported = true;
    });
    redis.on('ready', () => {
      if (reported) app.log.info('Redis reachable again: rate limits enforced');
      reported = false;
    });
    app.addHook('onClose', async () => void redis.disconnect());
  }
  await app.register(rateLimit, {
    // only routes with their own `config.rateLimit` (sign-in) get the plugin's per-route hook; the
    // budgets below are spent by the security hook, before any refusal
    global: false,
    skipOnError: true,
    max: config.rateLimitPerMinute,
    timeWindow: WINDOW_MS,
    ...(redis ? { redis, nameSpace: 'gv-rl:' } : {}),
    errorResponseBuilder: (_req, ctx) =>
      new ApiError('RATE_LIMITED', undefined, undefined, {
        'retry-after': String(Math.ceil(ctx.ttl / 1000)),
      }),
  });

  const limiter = (bucket: LimitBucket, max: number) =>
    app.createRateLimit({
      max,
      timeWindow: WINDOW_MS,
      keyGenerator: (req) => `${bucket}:${clientKey(req.ip)}`,
    });
  const limiters = {
    api: limiter('api', config.rateLimitPerMinute),
    portal: limiter('portal', config.portalRateLimitPerMinute),
  };
  const trust = config.trustProxy ? proxyAddr.compile(config.trustProxy) : () => false;

  return {
    bucketsFor(url) {
      if (url.startsWith('/api/')) return url.startsWith('/api/v1/portal/') ? ['api', 'portal'] : ['api'];
      return UNLIMITED.test(url) ? [] : ['portal'];
    },
    async hit(bucket, ip) {
      // the limiter reads only the address (and a route's group, which these budgets have none of), so
      // a request answered before Fastify can be counted as well
      const r = await limiters[bucket]({ ip, routeOptions: { config: {} } } as unknown as FastifyRequest);
      return !r.isAllowed && r.isExceeded ? Math.max(1, r.ttlInSeconds) : null;
    },
    clientIp: (req) => proxyAddr(req, trust),
    counted: new WeakSet(),
    inspectorToken: randomBytes(24).toString('base64url'),
  };
}

/** The answer once a budget is spent: the error shape for the API, a page for the portal. */
export function sendTooManyRequests(reply: FastifyReply, retryAfter: number) {
  return sendRefusal(
    reply,
    new ApiError('RATE_LIMITED', undefined, undefined, { 'retry-after': String(retryAfter) }),
  );
}
