// API contract of sudden environmental incident releases (突发环境事件信息发布) and their follow-ups.
import Type, { type Static } from 'typebox';
import { INCIDENT_LEVELS, INCIDENT_STATUSES } from '../environment/disclosure.ts';
import { PageQuery, RowId, Text } from './common.ts';

const LocalDateTime = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}$',
  description: 'YYYY-MM-DDTHH:mm, China time',
});

export const IncidentFollowUp = Type.Object({
  id: Type.Integer(),
  publishedAt: Type.String(),
  content: Type.String(),
});
export const Incident = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  occurredAt: Type.String(),
  county: Type.String(),
  location: Type.String(),
  level: Type.Enum(INCIDENT_LEVELS),
  status: Type.Enum(INCIDENT_STATUSES),
  summary: Type.String(),
  publishedAt: Type.String(),
  isDemo: Type.Boolean(),
  version: Type.Integer(),
  updatedAt: Type.String(),
  followUps: Type.Array(IncidentFollowUp),
});
export type Incident = Static<typeof Incident>;

const incidentFields = {
  title: Text(200),
  occurredAt: LocalDateTime,
  county: Text(30),
  location: Text(200),
  level: Type.Enum(INCIDENT_LEVELS),
  status: Type.Enum(INCIDENT_STATUSES),
  summary: Text(20000),
};
export const IncidentInput = Type.Object(incidentFields, { additionalProperties: false });
export type IncidentInput = Static<typeof IncidentInput>;
export const IncidentUpdate = Type.Object(
  { version: RowId(), ...Type.Partial(Type.Object(incidentFields)).properties },
  { additionalProperties: false },
);
export type IncidentUpdate = Static<typeof IncidentUpdate>;
export const FollowUpInput = Type.Object(
  { content: Text(20000), closes: Type.Optional(Type.Boolean({ description: 'the response has ended' })) },
  { additionalProperties: false },
);
export type FollowUpInput = Static<typeof FollowUpInput>;
export const IncidentListQuery = Type.Object(
  { ...PageQuery, status: Type.Optional(Type.Enum(INCIDENT_STATUSES)) },
  { additionalProperties: false },
);
