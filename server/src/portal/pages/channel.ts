// A channel's list: newest first, dates on the right, plain paging links, its RSS and Atom feeds.
import { CHANNEL_KIND_LABELS } from '@greenvoice/common';
import { html } from '../html.ts';
import { channelName, renderLayout, type PortalView } from '../layout/layout.ts';
import type { PortalDeps, Rendered } from '../portal-deps.ts';
import { newsList } from './home.ts';
import { pager } from './pager.ts';

export const CHANNEL_PAGE_SIZE = 20;

export async function renderChannel(
  deps: PortalDeps,
  v: PortalView,
  code: string,
  page: number,
  now: string,
): Promise<Rendered | null> {
  const c = v.channels.find((x) => x.code === code);
  if (!c) return null; // unknown, or empty: an empty column is never shown
  const pages = Math.max(1, Math.ceil(c.live_count / CHANNEL_PAGE_SIZE));
  if (page > pages) return null;
  const items = await deps.content.latest(c.id, now, CHANNEL_PAGE_SIZE, (page - 1) * CHANNEL_PAGE_SIZE);
  const name = channelName(v, c);
  const href = (n: number) => (n === 1 ? `/channels/${c.code}` : `/channels/${c.code}?page=${n}`);
  const feeds = { rss: `/channels/${c.code}/rss.xml`, atom: `/channels/${c.code}/atom.xml`, title: name };
  const main = html`<section class="panel">
    <div class="channel-head">
      <h1>${name}</h1>
      ${c.description ? html`<p>${c.description}</p>` : ''}
    </div>
    ${newsList(v, items)} ${pager(v, page, pages, href)}
    <p class="feeds">${v.t.feeds}：<a href="${feeds.rss}">RSS</a> <a href="${feeds.atom}">Atom</a></p>
  </section>`;
  return {
    html: renderLayout(
      v,
      {
        title: page > 1 ? `${name} ${v.t.pageOf(page, pages)}` : name,
        column: {
          name: c.name,
          description: c.description || c.name,
          keywords: c.keywords || c.name,
          type: CHANNEL_KIND_LABELS[c.kind]?.zh ?? c.kind,
        },
        activeChannel: c.code,
        breadcrumb: [{ label: name }],
        feeds,
      },
      main,
    ),
    tags: [`c:${c.id}`],
  };
}
