import type { Catalogue } from '../catalogue.js';

export const common: Catalogue['common'] = {
  status: {
    new: 'New',
    working: 'Working',
    nurturing: 'Nurturing',
    mql: 'MQL',
    sql: 'SQL',
    opportunity: 'Opportunity',
    won: 'Won',
    lost: 'Lost',
    disqualified: 'Disqualified',
  },
  activity: { call: 'Call', email: 'E-mail', wechat: 'WeChat', meeting: 'Meeting', note: 'Note' },
  actions: {
    save: 'Save',
    cancel: 'Cancel',
    confirm: 'OK',
    refresh: 'Refresh',
    exportCsv: 'Export CSV',
    filter: 'Filter',
    reset: 'Reset',
    more: 'Load more',
  },
  empty: 'No data',
  none: '—',
  saved: 'Saved',
  failed: 'The action failed',
};
