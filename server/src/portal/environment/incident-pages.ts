// Incident releases: the list, and one release with its follow-ups in order.
import { INCIDENT_LEVEL_LABELS, INCIDENT_STATUS_LABELS, type Incident } from '@greenvoice/common';
import { html, type SafeHtml } from '../html.ts';
import { demoNote } from './air-pages.ts';

const beijing = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

export function incidentsBody(items: Incident[], links: { detail: (id: number) => string }): SafeHtml {
  return html`<section class="env" aria-labelledby="inc-title">
    <h1 id="inc-title">突发环境事件信息发布</h1>
    <ul class="env-list">
      ${items.map(
        (i) =>
          html`<li>
            <a href="${links.detail(i.id)}">${i.title}</a>
            <span class="env-meta">${i.county} · ${INCIDENT_STATUS_LABELS[i.status].zh}</span>
            <time datetime="${i.occurredAt}">${i.occurredAt.slice(0, 10)}</time>
          </li>`,
      )}
    </ul>
    ${items.length === 0 ? html`<p>暂无突发环境事件信息。</p>` : ''}
  </section>`;
}

export function incidentBody(i: Incident): SafeHtml {
  return html`<article class="env" aria-labelledby="inc-detail-title">
    <h1 id="inc-detail-title">${i.title}</h1>
    <p class="env-meta">
      发生时间：${i.occurredAt.replace('T', ' ')} · 地点：${i.county}${i.location} ·
      事件级别：${INCIDENT_LEVEL_LABELS[i.level].zh} · ${INCIDENT_STATUS_LABELS[i.status].zh} ·
      发布时间：${beijing(i.publishedAt)}
    </p>
    <p>${i.summary}</p>
    ${
      i.followUps.length
        ? html`<h2>后续进展</h2>
            <ol class="env-timeline">
              ${i.followUps.map((f) => html`<li><time datetime="${f.publishedAt}">${beijing(f.publishedAt)}</time> ${f.content}</li>`)}
            </ol>`
        : ''
    }
    <p class="env-note">${demoNote(i.isDemo)}</p>
  </article>`;
}
