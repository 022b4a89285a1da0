import Type, { type Static } from 'typebox';
import { ARTICLE_ACTIONS, ARTICLE_STATUSES } from '../cms/article-workflow.ts';
import { CHANNEL_CODE_PATTERN, CHANNEL_DATA_PAGES, CHANNEL_KINDS } from '../cms/channels.ts';
import { DISCLOSURE_CATEGORIES, DISCLOSURE_METHODS, DOCUMENT_VALIDITIES } from '../cms/disclosure.ts';
import { PageQuery, RowId, Text } from './common.ts';

export const ChannelKindSchema = Type.Enum(CHANNEL_KINDS);
export const ChannelDataPageSchema = Type.Enum(CHANNEL_DATA_PAGES);
export const ArticleStatusSchema = Type.Enum(ARTICLE_STATUSES);
export const ArticleActionSchema = Type.Enum(ARTICLE_ACTIONS);
/** '' = not a disclosure-catalogue item / not stated: the disclosure block leaves the row out */
export const DisclosureCategorySchema = Type.Enum([...DISCLOSURE_CATEGORIES, '']);
export const DisclosureMethodSchema = Type.Enum([...DISCLOSURE_METHODS, '']);
export const DocumentValiditySchema = Type.Enum([...DOCUMENT_VALIDITIES, '']);
const Nullable = <T extends Type.TSchema>(t: T) => Type.Union([t, Type.Null()]);

export const Channel = Type.Object({
  id: Type.Integer(),
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  kind: ChannelKindSchema,
  description: Type.String(),
  keywords: Type.String(),
  sortOrder: Type.Integer(),
  showOnHome: Type.Boolean(),
  /** the data page the channel also is (环境质量, 企业环境信息, …); null: an article list only */
  dataPage: Type.Union([ChannelDataPageSchema, Type.Null()]),
  /** published, visible articles: a channel with none is never shown on the portal */
  liveCount: Type.Integer(),
  isDemo: Type.Boolean(),
  version: Type.Integer(),
  updatedAt: Type.String(),
});
export type Channel = Static<typeof Channel>;

const channelFields = {
  code: Type.String({ pattern: CHANNEL_CODE_PATTERN }),
  name: Text(40),
  nameEn: Text(80),
  kind: ChannelKindSchema,
  description: Type.String({ maxLength: 300 }),
  keywords: Type.String({ maxLength: 200 }),
  sortOrder: Type.Integer({ minimum: 0, maximum: 100000 }),
  showOnHome: Type.Boolean(),
  dataPage: Type.Union([ChannelDataPageSchema, Type.Null()]),
};
export const ChannelInput = Type.Object(
  {
    ...channelFields,
    description: Type.Optional(channelFields.description),
    keywords: Type.Optional(channelFields.keywords),
    sortOrder: Type.Optional(channelFields.sortOrder),
    showOnHome: Type.Optional(channelFields.showOnHome),
    dataPage: Type.Optional(channelFields.dataPage),
  },
  { additionalProperties: false },
);
export type ChannelInput = Static<typeof ChannelInput>;
export const ChannelUpdate = Type.Object(
  {
    version: RowId(),
    ...Object.fromEntries(Object.entries(channelFields).map(([k, v]) => [k, Type.Optional(v)])),
  } as { version: Type.TInteger } & {
    [K in keyof typeof channelFields]: Type.TOptional<(typeof channelFields)[K]>;
  },
  { additionalProperties: false },
);
export type ChannelUpdate = Static<typeof ChannelUpdate>;

export const CmsFile = Type.Object({
  id: Type.Integer(),
  kind: Type.Union([Type.Literal('image'), Type.Literal('attachment')]),
  name: Type.String(),
  mime: Type.String(),
  size: Type.Integer(),
  /** where the public portal serves it */
  url: Type.String(),
});
export type CmsFile = Static<typeof CmsFile>;

export const ArticleSummary = Type.Object({
  id: Type.Integer(),
  channelId: Type.Integer(),
  channelName: Type.String(),
  title: Type.String(),
  docNumber: Type.String(),
  status: ArticleStatusSchema,
  /** published with a publication time still ahead */
  scheduled: Type.Boolean(),
  archived: Type.Boolean(),
  publishAt: Nullable(Type.String()),
  readCount: Type.Integer(),
  createdByName: Type.String(),
  isDemo: Type.Boolean(),
  version: Type.Integer(),
  updatedAt: Type.String(),
});
export type ArticleSummary = Static<typeof ArticleSummary>;

export const Article = Type.Object({
  ...ArticleSummary.properties,
  indexNumber: Type.String(),
  disclosureCategory: DisclosureCategorySchema,
  /** 成文日期 YYYY-MM-DD, '' when not stated */
  writtenOn: Type.String(),
  disclosureMethod: DisclosureMethodSchema,
  validity: DocumentValiditySchema,
  issuer: Type.String(),
  source: Type.String(),
  author: Type.String(),
  keywords: Type.String(),
  summary: Type.String(),
  bodyHtml: Type.String(),
  returnReason: Nullable(Type.String()),
  archivedAt: Nullable(Type.String()),
  createdBy: Type.Integer(),
  submittedBy: Nullable(Type.Integer()),
  reviewedBy: Nullable(Type.Integer()),
  approvedBy: Nullable(Type.Integer()),
  publishedBy: Nullable(Type.Integer()),
  attachments: Type.Array(CmsFile),
  /** what the signed-in person may do to it now */
  actions: Type.Array(ArticleActionSchema),
  editable: Type.Boolean(),
});
export type Article = Static<typeof Article>;

const articleFields = {
  channelId: RowId(),
  title: Text(200),
  docNumber: Type.String({ maxLength: 60 }),
  indexNumber: Type.String({ maxLength: 60 }),
  disclosureCategory: DisclosureCategorySchema,
  writtenOn: Type.Union([Type.String({ format: 'date' }), Type.Literal('')]),
  disclosureMethod: DisclosureMethodSchema,
  validity: DocumentValiditySchema,
  issuer: Type.String({ maxLength: 100 }),
  source: Type.String({ maxLength: 100 }),
  author: Type.String({ maxLength: 60 }),
  keywords: Type.String({ maxLength: 200 }),
  summary: Type.String({ maxLength: 500 }),
  /** rich text; the server keeps only what its allow-list permits */
  bodyHtml: Type.String({ maxLength: 500_000 }),
};
export const ArticleInput = Type.Object(
  {
    channelId: articleFields.channelId,
    title: articleFields.title,
    bodyHtml: articleFields.bodyHtml,
    docNumber: Type.Optional(articleFields.docNumber),
    indexNumber: Type.Optional(articleFields.indexNumber),
    disclosureCategory: Type.Optional(articleFields.disclosureCategory),
    writtenOn: Type.Optional(articleFields.writtenOn),
    disclosureMethod: Type.Optional(articleFields.disclosureMethod),
    validity: Type.Optional(articleFields.validity),
    issuer: Type.Optional(articleFields.issuer),
    source: Type.Optional(articleFields.source),
    author: Type.Optional(articleFields.author),
    keywords: Type.Optional(articleFields.keywords),
    summary: Type.Optional(articleFields.summary),
  },
  { additionalProperties: false },
);
export type ArticleInput = Static<typeof ArticleInput>;

export const ArticleUpdate = Type.Object(
  {
    version: RowId(),
    channelId: Type.Optional(articleFields.channelId),
    title: Type.Optional(articleFields.title),
    bodyHtml: Type.Optional(articleFields.bodyHtml),
    docNumber: Type.Optional(articleFields.docNumber),
    indexNumber: Type.Optional(articleFields.indexNumber),
    disclosureCategory: Type.Optional(articleFields.disclosureCategory),
    writtenOn: Type.Optional(articleFields.writtenOn),
    disclosureMethod: Type.Optional(articleFields.disclosureMethod),
    validity: Type.Optional(articleFields.validity),
    issuer: Type.Optional(articleFields.issuer),
    source: Type.Optional(articleFields.source),
    author: Type.Optional(articleFields.author),
    keywords: Type.Optional(articleFields.keywords),
    summary: Type.Optional(articleFields.summary),
  },
  { additionalProperties: false },
);
export type ArticleUpdate = Static<typeof ArticleUpdate>;

export const ArticleTransitionInput = Type.Object(
  {
    version: RowId(),
    action: ArticleActionSchema,
    /** required when returning an article for revision */
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
    /** publish only: the publication time shown; later than now schedules it */
    publishAt: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);
export type ArticleTransitionInput = Static<typeof ArticleTransitionInput>;

export const ArticleListQuery = Type.Object(
  {
    ...PageQuery,
    q: Type.Optional(Type.String({ maxLength: 100 })),
    status: Type.Optional(ArticleStatusSchema),
    channelId: Type.Optional(RowId()),
  },
  { additionalProperties: false },
);
export type ArticleListQuery = Static<typeof ArticleListQuery>;

export const ArticleRevision = Type.Object({
  id: Type.Integer(),
  version: Type.Integer(),
  action: Type.String(),
  status: ArticleStatusSchema,
  title: Type.String(),
  actorName: Type.String(),
  note: Nullable(Type.String()),
  at: Type.String(),
});
export type ArticleRevision = Static<typeof ArticleRevision>;

export const ArticleRevisionDetail = Type.Object({
  ...ArticleRevision.properties,
  bodyHtml: Type.String(),
  meta: Type.Record(Type.String(), Type.Unknown()),
});
export type ArticleRevisionDetail = Static<typeof ArticleRevisionDetail>;

export const RevisionParams = Type.Object(
  {
    id: Type.Integer({ minimum: 1, maximum: 2147483647 }),
    revisionId: Type.Integer({ minimum: 1, maximum: 2147483647 }),
  },
  { additionalProperties: false },
);
export const FileParams = Type.Object(
  {
    id: Type.Integer({ minimum: 1, maximum: 2147483647 }),
    fileId: Type.Integer({ minimum: 1, maximum: 2147483647 }),
  },
  { additionalProperties: false },
);

/** The footer and meta tags every portal page carries (国办发〔2017〕47号), configurable by admins. */
export const SiteSettings = Type.Object(
  {
    siteName: Text(60),
    siteNameEn: Text(120),
    siteDomain: Type.String({ maxLength: 100 }),
    /** 政府网站标识码, e.g. 4307000011 */
    siteIdCode: Type.String({ maxLength: 20 }),
    /** ICP 备案号 */
    icp: Type.String({ maxLength: 60 }),
    /** 公安机关备案号 */
    publicSecurityFiling: Type.String({ maxLength: 60 }),
    sponsor: Type.String({ maxLength: 100 }),
    address: Type.String({ maxLength: 150 }),
    postcode: Type.String({ maxLength: 10 }),
    phone: Type.String({ maxLength: 40 }),
    email: Type.String({ maxLength: 100 }),
    /** 党政机关网站标识: the image the registration office issued (an https address), and where it links */
    govMarkImage: Type.String({
      maxLength: 300,
      pattern: '^(/[^\\s"<>]*|https://dcs\\.conac\\.cn/[^\\s"<>]*)?$',
    }),
    govMarkLink: Type.String({ maxLength: 300, pattern: '^(https?://[^\\s"<>]+)?$' }),
    /** 我为政府网站找错: '' = the national address for this site's 网站标识码 */
    errorReportUrl: Type.String({ maxLength: 300, pattern: '^(https?://[^\\s"<>]+)?$' }),
    /** 网站声明 (plain text, paragraphs separated by blank lines) */
    statement: Type.String({ maxLength: 4000 }),
    /** 政府信息公开工作机构, its office hours and fax: the 信息公开指南 names them */
    disclosureOffice: Type.String({ maxLength: 100 }),
    officeHours: Type.String({ maxLength: 100 }),
    fax: Type.String({ maxLength: 40 }),
  },
  { additionalProperties: false },
);
export type SiteSettings = Static<typeof SiteSettings>;

/**
 * A host name a bureau's website answers on (decision 175): letters, digits, hyphens and dots, no port,
 * no scheme — `hbj.changde.gov.cn`, `127.0.0.1`, `xiangtan.localhost`. Compared without letter case.
 */
export const SiteHostName = Type.String({
  minLength: 1,
  maxLength: 253,
  pattern: '^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$',
});
/** The host names of one bureau's website; none: the site is reached as the installation's default. */
export const SiteDomains = Type.Object(
  { domains: Type.Array(SiteHostName, { maxItems: 20 }) },
  { additionalProperties: false },
);
export type SiteDomains = Static<typeof SiteDomains>;
