/**
 * The console's areas by role (SPEC §1): each role sees the screens of its job — an SDR the
 * queue and the pool, a sales rep the inbox, sales ops the dispatch board and the roster.
 * Leaders (the `simulations.run` permission) replay candidate policies on /simulate (SPEC §8.6).
 */
import type { Role } from './api';

export type Area = 'queue' | 'pool' | 'inbox' | 'dispatch' | 'dashboard' | 'plan' | 'simulate' | 'settings';

export const areaPaths: Record<Area, string> = {
  queue: '/queue',
  pool: '/pool',
  inbox: '/inbox',
  dispatch: '/dispatch',
  dashboard: '/dashboard',
  plan: '/plan',
  simulate: '/simulate',
  settings: '/settings',
};

export const areasByRole: Record<Role, Area[]> = {
  sdr: ['queue', 'pool'],
  sdr_lead: ['queue', 'pool', 'dispatch', 'dashboard', 'simulate', 'settings'],
  sales: ['inbox'],
  sales_manager: ['inbox', 'dashboard', 'simulate', 'settings'], // approves stage definitions for sales (SPEC §4.2)
  sales_ops: ['dispatch', 'pool', 'dashboard', 'plan', 'simulate', 'settings'],
  sales_assistant: ['dispatch', 'inbox'],
  marketing: ['dashboard', 'plan', 'pool', 'simulate', 'settings'], // the pool's segments feed campaigns; channels, definitions, scoring
  admin: ['queue', 'pool', 'inbox', 'dispatch', 'dashboard', 'plan', 'simulate', 'settings'],
};

export function homeOf(role: Role): string {
  return areaPaths[areasByRole[role][0] ?? 'queue'];
}

export const settingsSections = [
  'users',
  'channels',
  'frameworks',
  'definitions',
  'scoring',
  'models',
  'routing',
  'roster',
  'sla',
  'notifications',
] as const;
export type SettingsSection = (typeof settingsSections)[number];

/** The settings each role keeps or must read for its job (the API's permissions, src/domain/policy.ts). */
export const settingsByRole: Record<Role, SettingsSection[]> = {
  sdr: [],
  sdr_lead: ['users', 'frameworks', 'definitions', 'scoring', 'models', 'routing', 'roster', 'sla'],
  sales: [],
  sales_manager: ['definitions', 'models', 'roster', 'sla'],
  sales_ops: ['users', 'definitions', 'scoring', 'models', 'routing', 'roster', 'sla'],
  sales_assistant: [],
  marketing: ['channels', 'definitions', 'scoring', 'models'],
  admin: [...settingsSections],
};
