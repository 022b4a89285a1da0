// A visitor's display preferences: language, the elderly-friendly large-type high-contrast mode (长者
//模式) and the article font size (大/中/小). Kept in one small cookie set by a plain form POST, so they
// work with JavaScript off and need no browser zoom; each combination is its own cached page.
export type Lang = 'zh' | 'en';
export type FontSize = 's' | 'm' | 'l';

export interface Prefs {
  lang: Lang;
  care: boolean;
  fontSize: FontSize;
}

export const PREFS_COOKIE = 'gv_prefs';
export const DEFAULT_PREFS: Prefs = { lang: 'zh', care: false, fontSize: 'm' };

/** Reads the prefs cookie straight from the header (the cached fast path has no cookie parser). */
export function parsePrefs(cookieHeader: string | undefined): Prefs {
  if (!cookieHeader) return DEFAULT_PREFS;
  const i = cookieHeader.indexOf(`${PREFS_COOKIE}=`);
  if (i < 0 || (i > 0 && cookieHeader[i - 1] !== ' ' && cookieHeader[i - 1] !== ';')) return DEFAULT_PREFS;
  const v = cookieHeader.slice(i + PREFS_COOKIE.length + 1, i + PREFS_COOKIE.length + 7);
  const m = /^(zh|en)\.([01])\.([sml])/.exec(v);
  if (!m) return DEFAULT_PREFS;
  return { lang: m[1] as Lang, care: m[2] === '1', fontSize: m[3] as FontSize };
}

export const prefsValue = (p: Prefs) => `${p.lang}.${p.care ? 1 : 0}.${p.fontSize}`;

/** The cache key part for this visitor's preferences. */
export const prefsKey = prefsValue;

/** Applies a change posted by the preferences form; unknown values are ignored. */
export function applyPrefsChange(p: Prefs, body: Record<string, unknown>): Prefs {
  const next = { ...p };
  if (body.lang === 'zh' || body.lang === 'en') next.lang = body.lang;
  if (body.care === '1' || body.care === '0') next.care = body.care === '1';
  if (body.fs === 's' || body.fs === 'm' || body.fs === 'l') next.fontSize = body.fs;
  return next;
}

/**
 * Where to go back after changing preferences: only a path on this site, never elsewhere. A Location
 * header holds printable ASCII only: other characters (a Chinese search term typed into the address)
 * are percent-encoded; what cannot be (a lone surrogate) sends the visitor home.
 */
export function safeBackPath(raw: unknown): string {
  if (typeof raw !== 'string' || !/^\/(?![/\\])[^\s]{0,500}$/.test(raw)) return '/';
  let path: string;
  try {
    path = raw.replace(/[^\x21-\x7e]+/g, (s) => encodeURIComponent(s));
  } catch {
    return '/';
  }
  return /^[\x21-\x7e]+$/.test(path) && path.length <= 2000 ? path : '/';
}
