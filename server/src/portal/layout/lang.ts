// Text in the visitor's language, and Chinese content marked as such on the English pages (WCAG 3.1.2:
// a screen reader must switch voice for the names of stations, rivers and enterprises).
import { html, type SafeHtml } from '../html.ts';

/** the part of the page's view these need (not PortalView itself: layout.ts imports this file) */
type PortalView = { prefs: { lang: string } };

/** Content recorded in Chinese: marked lang="zh-CN" when the page is in English. */
export function zhText(v: PortalView, text: string | null | undefined): SafeHtml | string {
  if (!text) return '';
  return v.prefs.lang === 'en' ? html`<span lang="zh-CN">${text}</span>` : text;
}

/**
 * A translated sentence that names Chinese content (a station, a section, an enterprise): on the
 * English pages the name inside it is marked lang="zh-CN".
 */
export function zhWithin(v: PortalView, text: string, name: string): SafeHtml | string {
  const at = name ? text.indexOf(name) : -1;
  if (v.prefs.lang !== 'en' || at < 0) return text;
  return html`${text.slice(0, at)}<span lang="zh-CN">${name}</span>${text.slice(at + name.length)}`;
}

/** The visitor's half of a bilingual label. */
export const pick = (v: PortalView, b: { zh: string; en: string }) => (v.prefs.lang === 'en' ? b.en : b.zh);
