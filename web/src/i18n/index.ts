/**
 * Languages (SPEC §10.2): zh-CN and en, from the browser at first, then the user's choice,
 * remembered in localStorage. Every string comes from one catalogue per language; each catalogue
 * is its own chunk, loaded before the first render (the active one) or on a switch, so a page
 * ships the strings of one language only.
 */
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Locale } from 'antd/es/locale';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Catalogue } from './catalogue';

export type Language = 'zh-CN' | 'en';
const storageKey = 'leadloop.language';

const catalogues: Record<Language, () => Promise<Catalogue>> = {
  'zh-CN': () => import('./zh-CN').then((m) => m.zhCN),
  en: () => import('./en').then((m) => m.en),
};

/** antd's own texts (pickers, pagination, empty states), loaded with the catalogue. */
const antdLocales: Record<Language, () => Promise<Locale>> = {
  'zh-CN': () => import('antd/locale/zh_CN').then((m) => m.default),
  en: () => import('antd/locale/en_US').then((m) => m.default),
};
const loadedAntdLocales = new Map<Language, Locale>();

/** antd's locale of a language already loaded (every language the app switches to is). */
export function antdLocale(language: string): Locale | undefined {
  return loadedAntdLocales.get(language === 'en' ? 'en' : 'zh-CN');
}

export function initialLanguage(): Language {
  const saved = localStorage.getItem(storageKey);
  if (saved === 'zh-CN' || saved === 'en') return saved;
  const preferred = navigator.languages?.length ? navigator.languages : [navigator.language];
  for (const tag of preferred) {
    if (/^zh\b/i.test(tag)) return 'zh-CN';
    if (/^en\b/i.test(tag)) return 'en';
  }
  return 'zh-CN';
}

/** antd's date pickers write dates through dayjs: its locale follows the language. */
function dayjsLocale(language: Language): string {
  return language === 'en' ? 'en' : 'zh-cn';
}

async function load(language: Language): Promise<void> {
  if (!i18next.hasResourceBundle(language, 'translation')) {
    const [catalogue, locale] = await Promise.all([catalogues[language](), antdLocales[language]()]);
    i18next.addResourceBundle(language, 'translation', catalogue);
    loadedAntdLocales.set(language, locale);
  }
}

export async function chooseLanguage(language: Language): Promise<void> {
  localStorage.setItem(storageKey, language);
  await load(language);
  document.documentElement.lang = language;
  dayjs.locale(dayjsLocale(language));
  await i18next.changeLanguage(language);
}

/** Starts i18next with the active language's catalogue; the app renders once this resolves. */
export async function startI18n(): Promise<void> {
  const language = initialLanguage();
  document.documentElement.lang = language;
  dayjs.locale(dayjsLocale(language));
  await i18next.use(initReactI18next).init({
    resources: {},
    lng: language,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  await load(language);
  await i18next.changeLanguage(language);
}

export default i18next;
