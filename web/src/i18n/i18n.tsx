// Language and theme preferences: chosen in the header, remembered in localStorage.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { en, type Strings } from './en.ts';
import { uk } from './uk.ts';
import { parsePartialDate } from '../../../src/domain/partial-date.ts';

export type Lang = 'en' | 'uk';

interface I18n {
  lang: Lang;
  t: Strings;
  setLang: (lang: Lang) => void;
}

const LANG_KEY = 'pactwatch.lang';
const I18nContext = createContext<I18n>({ lang: 'en', t: en, setLang: () => {} });

function initialLang(): Lang {
  const stored = localStorage.getItem(LANG_KEY);
  if (stored === 'en' || stored === 'uk') return stored;
  return navigator.language.toLowerCase().startsWith('uk') ? 'uk' : 'en';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = (next: Lang) => {
    localStorage.setItem(LANG_KEY, next);
    setLangState(next);
  };
  return <I18nContext.Provider value={{ lang, t: lang === 'uk' ? uk : en, setLang }}>{children}</I18nContext.Provider>;
}

export const useI18n = () => useContext(I18nContext);

/** The record's Ukrainian field when the reader chose Ukrainian and it exists. */
export function localized<R extends object>(record: R, field: keyof R & string, lang: Lang): string {
  const own = record[field];
  if (lang === 'uk') {
    const translated = (record as Record<string, unknown>)[`${field}_uk`];
    if (typeof translated === 'string' && translated.trim()) return translated;
  }
  return typeof own === 'string' ? own : '';
}

const formats = new Map<string, Intl.DateTimeFormat>();
function format(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let hit = formats.get(key);
  if (!hit) formats.set(key, (hit = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' })));
  return hit;
}

/** Formats a partial date at its own precision: "2008", "April 2008", "3 April 2008". */
export function formatDate(date: string | null | undefined, t: Strings): string {
  if (!date) return '';
  const span = parsePartialDate(date);
  if ('error' in span) return date;
  if (span.precision === 'year') return date.slice(0, 4);
  const options: Intl.DateTimeFormatOptions =
    span.precision === 'month' ? { year: 'numeric', month: 'long' } : { year: 'numeric', month: 'long', day: 'numeric' };
  return format(t.locale, options).format(new Date(`${span.start}T00:00:00Z`));
}
