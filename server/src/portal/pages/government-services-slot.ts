// The home page's entry to the government-site sections: 政府信息公开 (guide, catalogue, annual reports)
// and 办事指南 — reachable from `/` in one click (decisions 111, 113).
import { html } from '../html.ts';
import type { HomeSlot } from '../portal-deps.ts';

export const governmentServicesSlot: HomeSlot = {
  id: 'government-services',
  tags: [],
  render: async (v) => ({
    html: html`<div class="panel-head"><h2 id="h-gov">${v.t.xxgk} · ${v.t.services}</h2></div>
      <ul class="quick-links" aria-labelledby="h-gov">
        <li><a href="/xxgk/guide">${v.t.xxgkGuide}</a></li>
        <li><a href="/xxgk/catalogue">${v.t.xxgkCatalogue}</a></li>
        <li><a href="/xxgk">${v.t.xxgkAnnual}</a></li>
        <li><a href="/services">${v.t.services}</a></li>
      </ul>`,
  }),
};
