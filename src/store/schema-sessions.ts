/** Sign-in tables (migrations/016-sessions.ts). */
import type { Timestamp } from './schema.js';

export interface SessionsTable {
  id: string;
  token_hash: string;
  csrf_hash: string;
  user_id: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface LoginFailuresTable {
  id: string;
  /** `email:<lower-case e-mail>` or `ip:<address>`. */
  key: string;
  at: Timestamp;
}

export interface SessionTables {
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
}
