import type { Catalogue } from '../catalogue.js';

/** The notification bell and live updates (en). Keys must match ../zh-CN/notifications.ts. */
export const notifications: Catalogue['notifications'] = {
  open: 'Notifications',
  openWithCount: 'Notifications ({{count}} unread)',
  title: 'Notifications',
  markAllRead: 'Mark all read',
  empty: 'No notifications',
  unread: 'Unread',
  live: 'Live updates connected',
  offline: 'Live updates disconnected, reconnecting…',
  types: {
    'lead.created': 'New lead',
    'lead.status_changed': 'Lead status changed',
    'handoff.created': 'New hand-off',
    'handoff.accepted': 'Hand-off accepted',
    'handoff.rejected': 'Hand-off rejected',
    'handoff.returned': 'Lead returned',
    'handoff.recalled': 'Hand-off recalled',
    'sla.reminder': 'SLA due soon',
    'sla.breached': 'SLA breached',
    'rep.suspended': 'Rep suspended from new leads',
    'lead.resurfaced': 'Lead re-surfaced',
    'lead.recall_warning': 'Lead about to be recalled',
    'lead.recalled': 'Lead recalled to the pool',
    'dispatch.requested': 'New dispatch request',
    'opportunity.created': 'New opportunity',
    'opportunity.withdrawn': 'Opportunity withdrawn',
    'opportunity.won': 'Opportunity won',
    'opportunity.lost': 'Opportunity lost',
  },
};
