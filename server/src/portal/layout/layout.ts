// The public pages' shared frame: head with the national meta tags, header with the bureau's name and
// the search box, the channel bar, the footer with filing numbers and contact, the display settings
// (长者模式, English, 字号). Every public page — the portal's and the environmental-quality pages to
// come — renders its main content and hands it to `renderLayout`.
import type { SiteSettings } from '@greenvoice/common';
import type { PublicChannel } from '../../modules/cms/public-content.repo.ts';
import { html, type SafeHtml } from '../html.ts';
import { dictionaries, type PortalDict } from './i18n.ts';
import { metaTags, type ArticleMeta, type ColumnMeta } from './meta-tags.ts';
import type { Prefs } from './prefs.ts';
import type { PortalAssets } from './assets.ts';
import { zhWithin } from './lang.ts';

/** Everything a public page needs to know about the site and the visitor. */
export interface PortalView {
  site: SiteSettings;
  demo: boolean;
  /** channels with live content, in order (empty ones are never shown) */
  channels: PublicChannel[];
  prefs: Prefs;
  t: PortalDict;
  /** this page's path and query, for the settings form to come back to */
  path: string;
  /** https://… origin for absolute URLs (meta Url, feeds, sitemap) */
  origin: string;
  assets: PortalAssets;
}

export interface Crumb {
  label: string;
  href?: string;
  /** Chinese content named in the label (marked lang="zh-CN" on the English pages) */
  zh?: string;
}

export interface PageSpec {
  title: string;
  column: ColumnMeta | null;
  article?: ArticleMeta | null;
  /** the channel code highlighted in the bar; '' for home */
  activeChannel?: string | null;
  breadcrumb?: Crumb[];
  feeds?: { rss: string; atom: string; title: string } | null;
  noindex?: boolean;
  /** adds the read-count beacon's script to this page */
  script?: boolean;
}

export const channelName = (v: PortalView, c: { name: string; name_en: string }) =>
  v.prefs.lang === 'en' ? c.name_en || c.name : c.name;

export const siteName = (v: PortalView) =>
  v.prefs.lang === 'en' ? v.site.siteNameEn || v.site.siteName : v.site.siteName;

export function viewFor(base: Omit<PortalView, 't'>): PortalView {
  return { ...base, t: dictionaries[base.prefs.lang] };
}

function htmlClass(p: Prefs) {
  return [p.care ? 'care' : '', `fs-${p.fontSize}`].filter(Boolean).join(' ');
}

/** The settings form: plain POST buttons, so they work without JavaScript. */
export function prefsForm(v: PortalView, buttons: SafeHtml, label: string, cls = 'prefs'): SafeHtml {
  return html`<form class="${cls}" method="post" action="/portal/prefs" aria-label="${label}">
    <input type="hidden" name="back" value="${v.path}" />${buttons}
  </form>`;
}

function header(v: PortalView, active: string | null | undefined): SafeHtml {
  const { t, prefs } = v;
  const toggles = html`<button
      type="submit"
      name="care"
      value="${prefs.care ? '0' : '1'}"
      aria-pressed="${prefs.care ? 'true' : 'false'}"
    >
      ${prefs.care ? t.careOff : t.careOn}
    </button>
    <button
      type="submit"
      name="lang"
      value="${prefs.lang === 'en' ? 'zh' : 'en'}"
      lang="${prefs.lang === 'en' ? 'zh-CN' : 'en'}"
    >
      ${prefs.lang === 'en' ? t.chinese : t.english}
    </button>`;
  return html`<a class="skip" href="#main">${t.skip}</a>
    <div class="topbar">
      <div class="wrap topbar-inner">
        <span>${v.demo ? t.demo : ''}</span>
        ${prefsForm(v, toggles, t.preferences)}
      </div>
    </div>
    <header class="masthead">
      <div class="wrap masthead-inner">
        <a class="brand" href="/"
          ><span class="brand-mark" aria-hidden="true">绿</span
          ><span class="brand-text"
            ><span class="brand-name">${siteName(v)}</span
            >${v.prefs.lang === 'zh' && v.site.siteNameEn ? html`<span class="brand-en" lang="en">${v.site.siteNameEn}</span>` : ''}</span
          ></a
        >
        <form class="search" role="search" method="get" action="/search">
          <label class="sr-only" for="site-q">${t.searchLabel}</label>
          <input id="site-q" name="q" type="search" maxlength="100" placeholder="${t.searchPlaceholder}" />
          <button type="submit">${t.search}</button>
        </form>
      </div>
    </header>
    <nav class="channel-bar" aria-label="${t.channels}">
      <ul class="wrap">
        <li><a href="/" ${active === '' ? html`aria-current="page"` : ''}>${t.home}</a></li>
        ${v.channels.map(
          (c) =>
            html`<li>
              <a href="/channels/${c.code}" ${active === c.code ? html`aria-current="page"` : ''}
                >${channelName(v, c)}</a
              >
            </li>`,
        )}
      </ul>
    </nav>`;
}

/** 我为政府网站找错: the configured address, else the national one for this site's 网站标识码. */
export function errorReportUrl(site: SiteSettings): string {
  if (site.errorReportUrl) return site.errorReportUrl;
  const code = site.siteIdCode.trim();
  return `https://zfwzgl.www.gov.cn/exposure/jiucuo.html${code ? `?site_code=${encodeURIComponent(code)}` : ''}`;
}

/** The public-security filing's record number, for its link on the national filing site. */
const policeRecord = (filing: string) => /\d{10,20}/.exec(filing)?.[0] ?? '';

function footer(v: PortalView): SafeHtml {
  const { t, site } = v;
  const item = (label: string, value: string) =>
    value ? html`<span>${label}：<span lang="zh-CN">${value}</span></span>` : '';
  const record = policeRecord(site.publicSecurityFiling);
  const mark = site.govMarkImage
    ? html`<img src="${site.govMarkImage}" alt="${t.govMark}" width="55" height="68" />`
    : html`<span class="gov-mark-text">${t.govMark}</span>`;
  return html`<footer class="site-footer">
    <div class="wrap footer-inner">
      <div class="gov-mark">
        ${site.govMarkLink ? html`<a href="${site.govMarkLink}" rel="noopener">${mark}</a>` : site.govMarkImage ? mark : ''}
      </div>
      <div class="footer-text">
        <p class="footer-links">
          <a href="/about/statement">${t.statement}</a>
          <a href="/about/contact">${t.contact}</a>
          <a href="/sitemap.xml">${t.siteMap}</a>
          <a href="/xxgk">${t.xxgk}</a>
          <a href="/services">${t.services}</a>
          <a href="/monitoring-bulletins">${t.monitoringBulletins}</a>
          <a href="/events">${t.signupEvents}</a>
          <a href="/bases">${t.educationBases}</a>
          <a href="${errorReportUrl(site)}" rel="noopener">${t.findError}</a>
          <a href="/admin/">${t.staffEntrance}</a>
        </p>
        <p><span lang="zh-CN">${siteName(v)}</span> ${item(t.sponsor, site.sponsor)}</p>
        <p>
          ${item(t.address, site.address)} ${item(t.postcode, site.postcode)} ${item(t.phone, site.phone)}
          ${item(t.email, site.email)}
        </p>
        <p>
          ${site.icp ? html`<a href="https://beian.miit.gov.cn/" rel="noopener" lang="zh-CN">${site.icp}</a>` : ''}
          ${
            site.publicSecurityFiling
              ? record
                ? html`<a
                    href="https://www.beian.gov.cn/portal/registerSystemInfo?recordcode=${record}"
                    rel="noopener"
                    lang="zh-CN"
                    >${site.publicSecurityFiling}</a
                  >`
                : html`<span lang="zh-CN">${site.publicSecurityFiling}</span>`
              : ''
          }
          ${item(t.siteIdCode, site.siteIdCode)}
        </p>
      </div>
    </div>
  </footer>`;
}

function breadcrumb(v: PortalView, crumbs: Crumb[] | undefined): SafeHtml | '' {
  if (!crumbs || crumbs.length === 0) return '';
  return html`<nav class="breadcrumb" aria-label="${v.t.location}">
    <ol>
      <li><a href="/">${v.t.home}</a></li>
      ${crumbs.map((c, i) =>
        c.href && i < crumbs.length - 1
          ? html`<li><a href="${c.href}">${zhWithin(v, c.label, c.zh ?? '')}</a></li>`
          : html`<li>
              <span aria-current="${i === crumbs.length - 1 ? 'page' : 'false'}"
                >${zhWithin(v, c.label, c.zh ?? '')}</span
              >
            </li>`,
      )}
    </ol>
  </nav>`;
}

function head(v: PortalView, spec: PageSpec): SafeHtml {
  return html`<head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${spec.title ? `${spec.title} - ${siteName(v)}` : siteName(v)}</title>
    ${metaTags(v.site, spec.column, spec.article ?? null)}
    ${spec.noindex ? html`<meta name="robots" content="noindex" />` : ''}
    <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
    <link rel="stylesheet" href="${v.assets.css}" />
    ${
      spec.feeds
        ? html`<link
              rel="alternate"
              type="application/rss+xml"
              title="${spec.feeds.title}"
              href="${spec.feeds.rss}"
            />
            <link
              rel="alternate"
              type="application/atom+xml"
              title="${spec.feeds.title}"
              href="${spec.feeds.atom}"
            />`
        : ''
    }
    ${spec.script ? html`<script src="${v.assets.js}" defer></script>` : ''}
  </head>`;
}

/** A complete public page around `main`. */
export function renderLayout(v: PortalView, spec: PageSpec, main: SafeHtml): string {
  return `<!doctype html>${
    html`<html lang="${v.prefs.lang === 'en' ? 'en' : 'zh-CN'}" class="${htmlClass(v.prefs)}">
      ${head(v, spec)}
      <body>
        ${header(v, spec.activeChannel)}
        <main id="main" class="wrap" tabindex="-1">${breadcrumb(v, spec.breadcrumb)}${main}</main>
        ${footer(v)}
      </body>
    </html>`.value
  }`;
}

/** A bare page for printing: the content and the site's name, no bars or settings. */
export function renderPrintLayout(v: PortalView, spec: PageSpec, main: SafeHtml): string {
  return `<!doctype html>${
    html`<html lang="${v.prefs.lang === 'en' ? 'en' : 'zh-CN'}" class="print-view ${htmlClass(v.prefs)}">
      ${head(v, { ...spec, noindex: true, script: true })}
      <body>
        <header class="print-head"><p>${siteName(v)}</p></header>
        <main id="main" class="print-main">${main}</main>
      </body>
    </html>`.value
  }`;
}
