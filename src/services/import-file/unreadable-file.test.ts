import { describe, expect, it } from 'vitest';
import { UnreadableFile } from './unreadable-file.js';

describe('UnreadableFile', () => {
  it('is an Error that callers can tell apart by class and name', () => {
    const error = new UnreadableFile('"x.csv" is empty.', { cause: new Error('inner') });
    expect(error).toBeInstanceOf(Error);
    expect(error).toBeInstanceOf(UnreadableFile);
    expect(error.name).toBe('UnreadableFile');
    expect(error.message).toBe('"x.csv" is empty.');
    expect((error.cause as Error).message).toBe('inner');
  });
});
