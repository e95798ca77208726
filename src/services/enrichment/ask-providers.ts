/**
 * Asking the provider chain about one company, outside any transaction (a lookup may take
 * seconds; the database must not wait for it). Providers are asked in order, one at a time,
 * each bounded by its own timeout; a provider's error or timeout is its own failed answer and
 * never stops the others. A provider is not asked once nothing is left to fill, so a paid API
 * is not called for what the directory already answered.
 */
import {
  type CompanyFacts,
  type CompanyQuery,
  type EnrichmentProvider,
  NoMatch,
} from '../../domain/enrichment/company-facts.js';
import { type EnrichableLead, emptyFields, planFills } from '../../domain/enrichment/plan-fills.js';

export type ProviderAnswer = { providerId: string; durationMs: number | null } & (
  | { outcome: 'answered'; facts: CompanyFacts }
  | { outcome: 'no_match'; reason: string | null }
  | { outcome: 'failed'; error: string }
  | { outcome: 'skipped'; reason: string }
);

class LookupTimeout extends Error {}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 300);
  const cause = (error as { cause?: unknown }).cause;
  const detail =
    cause instanceof Error && cause.message !== error.message ? `${error.message}: ${cause.message}` : error.message;
  return detail.slice(0, 300);
}

async function lookupWithTimeout(
  provider: EnrichmentProvider,
  query: CompanyQuery,
  stop: AbortSignal | undefined,
): Promise<CompanyFacts | null> {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new LookupTimeout(`timed out after ${provider.timeoutMs} ms`)),
    provider.timeoutMs,
  );
  const onStop = () => controller.abort(new Error('the server stopped before the provider answered'));
  if (stop?.aborted) onStop();
  stop?.addEventListener('abort', onStop, { once: true });
  try {
    // The race also ends lookups that ignore the signal (a database query cannot be aborted).
    const abandoned = new Promise<never>((_resolve, reject) => {
      if (controller.signal.aborted) reject(controller.signal.reason);
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
    });
    const lookup = provider.lookup(query, controller.signal);
    lookup.catch(() => {});
    abandoned.catch(() => {});
    return await Promise.race([lookup, abandoned]);
  } catch (error) {
    // fetch rejects with its own AbortError when our signal fires: report why we aborted.
    throw controller.signal.aborted ? controller.signal.reason : error;
  } finally {
    clearTimeout(timer);
    stop?.removeEventListener('abort', onStop);
  }
}

export async function askProviders(
  providers: readonly EnrichmentProvider[],
  query: CompanyQuery,
  lead: EnrichableLead,
  stop?: AbortSignal,
): Promise<ProviderAnswer[]> {
  const answers: ProviderAnswer[] = [];
  let expected = lead;
  for (const provider of providers) {
    if (emptyFields(expected).length === 0) {
      answers.push({ providerId: provider.id, durationMs: null, outcome: 'skipped', reason: 'nothing left to fill' });
      continue;
    }
    const started = performance.now();
    const took = () => Math.round(performance.now() - started);
    try {
      const facts = await lookupWithTimeout(provider, query, stop);
      if (facts) {
        answers.push({ providerId: provider.id, durationMs: took(), outcome: 'answered', facts });
        expected = planFills(expected, facts).lead;
      } else answers.push({ providerId: provider.id, durationMs: took(), outcome: 'no_match', reason: null });
    } catch (error) {
      if (error instanceof NoMatch) {
        answers.push({ providerId: provider.id, durationMs: took(), outcome: 'no_match', reason: error.message });
      } else
        answers.push({ providerId: provider.id, durationMs: took(), outcome: 'failed', error: describeError(error) });
    }
  }
  return answers;
}
