import type { Kysely, Selectable, Transaction } from 'kysely';
import type { UtmInferenceRule } from '../../domain/capture/source.js';
import type { ChannelsTable, Database } from '../schema.js';

export async function loadActiveChannels(
  db: Kysely<Database>,
): Promise<{ id: string; name: string; name_zh: string }[]> {
  return db.selectFrom('channels').select(['id', 'name', 'name_zh']).where('active', '=', true).execute();
}

export async function loadInferenceRules(db: Kysely<Database>): Promise<UtmInferenceRule[]> {
  const rows = await db.selectFrom('utm_inference_rules').selectAll().orderBy('position').execute();
  return rows.map((r) => ({
    id: r.id,
    referrerHost: r.referrer_host,
    landingPathPrefix: r.landing_path_prefix,
    channel: r.channel_id,
    utmSource: r.utm_source,
    utmMedium: r.utm_medium,
  }));
}

export async function listChannels(db: Kysely<Database>) {
  return db
    .selectFrom('channels')
    .selectAll()
    .orderBy('built_in', 'desc')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findChannel(db: Kysely<Database>, id: string) {
  return db.selectFrom('channels').selectAll().where('id', '=', id).executeTakeFirst();
}

export type ChannelRow = Selectable<ChannelsTable>;

export async function insertChannel(trx: Transaction<Database>, channel: ChannelRow): Promise<void> {
  await trx.insertInto('channels').values(channel).execute();
}

export async function updateChannel(
  trx: Transaction<Database>,
  id: string,
  set: Partial<Omit<ChannelRow, 'id'>>,
): Promise<ChannelRow> {
  if (Object.keys(set).length === 0)
    return trx.selectFrom('channels').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  return trx.updateTable('channels').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}
