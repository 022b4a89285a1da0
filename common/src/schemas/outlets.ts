import Type, { type Static } from 'typebox';
import { OUTLET_LEVELS, OUTLET_MEDIA } from '../assessment/facts.ts';
import { PageQuery, RowId, Text } from './common.ts';

export const OutletLevelSchema = Type.Enum(OUTLET_LEVELS);
export const OutletMediumSchema = Type.Enum(OUTLET_MEDIA);

export const Outlet = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  level: OutletLevelSchema,
  medium: OutletMediumSchema,
  active: Type.Boolean(),
  sortOrder: Type.Integer(),
  version: Type.Integer(),
  updatedAt: Type.String(),
});
export type Outlet = Static<typeof Outlet>;

export const OutletInput = Type.Object(
  {
    name: Text(100),
    level: OutletLevelSchema,
    medium: OutletMediumSchema,
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  },
  { additionalProperties: false },
);
export type OutletInput = Static<typeof OutletInput>;

export const OutletUpdate = Type.Object(
  {
    version: RowId(),
    name: Type.Optional(Text(100)),
    level: Type.Optional(OutletLevelSchema),
    medium: Type.Optional(OutletMediumSchema),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
    /** an outlet no longer used is hidden from the submission form, never deleted (old pieces cite it) */
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type OutletUpdate = Static<typeof OutletUpdate>;

export const OutletListQuery = Type.Object(
  {
    ...PageQuery,
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    level: Type.Optional(OutletLevelSchema),
    medium: Type.Optional(OutletMediumSchema),
    /** include outlets switched off (the admin page); the submission form leaves them out */
    includeInactive: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
