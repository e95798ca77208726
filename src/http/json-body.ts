/**
 * JSON bodies: PostgreSQL text cannot hold the NUL character (\u0000), so a body carrying one
 * is refused as bad input naming the field, instead of failing in the database as a 500.
 */
import type { FastifyInstance } from 'fastify';
import { InvalidInput } from '../domain/errors.js';

export function findNul(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'body' : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNul(value[i], `${path}[${i}]`);
      if (hit) return hit;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      if (key.includes('\u0000')) return at;
      const hit = findNul(inner, at);
      if (hit) return hit;
    }
  }
  return undefined;
}

export function registerJsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    parse(request, body as string, (error, value) => {
      if (error) return done(error);
      const field = (body as string).includes('\\u0000') ? findNul(value) : undefined;
      if (field)
        return done(
          new InvalidInput([
            {
              field,
              message: 'may not contain the NUL character (\\u0000)',
              messageZh: '不能包含 NUL 字符（\\u0000）',
            },
          ]),
        );
      done(null, value);
    });
  });
}
