// The disclosure block above an article's body (政府信息公开条例 2019; docs/standards.md): 索引号, 公开目录,
// 发布机构, 文号, 成文日期, 发布日期, 公开方式, 有效性 — only the rows that have a value (decision 111).
import {
  DISCLOSURE_CATEGORY_LABELS,
  DISCLOSURE_METHOD_LABELS,
  DOCUMENT_VALIDITY_LABELS,
  type DisclosureCategory,
  type DisclosureMethod,
  type DocumentValidity,
} from '@greenvoice/common';
import { html, type SafeHtml } from '../html.ts';
import { chinaDay } from '../layout/format.ts';
import type { PortalView } from '../layout/layout.ts';

export interface DisclosureFacts {
  index_number: string;
  disclosure_category: string;
  issuer: string;
  doc_number: string;
  written_on: string;
  publish_at: string | null;
  disclosure_method: string;
  validity: string;
}

const label = <K extends string>(
  v: PortalView,
  table: Record<K, { zh: string; en: string }>,
  key: string,
): string => (key in table ? table[key as K][v.prefs.lang] : '');

/** The rows with a value, in the regulation's order; content (numbers, bodies) is marked Chinese. */
export function disclosureRows(v: PortalView, a: DisclosureFacts): Array<[string, string, boolean]> {
  const { t } = v;
  const rows: Array<[string, string, boolean]> = [
    [t.indexNumber, a.index_number, false],
    [t.catalogue, label<DisclosureCategory>(v, DISCLOSURE_CATEGORY_LABELS, a.disclosure_category), false],
    [t.issuer, a.issuer, true],
    [t.docNumber, a.doc_number, true],
    [t.writtenOn, a.written_on, false],
    [t.pubDate, chinaDay(a.publish_at), false],
    [t.disclosureMethod, label<DisclosureMethod>(v, DISCLOSURE_METHOD_LABELS, a.disclosure_method), false],
    [t.validity, label<DocumentValidity>(v, DOCUMENT_VALIDITY_LABELS, a.validity), false],
  ];
  return rows.filter(([, value]) => value.trim() !== '');
}

export function disclosureBlock(v: PortalView, a: DisclosureFacts): SafeHtml {
  return html`<dl class="disclosure" aria-label="${v.t.disclosureFacts}">
    ${disclosureRows(v, a).map(
      ([name, value, chinese]) =>
        html`<div>
          <dt>${name}</dt>
          <dd ${chinese ? html`lang="zh-CN"` : ''}>${value}</dd>
        </div>`,
    )}
  </dl>`;
}
