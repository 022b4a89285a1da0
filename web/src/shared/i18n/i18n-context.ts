// The console's one i18n mechanism. Interface words are dictionary keys read with `t`; texts that arrive
// in both languages — common/'s standard labels, the server's messages and explanations — are
// `{ zh, en }` pairs read with `pick` (or `inLang` outside React). Nothing else chooses a language.
import { createContext } from 'react';
import type { DictKey } from './dictionary.ts';

export type Lang = 'zh' | 'en';

/** a text in both interface languages, as common/ ships its labels and the server its messages */
export interface Bilingual {
  zh: string;
  en: string;
}

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** the current language's text for a key; `{name}` placeholders are filled from vars */
  t: (key: DictKey, vars?: Record<string, string | number>) => string;
  /** picks the current language from a `{ zh, en }` label */
  pick: (label: Bilingual) => string;
}

export const inLang = (lang: Lang, label: Bilingual): string => (lang === 'en' ? label.en : label.zh);

export const I18nContext = createContext<I18n | null>(null);
