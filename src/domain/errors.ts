/**
 * Typed domain errors; http/problem.ts maps each to problem+json once (one code → status table).
 */
export interface FieldError {
  field: string;
  message: string;
  /** The same in Chinese, where the server words the message in both languages. */
  messageZh?: string;
}

/** A field error's message in both languages, for messages written once and used at several places. */
export type FieldWords = Required<Omit<FieldError, 'field'>>;

export class DomainError extends Error {
  constructor(
    readonly code: 'invalid' | 'forbidden' | 'not_found' | 'conflict' | 'unprocessable',
    message: string,
    readonly errors: FieldError[] = [],
  ) {
    super(message);
  }
}

export class InvalidInput extends DomainError {
  constructor(errors: FieldError[], message = describeFieldErrors(errors)) {
    super('invalid', message, errors);
  }
}

export class Forbidden extends DomainError {
  constructor(reason: string) {
    super('forbidden', reason);
  }
}

export class NotFound extends DomainError {
  constructor(what: string) {
    super('not_found', `${what} was not found`);
  }
}

export class Conflict extends DomainError {
  constructor(message: string) {
    super('conflict', message);
  }
}

export function describeFieldErrors(errors: FieldError[]): string {
  return errors.map((e) => `${e.field}: ${e.message}`).join('; ') || 'invalid input';
}
