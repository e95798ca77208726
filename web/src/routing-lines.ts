/**
 * A routing explanation line (SPEC §5.2: every rule tried, every rep skipped and why, the pick)
 * in the reader's language: the server sends each line's Chinese-first message plus a code and
 * values (src/domain/routing/routing-types.ts ROUTING_CODES); the line is worded here from the
 * catalogue (routingLines). Lines stored before codes existed show their message.
 */
import { useTranslation } from 'react-i18next';
import type { Mention, RegionName, RoutingStep } from '../../src/domain/routing/routing-types.js';
import { useFormat } from './format';
import type { Wire } from './wire';

export type RoutingLine = Wire<RoutingStep>;

/** How many of a rep's regions or industries a line shows before "…". */
const VALUES_SHOWN = 3;

/** Words a routing line in the console's language. */
export function useRoutingLineWords(): (line: RoutingLine) => string {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const en = i18n.language === 'en';
  const k = (key: string, values?: Record<string, unknown>) => t(`routingLines.${key}`, values ?? {});
  const list = (items: readonly string[]) => items.join(k('listSeparator'));
  const str = (value: unknown) => (value === null || value === undefined ? '' : String(value));
  const number = (value: unknown) => f.number(typeof value === 'number' ? value : null, 2);
  /** 1/3 reads as a fraction, as the stored text writes it. */
  const credit = (value: unknown) => {
    const thirds = Number(value) * 3;
    return !Number.isInteger(Number(value)) && Math.abs(thirds - Math.round(thirds)) < 1e-9
      ? `${Math.round(thirds)}/3`
      : number(value);
  };
  /** "Shanghai (31)" in English, "上海市 (31)" in Chinese; the code alone when the taxonomy has no name. */
  const region = (r: RegionName) => {
    const name = en ? r.en : r.zh;
    return name && name !== r.code ? `${name} (${r.code})` : r.code;
  };
  const values = (items: readonly string[], none: string) =>
    items.length === 0 ? none : `${items.slice(0, VALUES_SHOWN).join('/')}${items.length > VALUES_SHOWN ? '…' : ''}`;
  /** The named reps, and "… N in all" when the line counted more than it named. */
  const people = (mentions: unknown, total: unknown, label: (m: Mention) => string) => {
    const named = Array.isArray(mentions) ? (mentions as Mention[]) : [];
    const names = list(named.map(label));
    return typeof total === 'number' && total > named.length ? k('more', { names, count: total }) : names;
  };
  const seniority = (level: unknown) => t(`settingsScoring.seniority.${str(level)}`, { defaultValue: str(level) });
  const contact = (title: unknown, level: unknown) =>
    k('account.contact', { title: str(title) || k('account.noTitle'), level: seniority(level) });

  return ({ message, code, outcome, step, params = {} }) => {
    const p = params as Record<string, unknown>;
    const head = () => k('account.head', { account: p.account, matchedOn: k(`matchedOn.${str(p.matchedOn)}`) });
    const narrowed = (base: string, subject: Record<string, unknown>, label: (m: Mention) => string) => {
      const variant = outcome === 'no_match' ? 'noMatch' : outcome === 'narrowed' ? 'narrowed' : 'all';
      return k(`${base}.${variant}`, {
        ...subject,
        pool: p.pool,
        matching: p.matching,
        names: people(p.leftOut, p.removed, label),
      });
    };
    switch (code) {
      case 'account_none':
        return k('account.none');
      case 'account_no_owner':
        return k('account.noOwner', { head: head() });
      case 'account_idle':
        return k('account.idle', {
          head: head(),
          owner: p.owner,
          idle:
            p.lastActivityAt === null
              ? k('account.neverActive')
              : k('account.idleSince', { at: f.dateTime(str(p.lastActivityAt)), days: p.inactiveDays }),
          days: p.firstContactDays,
          due: f.dateTime(str(p.firstContactDueAt)),
        });
      case 'account_sync': {
        const contacts = Array.isArray(p.contacts) ? (p.contacts as Mention[]) : [];
        return k(p.moreSenior ? 'account.syncSenior' : 'account.syncPartial', {
          head: head(),
          owner: p.owner,
          at: f.dateTime(str(p.lastActivityAt)),
          days: p.inactiveDays,
          contact: contact(p.contactTitle, p.contactSeniority),
          contacts:
            contacts.length === 0
              ? k('account.contactsNone')
              : k('account.contacts', {
                  contacts: people(contacts, p.contactCount, (c) => `${c.name} ${contact(c.title, c.seniority)}`),
                }),
          credit: credit(p.credit),
        });
      }
      case 'account_owner': {
        const line = k('account.owner');
        const notes = [
          p.notEligible ? k('reason.notEligible') : '',
          p.suspendedUntil ? k('reason.suspended', { until: f.dateTime(str(p.suspendedUntil)) }) : '',
          p.atCapacity ? k('reason.atCapacity', { open: p.openMqls, capacity: p.capacity }) : '',
        ].filter(Boolean);
        return notes.length ? k('account.ownerNotes', { line, owner: p.owner, notes: list(notes) }) : line;
      }
      case 'rep_skipped': {
        const reasons = [
          p.notEligible ? k('reason.notEligible') : '',
          p.suspendedUntil ? k('reason.suspended', { until: f.dateTime(str(p.suspendedUntil)) }) : '',
          p.atCapacity ? k('reason.atCapacity', { open: p.openMqls, capacity: p.capacity }) : '',
          p.badWeight ? k('reason.badWeight', { weight: p.weight ?? '—' }) : '',
        ].filter(Boolean);
        return k('skipped', {
          step: k(`step.${step}`, { defaultValue: step }),
          rep: p.rep,
          reasons: reasons.join(k('reasonSeparator')),
        });
      }
      case 'region_unknown':
        return k('region.unknown');
      case 'industry_unknown':
        return k('industry.unknown');
      case 'skill_off':
        return k('skill.off');
      case 'region':
        return narrowed(
          'region',
          { region: region(p.region as RegionName) },
          (m) =>
            `${m.name} (${values(
              (m.regions ?? []).map((r) => (en ? r.en : r.zh)),
              k('region.none'),
            )})`,
        );
      case 'industry':
        return narrowed(
          'industry',
          { industry: p.industry },
          (m) => `${m.name} (${values(m.industries ?? [], k('industry.none'))})`,
        );
      case 'skill_must_win':
      case 'skill_practice':
        return narrowed(
          code === 'skill_must_win' ? 'skill.mustWin' : 'skill.practice',
          { grade: p.grade ?? k('skill.noGrade'), level: p.topLevel },
          (m) => `${m.name} (${k('skill.level', { level: m.level })})`,
        );
      case 'rotation': {
        const parts = [
          k('rotation.picked', {
            rep: p.rep,
            weight: number(p.weight),
            received: number(p.received),
            share: number(p.share),
            department: p.department ? k('rotation.department', { department: p.department }) : '',
            pool: p.pool,
            balance: k(`rotation.balance.${str(p.balance)}`),
          }),
          p.tieBreak ? k(`rotation.tieBreak.${str(p.tieBreak)}`) : '',
          Array.isArray(p.notDue) && p.notDue.length > 0
            ? k('rotation.notDue', {
                names: people(p.notDue, p.notDueCount, (m) =>
                  k('rotation.standing', { name: m.name, weight: number(m.weight), received: number(m.received) }),
                ),
              })
            : '',
        ];
        return parts.filter(Boolean).join(k('reasonSeparator'));
      }
      case 'dispatch_no_reps':
        return k('dispatch.noReps');
      case 'dispatch_nobody_fits': {
        const counts = (['notEligible', 'suspended', 'atCapacity', 'badWeight'] as const)
          .filter((key) => Number(p[key]) > 0)
          .map((key) => k(`dispatch.${key}`, { count: p[key] }));
        return k('dispatch.nobodyFits', { counts: list(counts) });
      }
      case 'dispatch_manual':
        return k('dispatch.manual', { reason: p.reason });
      case 'dispatch_recalled':
        return k('dispatch.recalled');
      case 'dispatch_assigned':
        return k('dispatch.assigned', { rep: p.rep });
      case 'dispatch_synced':
        return k('dispatch.synced', { rep: p.rep });
      default:
        return message;
    }
  };
}
