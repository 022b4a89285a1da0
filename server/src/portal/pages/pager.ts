import { html, type SafeHtml } from '../html.ts';
import type { PortalView } from '../layout/layout.ts';

/** Plain links to pages: keyboard- and JavaScript-free. `href(n)` builds page n's address. */
export function pager(
  v: PortalView,
  page: number,
  pages: number,
  href: (n: number) => string,
): SafeHtml | '' {
  if (pages <= 1) return '';
  return html`<nav class="pager" aria-label="${v.t.pagination}">
    ${page > 1 ? html`<a href="${href(page - 1)}" rel="prev">${v.t.prevPage}</a>` : ''}
    <span aria-current="page">${v.t.pageOf(page, pages)}</span>
    ${page < pages ? html`<a href="${href(page + 1)}" rel="next">${v.t.nextPage}</a>` : ''}
  </nav>`;
}

/** ?page=N as a number within 1…max, or null when the value is not a page number. */
export function parsePage(raw: unknown, max = 10_000): number | null {
  if (raw === undefined) return 1;
  if (typeof raw !== 'string' || !/^[1-9]\d{0,5}$/.test(raw)) return null;
  const n = Number(raw);
  return n <= max ? n : null;
}
