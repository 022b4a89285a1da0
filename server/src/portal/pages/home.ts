// The home page: the latest items of every channel shown on it, the special columns, the
// new-media-matrix entry and the slots other modules fill (environmental quality).
import { html, type SafeHtml } from '../html.ts';
import { channelName, renderLayout, type PortalView } from '../layout/layout.ts';
import { zhText } from '../layout/lang.ts';
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
            ><a href="/articles/${a.id}" title="${a.title}" lang="zh-CN">${a.title}</a>${
              a.archived_at ? html`<span class="tag-archived">${v.t.archived}</span>` : ''
            }</span
          >
          <time datetime="${chinaDay(a.publish_at)}">${chinaDay(a.publish_at)}</time>
        </li>`,
    )}
  </ul>`;
}

export async function renderHome(deps: PortalDeps, v: PortalView, now: string): Promise<Rendered> {
  const listed = v.channels.filter(
    (c) => c.show_on_home && c.live_count > 0 && c.kind !== 'special' && c.kind !== 'media',
  );
  const latest = await deps.content.latestOfChannels(
    listed.map((c) => c.id),
    now,
    PER_CHANNEL,
  );
  const panels: SafeHtml[] = [];
  for (const c of listed) {
    const items = latest.get(c.id)!;
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
  let expiresAt: number | undefined;
  for (const slot of deps.homeSlots) {
    const out = await slot.render(v, now);
    if (!out) continue;
    slots.push(html`<section class="panel home-wide" data-slot="${slot.id}">${out.html}</section>`);
    if (out.expiresAt !== undefined) expiresAt = Math.min(expiresAt ?? Infinity, out.expiresAt);
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
                      >${channelName(v, c)}<small>${zhText(v, c.description)}</small></a
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
                <a class="tile" href="${deps.media ? '/media' : `/channels/${media.code}`}"
                  >${v.t.mediaMatrix}<small
                    >${media.description ? zhText(v, media.description) : v.t.mediaMatrixText}</small
                  ></a
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
        column: null,
        activeChannel: '',
      },
      main,
    ),
    tags: ['home', ...listed.map((c) => `c:${c.id}`), ...deps.homeSlots.flatMap((s) => s.tags)],
    ...(expiresAt !== undefined ? { expiresAt } : {}),
  };
}
