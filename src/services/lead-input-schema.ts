/** The body of POST /leads, shared by the HTTP route (and its OpenAPI), bulk items and imports. */
import { z } from 'zod';
import type { FieldError } from '../domain/errors.js';
import { type ValidationIssue, validationWords } from '../domain/validation-messages.js';

const optionalText = (max: number) => z.string().max(max).nullish();

export const utmInputSchema = z
  .object({
    source: optionalText(200),
    medium: optionalText(200),
    campaign: optionalText(200),
    term: optionalText(200),
    content: optionalText(200),
  })
  .strict();

export const leadInputSchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(200),
    phone: optionalText(40),
    email: optionalText(254),
    company: optionalText(200),
    title: optionalText(200),
    region: optionalText(100),
    industry: optionalText(100),
    employees: z.number().int('must be a whole number').min(0).max(10_000_000).nullish(),
    channel: z.string().min(1, 'is required').max(40),
    utm: utmInputSchema.nullish(),
    referrer: optionalText(2000),
    landingPage: optionalText(2000),
    externalId: optionalText(200),
    fields: z.record(z.string().max(200), z.unknown()).nullish(),
  })
  .strict();

export type LeadInputBody = z.infer<typeof leadInputSchema>;

export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    '',
  );
}

export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const words = validationWords(issue as ValidationIssue);
    if (issue.code === 'unrecognized_keys') return { field: fieldPath([...issue.path, issue.keys[0] ?? '']), ...words };
    return { field: fieldPath(issue.path) || '(body)', ...words };
  });
}
