/**
 * Brings the funnel's facts per lead (store/repositories/funnel-facts.ts) up to date: judged by
 * the valid-lead definition spans now in force (a new version: every lead again), then every lead
 * changed since the last refresh, a batch per transaction so an embedded database is never held
 * for long. Run before each funnel report and by the due-work sweep.
 */
import { definitionSegments } from '../../domain/reports/definition-segments.js';
import {
  rebaseFunnelFacts,
  refreshFactsBatch,
  tidyFunnelFacts,
  type ValidLeadSpan,
} from '../../store/repositories/funnel-facts.js';
import type { ServiceContext } from '../context.js';
import { loadDefinitionHistory } from '../definitions/stored-version.js';

const batch = 10_000;
const manyMarks = 50_000;

export async function refreshFunnelFacts(ctx: ServiceContext): Promise<void> {
  const spans = await ctx.db.transaction().execute(async (trx) => {
    const history = (await loadDefinitionHistory(trx)).map((v) => v.domain);
    const spans: ValidLeadSpan[] = definitionSegments(history, 'valid_lead').map((s) => ({
      from: s.from,
      until: s.until,
      criteria: s.version.body.criteria,
    }));
    await rebaseFunnelFacts(trx, spans);
    return spans;
  });
  // A short batch means every mark that was there is done; marks written meanwhile wait for the next run.
  let taken = 0;
  let done: number;
  do {
    done = await ctx.db.transaction().execute((trx) => refreshFactsBatch(trx, spans, batch));
    taken += done;
  } while (done === batch);
  // After an import or a new definition: statistics and vacuum now, not when autovacuum comes round (PGlite has none).
  if (taken >= manyMarks) await tidyFunnelFacts(ctx.db);
}
