/**
 * The source of one arrival (SPEC §2): UTM fields, referrer and landing page. When a lead comes
 * without any UTM, "UTM default" rules (data, ordered) infer source/medium — and the channel,
 * when the caller gave none (imports) — from the referrer host or the landing path.
 */
import type { Source, Utm, UtmInput } from './lead-input.js';

export interface UtmInferenceRule {
  id: string;
  referrerHost: string | null;
  landingPathPrefix: string | null;
  channel: string;
  utmSource: string | null;
  utmMedium: string | null;
}

const utmKeys = ['source', 'medium', 'campaign', 'term', 'content'] as const;

export function cleanUtm(input: UtmInput | null | undefined): Utm {
  const utm = { source: null, medium: null, campaign: null, term: null, content: null } as Utm;
  for (const key of utmKeys) {
    const value = input?.[key]?.trim();
    if (value) utm[key] = value;
  }
  return utm;
}

export function hasUtm(utm: Utm): boolean {
  return utmKeys.some((key) => utm[key] !== null);
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

function pathOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).pathname;
  } catch {
    return url.startsWith('/') ? url : null;
  }
}

export function findInferenceRule(
  rules: readonly UtmInferenceRule[],
  referrer: string | null,
  landingPage: string | null,
): UtmInferenceRule | undefined {
  const host = hostOf(referrer);
  const path = pathOf(landingPage);
  return rules.find((rule) => {
    if (rule.referrerHost && !(host && (host === rule.referrerHost || host.endsWith(`.${rule.referrerHost}`))))
      return false;
    if (rule.landingPathPrefix && !path?.startsWith(rule.landingPathPrefix)) return false;
    return Boolean(rule.referrerHost || rule.landingPathPrefix);
  });
}

export function buildSource(args: {
  channel: string | null;
  utm: UtmInput | null | undefined;
  referrer: string | null | undefined;
  landingPage: string | null | undefined;
  at: Date;
  rules: readonly UtmInferenceRule[];
}): Source {
  const utm = cleanUtm(args.utm);
  const referrer = args.referrer?.trim() || null;
  const landingPage = args.landingPage?.trim() || null;
  const source: Source = { channel: args.channel, utm, referrer, landingPage, at: args.at.toISOString() };
  if (hasUtm(utm)) return source;
  const rule = findInferenceRule(args.rules, referrer, landingPage);
  if (!rule) return source;
  return {
    ...source,
    channel: args.channel ?? rule.channel,
    utm: { ...utm, source: rule.utmSource, medium: rule.utmMedium },
    inferredBy: rule.id,
  };
}
