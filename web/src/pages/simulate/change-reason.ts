/**
 * A changed lead's reason (SPEC §8.6) in the reader's language: the server sends it part by part
 * as codes and values, worded here from the catalogue. Unmet criteria come in both languages;
 * routing rule descriptions are the operators' own "中文 / English" text.
 */
import { useTranslation } from 'react-i18next';
import type {
  ChangeReasonPart,
  HandoffBrief,
  SlaVerdictBrief,
} from '../../../../src/domain/simulation/change-reason.js';
import { useFormat } from '../../format';
import { useScoreLineWords } from '../../score-lines';
import { halfOf } from '../queue/queue-api';

export function useChangeReason(nameOf: (repId: string) => string): (parts: readonly ChangeReasonPart[]) => string {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const lineWords = useScoreLineWords();
  const en = i18n.language === 'en';
  const points = (n: number) => (n >= 0 ? `+${format.number(n)}` : format.number(n));
  const score = (n: number | null) => (n === null ? t('simulate.outcome.unscored') : format.number(n));
  const hours = (h: number) => format.number(h, 1);
  const handoff = (h: HandoffBrief) => {
    const outcome =
      h.kind === 'dispatch' || !h.repId
        ? t('simulate.outcome.dispatch')
        : t(h.kind === 'sync' ? 'simulate.outcome.sync' : 'simulate.outcome.rep', { name: nameOf(h.repId) });
    return h.step === null || h.step === 'dispatch'
      ? outcome
      : t('simulate.reasons.decidedBy', { step: t(`simulate.reasons.steps.${h.step}`), outcome });
  };
  const deadline = (v: SlaVerdictBrief) =>
    t('simulate.reasons.deadline', {
      deadline: format.dateTime(v.deadline),
      hours: hours(v.hours),
      verdict: t(v.breached ? 'simulate.reasons.breach' : 'simulate.reasons.onTime'),
    });
  const path = (p: string) => t(`settingsRouting.paths.${p}`);
  const part = (p: ChangeReasonPart): string => {
    switch (p.code) {
      case 'score': {
        const lines = p.lines.map((l) =>
          t(l.change === 'now' ? 'simulate.reasons.scoreNow' : 'simulate.reasons.scoreWas', {
            rule: lineWords(l),
            points: points(l.points),
          }),
        );
        if (p.moreLines) lines.push(t('simulate.reasons.moreLines', { count: p.moreLines }));
        const listed = lines.join(t('simulate.reasons.lineSeparator'));
        return t('simulate.reasons.score', { current: score(p.current), candidate: score(p.candidate), lines: listed });
      }
      case 'mql':
        return t(p.becomes ? 'simulate.reasons.becomesMql' : 'simulate.reasons.noLongerMql', {
          unmet: p.unmet.map((u) => (en ? u.detail : u.detailZh)).join(t('simulate.reasons.separator')),
        });
      case 'path': {
        const sides = { current: path(p.current), candidate: path(p.candidate) };
        return p.rule
          ? t('simulate.reasons.path', {
              ...sides,
              index: p.rule.index,
              id: p.rule.id,
              description: halfOf(p.rule.description, i18n.language),
            })
          : t('simulate.reasons.pathByDefault', sides);
      }
      case 'rep':
        return t('simulate.reasons.rep', { current: handoff(p.current), candidate: handoff(p.candidate) });
      case 'sla':
        return t('simulate.reasons.sla', {
          decided:
            p.decidedAfterHours === null
              ? t('simulate.reasons.undecided')
              : t('simulate.reasons.decidedAfter', { hours: hours(p.decidedAfterHours) }),
          current: deadline(p.current),
          candidate: deadline(p.candidate),
        });
    }
  };
  return (parts) => parts.map(part).join(t('simulate.reasons.separator'));
}
