/** Issue 5 slice: filled by the slice that owns it. */
import type { Kysely } from 'kysely';

export async function up(_db: Kysely<unknown>): Promise<void> {}
