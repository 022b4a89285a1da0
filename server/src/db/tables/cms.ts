// Tables owned by the cms module: only its repository queries them (docs/architecture.md, table
// ownership). Columns holding a domain value carry its union type.
import type {
  ArticleStatus,
  ChannelDataPage,
  ChannelKind,
  DisclosureCategory,
  DisclosureMethod,
  DocumentValidity,
  PortalTopic,
} from '@greenvoice/common';
import type { Generated } from 'kysely';

export interface SettingsTable {
  key: string;
  value: string;
}

/** A host name a bureau's website answers on (decision 175); a host names one site at most. */
export interface PortalSiteDomainsTable {
  host: string;
  unit_id: number;
  created_at: string;
}

export interface PortalChannelsTable {
  id: Generated<number>;
  owner_unit_id: number;
  code: string;
  name: string;
  name_en: string;
  kind: ChannelKind;
  description: string;
  keywords: string;
  sort_order: number;
  show_on_home: number;
  /** the data page this channel also is (decision 101); null: an article list only */
  data_page: ChannelDataPage | null;
  is_demo: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface PortalArticlesTable {
  id: Generated<number>;
  channel_id: number;
  owner_unit_id: number;
  title: string;
  doc_number: string;
  index_number: string;
  /** 公开目录; '' = not in the disclosure catalogue */
  disclosure_category: Generated<DisclosureCategory | ''>;
  /** 成文日期 YYYY-MM-DD, '' = not stated */
  written_on: Generated<string>;
  disclosure_method: Generated<DisclosureMethod | ''>;
  validity: Generated<DocumentValidity | ''>;
  /** doc_number in parts (common/src/cms/doc-number.ts), for search */
  doc_prefix: Generated<string>;
  doc_year: number | null;
  doc_serial: number | null;
  issuer: string;
  source: string;
  author: string;
  keywords: string;
  summary: string;
  body_html: string;
  body_text: string;
  status: ArticleStatus;
  return_reason: string | null;
  /** the publication time shown (YYYY-MM-DD HH:MM); in the future = scheduled */
  publish_at: string | null;
  archived_at: string | null;
  read_count: Generated<number>;
  created_by: number;
  submitted_by: number | null;
  reviewed_by: number | null;
  approved_by: number | null;
  published_by: number | null;
  is_demo: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface PortalArticleRevisionsTable {
  id: Generated<number>;
  article_id: number;
  version: number;
  action: string;
  status: ArticleStatus;
  title: string;
  body_html: string;
  /** JSON of the other fields as saved */
  meta: string;
  actor_id: number;
  actor_name: string;
  note: string | null;
  at: string;
}

export interface PortalFilesTable {
  id: Generated<number>;
  article_id: number | null;
  owner_unit_id: number;
  kind: string;
  token: string;
  original_name: string;
  mime: string;
  size: number;
  sha256: string;
  sort_order: number;
  created_by: number;
  created_at: string;
}

export interface PortalReadsTable {
  article_id: number;
  day: string;
  visitor: string;
}

export interface PortalChangesTable {
  id: Generated<number>;
  article_id: number | null;
  channel_id: number | null;
  everything: number;
  /** environmental data that changed (decision 100); null for article and channel changes */
  topic: PortalTopic | null;
  at: string;
}
