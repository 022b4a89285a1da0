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
  }
  interface FastifyInstance {
    /** every route with its declared access and schema (plugins/security.ts) */
    declaredRoutes: DeclaredRoute[];
  }
  interface FastifyRequest {
    ctx: RequestContext;
  }
}
