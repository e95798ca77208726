/**
 * What a CRM account looks like on the way in (POST /accounts, each item of /accounts/bulk),
 * and the checks past its shape: a name that still says something once legal forms are
 * stripped (it is the upsert key without a credit code), a credit code of a real format, and
 * aliases that can be matched on. Owner existence needs the database (upsert-accounts.ts).
 */
import { z } from 'zod';
import type { FieldError } from '../../domain/errors.js';
import { companyMatchKey, displayCompanyName } from '../../domain/normalise/company.js';
import { creditCodeKey } from '../../store/repositories/accounts.js';

export const accountInputSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    aliases: z
      .array(z.string().trim().min(1).max(200))
      .max(50)
      .optional()
      .describe('other names it goes by; replaced when given'),
    creditCode: z
      .string()
      .max(40)
      .nullable()
      .optional()
      .describe('统一社会信用代码 (18 characters) or a 15-digit registration number; the upsert key when given'),
    ownerId: z.string().min(1).max(100).nullable().describe('the owner in the CRM (a user id); null = no owner'),
    lastActivityAt: z.iso
      .datetime({ offset: true })
      .nullable()
      .optional()
      .describe("the owner's latest logged activity on the account"),
    contacts: z
      .array(
        z
          .object({
            name: z.string().trim().min(1).max(100),
            title: z.string().trim().max(200).nullable().optional(),
          })
          .strict(),
      )
      .max(500)
      .optional()
      .describe('the contacts the owner works with; replaced when given, kept when left out'),
  })
  .strict();

export type AccountInput = z.infer<typeof accountInputSchema>;

/** An input that passed every check that needs no database. */
export interface CheckedAccount {
  name: string;
  nameKey: string;
  aliases?: string[];
  aliasKeys?: string[];
  creditCode: string | null;
  ownerId: string | null;
  /** undefined = keep what the account has. */
  lastActivityAt?: Date | null;
  contacts?: { name: string; title: string | null }[];
}

// GB 32100-2015: 18 characters of 0-9 and A-Y without I, O, S, V, Z; older 15-digit 注册号.
const USCC = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const OLD_REGISTRATION = /^\d{15}$/;

export function checkAccount(
  input: AccountInput,
): { ok: true; account: CheckedAccount } | { ok: false; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const name = displayCompanyName(input.name);
  const nameKey = companyMatchKey(name);
  if (nameKey === '')
    errors.push({
      field: 'name',
      message: 'has no letters or digits to match companies on',
      messageZh: '没有可用于匹配公司的字母或数字',
    });
  let creditCode: string | null = null;
  if (input.creditCode) {
    creditCode = creditCodeKey(input.creditCode);
    if (creditCode !== '' && !USCC.test(creditCode) && !OLD_REGISTRATION.test(creditCode)) {
      errors.push({
        field: 'creditCode',
        message: 'is not a unified social credit code (18 characters, 0-9 and A-Y without I, O, S, V, Z)',
        messageZh: '不是统一社会信用代码（18 位，0-9 与 A-Y，不含 I、O、S、V、Z）',
      });
    }
    if (creditCode === '') creditCode = null;
  }
  let aliases: string[] | undefined;
  let aliasKeys: string[] | undefined;
  if (input.aliases) {
    aliases = [];
    aliasKeys = [];
    input.aliases.forEach((raw, i) => {
      const alias = displayCompanyName(raw);
      const key = companyMatchKey(alias);
      if (key === '')
        errors.push({
          field: `aliases[${i}]`,
          message: 'has no letters or digits to match companies on',
          messageZh: '没有可用于匹配公司的字母或数字',
        });
      else if (!aliases?.includes(alias)) {
        aliases?.push(alias);
        if (key !== nameKey && !aliasKeys?.includes(key)) aliasKeys?.push(key);
      }
    });
  }
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    account: {
      name,
      nameKey,
      aliases,
      aliasKeys,
      creditCode,
      ownerId: input.ownerId,
      lastActivityAt:
        input.lastActivityAt === undefined
          ? undefined
          : input.lastActivityAt === null
            ? null
            : new Date(input.lastActivityAt),
      contacts: input.contacts?.map((c) => ({ name: c.name, title: c.title?.trim() || null })),
    },
  };
}
