// The site search a bureau's visitors need (decision 110): pages by words, document number
// (常环发〔2018〕9号 typed with any brackets, or "9号"), index number and issuing body; enterprises by
// name, credit code, permit number, industry or county; monitoring stations and sections. Sorted by
// relevance or date, filtered by channel and publication date; a wrong field answers 400 with the
// message beside the form (decision 112).
import { chinaDayStart, chinaDayEnd, normaliseIndexNumber, parseDocNumber } from '@greenvoice/common';
import { MAX_QUERY_CHARS, queryTerms } from '../../modules/cms/segment.ts';
import { fieldState, formErrors } from '../forms/form-errors.ts';
import { readQuery } from '../forms/query-fields.ts';
import { html, type SafeHtml } from '../html.ts';
import { chinaDay } from '../layout/format.ts';
import { channelName, renderLayout, type PortalView } from '../layout/layout.ts';
import type { PortalDeps, Rendered } from '../portal-deps.ts';
import { highlight } from './highlight.ts';
import { pager } from './pager.ts';

const PAGE_SIZE = 10;
const MAX_PAGE = 100;
const ENTITY_LIMIT = 5;
const SORTS = ['relevance', 'date'] as const;
const FORM = 'sq';

/** The search form's fields: every other query field answers the 400 page (decision 117). */
export const SEARCH_FIELDS = ['q', 'channel', 'sort', 'from', 'to', 'page'] as const;

export async function renderSearch(
  deps: PortalDeps,
  v: PortalView,
  query: URLSearchParams,
  siteId: number,
  now: string,
): Promise<Rendered> {
  const { t } = v;
  const f = readQuery(query, t);
  const q = f.boundedText('q', MAX_QUERY_CHARS);
  const channelCodes = v.channels.map((c) => c.code);
  const channel = f.oneOf('channel', channelCodes);
  const sort = f.oneOf('sort', SORTS) || 'relevance';
  const range = f.dateRange('from', 'to');
  const page = f.page(MAX_PAGE);
  const bad = f.errors.length > 0;

  const doc = parseDocNumber(q);
  const indexNumber = normaliseIndexNumber(q);
  const terms = q && !(doc && !doc.prefix) ? queryTerms(q) : [];
  const filters = {
    channelCode: channel || undefined,
    from: range.from ? chinaDayStart(range.from) : undefined,
    until: range.to ? chinaDayEnd(range.to) : undefined,
    sort,
    siteUnitId: siteId,
    now,
    limit: PAGE_SIZE,
  };
  const searchAt = async (p: number) => {
    const window = { ...filters, offset: (p - 1) * PAGE_SIZE };
    let r = await deps.search.search(deps.db, { terms, doc, indexNumber, ...window });
    let marks = [...terms, ...(doc || indexNumber ? [q] : [])];
    // nothing by words (a phrase jieba cut differently in the text): try the phrase itself
    if (r.total === 0 && terms.length > 0 && !doc && !indexNumber) {
      r = await deps.search.substring(deps.db, { text: q, ...window });
      marks = [q];
    }
    return { ...r, marks };
  };

  const asked = Boolean(q) && !bad;
  let p = page;
  let result = asked ? await searchAt(p) : { total: 0, hits: [], marks: [] as string[] };
  let beyond = false;
  if (asked && result.hits.length === 0 && p > 1) {
    p = 1;
    beyond = true;
    result = await searchAt(1);
  }
  // enterprises and places have no channel or date: they answer only an unfiltered first page
  const words = q.split(/\s+/).filter(Boolean);
  const entities = asked && p === 1 && !channel && !range.from && !range.to && !doc && !indexNumber;
  const [enterprises, places] = entities
    ? await Promise.all([
        deps.finder.enterprises(words, ENTITY_LIMIT),
        deps.finder.places(words, ENTITY_LIMIT),
      ])
    : [null, null];

  const pages = Math.min(MAX_PAGE, Math.ceil(result.total / PAGE_SIZE));
  const params = (over: Record<string, string>) => {
    const all: Record<string, string> = { q, channel, from: range.from, to: range.to, sort, ...over };
    if (all.sort === 'relevance') delete all.sort;
    return new URLSearchParams(Object.entries(all).filter(([, x]) => x)).toString();
  };
  const href = (n: number) => `/search?${params(n > 1 ? { page: String(n) } : {})}`;
  const nothing =
    asked &&
    result.total === 0 &&
    !enterprises?.total &&
    !places?.stations.length &&
    !places?.sections.length;

  const main = html`<section class="panel search-page">
    <h1>${t.search}</h1>
    ${searchForm(v, { q, channel, from: range.from, to: range.to, sort }, f.errors)}
    ${beyond ? html`<p class="notice" role="status">${t.pageBeyond}</p>` : ''}
    ${!q && !bad ? html`<p>${t.searchHint}</p>` : ''}
    ${nothing ? html`<p role="status">${t.noResults}</p>` : ''}
    ${enterprises && enterprises.total > 0 ? enterpriseHits(v, q, enterprises) : ''}
    ${places ? placeHits(v, places) : ''}
    ${
      asked && result.total > 0
        ? html`<h2 class="results-head">${t.resultsArticles} · ${t.results(result.total)}</h2>
            <p class="sort-links">
              ${t.sortBy}：${SORTS.map((s) =>
                s === sort
                  ? html`<strong aria-current="true">${s === 'date' ? t.sortDate : t.sortRelevance}</strong>`
                  : html`<a href="/search?${params({ sort: s })}"
                      >${s === 'date' ? t.sortDate : t.sortRelevance}</a
                    >`,
              )}
            </p>
            <ol class="results">
              ${result.hits.map(
                (h) =>
                  html`<li>
                    <h3>
                      <a href="/articles/${h.id}" lang="zh-CN">${highlight(h.title, result.marks, 200)}</a>
                    </h3>
                    <p lang="zh-CN">${highlight(h.body_text, result.marks, 140)}</p>
                    <p class="result-meta">
                      ${channelName(v, { name: h.channel_name, name_en: h.channel_name_en })}
                      ${h.doc_number ? html`· <span lang="zh-CN">${h.doc_number}</span>` : ''}
                      ${h.issuer ? html`· <span lang="zh-CN">${h.issuer}</span>` : ''} ·
                      <time datetime="${h.publish_at}">${chinaDay(h.publish_at)}</time>
                    </p>
                  </li>`,
              )}
            </ol>
            ${pager(v, p, pages, href)}`
        : ''
    }
  </section>`;
  return {
    html: renderLayout(
      v,
      {
        title: q ? `${t.search}：${q}` : t.search,
        column: null,
        breadcrumb: [{ label: t.search }],
        noindex: true,
      },
      main,
    ),
    status: bad ? 400 : 200,
    tags: null,
  };
}

function searchForm(
  v: PortalView,
  s: { q: string; channel: string; from: string; to: string; sort: string },
  errors: ReturnType<typeof readQuery>['errors'],
): SafeHtml {
  const { t } = v;
  const st = (field: string) => fieldState(FORM, field, errors);
  return html`<form class="search search-full" role="search" method="get" action="/search" novalidate>
    ${formErrors(v, FORM, errors)}
    <div class="search-row">
      <label class="sr-only" for="${FORM}-q">${t.searchLabel}</label>
      <input
        id="${FORM}-q"
        name="q"
        type="search"
        maxlength="${MAX_QUERY_CHARS}"
        value="${s.q}"
        placeholder="${t.searchPlaceholder}"
        ${st('q')}
      />
      <button type="submit">${t.search}</button>
    </div>
    <fieldset class="search-filters">
      <legend>${t.searchFilters}</legend>
      <label for="${FORM}-channel">${t.searchChannel}</label>
      <select id="${FORM}-channel" name="channel" ${st('channel')}>
        <option value="">${t.allChannels}</option>
        ${v.channels.map(
          (c) =>
            html`<option value="${c.code}" ${c.code === s.channel ? html`selected` : ''}>
              ${channelName(v, c)}
            </option>`,
        )}
      </select>
      <label for="${FORM}-from">${t.searchFrom}</label>
      <input id="${FORM}-from" name="from" type="date" value="${s.from}" ${st('from')} />
      <label for="${FORM}-to">${t.searchTo}</label>
      <input id="${FORM}-to" name="to" type="date" value="${s.to}" ${st('to')} />
      <label for="${FORM}-sort">${t.sortBy}</label>
      <select id="${FORM}-sort" name="sort" ${st('sort')}>
        <option value="relevance" ${s.sort === 'relevance' ? html`selected` : ''}>${t.sortRelevance}</option>
        <option value="date" ${s.sort === 'date' ? html`selected` : ''}>${t.sortDate}</option>
      </select>
    </fieldset>
  </form>`;
}

function enterpriseHits(
  v: PortalView,
  q: string,
  r: Awaited<ReturnType<PortalDeps['finder']['enterprises']>>,
): SafeHtml {
  const { t } = v;
  return html`<section class="entity-hits" aria-labelledby="h-ent">
    <h2 id="h-ent">${t.resultsEnterprises} · ${t.results(r.total)}</h2>
    <ul>
      ${r.items.map(
        (e) =>
          html`<li>
            <a href="/environment/enterprises/${e.id}" lang="zh-CN">${highlight(e.name, [q], 80)}</a>
            <span class="result-meta"
              ><span lang="zh-CN">${e.county} · ${e.industry}</span> · ${t.creditCode} ${e.credit_code}
              ${e.permit_number ? html`· ${t.permitNumber} ${e.permit_number}` : ''}</span
            >
          </li>`,
      )}
    </ul>
    ${
      r.total > r.items.length
        ? html`<p>
            <a href="/environment/enterprises?${new URLSearchParams({ q }).toString()}"
              >${t.moreEnterprises(r.total)}</a
            >
          </p>`
        : ''
    }
  </section>`;
}

function placeHits(v: PortalView, r: Awaited<ReturnType<PortalDeps['finder']['places']>>): SafeHtml | '' {
  const { t } = v;
  if (r.stations.length === 0 && r.sections.length === 0) return '';
  return html`<section class="entity-hits" aria-labelledby="h-places">
    <h2 id="h-places">${t.resultsPlaces}</h2>
    <ul>
      ${r.stations.map(
        (s) =>
          html`<li>
            <a href="/environment/air/${s.id}" lang="zh-CN">${s.name}</a>
            <span class="result-meta">${t.airStation} · <span lang="zh-CN">${s.county}</span></span>
          </li>`,
      )}
      ${r.sections.map(
        (s) =>
          html`<li>
            <a href="/environment/water/${s.id}" lang="zh-CN">${s.name}</a>
            <span class="result-meta"
              >${t.waterSection} · <span lang="zh-CN">${s.county} · ${s.river}</span></span
            >
          </li>`,
      )}
    </ul>
  </section>`;
}
