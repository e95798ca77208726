/**
 * A score's explanation line (SPEC §4.3) in the reader's language: the server sends each line's
 * rule as Chinese text plus a code and values (src/domain/scoring/scoring-rules.ts); the line is
 * worded here from the catalogue. Lines stored before codes existed show their rule text.
 */
import { useTranslation } from 'react-i18next';
import type { BilingualText, ExplanationLine } from '../../src/domain/scoring/scoring-rules.js';
import type { Wire } from './wire';

export type ScoreLine = Wire<ExplanationLine>;

/** Words a score line in the console's language. */
export function useScoreLineWords(): (line: ScoreLine) => string {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const text = (value: string | number | null | BilingualText | undefined): string =>
    value !== null && typeof value === 'object' ? (en ? value.en : value.zh) : String(value ?? '');
  const behaviour = (type: string) => t(`pool.trigger.behaviours.${type}`, { defaultValue: type });

  return ({ rule, code, params = {} }) => {
    switch (code) {
      case 'seniority':
        return t('common.scoreLines.seniority', { level: t(`settingsScoring.seniority.${text(params.level)}`) });
      case 'employees':
        if (params.max === null) return t('common.scoreLines.employeesAtLeast', { min: params.min });
        if (params.min === 0) return t('common.scoreLines.employeesBelow', { count: Number(params.max) + 1 });
        return t('common.scoreLines.employeesBetween', { min: params.min, max: params.max });
      case 'employees_unknown':
        return t('common.scoreLines.employeesUnknown');
      case 'industry':
        return t('common.scoreLines.industry', { industry: text(params.industry) });
      case 'region': {
        const label =
          params.label && params.label !== params.region ? `${text(params.label)} (${text(params.region)})` : '';
        return t('common.scoreLines.region', { region: label || text(params.region) });
      }
      case 'behaviour':
        return t('common.scoreLines.behaviour', { name: behaviour(text(params.type)), count: params.count });
      case 'behaviour_cap':
        return t('common.scoreLines.behaviourCap', {
          name: behaviour(text(params.type)),
          points: params.points,
          days: params.days,
        });
      case 'decay':
        return t('common.scoreLines.decay', { days: params.halfLifeDays });
      case 'qualification':
        return t('common.scoreLines.qualification', {
          framework: text(params.framework),
          criterion: text(params.label),
          answer: text(params.answer),
        });
      default:
        return rule;
    }
  };
}
