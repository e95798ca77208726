/** The stages of an opportunity (SPEC §6.1). */
export const opportunityStages = ['open', 'withdrawn', 'won', 'lost'] as const;
export type OpportunityStage = (typeof opportunityStages)[number];
