// Full-text search over the live articles' titles and bodies, with highlighted snippets and paging.
import { MAX_QUERY_CHARS, queryTerms } from '../../modules/cms/segment.ts';
import { html } from '../html.ts';
import { chinaDay } from '../layout/format.ts';
import { channelName, renderLayout, type PortalView } from '../layout/layout.ts';
import type { PortalDeps, Rendered } from '../portal-deps.ts';
import { pager } from './pager.ts';

const PAGE_SIZE = 10;
const MAX_PAGE = 100;

export async function renderSearch(
  deps: PortalDeps,
  v: PortalView,
  rawQuery: string,
  page: number,
  siteId: number,
  now: string,
): Promise<Rendered> {
  const { t } = v;
  const tooLong = rawQuery.length > MAX_QUERY_CHARS;
  const q = rawQuery.slice(0, MAX_QUERY_CHARS).trim();
  const terms = q ? queryTerms(q) : [];
  const p = Math.min(page, MAX_PAGE);
  const window = { siteUnitId: siteId, now, limit: PAGE_SIZE, offset: (p - 1) * PAGE_SIZE };
  let result = await deps.search.search(deps.db, { terms, ...window });
  let marks = terms;
  // nothing by words (one character, or a phrase cut differently in the text): try the phrase itself
  if (result.total === 0 && q && terms.length > 0) {
    result = await deps.search.substring(deps.db, { text: q, ...window });
    marks = [q];
  }
  const pages = Math.min(MAX_PAGE, Math.ceil(result.total / PAGE_SIZE));
  const href = (n: number) => `/search?q=${encodeURIComponent(q)}${n > 1 ? `&page=${n}` : ''}`;
  const main = html`<section class="panel search-page">
    <h1 class="sr-only">${t.search}</h1>
    <form class="search" role="search" method="get" action="/search">
      <label class="sr-only" for="page-q">${t.searchLabel}</label>
      <input
        id="page-q"
        name="q"
        type="search"
        maxlength="${MAX_QUERY_CHARS}"
        value="${q}"
        placeholder="${t.searchPlaceholder}"
      />
      <button type="submit">${t.search}</button>
    </form>
    ${tooLong ? html`<p class="notice" role="status">${t.queryTooLong(MAX_QUERY_CHARS)}</p>` : ''}
    ${
      !q
        ? html`<p>${t.searchHint}</p>`
        : result.total === 0
          ? html`<p role="status">${t.noResults}</p>`
          : html`<p role="status">${t.results(result.total)}</p>
              <ol class="results">
                ${result.hits.map(
                  (h) =>
                    html`<li>
                      <h2><a href="/articles/${h.id}">${highlightTitle(h.title, marks)}</a></h2>
                      <p>${highlightBody(h.body_text, marks)}</p>
                      <p>
                        ${channelName(v, { name: h.channel_name, name_en: h.channel_name_en })} ·
                        <time>${chinaDay(h.publish_at)}</time>
                      </p>
                    </li>`,
                )}
              </ol>
              ${pager(v, p, pages, href)}`
    }
  </section>`;
  return {
    html: renderLayout(
      v,
      {
        title: q ? `${t.search}：${q}` : t.search,
        column: { name: t.search, description: t.searchHint, keywords: t.search, type: '搜索' },
        breadcrumb: [{ label: t.search }],
        noindex: true,
      },
      main,
    ),
    tags: null,
  };
}

import { highlight } from './highlight.ts';
const highlightTitle = (title: string, terms: string[]) => highlight(title, terms, 200);
const highlightBody = (body: string, terms: string[]) => highlight(body, terms, 140);
