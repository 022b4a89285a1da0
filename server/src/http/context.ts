import type { Permission, Role } from '@greenvoice/common';

/** The signed-in person, as every service sees them. */
export interface Actor {
  personId: number;
  name: string;
  username: string;
  unitId: number;
  unitName: string;
  /** materialised path of the person's own unit */
  unitPath: string;
  /** path prefix of everything this person may see: own unit, or the whole bureau's subtree */
  scopePath: string;
  scope: 'unit' | 'bureau';
  /**
   * The bureau the person works for — the deepest city bureau (or province) at or above their unit, for
   * every role, officers included. It owns what they create (stations, articles, plans, submissions) and
   * assesses their unit. (An officer's bureau is above their unit; their scope is the unit itself.)
   */
  bureauUnitId: number;
  bureauPath: string;
  roles: Role[];
  permissions: Set<Permission>;
  mustChangePassword: boolean;
  totpEnabled: boolean;
  /** REQUIRE_TOTP_FOR_ADMINS and no second factor yet: only their own account's routes answer */
  mustEnrolTotp: boolean;
  sessionId: string;
  sessionExpiresAt: string;
}

/** What a service needs to know about the request it serves. */
export interface RequestContext {
  actor: Actor | null;
  requestId: string;
  clientIp: string;
  userAgent: string;
  /** set once an audit record for this request has been committed */
  audited: boolean;
}

export function requireActor(ctx: RequestContext): Actor {
  if (!ctx.actor) throw new Error('service called without a signed-in actor');
  return ctx.actor;
}
