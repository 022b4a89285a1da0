// The environment pages as entries of the portal's page table (decision 100): air quality now and per
// station, surface water now and per section, key discharging units, incident releases. Each is
// rendered through the portal's frame and i18n, kept in the byte cache under its topic's tag (`t:air`,
// `t:water`, `t:enterprises`, `t:incidents`) and emptied by the change feed on every server when that
// data changes; a page whose statement runs out with time (the data is late, today's deadlines)
// carries that moment as its expiry. The section's tabs link air, water, enterprises, incidents and
// open data to each other; the breadcrumb names the channel each page belongs to (decision 101).
import {
  nextChinaMidnight,
  chinaDateTime,
  CHANNEL_COLUMN_TYPES,
  PORTAL_TOPICS,
  type ChannelDataPage,
  type DischargerDetail,
} from '@greenvoice/common';
import { ApiError } from '../../http/api-error.ts';
import { html, type SafeHtml } from '../html.ts';
import { channelName, renderLayout, type Crumb, type PortalView } from '../layout/layout.ts';
import { articleKeywords, plainDescription, type ArticleMeta } from '../layout/meta-tags.ts';
import type { PublicChannel } from '../../modules/cms/public-content.repo.ts';
import { idOf, noQuery, pageQueryCanonical, type PageRoute } from '../page-route.ts';
import type { EnvironmentDeps, Rendered } from '../portal-deps.ts';
import { readQuery } from '../forms/query-fields.ts';
import { airHistoryBody, airNowBody } from './air-pages.ts';
import { dischargerDetailBody, dischargerSearchBody } from './enterprise-pages.ts';
import { days, freshness, hours } from './freshness.ts';
import { incidentBody, incidentsBody } from './incident-pages.ts';
import { openDataBody } from './open-data-page.ts';
import { sectionBody, waterBody } from './water-pages.ts';

export type EnvTab = 'air' | 'water' | 'enterprises' | 'incidents' | 'open-data';

const TABS: ReadonlyArray<{ tab: EnvTab; href: string; page: ChannelDataPage }> = [
  { tab: 'air', href: '/environment/air', page: 'quality' },
  { tab: 'water', href: '/environment/water', page: 'quality' },
  { tab: 'enterprises', href: '/environment/enterprises', page: 'enterprises' },
  { tab: 'incidents', href: '/environment/incidents', page: 'incidents' },
  { tab: 'open-data', href: '/open-data', page: 'open-data' },
];
export const TAB_HREF = Object.fromEntries(TABS.map((t) => [t.tab, t.href])) as Record<EnvTab, string>;

const tabLabel = (v: PortalView, tab: EnvTab) =>
  ({
    air: v.t.env.air,
    water: v.t.env.water,
    enterprises: v.t.env.enterprises,
    incidents: v.t.env.incidents,
    'open-data': v.t.env.openData,
  })[tab];

/** The channel that is this data page, if the site has one (the bar highlights it, the crumb names it). */
export const dataChannel = (v: PortalView, page: ChannelDataPage): PublicChannel | undefined =>
  v.channels.find((c) => c.data_page === page);

/** The section's tabs: the current one marked, every other a link. */
export function envTabs(v: PortalView, current: EnvTab | null, exact: boolean): SafeHtml {
  return html`<nav class="env-tabs" aria-label="${v.t.env.tabs}">
    <ul>
      ${TABS.map(({ tab, href }) =>
        tab === current
          ? html`<li class="current">
              <a href="${href}" aria-current="${exact ? 'page' : 'true'}">${tabLabel(v, tab)}</a>
            </li>`
          : html`<li><a href="${href}">${tabLabel(v, tab)}</a></li>`,
      )}
    </ul>
  </nav>`;
}

interface EnvPage {
  tab: EnvTab;
  title: string;
  /** crumbs between the channel and this page (e.g. 空气质量 above a station's history) */
  via?: Crumb[];
  body: SafeHtml;
  tags: string[];
  expiresAt?: number;
  status?: number;
  /** the tab's own top page (the tab is then the current page, not only its section) */
  top?: boolean;
  /** the Chinese name the title holds (a station, section, unit, incident) */
  name?: string;
  /** a content page (one incident, one enterprise): its ArticleTitle, PubDate, … meta tags */
  article?: ArticleMeta;
}

/** A page of the environment section inside the portal's frame. */
export function envPage(v: PortalView, p: EnvPage): Rendered {
  const t = TABS.find((x) => x.tab === p.tab)!;
  const channel = dataChannel(v, t.page);
  const section: Crumb = channel
    ? { label: channelName(v, channel), href: `/channels/${channel.code}` }
    : { label: v.t.env.section, href: '/environment/air' };
  const tab: Crumb = { label: tabLabel(v, p.tab), href: t.href };
  const crumbs = [section, ...(p.top || tab.label === section.label ? [] : [tab]), ...(p.via ?? [])];
  return {
    html: renderLayout(
      v,
      {
        title: p.title,
        column: {
          name: channel?.name ?? '环境质量',
          description: channel?.description || '环境质量与环境信息公开',
          keywords: channel?.keywords || '空气质量,水质,企业环境信息,突发环境事件',
          type: channel ? CHANNEL_COLUMN_TYPES[channel.kind] : CHANNEL_COLUMN_TYPES.data,
        },
        activeChannel: channel?.code ?? null,
        breadcrumb: [...crumbs, { label: p.title, ...(p.name ? { zh: p.name } : {}) }],
        article: p.article ?? null,
      },
      html`${envTabs(v, p.tab, p.top === true)}${p.body}`,
    ),
    tags: p.tags,
    ...(p.status ? { status: p.status } : {}),
    ...(p.expiresAt !== undefined ? { expiresAt: p.expiresAt } : {}),
  };
}

/** The meta tags of one environment content page: the bureau publishes it, in China time. */
function contentMeta(
  v: PortalView,
  c: { title: string; publishedAt: string; keywords: string; description: string; path: string },
): ArticleMeta {
  return {
    title: c.title,
    pubDate: c.publishedAt.length === 10 ? `${c.publishedAt} 00:00` : chinaDateTime(c.publishedAt),
    source: v.site.siteName,
    keywords: articleKeywords(c.keywords, c.title),
    author: v.site.siteName,
    description: plainDescription(c.description),
    image: '',
    url: `${v.origin}${c.path}`,
  };
}

const newestPublished = (d: DischargerDetail): string | null =>
  [...d.annualReports, ...d.parts.flatMap((p) => p.records)]
    .map((x) => x.publishedOn)
    .filter((x): x is string => x !== null)
    .sort()
    .at(-1) ?? null;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (s: string) => DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));

/** The message of a refused query, in the visitor's language. */
const messageOf = (v: PortalView, err: unknown): string | null => {
  if (!(err instanceof ApiError) || err.code !== 'VALIDATION_FAILED') return null;
  const f = err.fields?.[0];
  return f ? (v.prefs.lang === 'en' ? f.messageEn : f.message) : null;
};

export function environmentPages(env: EnvironmentDeps): PageRoute[] {
  const { quality, dischargers, incidents, freshness: expect } = env;
  const airExpected = hours(expect.airHours);
  const waterExpected = days(expect.waterDays);
  const stationLink = (id: number) => `/environment/air/${id}`;
  const sectionLink = (id: number) => `/environment/water/${id}`;
  const notFound = async <T>(p: Promise<T>): Promise<T | null> =>
    p.catch((err: unknown) => {
      if (err instanceof ApiError && err.code === 'NOT_FOUND') return null;
      throw err;
    });

  return [
    {
      pattern: '/environment/air',
      match: /^\/environment\/air$/,
      canonical: noQuery,
      render: async ({ v, now }) => {
        const data = await quality.airNow();
        const fresh = freshness(data.latestHour, airExpected, Date.parse(now));
        return envPage(v, {
          tab: 'air',
          top: true,
          title: v.t.env.airNowTitle,
          body: airNowBody(v, data, fresh, expect.airHours, { history: stationLink }),
          tags: ['t:air'],
          expiresAt: fresh.expiresAt,
        });
      },
    },
    {
      pattern: '/environment/air/:id',
      match: /^\/environment\/air\/([^/]+)$/,
      query: ['from', 'to'],
      canonical: noQuery,
      render: async ({ v, now }, [raw], q) => {
        const id = idOf(raw);
        if (id === null) return null;
        const from = q.get('from') ?? '';
        const to = q.get('to') ?? '';
        let error: string | null = null;
        if ((from && !validDate(from)) || (to && !validDate(to)))
          error = v.prefs.lang === 'en' ? 'Enter dates as YYYY-MM-DD.' : '请按“年-月-日”填写日期。';
        let h = null;
        if (!error)
          try {
            h = await notFound(
              quality.airHistory(id, {
                granularity: 'daily',
                ...(from ? { from } : {}),
                ...(to ? { to } : {}),
              }),
            );
            if (h === null) return null;
          } catch (err) {
            error = messageOf(v, err);
            if (error === null) throw err;
          }
        // a refused range shows the default one, with the message next to the form
        h ??= await notFound(quality.airHistory(id, { granularity: 'daily' }));
        if (h === null) return null;
        const good = await quality.goodDays(Number(h.to.slice(0, 4)), id);
        const newest = h.daily.at(-1)?.date ?? null;
        // a day's value is complete the day after: late once two days and the expected delay have passed
        const fresh = freshness(newest, days(2) + airExpected, Date.parse(now));
        return envPage(v, {
          tab: 'air',
          title: v.t.env.historyTitle(h.station.name),
          name: h.station.name,
          body: airHistoryBody(
            v,
            h,
            good,
            { from: from || h.from, to: to || h.to, error },
            fresh,
            expect.airHours,
          ),
          tags: ['t:air'],
          expiresAt: fresh.expiresAt,
          ...(error ? { status: 400 } : {}),
        });
      },
    },
    {
      pattern: '/environment/water',
      match: /^\/environment\/water$/,
      canonical: noQuery,
      render: async ({ v, now }) => {
        const [data, newest] = await Promise.all([quality.waterStatus(), quality.latestWaterDate()]);
        const fresh = freshness(newest, waterExpected, Date.parse(now));
        return envPage(v, {
          tab: 'water',
          top: true,
          title: v.t.env.waterTitle,
          body: waterBody(v, data, fresh, expect.waterDays, newest, { section: sectionLink }),
          tags: ['t:water'],
          expiresAt: fresh.expiresAt,
        });
      },
    },
    {
      pattern: '/environment/water/:id',
      match: /^\/environment\/water\/([^/]+)$/,
      canonical: noQuery,
      render: async ({ v, now }, [raw]) => {
        const id = idOf(raw);
        const r = id === null ? null : await notFound(quality.waterReadings(id, {}));
        if (!r) return null;
        const fresh = freshness(r.items.at(-1)?.sampledOn ?? null, waterExpected, Date.parse(now));
        return envPage(v, {
          tab: 'water',
          title: v.t.env.sectionTitle(r.section.name),
          name: r.section.name,
          body: sectionBody(v, r.section, r.items, fresh, expect.waterDays),
          tags: ['t:water'],
          expiresAt: fresh.expiresAt,
        });
      },
    },
    {
      pattern: '/environment/enterprises',
      match: /^\/environment\/enterprises$/,
      query: ['q', 'page'],
      canonical: pageQueryCanonical,
      render: async ({ v }, _p, q) => {
        // a wrong page number or an over-long name answers this page with the message by the form
        const f = readQuery(q, v.t);
        const text = f.boundedText('q', 100);
        let page = f.page(10000);
        let list = await dischargers.list({ q: text, page, pageSize: 20 });
        if (page > 1 && list.items.length === 0) {
          f.errors.push({ field: 'page', message: v.t.errPage(Math.max(1, Math.ceil(list.total / 20))) });
          page = 1;
          list = await dischargers.list({ q: text, page, pageSize: 20 });
        }
        const href = (n: number) =>
          `/environment/enterprises${
            text || n > 1
              ? `?${new URLSearchParams({ ...(text ? { q: text } : {}), ...(n > 1 ? { page: String(n) } : {}) })}`
              : ''
          }`;
        return envPage(v, {
          tab: 'enterprises',
          top: true,
          title: v.t.env.entTitle,
          body: dischargerSearchBody(
            v,
            text,
            list,
            { detail: (x) => `/environment/enterprises/${x}`, page: href },
            { heading: 'h1', errors: f.errors },
          ),
          tags: ['t:enterprises'],
          ...(f.errors.length ? { status: 400 } : {}),
        });
      },
    },
    {
      pattern: '/environment/enterprises/:id',
      match: /^\/environment\/enterprises\/([^/]+)$/,
      canonical: noQuery,
      render: async ({ v, now }, [raw]) => {
        const id = idOf(raw);
        const d = id === null ? null : await notFound(dischargers.detail(id));
        if (!d) return null;
        return envPage(v, {
          tab: 'enterprises',
          title: d.discharger.name,
          name: d.discharger.name,
          body: dischargerDetailBody(v, d),
          tags: ['t:enterprises'],
          article: contentMeta(v, {
            title: `${d.discharger.name}环境信息`,
            // the newest disclosure is what the page last said anew
            publishedAt: newestPublished(d) ?? d.discharger.updatedAt,
            keywords: `企业环境信息,${d.discharger.county},${d.discharger.industry}`,
            description: `${d.discharger.name}（统一社会信用代码 ${d.discharger.creditCode}，${d.discharger.county}，${d.discharger.industry}）环境信息依法披露：年度报告、临时报告、应急预案与行政处罚。`,
            path: `/environment/enterprises/${d.discharger.id}`,
          }),
          // whether a report is overdue depends on today
          expiresAt: nextChinaMidnight(Date.parse(now)),
        });
      },
    },
    {
      pattern: '/environment/incidents',
      match: /^\/environment\/incidents$/,
      canonical: noQuery,
      render: async ({ v }) =>
        envPage(v, {
          tab: 'incidents',
          top: true,
          title: v.t.env.incTitle,
          body: incidentsBody(v, (await incidents.list({ pageSize: 50 })).items, {
            detail: (id) => `/environment/incidents/${id}`,
          }),
          tags: ['t:incidents'],
        }),
    },
    {
      pattern: '/environment/incidents/:id',
      match: /^\/environment\/incidents\/([^/]+)$/,
      canonical: noQuery,
      render: async ({ v }, [raw]) => {
        const id = idOf(raw);
        const i = id === null ? null : await notFound(incidents.get(id));
        if (!i) return null;
        return envPage(v, {
          tab: 'incidents',
          title: i.title,
          name: i.title,
          body: incidentBody(v, i),
          tags: ['t:incidents'],
          article: contentMeta(v, {
            title: i.title,
            publishedAt: i.publishedAt,
            keywords: `突发环境事件,${i.county},${articleKeywords('', i.title)}`,
            description: `${i.county}${i.location}：${i.summary}`,
            path: `/environment/incidents/${i.id}`,
          }),
        });
      },
    },
    {
      pattern: '/open-data',
      match: /^\/open-data$/,
      canonical: noQuery,
      render: async ({ v }) =>
        envPage(v, {
          tab: 'open-data',
          top: true,
          title: v.prefs.lang === 'en' ? 'Open data' : '开放数据',
          body: await openDataBody(v, env.openData),
          // its row counts and last updates follow every topic
          tags: PORTAL_TOPICS.map((t) => `t:${t}`),
        }),
    },
  ];
}
