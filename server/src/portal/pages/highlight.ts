// A search result's snippet: the text around the first matched word, escaped, with every matched
// word wrapped in <mark>. Pure, so any query — any length, any script — is only ever text.
import { html, type SafeHtml } from '../html.ts';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function highlight(text: string, terms: string[], width = 120): SafeHtml {
  const usable = terms.filter((t) => t.length > 0).sort((a, b) => b.length - a.length);
  if (usable.length === 0) return html`${text.slice(0, width)}`;
  const re = new RegExp(usable.map(escapeRegExp).join('|'), 'giu');
  const first = text.search(re);
  const start = first < 0 ? 0 : Math.max(0, first - Math.floor(width / 4));
  const slice = text.slice(start, start + width);
  const parts: Array<string | SafeHtml> = start > 0 ? ['…'] : [];
  let last = 0;
  for (const m of slice.matchAll(re)) {
    parts.push(slice.slice(last, m.index), html`<mark>${m[0]}</mark>`);
    last = m.index + m[0].length;
  }
  parts.push(slice.slice(last));
  if (start + width < text.length) parts.push('…');
  return html`${parts}`;
}
