/**
 * Start-up configuration (SPEC §10.1), parsed once from flags and environment into a typed
 * object that is passed down; no other module reads process.env.
 */
import { resolve } from 'node:path';
import { z } from 'zod';

export interface Config {
  port: number;
  host: string;
  /** PostgreSQL server; wins over the PGlite data directory. */
  databaseUrl: string | undefined;
  dataDir: string;
  adminToken: string | undefined;
  adminEmail: string;
  adminPassword: string | undefined;
  clock: 'system' | 'manual';
  logLevel: string;
  /** Where people reach LeadLoop: the base of links in e-mails and chat cards (default: the listening address). */
  publicUrl: string | undefined;
}

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).optional(),
  HOST: z.string().min(1).optional(),
  DATABASE_URL: z.string().min(1).optional(),
  LEADLOOP_DATA_DIR: z.string().min(1).optional(),
  LEADLOOP_ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  LEADLOOP_ADMIN_EMAIL: z.string().email().optional(),
  LEADLOOP_ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').optional(),
  LEADLOOP_CLOCK: z.enum(['system', 'manual']).optional(),
  LEADLOOP_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
});

export interface Flags {
  port?: number;
  data?: string;
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined>, flags: Flags = {}): Config {
  const blankToUndefined = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, v === '' ? undefined : v]));
  const parsed = envSchema.safeParse(blankToUndefined);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new ConfigError(`${String(first?.path[0])}: ${first?.message}`);
  }
  const e = parsed.data;
  return {
    port: flags.port ?? e.PORT ?? 3000,
    host: e.HOST ?? '0.0.0.0',
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(flags.data ?? e.LEADLOOP_DATA_DIR ?? './.leadloop'),
    adminToken: e.LEADLOOP_ADMIN_TOKEN,
    adminEmail: e.LEADLOOP_ADMIN_EMAIL ?? 'admin@localhost',
    adminPassword: e.LEADLOOP_ADMIN_PASSWORD,
    clock: e.LEADLOOP_CLOCK ?? 'system',
    logLevel: e.LOG_LEVEL ?? 'warn',
    publicUrl: e.LEADLOOP_PUBLIC_URL,
  };
}
