import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig (SPEC §10.1)', () => {
  it('defaults: port 3000, ./.leadloop, system clock, admin@localhost', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      dataDir: resolve('.leadloop'),
      clock: 'system',
      adminEmail: 'admin@localhost',
      databaseUrl: undefined,
    });
  });
  it('reads the environment, and flags win over it', () => {
    const env = {
      PORT: '4000',
      LEADLOOP_DATA_DIR: '/tmp/x',
      DATABASE_URL: 'postgres://h/db',
      LEADLOOP_ADMIN_TOKEN: 'a'.repeat(20),
      LEADLOOP_CLOCK: 'manual',
    };
    expect(loadConfig(env)).toMatchObject({
      port: 4000,
      dataDir: '/tmp/x',
      databaseUrl: 'postgres://h/db',
      adminToken: 'a'.repeat(20),
      clock: 'manual',
    });
    expect(loadConfig(env, { port: 5000, data: '/tmp/y' })).toMatchObject({ port: 5000, dataDir: '/tmp/y' });
  });
  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ LEADLOOP_CLOCK: 'fast' })).toThrow(/LEADLOOP_CLOCK/);
    expect(() => loadConfig({ LEADLOOP_ADMIN_TOKEN: 'short' })).toThrow(/LEADLOOP_ADMIN_TOKEN/);
  });
  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' })).toMatchObject({ port: 3000, databaseUrl: undefined });
  });
});
