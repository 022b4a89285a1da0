// 政府信息公开 as the 2019 regulation shapes it (decision 111): the section's front page, the guide
// (指南, built from the site settings and the regulation's rules), and the catalogue by category with each
// item's index number, issuing body, dates, form of disclosure and validity.
import type { ColumnMeta } from '../layout/meta-tags.ts';
import {
  ANNUAL_REPORT_CHANNEL,
  DISCLOSURE_CATEGORIES,
  DISCLOSURE_CATEGORY_LABELS,
  DISCLOSURE_METHOD_LABELS,
  DOCUMENT_VALIDITY_LABELS,
  type DisclosureCategory,
  type DisclosureMethod,
  type DocumentValidity,
} from '@greenvoice/common';
import { formErrors } from '../forms/form-errors.ts';
import { readQuery } from '../forms/query-fields.ts';
import { html, type SafeHtml } from '../html.ts';
import { chinaDay } from '../layout/format.ts';
import { renderLayout, siteName, type Crumb, type PortalView } from '../layout/layout.ts';
import type { PortalDeps, Rendered } from '../portal-deps.ts';
import { pager } from './pager.ts';

const PAGE_SIZE = 20;
export const CATALOGUE_TAGS = ['sitemap']; // emptied whenever any article is published, withdrawn or archived

const column = (v: PortalView, name: string, description: string): ColumnMeta => ({
  name,
  description,
  keywords: `${v.t.xxgk},${name}`,
  type: '信息公开目录',
});
const crumbs = (v: PortalView, last?: string): Crumb[] =>
  last ? [{ label: v.t.xxgk, href: '/xxgk' }, { label: last }] : [{ label: v.t.xxgk }];

/** The section's own navigation, on each of its pages and on its channels' pages. */
export function disclosureNav(v: PortalView, current: string): SafeHtml {
  const annual = v.channels.some((c) => c.code === ANNUAL_REPORT_CHANNEL);
  const links: Array<[string, string]> = [
    ['/xxgk', v.t.xxgk],
    ['/xxgk/guide', v.t.xxgkGuide],
    ['/xxgk/catalogue', v.t.xxgkCatalogue],
    ...(annual ? ([[`/channels/${ANNUAL_REPORT_CHANNEL}`, v.t.xxgkAnnual]] as Array<[string, string]>) : []),
  ];
  return html`<nav class="section-nav" aria-label="${v.t.xxgk}">
    <ul>
      ${links.map(
        ([href, label]) =>
          html`<li><a href="${href}" ${href === current ? html`aria-current="page"` : ''}>${label}</a></li>`,
      )}
    </ul>
  </nav>`;
}

export function renderDisclosureHub(v: PortalView): Rendered {
  const { t } = v;
  const annual = v.channels.some((c) => c.code === ANNUAL_REPORT_CHANNEL);
  const main = html`${disclosureNav(v, '/xxgk')}
    <section class="panel">
      <h1>${t.xxgk}</h1>
      <p>${t.xxgkIntro}</p>
      <ul class="hub-links">
        <li><a href="/xxgk/guide">${t.xxgkGuide}</a></li>
        <li><a href="/xxgk/catalogue">${t.xxgkCatalogue}</a></li>
        <li>
          ${
            annual
              ? html`<a href="/channels/${ANNUAL_REPORT_CHANNEL}">${t.xxgkAnnual}</a>`
              : html`<span>${t.xxgkAnnual}</span> — ${t.xxgkAnnualPending}`
          }
        </li>
        <li><a href="/xxgk/guide#request">${t.xxgkRequest}</a></li>
      </ul>
    </section>`;
  return {
    html: renderLayout(
      v,
      { title: t.xxgk, column: column(v, t.xxgk, t.xxgkIntro), breadcrumb: crumbs(v), activeChannel: 'xxgk' },
      main,
    ),
    tags: CATALOGUE_TAGS,
  };
}

export function renderDisclosureGuide(v: PortalView): Rendered {
  const { t, site } = v;
  const [active, request, office, remedy] = t.guideSections;
  const row = (label: string, value: string) =>
    value
      ? html`<div>
          <dt>${label}</dt>
          <dd lang="zh-CN">${value}</dd>
        </div>`
      : '';
  const main = html`${disclosureNav(v, '/xxgk/guide')}
    <article class="panel guide">
      <h1>${siteName(v)} ${t.xxgkGuide}</h1>
      <h2 id="active">${active}</h2>
      ${t.guideActive(siteName(v)).map((p) => html`<p>${p}</p>`)}
      <p><a href="/xxgk/catalogue">${t.xxgkCatalogue}</a></p>
      <h2 id="request">${request}</h2>
      ${t.guideRequest.map((p) => html`<p>${p}</p>`)}
      <h2 id="office">${office}</h2>
      <dl class="facts">
        ${row(t.guideOffice, site.disclosureOffice || site.sponsor || site.siteName)}
        ${row(t.address, site.address)} ${row(t.postcode, site.postcode)}
        ${row(t.officeHours, site.officeHours)} ${row(t.phone, site.phone)} ${row(t.fax, site.fax)}
        ${row(t.email, site.email)}
      </dl>
      <h2 id="remedy">${remedy}</h2>
      <p>${t.guideRemedy}</p>
    </article>`;
  return {
    html: renderLayout(
      v,
      {
        title: t.xxgkGuide,
        column: column(v, t.xxgkGuide, t.xxgkIntro),
        breadcrumb: crumbs(v, t.xxgkGuide),
        activeChannel: 'xxgk',
      },
      main,
    ),
    tags: CATALOGUE_TAGS,
  };
}

const label = <K extends string>(v: PortalView, table: Record<K, { zh: string; en: string }>, k: string) =>
  k in table ? table[k as K][v.prefs.lang] : '—';

export async function renderCatalogue(
  deps: PortalDeps,
  v: PortalView,
  query: URLSearchParams,
  siteId: number,
  now: string,
): Promise<Rendered> {
  const { t } = v;
  const f = readQuery(query, t);
  const category = f.oneOf('category', DISCLOSURE_CATEGORIES);
  const page = f.page(1000);
  const counts = await deps.catalogue.counts(siteId, now);
  const r = f.errors.length
    ? { total: 0, items: [] }
    : await deps.catalogue.items(siteId, now, category, PAGE_SIZE, (page - 1) * PAGE_SIZE);
  const pages = Math.max(1, Math.ceil(r.total / PAGE_SIZE));
  if (!f.errors.length && page > pages) f.errors.push({ field: 'page', message: t.errPage(pages) });
  const qs = (c: string, n = 1) => {
    const p = new URLSearchParams(
      Object.entries({ category: c, page: n > 1 ? String(n) : '' }).filter(([, x]) => x),
    );
    const s = p.toString();
    return s ? `/xxgk/catalogue?${s}` : '/xxgk/catalogue';
  };
  const name = category ? DISCLOSURE_CATEGORY_LABELS[category][v.prefs.lang] : t.allCategories;
  const all = [...counts.values()].reduce((a, b) => a + b, 0);
  const main = html`${disclosureNav(v, '/xxgk/catalogue')}
    <section class="panel catalogue">
      <h1>${t.xxgkCatalogue}</h1>
      ${formErrors(v, 'cat', f.errors)}
      <nav class="category-tabs" aria-label="${t.catalogue}">
        <ul>
          <li>
            <a href="/xxgk/catalogue" ${category === '' ? html`aria-current="page"` : ''}
              >${t.allCategories} (${all})</a
            >
          </li>
          ${DISCLOSURE_CATEGORIES.filter((c) => counts.has(c)).map(
            (c) =>
              html`<li>
                <a href="${qs(c)}" ${c === category ? html`aria-current="page"` : ''}
                  >${DISCLOSURE_CATEGORY_LABELS[c][v.prefs.lang]} (${counts.get(c)})</a
                >
              </li>`,
          )}
        </ul>
      </nav>
      <h2>${name}</h2>
      ${
        r.items.length === 0
          ? html`<p>${t.catalogueEmpty}</p>`
          : html`<table class="catalogue-table">
                <caption class="sr-only">
                  ${t.xxgkCatalogue} · ${name}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">${t.indexNumber}</th>
                    <th scope="col">${t.itemTitle}</th>
                    <th scope="col">${t.issuer}</th>
                    <th scope="col">${t.pubDate}</th>
                    <th scope="col">${t.disclosureMethod}</th>
                    <th scope="col">${t.validity}</th>
                  </tr>
                </thead>
                <tbody>
                  ${r.items.map(
                    (i) =>
                      html`<tr>
                        <td data-label="${t.indexNumber}">${i.index_number || '—'}</td>
                        <th scope="row" data-label="${t.itemTitle}">
                          <a href="/articles/${i.id}" lang="zh-CN">${i.title}</a>
                          ${i.doc_number ? html`<span class="doc-no" lang="zh-CN">${i.doc_number}</span>` : ''}
                          <span class="cat-label"
                            >${label<DisclosureCategory>(v, DISCLOSURE_CATEGORY_LABELS, i.disclosure_category)}</span
                          >
                        </th>
                        <td data-label="${t.issuer}" lang="zh-CN">${i.issuer || '—'}</td>
                        <td data-label="${t.pubDate}">
                          <time datetime="${i.publish_at}">${chinaDay(i.publish_at)}</time>
                        </td>
                        <td data-label="${t.disclosureMethod}">
                          ${label<DisclosureMethod>(v, DISCLOSURE_METHOD_LABELS, i.disclosure_method)}
                        </td>
                        <td data-label="${t.validity}">
                          ${label<DocumentValidity>(v, DOCUMENT_VALIDITY_LABELS, i.validity)}
                        </td>
                      </tr>`,
                  )}
                </tbody>
              </table>
              ${pager(v, page, pages, (n) => qs(category, n))}`
      }
    </section>`;
  return {
    html: renderLayout(
      v,
      {
        title: category ? `${t.xxgkCatalogue} · ${name}` : t.xxgkCatalogue,
        column: column(v, t.xxgkCatalogue, t.xxgkIntro),
        breadcrumb: crumbs(v, t.xxgkCatalogue),
        activeChannel: 'xxgk',
      },
      main,
    ),
    status: f.errors.length ? 400 : 200,
    tags: f.errors.length ? null : CATALOGUE_TAGS,
  };
}
