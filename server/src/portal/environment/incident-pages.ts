// Incident releases: the list, and one release with its follow-ups in order.
import {
  chinaDateTime,
  INCIDENT_LEVEL_LABELS,
  INCIDENT_STATUS_LABELS,
  type Incident,
} from '@greenvoice/common';
import { html, type SafeHtml } from '../html.ts';
import type { PortalView } from '../layout/layout.ts';
import { pick, zhText } from '../layout/lang.ts';
import { demoNote } from './air-pages.ts';

export function incidentsBody(
  v: PortalView,
  items: Incident[],
  links: { detail: (id: number) => string },
  heading: 'h1' | 'h2' = 'h1',
): SafeHtml {
  const e = v.t.env;
  const title =
    heading === 'h1'
      ? html`<h1 id="inc-title">${e.incTitle}</h1>`
      : html`<h2 id="inc-title">${e.incTitle}</h2>`;
  return html`<section class="env" aria-labelledby="inc-title">
    ${title}
    <ul class="env-list">
      ${items.map(
        (i) =>
          html`<li>
            <a href="${links.detail(i.id)}">${zhText(v, i.title)}</a>
            <span class="env-meta"
              >${zhText(v, i.county)} · ${pick(v, INCIDENT_STATUS_LABELS[i.status])}</span
            >
            <time datetime="${i.occurredAt}">${i.occurredAt.slice(0, 10)}</time>
          </li>`,
      )}
    </ul>
    ${items.length === 0 ? html`<p>${e.incNone}</p>` : ''}
  </section>`;
}

export function incidentBody(v: PortalView, i: Incident): SafeHtml {
  const e = v.t.env;
  return html`<article class="env" aria-labelledby="inc-detail-title">
    <h1 id="inc-detail-title">${zhText(v, i.title)}</h1>
    <p class="env-meta">
      ${e.occurred}：${i.occurredAt.replace('T', ' ')} · ${e.place}：${zhText(v, `${i.county}${i.location}`)}
      · ${e.level}：${pick(v, INCIDENT_LEVEL_LABELS[i.level])} · ${pick(v, INCIDENT_STATUS_LABELS[i.status])}
      · ${e.published}：${chinaDateTime(i.publishedAt)}
    </p>
    <p>${zhText(v, i.summary)}</p>
    ${
      i.followUps.length
        ? html`<h2>${e.followUps}</h2>
            <ol class="env-timeline">
              ${i.followUps.map((f) => html`<li><time datetime="${f.publishedAt}">${chinaDateTime(f.publishedAt)}</time> ${zhText(v, f.content)}</li>`)}
            </ol>`
        : ''
    }
    <p class="env-note">${demoNote(v, i.isDemo)}</p>
  </article>`;
}
