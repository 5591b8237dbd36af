import { createContext, type ReactNode, useContext, useMemo } from 'react';
import type { Language, LocalizedText } from '../../../domain/text.ts';
import { formatDate, formatNumber } from './format.ts';
import { en, type Messages, vi } from './messages.ts';

export type I18n = {
  language: Language;
  t: Messages;
  /** Picks the current language's side of a text the data carries. */
  text: (value: LocalizedText) => string;
  number: (value: number, maximumFractionDigits?: number) => string;
  date: (isoDate: string) => string;
};

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ language, children }: { language: Language; children: ReactNode }) {
  const value = useMemo<I18n>(
    () => ({
      language,
      t: language === 'vi' ? vi : en,
      text: (localized) => localized[language],
      number: (number, digits) => formatNumber(number, language, digits),
      date: (isoDate) => formatDate(isoDate, language),
    }),
    [language],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
