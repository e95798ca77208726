import type { Catalogue } from '../catalogue.js';

/** The inbox screen's strings (en). Keys must match ../zh-CN/inbox.ts. */
export const inbox: Catalogue['inbox'] = {
  title: 'Sales inbox',
  tabs: { pending: 'To accept ({{count}}{{more}})', accepted: 'Accepted' },
  columns: {
    lead: 'Lead',
    company: 'Company',
    sdr: 'SDR',
    age: 'Waiting',
    sla: 'Acceptance SLA',
    acceptedAt: 'Accepted',
    status: 'Status',
    actions: 'Actions',
  },
  emptyPending: 'No hand-offs waiting for you',
  emptyAccepted: 'No accepted leads yet',
  refreshed: 'Refreshes every minute',
  sla: {
    left: '{{time}} left',
    overdue: 'Overdue by {{time}}',
    paused: 'Outside working hours: the clock is paused',
    business: 'Counted on the business calendar',
    due: 'Due {{time}}',
  },
  opportunity: {
    register: 'Register opportunity',
    title: 'Register an opportunity: {{name}}',
    amount: 'Amount (CNY)',
    amountRequired: 'Enter the amount',
    expectedCloseAt: 'Expected close date',
    name: 'Opportunity name',
    submit: 'Register',
    registered: 'Opportunity registered',
  },
};
