// A channel's list: newest first, dates on the right, plain paging links, its RSS and Atom feeds. A
// channel that is also a data page (环境质量, 企业环境信息, …) shows its data first and its articles, if
// it has any, below (decision 101).
import { CHANNEL_COLUMN_TYPES, type ChannelKind } from '@greenvoice/common';
import { html, type SafeHtml } from '../html.ts';
import { interactionTiles } from '../cases/case-home-slot.ts';
import { channelName, renderLayout, type PortalView } from '../layout/layout.ts';
import { zhText } from '../layout/lang.ts';
import type { PortalDeps, Rendered } from '../portal-deps.ts';
import { dataChannelBody, DATA_PAGE_TAGS } from '../environment/data-channels.ts';
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
  const items =
    c.live_count > 0
      ? await deps.content.latest(c.id, now, CHANNEL_PAGE_SIZE, (page - 1) * CHANNEL_PAGE_SIZE)
      : [];
  const name = channelName(v, c);
  const href = (n: number) => (n === 1 ? `/channels/${c.code}` : `/channels/${c.code}?page=${n}`);
  const feeds = { rss: `/channels/${c.code}/rss.xml`, atom: `/channels/${c.code}/atom.xml`, title: name };
  // the data shows on the channel's first page; later pages are its articles only
  const data: { body: SafeHtml | null; expiresAt?: number } | null =
    page > 1
      ? null
      : c.data_page
        ? await dataChannelBody(deps.environment, v, c.data_page, now)
        : { body: waysIn(deps, v, c.kind) };
  const articles =
    items.length > 0
      ? html`${data?.body ? html`<h2>${v.t.env.channelArticles}</h2>` : ''} ${newsList(v, items)}
          ${pager(v, page, pages, href)}
          <p class="feeds">${v.t.feeds}：<a href="${feeds.rss}">RSS</a> <a href="${feeds.atom}">Atom</a></p>`
      : '';
  const main = html`<section class="panel">
    <div class="channel-head">
      <h1>${name}</h1>
      ${c.description ? html`<p>${zhText(v, c.description)}</p>` : ''}
    </div>
    ${data?.body ?? ''} ${articles}
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
          type: CHANNEL_COLUMN_TYPES[c.kind],
        },
        activeChannel: c.code,
        breadcrumb: [{ label: name }],
        feeds: items.length > 0 ? feeds : null,
      },
      main,
    ),
    tags: [`c:${c.id}`, ...(c.data_page ? DATA_PAGE_TAGS[c.data_page] : [])],
    ...(data?.expiresAt !== undefined ? { expiresAt: data.expiresAt } : {}),
  };
}

/**
 * The pages a 公众参与 or 新媒体矩阵 channel stands for, above its articles: the public-interaction forms,
 * the matrix of accounts (decision 116). Other channels: nothing.
 */
function waysIn(deps: PortalDeps, v: PortalView, kind: ChannelKind): SafeHtml | null {
  if (kind === 'participation' && deps.cases) return interactionTiles(v);
  if (kind === 'media' && deps.media)
    return html`<div class="tiles">
      <a class="tile" href="/media">${v.t.mediaMatrix}<small>${v.t.mediaMatrixText}</small></a>
    </div>`;
  return null;
}
