// 办事指南 on the portal (decision 113): the bureau's services by category, and each guide with the ten
// required elements, its time limit and online address when given, and its forms to download.
import type { ColumnMeta } from '../layout/meta-tags.ts';
import {
  chinaDateTime,
  GUIDE_CATEGORIES,
  GUIDE_CATEGORY_LABELS,
  GUIDE_ELEMENT_LABELS,
  type GuideElement,
  type ServiceGuide,
} from '@greenvoice/common';
import { html, type SafeHtml } from '../html.ts';
import { fileSize } from '../layout/format.ts';
import { renderLayout, type PortalView } from '../layout/layout.ts';
import type { PortalDeps, Rendered } from '../portal-deps.ts';

export const GUIDE_TAGS = ['guides']; // guide changes empty every page (the change feed's "everything")

const column = (v: PortalView): ColumnMeta => ({
  name: v.t.services,
  description: v.t.servicesIntro,
  keywords: `${v.t.services},环境影响评价,排污许可,危险废物`,
  type: '办事服务',
});

/** Text kept as the editor wrote it: one paragraph per line. */
const paragraphs = (text: string): SafeHtml =>
  html`${text
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => html`<p>${l}</p>`)}`;

export async function renderServices(deps: PortalDeps, v: PortalView, siteId: number): Promise<Rendered> {
  const { t } = v;
  const guides = await deps.guides.publishedGuides(siteId);
  const groups = GUIDE_CATEGORIES.map((c) => [c, guides.filter((g) => g.category === c)] as const).filter(
    ([, gs]) => gs.length > 0,
  );
  const main = html`<section class="panel services">
    <h1>${t.services}</h1>
    <p>${t.servicesIntro}</p>
    ${groups.length === 0 ? html`<p>${t.servicesEmpty}</p>` : ''}
    ${groups.map(
      ([c, gs]) =>
        html`<section aria-labelledby="g-${c}">
          <h2 id="g-${c}">${GUIDE_CATEGORY_LABELS[c][v.prefs.lang]}</h2>
          <ul class="guide-list">
            ${gs.map(
              (g) =>
                html`<li>
                  <a href="/services/${g.id}" lang="zh-CN">${g.name}</a>
                  <span class="result-meta" lang="zh-CN">${g.agency}</span>
                </li>`,
            )}
          </ul>
        </section>`,
    )}
  </section>`;
  return {
    html: renderLayout(
      v,
      {
        title: t.services,
        column: column(v),
        breadcrumb: [{ label: t.services }],
        activeChannel: 'services',
      },
      main,
    ),
    tags: GUIDE_TAGS,
  };
}

const ORDER: GuideElement[] = [
  'name',
  'basis',
  'conditions',
  'materials',
  'location',
  'agency',
  'hours',
  'fees',
  'phone',
  'process',
];

export async function renderService(
  deps: PortalDeps,
  v: PortalView,
  id: number,
  siteId: number,
): Promise<Rendered | null> {
  const g = await deps.guides.publishedGuide(id, siteId);
  if (!g) return null;
  const { t } = v;
  const el = (k: GuideElement) => GUIDE_ELEMENT_LABELS[k][v.prefs.lang];
  const extra: Array<[string, SafeHtml]> = [];
  if (g.timeLimit) extra.push([t.timeLimit, html`<p>${g.timeLimit}</p>`]);
  if (g.onlineUrl)
    extra.push([t.onlineService, html`<p><a href="${g.onlineUrl}" rel="noopener">${g.onlineUrl}</a></p>`]);
  const main = html`<article class="panel guide-detail">
    <h1 lang="zh-CN">${g.name}</h1>
    <p class="result-meta">${GUIDE_CATEGORY_LABELS[g.category][v.prefs.lang]}</p>
    <dl class="guide-elements">
      ${ORDER.filter((k) => k !== 'name').map(
        (k) =>
          html`<div>
            <dt>${el(k)}</dt>
            <dd lang="zh-CN">${paragraphs(g[k])}</dd>
          </div>`,
      )}
      ${extra.map(
        ([label, value]) =>
          html`<div>
            <dt>${label}</dt>
            <dd lang="zh-CN">${value}</dd>
          </div>`,
      )}
    </dl>
    <section class="attachments" aria-labelledby="h-forms">
      <h2 id="h-forms">${t.forms}</h2>
      ${formsList(v, g)}
    </section>
  </article>`;
  return {
    html: renderLayout(
      v,
      {
        title: g.name,
        column: column(v),
        article: {
          title: g.name,
          pubDate: chinaDateTime(g.publishedAt ?? g.updatedAt),
          source: g.agency,
          keywords: `${g.name},${GUIDE_CATEGORY_LABELS[g.category].zh}`,
          author: g.agency,
          description: `${g.name}：${g.conditions}`.replace(/\s+/g, ' ').slice(0, 120),
          image: '',
          url: `${v.origin}/services/${g.id}`,
        },
        breadcrumb: [
          { label: t.services, href: '/services' },
          { label: g.name, zh: g.name },
        ],
        activeChannel: 'services',
      },
      main,
    ),
    tags: GUIDE_TAGS,
  };
}

function formsList(v: PortalView, g: ServiceGuide): SafeHtml {
  if (g.forms.length === 0) return html`<p>${v.t.noForms}</p>`;
  return html`<ul>
    ${g.forms.map(
      (f) => html`<li><a href="${f.url}" download lang="zh-CN">${f.name}</a> (${fileSize(f.size)})</li>`,
    )}
  </ul>`;
}
