// Article bodies are pasted from Word and typed in the editor; what reaches the portal is only what
// this allow-list keeps (docs/security-requirements.md §19). Everything else — scripts, event handlers,
// styles, classes, foreign images, javascript: links — is dropped on the server, whatever the client sent.
import type sanitizeHtmlTypes from 'sanitize-html';
import { sanitizeHtml } from '../../lazy-packages.ts';

/** Images in a body must be ones uploaded here: every asset local, nothing fetched from elsewhere. */
export const LOCAL_IMAGE_SRC = /^\/portal\/images\/[A-Za-z0-9_-]{16,64}\.(png|jpg)$/;
const ALIGN = [/^(left|right|center|justify)$/];

const OPTIONS: sanitizeHtmlTypes.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'strong',
    'em',
    'u',
    's',
    'sub',
    'sup',
    'blockquote',
    'hr',
    'ul',
    'ol',
    'li',
    'table',
    'caption',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'a',
    'img',
    'figure',
    'figcaption',
    'code',
    'pre',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'width', 'height'],
    td: ['colspan', 'rowspan', 'style'],
    th: ['colspan', 'rowspan', 'scope', 'style'],
    p: ['style'],
    h2: ['style'],
    h3: ['style'],
    h4: ['style'],
    ol: ['start', 'type'],
  },
  allowedStyles: {
    '*': { 'text-align': ALIGN },
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: [] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // Word's and the editor's wrappers vanish but their text stays; these vanish with their content.
  nonTextTags: [
    'script',
    'style',
    'textarea',
    'option',
    'noscript',
    'title',
    'head',
    'template',
    'iframe',
    'object',
    'xml',
  ],
  transformTags: {
    // The page has one h1 (the title): a pasted Heading 1 becomes the body's top level, h2.
    h1: 'h2',
    b: 'strong',
    i: 'em',
    strike: 's',
    del: 's',
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: 'noopener noreferrer' },
    }),
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !LOCAL_IMAGE_SRC.test(frame.attribs.src ?? ''),
};
OPTIONS.allowedAttributes = { ...OPTIONS.allowedAttributes, a: ['href', 'title', 'rel'] };

export function sanitizeArticleHtml(dirty: string): string {
  return sanitizeHtml()(dirty, OPTIONS).trim();
}

/** Plain text of a (sanitised) body: for search, the page description and the index. */
export function articleHtmlToText(clean: string): string {
  return sanitizeHtml()(
    clean.replace(/<\/(p|h\d|li|tr|blockquote|figcaption|caption)>|<br\s*\/?>/gi, '$&\n'),
    {
      allowedTags: [],
      allowedAttributes: {},
    },
  )
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t\u3000]+/g, ' ')
    .replace(/\n\s*\n+/g, '\n')
    .trim();
}
