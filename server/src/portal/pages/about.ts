// The footer's own pages: 网站声明 (the site settings' statement, else a plain default) and 联系我们
// (the sponsor's address, phone, email and the disclosure office) — decision 114.
import type { ColumnMeta } from '../layout/meta-tags.ts';
import { zhWithin } from '../layout/lang.ts';
import { html } from '../html.ts';
import { renderLayout, siteName, type PortalView } from '../layout/layout.ts';
import type { Rendered } from '../portal-deps.ts';

const column = (v: PortalView, name: string): ColumnMeta => ({
  name,
  description: `${siteName(v)} ${name}`,
  keywords: name,
  type: '概况信息',
});

export function renderStatement(v: PortalView): Rendered {
  const { t } = v;
  const sponsor = v.site.sponsor || siteName(v);
  const text = v.site.statement.trim() || t.statementEmpty.replace('{site}', sponsor);
  const main = html`<article class="panel">
    <h1>${t.statement}</h1>
    <div ${v.site.statement.trim() ? html`lang="zh-CN"` : ''}>
      ${text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p) => html`<p>${v.site.statement.trim() ? p : zhWithin(v, p, sponsor)}</p>`)}
    </div>
  </article>`;
  return {
    html: renderLayout(
      v,
      { title: t.statement, column: column(v, t.statement), breadcrumb: [{ label: t.statement }] },
      main,
    ),
    tags: ['about'],
  };
}

export function renderContact(v: PortalView): Rendered {
  const { t, site } = v;
  const row = (label: string, value: string, href?: string) =>
    value
      ? html`<div>
          <dt>${label}</dt>
          <dd lang="zh-CN">${href ? html`<a href="${href}">${value}</a>` : value}</dd>
        </div>`
      : '';
  const main = html`<article class="panel">
    <h1>${t.contact}</h1>
    <dl class="facts">
      ${row(t.sponsor, site.sponsor || siteName(v))} ${row(t.address, site.address)}
      ${row(t.postcode, site.postcode)} ${row(t.phone, site.phone)} ${row(t.fax, site.fax)}
      ${row(t.email, site.email, site.email ? `mailto:${site.email}` : undefined)}
      ${row(t.officeHours, site.officeHours)} ${row(t.guideOffice, site.disclosureOffice)}
    </dl>
  </article>`;
  return {
    html: renderLayout(
      v,
      { title: t.contact, column: column(v, t.contact), breadcrumb: [{ label: t.contact }] },
      main,
    ),
    tags: ['about'],
  };
}
