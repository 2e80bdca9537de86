/**
 * Internationalisation: i18next with the per-locale JSON files of ./locales bundled in (no network
 * fetch). The language follows the store's `language` field (persisted in localStorage); the
 * header's language selector sets it. Numbers are formatted per locale with Intl.NumberFormat
 * (see ui/plots/format.ts, `locale` parameters), through `useLocale()`.
 *
 * Adding a language: copy locales/en.json to locales/<code>.json, translate the values (keep the
 * keys, the {{placeholders}} and the physics symbols), and add it to LANGUAGES below. The unit test
 * i18n.test.ts checks that every locale has exactly the keys and placeholders of English.
 * A placeholder may carry a format, kept as it is in a translation: {{x, f1}} (one decimal),
 * {{p, e1}} (1.2 × 10⁻⁵), {{m, num}}, {{kind, particle}} (eventText.ts registers them).
 */
import i18n from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { useApp } from '../state/store';
import en from './locales/en.json';
import fr from './locales/fr.json';
import de from './locales/de.json';
import it from './locales/it.json';
import { addEventFormatters } from './eventText';

/** Languages offered in the selector, by their own name. */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'fr', name: 'Français' },
  { code: 'de', name: 'Deutsch' },
  { code: 'it', name: 'Italiano' },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]['code'];

export const resources = {
  en: { translation: en },
  fr: { translation: fr },
  de: { translation: de },
  it: { translation: it },
} as const;

export function isSupportedLanguage(code: string): code is LanguageCode {
  return LANGUAGES.some((l) => l.code === code);
}

const initial = (() => {
  const stored = useApp.getState().language;
  return isSupportedLanguage(stored) ? stored : 'en';
})();

void i18n.use(initReactI18next).init({
  resources,
  lng: initial,
  fallbackLng: 'en',
  supportedLngs: LANGUAGES.map((l) => l.code),
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});
// number and particle formatters of the locale strings ({{x, f1}}, {{kind, particle}}; eventText.ts)
addEventFormatters(i18n);

function applyDocumentLanguage(lng: string) {
  if (typeof document !== 'undefined') document.documentElement.lang = lng;
}
applyDocumentLanguage(initial);
i18n.on('languageChanged', applyDocumentLanguage);

// The store is the source of truth: follow its language (selector, reload, shared state).
useApp.subscribe((s, prev) => {
  if (s.language !== prev.language) {
    void i18n.changeLanguage(isSupportedLanguage(s.language) ? s.language : 'en');
  }
});

/** The current locale for number formatting (re-renders the caller on a language change). */
export function useLocale(): string {
  const { i18n: inst } = useTranslation();
  return inst.resolvedLanguage ?? inst.language ?? 'en';
}

export { i18n };
