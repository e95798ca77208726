import type { Catalogue } from '../catalogue.js';

/** The lead screen's strings (en). Keys must match ../zh-CN/lead.ts. */
export const lead: Catalogue['lead'] = {
  title: 'lead',
};
