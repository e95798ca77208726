/**
 * Turns a submitted lead into its stored form and checks validity (SPEC §2): a valid lead has
 * a name, a known channel and a way to reach them (phone or e-mail). Phones become E.164,
 * e-mail lower-case, companies and names get match keys, regions a taxonomy code.
 * An import defaults a missing channel to `import`; the API does not. History leads (past leads
 * imported to learn from) need no contact details, but what they have is normalised the same way.
 */
import type { FieldError } from '../errors.js';
import { companyMatchKey, displayCompanyName } from '../normalise/company.js';
import { normaliseEmail } from '../normalise/email.js';
import { displayPersonName, personNameKey } from '../normalise/person-name.js';
import { normalisePhone } from '../normalise/phone.js';
import { normaliseRegion } from '../normalise/region.js';
import type { LeadInput, NormalisedLead } from './lead-input.js';
import { buildSource, type UtmInferenceRule } from './source.js';

export interface CaptureRules {
  /** Ids of active channels. */
  channels: ReadonlySet<string>;
  inference: readonly UtmInferenceRule[];
  /** Channel for a lead that names none (imports: `import`); undefined = channel required. */
  defaultChannel?: string;
  now: Date;
  /** False for history leads (SPEC §10.1): past leads need no name, phone or e-mail. Default true. */
  contactRequired?: boolean;
}

export type NormaliseResult = { ok: true; lead: NormalisedLead } | { ok: false; errors: FieldError[] };

const text = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed.replace(/\s+/g, ' ') : null;
};

export function normaliseLead(input: LeadInput, rules: CaptureRules): NormaliseResult {
  const errors: FieldError[] = [];

  const contactRequired = rules.contactRequired ?? true;
  const name = input.name ? displayPersonName(input.name) : '';
  if (!name && contactRequired) errors.push({ field: 'name', message: 'is required', messageZh: '必填' });

  let phone: string | null = null;
  if (text(input.phone)) {
    const result = normalisePhone(input.phone as string);
    if (result.ok) phone = result.e164;
    else errors.push({ field: 'phone', message: result.message, messageZh: result.messageZh });
  }
  let email: string | null = null;
  if (text(input.email)) {
    const result = normaliseEmail(input.email as string);
    if (result.ok) email = result.email;
    else errors.push({ field: 'email', message: result.message, messageZh: result.messageZh });
  }
  if (contactRequired && !text(input.phone) && !text(input.email)) {
    errors.push({
      field: 'phone',
      message: 'a phone or an e-mail is required to reach the lead',
      messageZh: '需要电话或邮箱才能联系到线索',
    });
  }

  const source = buildSource({
    channel: text(input.channel),
    utm: input.utm,
    referrer: input.referrer,
    landingPage: input.landingPage,
    at: rules.now,
    rules: rules.inference,
  });
  const channel = source.channel ?? rules.defaultChannel ?? null;
  if (!channel) errors.push({ field: 'channel', message: 'is required', messageZh: '必填' });
  else if (!rules.channels.has(channel))
    errors.push({ field: 'channel', message: `unknown channel "${channel}"`, messageZh: `未知渠道“${channel}”` });

  if (input.employees != null && (!Number.isInteger(input.employees) || input.employees < 0)) {
    errors.push({ field: 'employees', message: 'must be a whole number, 0 or more', messageZh: '须为不小于 0 的整数' });
  }

  for (const [field, value] of Object.entries(input)) {
    const at = nulIn(value, field);
    if (at) errors.push({ field: at, message: 'may not contain the NUL character', messageZh: '不能包含 NUL 字符' });
  }

  if (errors.length > 0) return { ok: false, errors };

  const company = input.company ? displayCompanyName(input.company) || null : null;
  const companyKey = company ? companyMatchKey(company) || null : null;
  const regionText = text(input.region);
  const region = regionText ? normaliseRegion(regionText) : null;
  return {
    ok: true,
    lead: {
      name,
      nameKey: personNameKey(name),
      phone,
      email,
      company,
      companyKey,
      title: text(input.title),
      region: region?.name ?? regionText,
      regionCode: region?.code ?? null,
      industry: text(input.industry),
      employees: input.employees ?? null,
      channel: channel as string,
      source: { ...source, channel },
      externalId: text(input.externalId),
      fields: input.fields ?? {},
    },
  };
}

/** PostgreSQL text cannot hold NUL; imports can carry it from a damaged file. */
function nulIn(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const hit = key.includes('\u0000') ? `${path}.${key}` : nulIn(inner, `${path}.${key}`);
      if (hit) return hit;
    }
  }
  return undefined;
}
