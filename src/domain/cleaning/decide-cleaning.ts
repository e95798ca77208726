/**
 * Automatic cleaning of one lead (pure): junk detection and ICP rules together decide whether
 * the lead is disqualified, and which flags it carries.
 *
 * Automatic disqualification only takes leads nobody holds yet (`new`, `nurturing`) and never
 * a lead a person has requalified; on any other lead (an SDR's outbound lead, an MQL) what would
 * have disqualified becomes a flag, so the person holding it decides.
 */
import type { LeadStatus } from '../lead-status.js';
import type { CleaningLead } from './cleaning-lead.js';
import { type Bilingual, detectJunk, JUNK_FLAG_PREFIX, type JunkFinding } from './detect-junk.js';
import { evaluateIcpRules } from './evaluate-icp.js';
import { ICP_FLAG_PREFIX, type IcpRule } from './icp-rules.js';

/** Statuses a person may disqualify from: before the lead is handed to sales (SPEC §6.1). */
export const disqualifiableStatuses: readonly LeadStatus[] = ['new', 'working', 'nurturing'];
/** Statuses cleaning may disqualify from on its own: nobody holds the lead. */
export const autoDisqualifiableStatuses: readonly LeadStatus[] = ['new', 'nurturing'];

export interface AutoDisqualification {
  reason: string;
  by: 'junk' | 'icp';
  /** The ICP rule that decided, when `by` is icp. */
  ruleId: string | null;
  message: Bilingual;
  findings: JunkFinding[];
}

export interface CleaningDecision {
  disqualify: AutoDisqualification | null;
  /** Cleaning's flags for this lead now (ICP:… and JUNK:…). */
  flags: string[];
}

export interface CleaningOptions {
  /** Run junk detection (at first capture; a later re-run only re-checks ICP rules). */
  junk: boolean;
  /** The lead's status allows automatic disqualification and no person has requalified it. */
  mayDisqualify: boolean;
}

export function decideCleaning(
  lead: CleaningLead,
  rules: readonly IcpRule[],
  options: CleaningOptions,
): CleaningDecision {
  const junk = options.junk ? detectJunk(lead) : null;
  const icp = evaluateIcpRules(rules, lead);
  const flags = [...icp.flags, ...(junk?.flags ?? [])];

  let disqualify: AutoDisqualification | null = null;
  if (junk?.disqualify) {
    const findings = junk.disqualify.findings;
    disqualify = {
      reason: junk.disqualify.reason,
      by: 'junk',
      ruleId: null,
      message: {
        zh: findings.map((f) => f.message.zh).join('；'),
        en: findings.map((f) => f.message.en).join('; '),
      },
      findings,
    };
  } else if (icp.disqualifiedBy) {
    const rule = icp.disqualifiedBy;
    disqualify = {
      reason: rule.reason,
      by: 'icp',
      ruleId: rule.id,
      message: { zh: `ICP 规则 ${rule.id}：${rule.description}`, en: `ICP rule ${rule.id}: ${rule.description}` },
      findings: [],
    };
  }
  if (disqualify && !options.mayDisqualify) {
    if (disqualify.by === 'junk') flags.push(...disqualify.findings.map((f) => JUNK_FLAG_PREFIX + f.check));
    disqualify = null;
  }
  return { disqualify, flags: [...new Set(flags)] };
}

/**
 * The lead's flags after a cleaning run: flags others set (MRL …) stay; ICP flags are replaced
 * when `replaceIcp` (a re-run sees the lead as it is now: employees filled in may clear one).
 */
export function mergeCleaningFlags(
  current: readonly string[],
  computed: readonly string[],
  replaceIcp: boolean,
): string[] {
  const kept = replaceIcp ? current.filter((f) => !f.startsWith(ICP_FLAG_PREFIX)) : [...current];
  return [...new Set([...kept, ...computed])];
}
