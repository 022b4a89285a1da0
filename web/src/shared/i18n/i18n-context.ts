import { createContext } from 'react';
import type { DictKey } from './dictionary.ts';

export type Lang = 'zh' | 'en';

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** the current language's text for a key; `{name}` placeholders are filled from vars */
  t: (key: DictKey, vars?: Record<string, string | number>) => string;
  /** picks the current language from a `{ zh, en }` label, as common/ ships them */
  pick: (label: { zh: string; en: string }) => string;
}

export const I18nContext = createContext<I18n | null>(null);
