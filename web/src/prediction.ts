/**
 * The predictive model's terms as the API gives them (src/http/routes/models.ts): every term
 * comes in words in both languages; the console shows the one of the current language.
 */
import { useTranslation } from 'react-i18next';

export interface TermInWords {
  feature: string;
  effect: number;
  term: { feature: string; kind: string; level?: string; low?: number | null; high?: number | null };
  words: { 'zh-CN': string; en: string };
}

export interface Prediction {
  probability: number;
  modelId: string;
  factors: TermInWords[];
}

/** The words of a term in the console's language. */
export function useTermWords(): (t: TermInWords) => string {
  const { i18n } = useTranslation();
  return (term) => (i18n.language === 'en' ? term.words.en : term.words['zh-CN']);
}
