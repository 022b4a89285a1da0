// The government-website meta tags (国办发〔2017〕47号, docs/standards.md): every page
// carries the site's; list pages their column's; article pages the article's. The home page is no
// column: it carries the site's tags only, as the specification's home-page example does.
import type { ColumnType, SiteSettings } from '@greenvoice/common';
import { queryTerms } from '../../modules/cms/segment.ts';
import { html, type SafeHtml } from '../html.ts';

export interface ColumnMeta {
  name: string;
  description: string;
  keywords: string;
  /** one of the national list's column classes (COLUMN_TYPES): the type refuses anything else */
  type: ColumnType;
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

/** Description: one line of plain text (no raw newlines or runs of spaces), at most 120 characters. */
export function plainDescription(text: string): string {
  return [...text.replace(/\s+/g, ' ').trim()].slice(0, 120).join('');
}

/**
 * Keywords from the article: the editor's own, else the title's words (two characters or more, at
 * most five), comma-separated as the specification shows them.
 */
export function articleKeywords(keywords: string, title: string): string {
  // segmenting the title was an eighth of an uncached article page's time (decision 108): remembered
  const key = `${keywords}\u0000${title}`;
  const known = keywordMemo.get(key);
  if (known !== undefined) return known;
  const words = keywordsOf(keywords, title);
  if (keywordMemo.size >= KEYWORD_MEMO_SIZE) keywordMemo.delete(keywordMemo.keys().next().value!);
  keywordMemo.set(key, words);
  return words;
}

const KEYWORD_MEMO_SIZE = 2000;
const keywordMemo = new Map<string, string>();

function keywordsOf(keywords: string, title: string): string {
  const own = keywords
    .split(/[,，;；、\s]+/)
    .map((k) => k.trim())
    .filter(Boolean);
  if (own.length) return own.join(',');
  return queryTerms(title)
    .filter((w) => [...w].length >= 2)
    .slice(0, 5)
    .join(',');
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
