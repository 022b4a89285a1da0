// The 404 page: the site's frame, a clear message, a way home and a search box; and the 400 page for
// an address whose query string the page does not read (decision 117), with the way to the page itself.
import { html } from '../html.ts';
import { renderLayout, type PortalView } from '../layout/layout.ts';
import type { Rendered } from '../portal-deps.ts';

export function renderNotFound(v: PortalView): Rendered {
  const { t } = v;
  const main = html`<section class="panel not-found">
    <h1>404 · ${t.notFoundTitle}</h1>
    <p>${t.notFoundText}</p>
    <form class="search" role="search" method="get" action="/search">
      <label class="sr-only" for="nf-q">${t.searchLabel}</label>
      <input id="nf-q" name="q" type="search" maxlength="100" placeholder="${t.searchPlaceholder}" />
      <button type="submit">${t.search}</button>
    </form>
    <p><a href="/">${t.backHome}</a></p>
  </section>`;
  return {
    html: renderLayout(v, { title: t.notFoundTitle, column: null, noindex: true }, main),
    status: 404,
    tags: null,
  };
}

/** 400: the query string names a field this page does not read. `path` is the page without it. */
export function renderBadQuery(v: PortalView, path: string): Rendered {
  const { t } = v;
  const main = html`<section class="panel not-found">
    <h1>400 · ${t.badQueryTitle}</h1>
    <p>${t.badQueryText}</p>
    <p><a href="${path}">${t.badQueryLink}</a></p>
    <p><a href="/">${t.backHome}</a></p>
  </section>`;
  return {
    html: renderLayout(v, { title: t.badQueryTitle, column: null, noindex: true }, main),
    status: 400,
    tags: null,
  };
}
