/** Where events go out (SPEC §9): webhook subscriptions, team-chat robots and the SMTP server. */
import type { Selectable, Transaction } from 'kysely';
import type { Queryable } from '../db.js';
import type { Database } from '../schema.js';
import type { ChatRobotsTable, SmtpSettingsTable, WebhooksTable } from '../schema-notifications.js';

export type WebhookRow = Selectable<WebhooksTable>;
export type RobotRow = Selectable<ChatRobotsTable>;
export type SmtpRow = Selectable<SmtpSettingsTable>;

export async function insertWebhook(
  trx: Transaction<Database>,
  w: { id: string; url: string; events: readonly string[]; secret: string; createdBy: string; at: Date },
): Promise<void> {
  await trx
    .insertInto('webhooks')
    .values({
      id: w.id,
      url: w.url,
      events: [...w.events],
      secret: w.secret,
      created_by: w.createdBy,
      created_at: w.at,
      deleted_at: null,
    })
    .execute();
}

export async function listWebhooks(db: Queryable): Promise<WebhookRow[]> {
  return db
    .selectFrom('webhooks')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findWebhook(db: Queryable, id: string): Promise<WebhookRow | undefined> {
  return db.selectFrom('webhooks').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

export async function findWebhooks(db: Queryable, ids: readonly string[]): Promise<WebhookRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('webhooks')
    .selectAll()
    .where('id', 'in', [...ids])
    .where('deleted_at', 'is', null)
    .execute();
}

export async function deleteWebhook(trx: Transaction<Database>, id: string, at: Date): Promise<boolean> {
  const r = await trx
    .updateTable('webhooks')
    .set({ deleted_at: at })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function insertRobot(
  trx: Transaction<Database>,
  r: {
    id: string;
    kind: ChatRobotsTable['kind'];
    name: string | null;
    url: string;
    events: readonly string[];
    secret: string | null;
    createdBy: string;
    at: Date;
  },
): Promise<void> {
  await trx
    .insertInto('chat_robots')
    .values({
      id: r.id,
      kind: r.kind,
      name: r.name,
      url: r.url,
      events: [...r.events],
      secret: r.secret,
      created_by: r.createdBy,
      created_at: r.at,
      deleted_at: null,
    })
    .execute();
}

export async function listRobots(db: Queryable): Promise<RobotRow[]> {
  return db
    .selectFrom('chat_robots')
    .selectAll()
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function findRobot(db: Queryable, id: string): Promise<RobotRow | undefined> {
  return db
    .selectFrom('chat_robots')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

export async function deleteRobot(trx: Transaction<Database>, id: string, at: Date): Promise<boolean> {
  const r = await trx
    .updateTable('chat_robots')
    .set({ deleted_at: at })
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function findSmtpSettings(db: Queryable): Promise<SmtpRow | undefined> {
  return db.selectFrom('smtp_settings').selectAll().where('id', '=', 'smtp').executeTakeFirst();
}

export async function saveSmtpSettings(trx: Transaction<Database>, s: Omit<SmtpRow, 'id'>): Promise<void> {
  await trx
    .insertInto('smtp_settings')
    .values({ id: 'smtp', ...s })
    .onConflict((oc) => oc.column('id').doUpdateSet({ ...s }))
    .execute();
}

export async function deleteSmtpSettings(trx: Transaction<Database>): Promise<boolean> {
  const r = await trx.deleteFrom('smtp_settings').where('id', '=', 'smtp').executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
