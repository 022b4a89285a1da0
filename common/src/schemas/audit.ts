import Type, { type Static } from 'typebox';
import { PageQuery } from './common.ts';

export const AuditRecord = Type.Object({
  id: Type.Integer(),
  at: Type.String(),
  actorId: Type.Union([Type.Integer(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  actorRoles: Type.String(),
  clientIp: Type.String(),
  action: Type.String(),
  objectType: Type.Union([Type.String(), Type.Null()]),
  objectId: Type.Union([Type.String(), Type.Null()]),
  /** the object's current name (a person's, a unit's, a submission's title); null when unnamed or gone */
  objectName: Type.Union([Type.String(), Type.Null()]),
  result: Type.String(),
  requestId: Type.String(),
  detail: Type.Union([Type.String(), Type.Null()]),
  hash: Type.String(),
});
export type AuditRecord = Static<typeof AuditRecord>;

export const AuditListQuery = Type.Object(
  {
    ...PageQuery,
    action: Type.Optional(Type.String({ maxLength: 64 })),
    actor: Type.Optional(Type.String({ maxLength: 64 })),
    result: Type.Optional(
      Type.Union([Type.Literal('success'), Type.Literal('failure'), Type.Literal('denied')]),
    ),
    from: Type.Optional(Type.String({ format: 'date' })),
    to: Type.Optional(Type.String({ format: 'date' })),
  },
  { additionalProperties: false },
);

export const AuditVerifyResult = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer(),
  firstBadId: Type.Union([Type.Integer(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
});
