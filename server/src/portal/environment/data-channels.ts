// A channel that is also a data page (decision 101): /channels/<code> shows the data first — the
// environmental-quality summary, the key discharging units, the incident releases or the data sets —
// and the channel's own articles, if it has any, below. Its cache tags are those of the data shown.
import { PORTAL_TOPICS, type ChannelDataPage } from '@greenvoice/common';
import { html, type SafeHtml } from '../html.ts';
import type { PortalView } from '../layout/layout.ts';
import { pick } from '../layout/lang.ts';
import type { EnvironmentDeps } from '../portal-deps.ts';
import { dischargerSearchBody } from './enterprise-pages.ts';
import { environmentSummary } from './environment-home.ts';
import { envTabs, TAB_HREF, type EnvTab } from './environment-pages.ts';
import { incidentsBody } from './incident-pages.ts';

const TAB_OF: Record<ChannelDataPage, EnvTab | null> = {
  quality: null,
  enterprises: 'enterprises',
  incidents: 'incidents',
  'open-data': 'open-data',
};

export const DATA_PAGE_TAGS: Record<ChannelDataPage, string[]> = {
  quality: ['t:air', 't:water', 't:incidents'],
  enterprises: ['t:enterprises'],
  incidents: ['t:incidents'],
  'open-data': PORTAL_TOPICS.map((t) => `t:${t}`),
};

export async function dataChannelBody(
  env: EnvironmentDeps,
  v: PortalView,
  page: ChannelDataPage,
  now: string,
): Promise<{ body: SafeHtml; expiresAt?: number }> {
  const e = v.t.env;
  const tabs = envTabs(v, TAB_OF[page], false);
  if (page === 'quality') {
    const s = await environmentSummary(env, v, now, { more: false });
    const links = html`<p class="env-links">
      <a href="${TAB_HREF.air}">${e.seeAir} ›</a> <a href="${TAB_HREF.water}">${e.seeWater} ›</a>
    </p>`;
    return {
      body: html`${tabs}
        <section class="panel">${s?.html ?? html`<p>${e.noData}</p>`}${links}</section>`,
      ...(s?.expiresAt !== undefined ? { expiresAt: s.expiresAt } : {}),
    };
  }
  if (page === 'enterprises') {
    const list = await env.dischargers.list({ page: 1, pageSize: 20 });
    const more =
      list.total > list.items.length
        ? html`<p class="env-links"><a href="${TAB_HREF.enterprises}?page=2">${e.fullList} ›</a></p>`
        : '';
    return {
      body: html`${tabs}${dischargerSearchBody(
        v,
        '',
        list,
        {
          detail: (id) => `/environment/enterprises/${id}`,
          page: (n) => `${TAB_HREF.enterprises}?page=${n}`,
        },
        { heading: 'h2' },
      )}${more}`,
    };
  }
  if (page === 'incidents') {
    const list = await env.incidents.list({ pageSize: 20 });
    return {
      body: html`${tabs}${incidentsBody(v, list.items, { detail: (id) => `/environment/incidents/${id}` }, 'h2')}`,
    };
  }
  const sets = await env.openData.catalogue();
  return {
    body: html`${tabs}
      <ul class="news-list">
        ${sets.map(
          (x) =>
            html`<li>
              <span class="item"
                ><a href="${TAB_HREF['open-data']}#ds-${x.dataset.name}">${pick(v, x.dataset.title)}</a></span
              >
              <span>${pick(v, x.info.frequency)}</span>
            </li>`,
        )}
      </ul>
      <p class="env-links"><a href="${TAB_HREF['open-data']}">${e.openData} ›</a></p>`,
  };
}
