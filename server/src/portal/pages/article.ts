// An article page modelled on the bureau's own notice page (the seed document): title, document
// number, issuing body, publication time (YYYY-MM-DD HH:MM), read count, the 字号【大 中 小】 switch,
// body, attachments, archive state (归档时间 / 已归档), previous / next, and a print version.
import { chinaDateTime, CHANNEL_COLUMN_TYPES } from '@greenvoice/common';
import { html } from '../html.ts';
import { disclosureBlock } from './disclosure-block.ts';
import { articleKeywords, plainDescription } from '../layout/meta-tags.ts';
import { chinaDay, fileSize } from '../layout/format.ts';
import { zhText } from '../layout/lang.ts';
import {
  channelName,
  prefsForm,
  renderLayout,
  renderPrintLayout,
  type PortalView,
} from '../layout/layout.ts';
import type { PortalDeps, Rendered } from '../portal-deps.ts';

type Loaded = NonNullable<Awaited<ReturnType<PortalDeps['content']['article']>>>;

// The body goes into the page as the bytes the database gave: a marker no text can hold (input with
// NUL is refused everywhere) stands in its place until the page is turned into bytes.
// plain text (no character html escapes), so the template keeps it as is and no raw SafeHtml is needed
const BODY_MARK = '\u0000gv-article-body\u0000';

function withBody(page: string, body: Buffer): Buffer {
  const at = page.indexOf(BODY_MARK);
  return Buffer.concat([
    Buffer.from(page.slice(0, at)),
    body,
    Buffer.from(page.slice(at + BODY_MARK.length)),
  ]);
}

function fontSwitch(v: PortalView) {
  const b = (fs: 's' | 'm' | 'l', label: string) =>
    html`<button
      type="submit"
      name="fs"
      value="${fs}"
      aria-pressed="${v.prefs.fontSize === fs ? 'true' : 'false'}"
    >
      ${label}
    </button>`;
  return prefsForm(
    v,
    html`<span>${v.t.fontSize}：【</span>${b('l', v.t.fontL)}${b('m', v.t.fontM)}${b('s', v.t.fontS)}<span
        >】</span
      >`,
    v.t.fontSize,
  );
}

function articleBody(
  v: PortalView,
  a: Loaded,
  files: Awaited<ReturnType<PortalDeps['content']['attachments']>>,
  print: boolean,
) {
  const { t } = v;
  const disclosure = disclosureBlock(v, a);
  return html`<article class="article">
    <h1 lang="zh-CN">${a.title}</h1>
    <div class="article-meta">
      ${a.issuer ? html`<span>${t.issuer}：<span lang="zh-CN">${a.issuer}</span></span>` : ''}
      <span>${t.pubTime}：<time datetime="${a.publish_at}">${chinaDateTime(a.publish_at)}</time></span>
      ${a.source ? html`<span>${t.source}：<span lang="zh-CN">${a.source}</span></span>` : ''}
      <span>${t.readCount}：<span id="read-count">${a.read_count}</span></span>
      ${print ? '' : fontSwitch(v)}
    </div>
    ${disclosure}
    <div class="article-body" lang="zh-CN">${BODY_MARK}</div>
    ${
      files.length
        ? html`<section class="attachments" aria-labelledby="h-attachments">
            <h2 id="h-attachments">${t.attachments}</h2>
            <ul>
              ${files.map(
                (f) =>
                  html`<li>
                    <a href="/portal/attachments/${f.id}" download>${f.original_name}</a>
                    (${fileSize(f.size)})
                  </li>`,
              )}
            </ul>
          </section>`
        : ''
    }
    <p class="archive-state">
      <span>${t.archiveTime}：${a.archived_at ? chinaDay(a.archived_at) : '—'}</span>
      <span class="${a.archived_at ? 'is-archived' : ''}">${a.archived_at ? t.archived : t.notArchived}</span>
    </p>
  </article>`;
}

function columnMeta(a: Loaded) {
  return {
    name: a.channel_name,
    description: a.channel_name,
    keywords: a.channel_name,
    type: CHANNEL_COLUMN_TYPES[a.channel_kind] ?? '政务动态',
  };
}

function articleMeta(v: PortalView, a: Loaded, image: string) {
  return {
    title: a.title,
    pubDate: chinaDateTime(a.publish_at),
    source: a.source || a.issuer || v.site.siteName,
    keywords: articleKeywords(a.keywords, a.title),
    author: a.author || a.issuer || v.site.siteName,
    description: plainDescription(a.summary || a.body_text),
    image,
    url: `${v.origin}/articles/${a.id}`,
  };
}

/** The first image of a (sanitised) body, for the Image meta tag: found in the bytes, not decoded. */
function firstImage(body: Buffer): string {
  const at = body.indexOf('<img src="');
  if (at < 0) return '';
  const end = body.indexOf('"', at + 10);
  return end < 0 ? '' : body.toString('utf8', at + 10, end);
}

export async function renderArticle(
  deps: PortalDeps,
  v: PortalView,
  id: number,
  siteId: number,
  now: string,
  print: boolean,
): Promise<Rendered | null> {
  const page = await deps.content.articlePage(id, siteId, now);
  if (!page) return null;
  const { article: a, files, older, newer } = page;
  const image = firstImage(a.body);
  const meta = articleMeta(v, a, image ? `${v.origin}${image}` : '');
  const chName = channelName(v, { name: a.channel_name, name_en: a.channel_name_en });
  const tags = [`a:${a.id}`, `nav:${a.channel_id}`];
  if (print) {
    const main = html`${articleBody(v, a, files, true)}
      <p class="article-tools">
        <button type="button" data-print hidden>${v.t.print}</button>
        <a href="/articles/${a.id}">${v.t.backToArticle}</a>
      </p>`;
    return {
      html: withBody(
        renderPrintLayout(v, { title: a.title, column: columnMeta(a), article: meta }, main),
        a.body,
      ),
      tags,
    };
  }
  const link = (x: { id: number; title: string } | null) =>
    x ? html`<a href="/articles/${x.id}">${zhText(v, x.title)}</a>` : v.t.none;
  const main = html`${articleBody(v, a, files, false)}
    <p class="article-tools">
      <a href="/articles/${a.id}/print">${v.t.printView}</a>
      <button type="button" data-print hidden>${v.t.print}</button>
    </p>
    <nav class="neighbours panel" aria-label="${v.t.prev} / ${v.t.next}">
      <p>${v.t.prev}：${link(newer)}</p>
      <p>${v.t.next}：${link(older)}</p>
    </nav>
    <div data-read-beacon="/api/v1/portal/articles/${a.id}/reads" hidden></div>`;
  return {
    html: withBody(
      renderLayout(
        v,
        {
          title: a.title,
          column: columnMeta(a),
          article: meta,
          activeChannel: a.channel_code,
          breadcrumb: [
            { label: chName, href: `/channels/${a.channel_code}` },
            { label: a.title, zh: a.title },
          ],
          script: true,
        },
        main,
      ),
      a.body,
    ),
    tags,
  };
}
