/**
 * Settings saved as versions (scoring rules, routing rules …) in policy_versions: each save is
 * a new version, in force from when it was saved, and older versions stay for history. (Stage
 * definitions, which need approvals, keep their own repository: definitions.ts.)
 */
import type { Transaction } from 'kysely';
import type { Queryable } from '../db.js';
import type { Database } from '../schema.js';
import { forgetPolicySnapshot, policySnapshot } from './policy-snapshot.js';

export type SettingsKind = 'scoring' | 'routing' | 'sla' | 'pool' | 'report_rules' | 'incentive_plan';

export interface StoredSettings {
  id: string;
  version: number;
  body: object;
  createdAt: Date;
  createdBy: string | null;
}

export async function latestSettings(db: Queryable, kind: SettingsKind): Promise<StoredSettings | undefined> {
  const snapshot = policySnapshot(db);
  const row = snapshot
    ? (await snapshot).latest.get(kind)
    : await db
        .selectFrom('policy_versions')
        .select(['id', 'version', 'body', 'created_at', 'proposed_by'])
        .where('kind', '=', kind)
        .where('status', '=', 'approved')
        .orderBy('version', 'desc')
        .limit(1)
        .executeTakeFirst();
  return (
    row && {
      id: row.id,
      version: row.version,
      body: row.body,
      createdAt: new Date(row.created_at),
      createdBy: row.proposed_by,
    }
  );
}

/** A concurrent save of the same version number fails on (kind, version): the caller answers 409. */
export async function insertSettings(
  trx: Transaction<Database>,
  kind: SettingsKind,
  settings: StoredSettings,
): Promise<void> {
  forgetPolicySnapshot(trx);
  await trx
    .insertInto('policy_versions')
    .values({
      id: settings.id,
      kind,
      version: settings.version,
      body: JSON.stringify(settings.body),
      status: 'approved',
      effective_from: settings.createdAt,
      proposed_by: settings.createdBy,
      created_at: settings.createdAt,
    })
    .execute();
}
