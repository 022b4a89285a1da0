// The 404 page: the site's frame, a clear message, a way home and a search box.
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
