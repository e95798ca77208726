import { useTranslation } from 'react-i18next';
import { chooseLanguage, type Language } from './i18n';

/** The language control of SPEC §10.2: named 语言 / Language, offering 中文 and English. */
export function LanguageSelect() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-select">
      <span className="visually-hidden">{t('language.label')}</span>
      <select
        aria-label={t('language.label')}
        value={i18n.language}
        onChange={(e) => void chooseLanguage(e.target.value as Language)}
      >
        <option value="zh-CN">{t('language.zh')}</option>
        <option value="en">{t('language.en')}</option>
      </select>
    </label>
  );
}
