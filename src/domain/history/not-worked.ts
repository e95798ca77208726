/**
 * History leads (SPEC §10.1) are past leads imported to learn from: nobody works them, so the
 * actions of live work — transfer, logging a touch, disqualifying — refuse them with this reason.
 */
export const historyLeadNotWorked = 'this is a history lead (imported to learn from); history leads are not worked';
