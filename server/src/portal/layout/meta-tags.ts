// The government-website meta tags (国办发〔2017〕47号, docs/standards.md): every page
// carries the site's; list pages their column's; article pages the article's.
import type { SiteSettings } from '@greenvoice/common';
import { html, type SafeHtml } from '../html.ts';

export interface ColumnMeta {
  name: string;
  description: string;
  keywords: string;
  type: string;
}

export interface ArticleMeta {
  title: string;
  /** YYYY-MM-DD HH:MM */
  pubDate: string;
  source: string;
  keywords: string;
  author: string;
  description: string;
  image: string;
  url: string;
}

const tag = (name: string, content: string) => html`<meta name="${name}" content="${content}" />`;

export function metaTags(
  site: SiteSettings,
  column: ColumnMeta | null,
  article: ArticleMeta | null,
): SafeHtml {
  return html`${tag('SiteName', site.siteName)}${tag('SiteDomain', site.siteDomain)}${tag('SiteIDCode', site.siteIdCode)}${
    column
      ? html`${tag('ColumnName', column.name)}${tag('ColumnDescription', column.description)}${tag(
          'ColumnKeywords',
          column.keywords,
        )}${tag('ColumnType', column.type)}`
      : ''
  }${
    article
      ? html`${tag('ArticleTitle', article.title)}${tag('PubDate', article.pubDate)}${tag(
          'ContentSource',
          article.source,
        )}${tag('Keywords', article.keywords)}${tag('Author', article.author)}${tag(
          'Description',
          article.description,
        )}${tag('Image', article.image)}${tag('Url', article.url)}`
      : ''
  }`;
}
