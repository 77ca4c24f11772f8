// The UI language (Vietnamese by default, English selectable, remembered on this PC) and `t()`
// bound to it, from the one shared dictionary.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { t as translate, type Lang, type MessageKey } from '../../shared/i18n';

type T = (key: MessageKey | string, params?: Record<string, string | number>) => string;

const LangContext = createContext<{ lang: Lang; setLang: (l: Lang) => void; t: T }>({
  lang: 'vi',
  setLang: () => {},
  t: (k, p) => translate('vi', k, p),
});

const STORAGE_KEY = 'plandesk.lang';

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi'));
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem(STORAGE_KEY, l);
    document.documentElement.lang = l;
    setLangState(l);
  }, []);
  const value = useMemo(() => ({ lang, setLang, t: ((k, p) => translate(lang, k, p)) as T }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang() {
  return useContext(LangContext);
}
