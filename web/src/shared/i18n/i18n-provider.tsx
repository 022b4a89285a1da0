import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { dictionaries, type DictKey } from './dictionary.ts';
import { I18nContext, inLang, type I18n, type Lang } from './i18n-context.ts';

const STORAGE_KEY = 'greenvoice.lang';

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh'; // storage blocked: Chinese is the default anyway
  }
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);

  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // not remembered, still switched
    }
  }, []);

  // Screen readers and the browser's spell checker follow <html lang>.
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  const value = useMemo<I18n>(() => {
    const dict = dictionaries[lang];
    return {
      lang,
      setLang,
      t: (key: DictKey, vars?: Record<string, string | number>) =>
        vars
          ? dict[key].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m))
          : dict[key],
      pick: (label) => inLang(lang, label),
    };
  }, [lang, setLang]);

  return <I18nContext value={value}>{children}</I18nContext>;
}
