/** Builders for routing tests (and the bench): a rep, a lead and a policy with overrides. */
import { defaultRoutingPolicy } from './routing-policy.js';
import type { RepCandidate, RoutingLead, RoutingPolicy } from './routing-types.js';

export const rep = (id: string, over: Partial<RepCandidate> = {}): RepCandidate => ({
  id,
  name: id,
  regions: [],
  industries: [],
  level: 2,
  weight: 1,
  capacity: 10,
  department: null,
  eligible: true,
  suspendedUntil: null,
  openMqls: 0,
  ...over,
});

export const lead = (over: Partial<RoutingLead> = {}): RoutingLead => ({
  id: 'lead-1',
  regionCode: null,
  industry: null,
  title: null,
  score: 50,
  grade: null,
  ...over,
});

export const policy = (over: Partial<RoutingPolicy> = {}): RoutingPolicy => ({ ...defaultRoutingPolicy(), ...over });
