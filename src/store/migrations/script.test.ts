import { describe, expect, it } from 'vitest';
import { splitStatements } from './script.js';

describe('splitStatements', () => {
  it('splits on semicolons outside quotes, $$ bodies and comments', () => {
    const script = `
      -- a comment; with a semicolon
      CREATE TABLE a (x text DEFAULT 'a;b');
      CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'no; never';
      END $$;
      SELECT 1`;
    expect(splitStatements(script)).toEqual([
      "CREATE TABLE a (x text DEFAULT 'a;b')",
      "CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$\n      BEGIN\n        RAISE EXCEPTION 'no; never';\n      END $$",
      'SELECT 1',
    ]);
  });
});
