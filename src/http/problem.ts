/**
 * RFC 9457 problem details (SPEC §10): every error leaves as application/problem+json with
 * type, title, status, detail and, for bad input, the fields at fault. Domain error codes map
 * to HTTP statuses here and nowhere else.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DomainError, type FieldError } from '../domain/errors.js';
import { type ValidationIssue, validationWords } from '../domain/validation-messages.js';
import { DataDirBusy } from '../store/data-dir-lock.js';

/** One field at fault, in a problem or in a bulk answer's failed items. */
export const fieldErrorSchema = z.object({
  field: z.string(),
  message: z.string(),
  messageZh: z.string().optional().describe('the message in Chinese, where the server has it in both languages'),
});

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    errors: z.array(fieldErrorSchema).optional(),
  })
  .meta({ id: 'Problem', description: 'application/problem+json (RFC 9457)' });

export type Problem = z.infer<typeof problemSchema>;

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

const statusOfCode: Record<DomainError['code'], number> = {
  invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
};

export function titleOf(status: number): string {
  return titles[status] ?? 'Error';
}

export function problem(status: number, detail?: string, errors?: FieldError[]): Problem {
  return {
    type: status === 400 && errors?.length ? 'https://leadloop.dev/problems/invalid-input' : 'about:blank',
    title: titleOf(status),
    status,
    ...(detail ? { detail } : {}),
    ...(errors?.length ? { errors } : {}),
  };
}

export function sendProblem(reply: FastifyReply, body: Problem): FastifyReply {
  return reply.status(body.status).type('application/problem+json').send(body);
}

const where: Record<string, string> = { body: '', querystring: 'query.', params: 'path.', headers: 'header.' };

function validationProblem(error: FastifyError): Problem {
  const prefix = where[error.validationContext ?? 'body'] ?? '';
  const errors: FieldError[] = (error.validation ?? []).map((v) => {
    const path = v.instancePath.split('/').filter(Boolean);
    const params = v.params as Omit<ValidationIssue, 'code' | 'message'> & { keys?: string[] };
    const words = validationWords({ ...params, code: v.keyword, message: v.message });
    if (v.keyword === 'unrecognized_keys' && params.keys?.length) {
      return { field: prefix + [...path, params.keys[0]].join('.'), ...words };
    }
    const field =
      prefix +
      path
        .map((p) => (/^\d+$/.test(p) ? `[${p}]` : p))
        .join('.')
        .replace(/\.\[/g, '[');
    return { field: field || (prefix ? prefix.slice(0, -1) : 'body'), ...words };
  });
  return problem(400, errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
}

export function errorToProblem(error: unknown, request: FastifyRequest): Problem {
  if (error instanceof DomainError) return problem(statusOfCode[error.code], error.message, error.errors);
  if (hasZodFastifySchemaValidationErrors(error)) return validationProblem(error as unknown as FastifyError);
  const e = error as FastifyError;
  if (e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || e instanceof SyntaxError)
    return problem(400, 'the body is not valid JSON', [
      { field: 'body', message: 'malformed JSON', messageZh: '不是有效的 JSON' },
    ]);
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || e.code === 'FST_REQ_FILE_TOO_LARGE') return problem(413, e.message);
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return problem(415, e.message);
  if (e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
    return problem(400, 'the body is empty', [{ field: 'body', message: 'is required', messageZh: '必填' }]);
  if (error instanceof DataDirBusy) return problem(503, error.message);
  // A unique index caught a race the service's own check could not see.
  if ((error as { code?: string }).code === '23505')
    return problem(409, 'this conflicts with a record that exists already; retry to see it');
  if (typeof e.statusCode === 'number' && e.statusCode >= 400 && e.statusCode < 500)
    return problem(e.statusCode, e.message);
  request.log.error({ err: error }, 'unhandled error');
  return problem(500, 'an unexpected error happened; it has been logged');
}

/** The problem responses an operation can answer, for its OpenAPI declaration. */
export function problems<const S extends number>(...statuses: S[]): Record<S, typeof problemSchema> {
  return Object.fromEntries(statuses.map((s) => [s, problemSchema])) as Record<S, typeof problemSchema>;
}
