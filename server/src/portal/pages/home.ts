// The home page: the latest items of every channel shown on it, the special columns, the
// new-media-matrix entry and the slots other modules fill (environmental quality).
import { html, type SafeHtml } from '../html.ts';
import { channelName, renderLayout, type PortalView } from '../layout/layout.ts';
import { chinaDay } from '../layout/format.ts';
import type { PortalDeps, Rendered } from '../portal-deps.ts';

const PER_CHANNEL = 7;

export function newsList(
  v: PortalView,
  items: { id: number; title: string; publish_at: string; archived_at: string | null }[],
) {
  return html`<ul class="news-list">
    ${items.map(
      (a) =>
        html`<li>
          <span class="item"
            ><a href="/articles/${a.id}" title="${a.title}">${a.title}</a>${
              a.archived_at ? html`<span class="tag-archived">${v.t.archived}</span>` : ''
            }</span
          >
          <time datetime="${chinaDay(a.publish_at)}">${chinaDay(a.publish_at)}</time>
        </li>`,
    )}
  </ul>`;
}

export async function renderHome(deps: PortalDeps, v: PortalView, now: string): Promise<Rendered> {
  const listed = v.channels.filter((c) => c.show_on_home && c.kind !== 'special' && c.kind !== 'media');
  const panels: SafeHtml[] = [];
  for (const c of listed) {
    const items = await deps.content.latest(c.id, now, PER_CHANNEL);
    panels.push(
      html`<section class="panel" aria-labelledby="h-${c.code}">
        <div class="panel-head">
          <h2 id="h-${c.code}">${channelName(v, c)}</h2>
          <a href="/channels/${c.code}" aria-label="${v.t.more}: ${channelName(v, c)}">${v.t.more} ›</a>
        </div>
        ${newsList(v, items)}
      </section>`,
    );
  }
  const slots: SafeHtml[] = [];
  for (const slot of deps.homeSlots) {
    const out = await slot.render(v);
    if (out) slots.push(html`<section class="panel home-wide" data-slot="${slot.id}">${out}</section>`);
  }
  const specials = v.channels.filter((c) => c.kind === 'special');
  const media = v.channels.find((c) => c.kind === 'media');
  const main = html`<h1 class="sr-only">${v.t.home}</h1>
    <div class="home-grid">
      ${slots}
      ${
        specials.length
          ? html`<section class="panel home-wide" aria-labelledby="h-specials">
              <div class="panel-head"><h2 id="h-specials">${v.t.specials}</h2></div>
              <div class="tiles">
                ${specials.map(
                  (c) =>
                    html`<a class="tile" href="/channels/${c.code}"
                      >${channelName(v, c)}<small>${c.description}</small></a
                    >`,
                )}
              </div>
            </section>`
          : ''
      }
      ${panels}
      ${
        media
          ? html`<section class="panel home-wide" aria-labelledby="h-media">
              <div class="panel-head"><h2 id="h-media">${channelName(v, media)}</h2></div>
              <div class="tiles">
                <a class="tile" href="/channels/${media.code}"
                  >${v.t.mediaMatrix}<small>${media.description || v.t.mediaMatrixText}</small></a
                >
              </div>
            </section>`
          : ''
      }
    </div>`;
  return {
    html: renderLayout(
      v,
      {
        title: '',
        column: { name: v.t.home, description: v.site.siteName, keywords: v.site.siteName, type: '首页' },
        activeChannel: '',
      },
      main,
    ),
    tags: ['home', ...listed.map((c) => `c:${c.id}`)],
  };
}
