// One error type for "this upload is not a lead table at all", as opposed to a bad row (RowError).
// The importer turns it into a 4xx / CLI message as is, so every message is written for the person
// who picked the file and says what to do about it — in English, and in Chinese for the console.

import type { FieldError } from '../../domain/errors.js';

export class UnreadableFile extends Error {
  override name = 'UnreadableFile';
  /** The message in Chinese. */
  readonly messageZh?: string;

  constructor(message: string, options?: ErrorOptions & { messageZh?: string }) {
    super(message, options);
    this.messageZh = options?.messageZh;
  }

  /** The bad input it is for the upload's field (`file`). */
  fieldError(field = 'file'): FieldError {
    return { field, message: this.message, ...(this.messageZh !== undefined && { messageZh: this.messageZh }) };
  }
}
