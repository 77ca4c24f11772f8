// The UI language (Vietnamese by default, English selectable, remembered on this PC) and `t()`
// bound to it, from the one shared dictionary.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
// `t` is typed like the shared one (known key, its parameters); `tStored` is for keys that come
// from outside the program's text (an error code from the engine, a finding's stored key).
import { t as translate, tStored as translateStored, type Lang, type Translate } from '../../shared/i18n';

export type T = Translate;
export type TStored = (key: string, params?: Readonly<Record<string, unknown>>) => string;

const bind = (lang: Lang): { t: T; tStored: TStored } => ({
  t: (key, ...args) => translate(lang, key, ...args),
  tStored: (key, params) => translateStored(lang, key, params),
});

const LangContext = createContext<{ lang: Lang; setLang: (l: Lang) => void; t: T; tStored: TStored }>({
  lang: 'vi',
  setLang: () => {},
  ...bind('vi'),
});

const STORAGE_KEY = 'plandesk.lang';

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi'));
  const setLang = useCallback((l: Lang) => {
    localStorage.setItem(STORAGE_KEY, l);
    document.documentElement.lang = l;
    setLangState(l);
  }, []);
  const value = useMemo(() => ({ lang, setLang, ...bind(lang) }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang() {
  return useContext(LangContext);
}
