// Enterprise pages: search over key discharging units, and one unit's disclosures arranged by the eight
// parts of the annual report with its deadlines.
import {
  DISCLOSURE_KIND_LABELS,
  DISCLOSURE_RULE_LABELS,
  type Discharger,
  type DischargerDetail,
} from '@greenvoice/common';
import { html, type SafeHtml } from '../html.ts';
import type { PortalView } from '../layout/layout.ts';
import { pick, zhText } from '../layout/lang.ts';
import { fieldState, formErrors } from '../forms/form-errors.ts';
import type { FieldError } from '../forms/query-fields.ts';
import { demoNote } from './air-pages.ts';

const ENT_FORM = 'ent';

export function dischargerSearchBody(
  v: PortalView,
  q: string,
  page: { items: Discharger[]; total: number; page: number; pageSize: number },
  links: { detail: (id: number) => string; page: (n: number) => string },
  opts: { heading: 'h1' | 'h2'; errors?: FieldError[] } = { heading: 'h1' },
): SafeHtml {
  const e = v.t.env;
  const pages = Math.ceil(page.total / page.pageSize);
  const errors = opts.errors ?? [];
  return html`<section class="env" aria-labelledby="ent-title">
    ${opts.heading === 'h1' ? html`<h1 id="ent-title">${e.entTitle}</h1>` : html`<h2 id="ent-title">${e.entTitle}</h2>`}
    ${formErrors(v, ENT_FORM, errors)}
    <form class="env-filter" method="get" action="/environment/enterprises" role="search">
      <label for="${ENT_FORM}-q">${e.entSearch}</label>
      <input
        id="${ENT_FORM}-q"
        type="search"
        name="q"
        value="${q}"
        maxlength="100"
        ${fieldState(ENT_FORM, 'q', errors)}
      />
      <button type="submit">${e.search}</button>
    </form>
    <p class="env-meta">${e.entTotal(page.total)}</p>
    <div class="env-scroll" tabindex="0">
      <table class="env-table env-key-first">
        <thead>
          <tr>
            <th scope="col">${e.entName}</th>
            <th scope="col">${e.creditCode}</th>
            <th scope="col">${e.county}</th>
            <th scope="col">${e.industry}</th>
            <th scope="col">${e.permit}</th>
          </tr>
        </thead>
        <tbody>
          ${page.items.map(
            (d) =>
              html`<tr>
                <th scope="row"><a href="${links.detail(d.id)}">${zhText(v, d.name)}</a></th>
                <td>${d.creditCode}</td>
                <td>${zhText(v, d.county)}</td>
                <td>${zhText(v, d.industry)}</td>
                <td>${d.permitNumber ?? '—'}</td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
    ${
      pages > 1
        ? html`<nav class="env-pages" aria-label="${v.t.pagination}">
            ${Array.from({ length: pages }, (_, i) =>
              i + 1 === page.page
                ? html`<span aria-current="page">${i + 1}</span>`
                : html`<a href="${links.page(i + 1)}">${i + 1}</a>`,
            )}
          </nav>`
        : ''
    }
  </section>`;
}

export function dischargerDetailBody(v: PortalView, d: DischargerDetail): SafeHtml {
  const e = v.t.env;
  const x = d.discharger;
  const latest = d.annualReports[0] ?? null;
  return html`<section class="env" aria-labelledby="ent-detail-title">
    <h1 id="ent-detail-title">${zhText(v, x.name)}</h1>
    <dl class="env-facts">
      <dt>${e.creditCode}</dt>
      <dd>${x.creditCode}</dd>
      <dt>${e.permit}</dt>
      <dd>${x.permitNumber ?? '—'}</dd>
      <dt>${e.county}</dt>
      <dd>${zhText(v, x.county)}</dd>
      <dt>${e.industry}</dt>
      <dd>${zhText(v, x.industry)}</dd>
      <dt>${e.listed}</dt>
      <dd>${e.listedYear(x.listedYear)}</dd>
    </dl>
    <nav class="env-toc" aria-label="${e.parts}">
      <ol>
        ${d.parts.map((p) => html`<li><a href="#part-${p.part}">${pick(v, p.label)}</a></li>`)}
      </ol>
    </nav>
    ${d.parts.map(
      (p, i) =>
        html`<section id="part-${p.part}">
          <h2>${i + 1}. ${pick(v, p.label)}</h2>
          ${p.annualText ? html`<p><span class="env-meta">${e.annualOf(p.annualYear)}</span>${zhText(v, p.annualText)}</p>` : html`<p class="env-meta">${e.partMissing}</p>`}
          ${
            p.part !== 'emissions' || !latest
              ? ''
              : latest.emissions?.length
                ? emissionsTable(v, latest.emissions)
                : html`<p class="env-meta">${e.noEmissions}</p>`
          }
          ${
            p.records.length
              ? html`<ul>
                  ${p.records.map(
                    (r) =>
                      html`<li>
                        <strong>${pick(v, DISCLOSURE_KIND_LABELS[r.kind])}：${zhText(v, r.title)}</strong>
                        ${r.docNumber ? html`（${r.docNumber}）` : ''}
                        ${r.eventDate ? e.eventDate(r.eventDate) : ''}
                        ${r.publishedOn ? e.disclosedOn(r.publishedOn) : html`<em>${e.notDisclosed}</em>`}
                        ${r.content ? html`<br />${zhText(v, r.content)}` : ''}
                      </li>`,
                  )}
                </ul>`
              : ''
          }
        </section>`,
    )}
    <h2>${e.deadlines}</h2>
    ${
      d.obligations.length
        ? html`<div class="env-scroll" tabindex="0">
            <table class="env-table env-key-first">
              <caption>
                ${e.deadlinesCaption}
              </caption>
              <thead>
                <tr>
                  <th scope="col">${e.report}</th>
                  <th scope="col">${e.dueOn}</th>
                  <th scope="col">${e.publishedOn}</th>
                  <th scope="col">${e.state}</th>
                  <th scope="col">${e.basis}</th>
                </tr>
              </thead>
              <tbody>
                ${d.obligations.map(
                  (o) =>
                    html`<tr>
                      <th scope="row">${o.kind === 'annual' ? e.annualTitle(o.year) : zhText(v, o.title)}</th>
                      <td>${o.dueOn}</td>
                      <td>${o.publishedOn ?? '—'}</td>
                      <td>${e.statuses[o.status]}</td>
                      <td>${pick(v, DISCLOSURE_RULE_LABELS[o.rule])}</td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : html`<p class="env-meta">${e.noDeadlines}</p>`
    }
    <p class="env-note">${demoNote(v, x.isDemo)}</p>
  </section>`;
}

function emissionsTable(
  v: PortalView,
  rows: NonNullable<DischargerDetail['annualReports'][number]['emissions']>,
) {
  const e = v.t.env;
  const n = (x: number | null, unit: string) => (x === null ? '—' : `${x} ${unit}`);
  return html`<div class="env-scroll" tabindex="0">
    <table class="env-table env-key-first">
      <caption>
        ${e.emissionsCaption}
      </caption>
      <thead>
        <tr>
          <th scope="col">${e.pollutant}</th>
          <th scope="col">${e.outlet}</th>
          <th scope="col">${e.concentration}</th>
          <th scope="col">${e.limit}</th>
          <th scope="col">${e.total}</th>
          <th scope="col">${e.permitted}</th>
          <th scope="col">${e.monitoring}</th>
          <th scope="col">${e.standard}</th>
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr>
              <th scope="row">${zhText(v, r.pollutant)}</th>
              <td>${zhText(v, r.outlet) || '—'}</td>
              <td>${n(r.concentration, r.concentrationUnit)}</td>
              <td>${n(r.limit, r.concentrationUnit)}</td>
              <td>${n(r.total, 't')}</td>
              <td>${n(r.permitted, 't')}</td>
              <td>${zhText(v, r.monitoring)}</td>
              <td>${zhText(v, r.standard) || '—'}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
