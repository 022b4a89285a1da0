import Type, { type Static } from 'typebox';
import { GUIDE_CATEGORIES, GUIDE_ELEMENTS, GUIDE_STATUSES } from '../service-guides/guide-elements.ts';
import { RowId, Text } from './common.ts';

export const GuideElementSchema = Type.Enum(GUIDE_ELEMENTS);
export const GuideCategorySchema = Type.Enum(GUIDE_CATEGORIES);
export const GuideStatusSchema = Type.Enum(GUIDE_STATUSES);

export const GuideForm = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  mime: Type.String(),
  size: Type.Integer(),
  /** where the public portal serves it */
  url: Type.String(),
});
export type GuideForm = Static<typeof GuideForm>;

const text = (max: number) => Type.String({ maxLength: max });
/** The guide's elements; blank ones are allowed in a draft and refused on publishing. */
const elements = {
  basis: text(4000),
  conditions: text(4000),
  materials: text(4000),
  location: text(300),
  agency: text(200),
  fees: text(1000),
  hours: text(300),
  phone: text(100),
  process: text(4000),
};

export const ServiceGuide = Type.Object({
  id: Type.Integer(),
  category: GuideCategorySchema,
  name: Type.String(),
  basis: Type.String(),
  conditions: Type.String(),
  materials: Type.String(),
  location: Type.String(),
  agency: Type.String(),
  fees: Type.String(),
  hours: Type.String(),
  phone: Type.String(),
  process: Type.String(),
  /** 承诺办结时限, optional */
  timeLimit: Type.String(),
  /** 在线办理 address, optional */
  onlineUrl: Type.String(),
  sortOrder: Type.Integer(),
  status: GuideStatusSchema,
  /** required elements still blank: a guide with any cannot be published */
  missing: Type.Array(GuideElementSchema),
  forms: Type.Array(GuideForm),
  publishedAt: Type.Union([Type.String(), Type.Null()]),
  isDemo: Type.Boolean(),
  version: Type.Integer(),
  updatedAt: Type.String(),
});
export type ServiceGuide = Static<typeof ServiceGuide>;

const editable = {
  category: GuideCategorySchema,
  name: Text(100),
  basis: elements.basis,
  conditions: elements.conditions,
  materials: elements.materials,
  location: elements.location,
  agency: elements.agency,
  fees: elements.fees,
  hours: elements.hours,
  phone: elements.phone,
  process: elements.process,
  timeLimit: text(200),
  onlineUrl: Type.Union([Type.String({ pattern: '^https?://[^\\s<>"]{3,290}$' }), Type.Literal('')]),
  sortOrder: Type.Integer({ minimum: 0, maximum: 100000 }),
};

export const ServiceGuideInput = Type.Object(
  {
    category: editable.category,
    name: editable.name,
    basis: Type.Optional(editable.basis),
    conditions: Type.Optional(editable.conditions),
    materials: Type.Optional(editable.materials),
    location: Type.Optional(editable.location),
    agency: Type.Optional(editable.agency),
    fees: Type.Optional(editable.fees),
    hours: Type.Optional(editable.hours),
    phone: Type.Optional(editable.phone),
    process: Type.Optional(editable.process),
    timeLimit: Type.Optional(editable.timeLimit),
    onlineUrl: Type.Optional(editable.onlineUrl),
    sortOrder: Type.Optional(editable.sortOrder),
  },
  { additionalProperties: false },
);
export type ServiceGuideInput = Static<typeof ServiceGuideInput>;

export const ServiceGuideUpdate = Type.Object(
  {
    version: RowId(),
    category: Type.Optional(editable.category),
    name: Type.Optional(editable.name),
    basis: Type.Optional(editable.basis),
    conditions: Type.Optional(editable.conditions),
    materials: Type.Optional(editable.materials),
    location: Type.Optional(editable.location),
    agency: Type.Optional(editable.agency),
    fees: Type.Optional(editable.fees),
    hours: Type.Optional(editable.hours),
    phone: Type.Optional(editable.phone),
    process: Type.Optional(editable.process),
    timeLimit: Type.Optional(editable.timeLimit),
    onlineUrl: Type.Optional(editable.onlineUrl),
    sortOrder: Type.Optional(editable.sortOrder),
  },
  { additionalProperties: false },
);
export type ServiceGuideUpdate = Static<typeof ServiceGuideUpdate>;

export const ServiceGuideTransition = Type.Object(
  {
    version: RowId(),
    action: Type.Union([Type.Literal('publish'), Type.Literal('unpublish')]),
  },
  { additionalProperties: false },
);
export type ServiceGuideTransition = Static<typeof ServiceGuideTransition>;

export const GuideFormParams = Type.Object(
  {
    id: Type.Integer({ minimum: 1, maximum: 2147483647 }),
    formId: Type.Integer({ minimum: 1, maximum: 2147483647 }),
  },
  { additionalProperties: false },
);
