/** Notification tables (migrations/012-notifications.ts): inbox, subscriptions, outbox and its log. */
import type { ColumnType, Generated } from 'kysely';
import type { Json, Timestamp } from './schema.js';

export type OutboxKind = 'webhook' | 'robot' | 'email';

/** One message to one destination: a webhook, a chat robot, or one person's e-mail. */
export interface OutboxTable {
  id: string;
  seq: Generated<number>;
  event_id: string | null;
  event_type: string;
  kind: Generated<OutboxKind>;
  /** The webhook, the robot, or the user an e-mail goes to. */
  target_id: string | null;
  /** The URL or the e-mail address. */
  destination: string;
  /** The event as a webhook body: `{id, type, occurredAt, data}`. */
  payload: Json<Record<string, unknown>>;
  status: 'pending' | 'delivered' | 'failed';
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  last_error: string | null;
  created_at: Timestamp;
  delivered_at: ColumnType<Date | null, Date | string | null, Date | string | null>;
  /** Held by a process sending it until then (database time); null when nobody sends it. */
  lease_until: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  lease_token: ColumnType<string | null, string | null | undefined, string | null>;
}

/** One try at delivering an outbox row: the delivery log. */
export interface OutboxAttemptsTable {
  id: string;
  outbox_id: string;
  attempt: number;
  ok: boolean;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
  at: Timestamp;
}

/** An in-app notification: one event told to one user. */
export interface NotificationsTable {
  id: string;
  seq: Generated<number>;
  user_id: string;
  event_id: string;
  type: string;
  lead_id: string | null;
  data: Json<Record<string, unknown>>;
  created_at: Timestamp;
  read_at: Timestamp | null;
}

/** An outgoing webhook subscription (SPEC §10.1). */
export interface WebhooksTable {
  id: string;
  url: string;
  events: string[];
  secret: string;
  created_by: string | null;
  created_at: Timestamp;
  deleted_at: Timestamp | null;
}

export type RobotKind = 'wecom' | 'dingtalk' | 'feishu' | 'slack';

/** A team-chat robot: WeCom group robot, DingTalk robot, Feishu/Lark bot, Slack incoming webhook. */
export interface ChatRobotsTable {
  id: string;
  kind: RobotKind;
  name: string | null;
  url: string;
  events: string[];
  secret: string | null;
  created_by: string | null;
  created_at: Timestamp;
  deleted_at: Timestamp | null;
}

/** The one SMTP server e-mail goes through (row id 'smtp'). */
export interface SmtpSettingsTable {
  id: 'smtp';
  host: string;
  port: number;
  secure: boolean;
  username: string | null;
  password: string | null;
  from_address: string;
  events: string[];
  updated_by: string | null;
  updated_at: Timestamp;
}

/** A robot's recent requests, for its rate limit (a WeCom group robot takes 20 a minute). */
export interface RobotSendsTable {
  id: string;
  robot_id: string;
  messages: number;
  at: Timestamp;
}

export interface NotificationTables {
  outbox: OutboxTable;
  outbox_attempts: OutboxAttemptsTable;
  notifications: NotificationsTable;
  webhooks: WebhooksTable;
  chat_robots: ChatRobotsTable;
  smtp_settings: SmtpSettingsTable;
  robot_sends: RobotSendsTable;
}
