/**
 * The qualification frameworks in use (SPEC §4.1): the built-in templates and custom ones.
 */
import type { Kysely, Transaction } from 'kysely';
import { builtInFrameworks } from '../domain/qualification/built-in-frameworks.js';
import type { Framework } from '../domain/qualification/framework.js';
import type { Database } from '../store/schema.js';

type Queryable = Kysely<Database> | Transaction<Database>;

export async function listFrameworks(_db: Queryable): Promise<Framework[]> {
  return [...builtInFrameworks];
}

export async function findFramework(db: Queryable, id: string): Promise<Framework | undefined> {
  return (await listFrameworks(db)).find((f) => f.id.toLowerCase() === id.toLowerCase());
}
