// RSS 2.0 and Atom 1.0 feeds per channel, and sitemap.xml: every address a reader or crawler needs.
import { escapeHtml } from '../html.ts';
import { GUIDE_TAGS } from './services.ts';
import type { PortalView } from '../layout/layout.ts';
import { PORTAL_TOPICS } from '@greenvoice/common';
import type { EnvironmentDeps, PortalDeps, Rendered } from '../portal-deps.ts';

const FEED_SIZE = 20;
// characters XML 1.0 forbids, which pasted text may hold
// eslint-disable-next-line no-control-regex
const xml = (s: string) => escapeHtml(s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ''));

export async function renderFeed(
  deps: PortalDeps,
  v: PortalView,
  code: string,
  format: 'rss' | 'atom',
  siteId: number,
  now: string,
): Promise<Rendered | null> {
  const c = v.channels.find((x) => x.code === code);
  if (!c) return null;
  const items = await deps.content.latest(c.id, now, FEED_SIZE);
  const full = await Promise.all(items.map((i) => deps.content.article(i.id, siteId, now)));
  const entries = full.filter((a) => a !== undefined);
  const channelUrl = `${v.origin}/channels/${c.code}`;
  const title = `${c.name} - ${v.site.siteName}`;
  const summary = (a: (typeof entries)[number]) => a.summary || a.body_text.slice(0, 200);
  const body =
    format === 'rss'
      ? `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>
<title>${xml(title)}</title><link>${xml(channelUrl)}</link><description>${xml(c.description || c.name)}</description>
<language>zh-cn</language><atom:link href="${xml(`${channelUrl}/rss.xml`)}" rel="self" type="application/rss+xml"/>
${entries
  .map(
    (a) =>
      `<item><title>${xml(a.title)}</title><link>${v.origin}/articles/${a.id}</link><guid isPermaLink="true">${v.origin}/articles/${a.id}</guid><pubDate>${new Date(a.publish_at!).toUTCString()}</pubDate><description>${xml(summary(a))}</description></item>`,
  )
  .join('\n')}
</channel></rss>`
      : `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
<title>${xml(title)}</title><id>${xml(channelUrl)}</id><link href="${xml(channelUrl)}"/><link rel="self" href="${xml(`${channelUrl}/atom.xml`)}"/>
<updated>${entries[0]?.publish_at ?? now}</updated><author><name>${xml(v.site.siteName)}</name></author>
${entries
  .map(
    (a) =>
      `<entry><title>${xml(a.title)}</title><id>${v.origin}/articles/${a.id}</id><link href="${v.origin}/articles/${a.id}"/><published>${a.publish_at}</published><updated>${a.publish_at}</updated><summary>${xml(summary(a))}</summary></entry>`,
  )
  .join('\n')}
</feed>`;
  return {
    html: body,
    tags: [`c:${c.id}`],
    contentType:
      format === 'rss' ? 'application/rss+xml; charset=utf-8' : 'application/atom+xml; charset=utf-8',
  };
}

/**
 * Every public page: home, the channels, the page table's fixed addresses (`fixed`: 政府信息公开, 办事指南,
 * the footer's pages, the public-interaction forms, the new-media matrix), each service guide, every
 * environment page and every article.
 */
export async function renderSitemap(
  deps: PortalDeps,
  v: PortalView,
  siteId: number,
  now: string,
  fixed: readonly string[],
): Promise<Rendered> {
  const [articles, env, guides] = await Promise.all([
    deps.content.sitemap(siteId, now),
    environmentAddresses(deps.environment),
    deps.guides.publishedGuides(siteId),
  ]);
  const urls = [
    `<url><loc>${v.origin}/</loc></url>`,
    ...v.channels.map((c) => `<url><loc>${v.origin}/channels/${xml(c.code)}</loc></url>`),
    ...[...fixed, ...guides.map((g) => `/services/${g.id}`), ...env].map(
      (p) => `<url><loc>${v.origin}${xml(p)}</loc></url>`,
    ),
    ...articles.map(
      (a) =>
        `<url><loc>${v.origin}/articles/${a.id}</loc><lastmod>${a.updated_at.slice(0, 10)}</lastmod></url>`,
    ),
  ];
  return {
    html: `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>`,
    tags: ['sitemap', ...GUIDE_TAGS, ...PORTAL_TOPICS.map((t) => `t:${t}`)],
    contentType: 'application/xml; charset=utf-8',
  };
}

/** Every environment page's address: the section's pages, each station, section, unit and incident. */
async function environmentAddresses(env: EnvironmentDeps): Promise<string[]> {
  const [stations, water, units, incidents] = await Promise.all([
    env.quality.stations(),
    env.quality.waterStatus(),
    env.dischargers.list({ page: 1, pageSize: 10_000 }),
    env.incidents.list({ pageSize: 10_000 }),
  ]);
  const unitPages = Math.ceil(units.total / 20);
  return [
    '/environment/air',
    ...stations.items.map((s) => `/environment/air/${s.id}`),
    '/environment/water',
    ...water.items.map((i) => `/environment/water/${i.section.id}`),
    '/environment/enterprises',
    ...Array.from({ length: Math.max(0, unitPages - 1) }, (_, i) => `/environment/enterprises?page=${i + 2}`),
    ...units.items.map((d) => `/environment/enterprises/${d.id}`),
    '/environment/incidents',
    ...incidents.items.map((i) => `/environment/incidents/${i.id}`),
    '/open-data',
  ];
}
