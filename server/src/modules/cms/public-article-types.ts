// The article rows the public portal reads, shared by public-content.repo.ts and its two read paths
// (public-hot-reads.repo.ts on SQLite, public-article-pg.repo.ts on PostgreSQL) so that they import in one direction.
import type { ChannelKind } from '@greenvoice/common';

export interface PublicArticleListItem {
  id: number;
  title: string;
  publish_at: string;
  archived_at: string | null;
}

export interface PublicArticle {
  id: number;
  channel_id: number;
  title: string;
  doc_number: string;
  index_number: string;
  /** '' when not stated (the disclosure block leaves the row out) */
  disclosure_category: string;
  written_on: string;
  disclosure_method: string;
  validity: string;
  issuer: string;
  source: string;
  author: string;
  keywords: string;
  summary: string;
  /** the sanitised body HTML as UTF-8 bytes, sent as is */
  body: Buffer;
  /** the first 200 characters: for descriptions and feeds */
  body_text: string;
  publish_at: string | null;
  archived_at: string | null;
  read_count: number;
  updated_at: string;
  channel_code: string;
  channel_name: string;
  channel_name_en: string;
  channel_kind: ChannelKind;
}

export interface PublicAttachment {
  id: number;
  original_name: string;
  mime: string;
  size: number;
}
