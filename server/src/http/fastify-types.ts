import '@fastify/multipart';
import '@fastify/cookie';
import type { Permission } from '@greenvoice/common';
import type { RequestContext } from './context.ts';

/** Every route declares one: a permission, or 'public' for the explicit public list. */
export type RouteAccess = Permission | 'public';

/** A route with its declared access and schema, as plugins/security.ts records them. */
export interface DeclaredRoute {
  method: string;
  url: string;
  access: RouteAccess;
  schema: Record<string, unknown> | undefined;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** an unsafe method that stores nothing (a calculator): the audit safety net skips it */
    changesNothing?: boolean;
    /** a public counter (the portal's read beacon): only refused requests are audited */
    notAudited?: boolean;
    /**
     * a read of one site's environmental data (decision 197): it answers for the signed-in person's
     * bureau, else for the site the request's host names (else the default site)
     */
    siteData?: boolean;
  }
  interface FastifyInstance {
    /** every route with its declared access and schema (plugins/security.ts) */
    declaredRoutes: DeclaredRoute[];
    /** stops taking connections and lets the open ones finish (http/drain.ts); then close the app */
    drain(graceMs: number): Promise<void>;
  }
  interface FastifyRequest {
    ctx: RequestContext;
  }
}
