/**
 * The routing policy LeadLoop ships (SPEC §5.2 defaults; seed 002's N and M): an owner idle
 * 30 days loses the conflict, must then call within 3 days, a sync to an active owner earns
 * 1/3 of an SQL; rotation by weight with departments interleaved; no skill rule until an
 * admin names the must-win grades.
 */
import type { RoutingPolicy } from './routing-types.js';

export const defaultRoutingPolicy = (): RoutingPolicy => ({
  conflictInactiveDays: 30,
  firstContactDays: 3,
  partialCredit: 1 / 3,
  balance: 'weight',
  skill: null,
});
