/**
 * Languages (SPEC §10.2): zh-CN and en, from the browser at first, then the user's choice,
 * remembered in localStorage. Every string comes from one catalogue per language.
 */
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';

export type Language = 'zh-CN' | 'en';
const storageKey = 'leadloop.language';

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

export function chooseLanguage(language: Language): void {
  localStorage.setItem(storageKey, language);
  document.documentElement.lang = language;
  dayjs.locale(dayjsLocale(language));
  void i18next.changeLanguage(language);
}

/** antd's date pickers write dates through dayjs: its locale follows the language. */
function dayjsLocale(language: Language): string {
  return language === 'en' ? 'en' : 'zh-cn';
}

const language = initialLanguage();
document.documentElement.lang = language;
dayjs.locale(dayjsLocale(language));
void i18next.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: language,
  fallbackLng: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export default i18next;
