/**
 * The generic HTTP JSON provider (SPEC §3): one GET per lookup to a commercial business-data
 * API, built from the URL template, with the configured headers, and the answer read through
 * the field map. A 404 means "no such company"; any other non-2xx status, an answer that is
 * not JSON or is too large, a network error or the timeout is a failure of this provider only.
 */
import { mapAnswer } from '../../domain/enrichment/answer-mapping.js';
import type { CompanyFacts, CompanyQuery, EnrichmentProvider } from '../../domain/enrichment/company-facts.js';
import type { HttpJsonSettings } from '../../domain/enrichment/provider-config.js';
import { expandUrlTemplate } from '../../domain/enrichment/url-template.js';

/** A company record is a few KB; a bigger answer is not the one we asked for. */
export const maxAnswerBytes = 1024 * 1024;

async function readAnswer(response: Response): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxAnswerBytes) {
      await reader.cancel();
      throw new Error(`the answer is larger than ${maxAnswerBytes} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function httpJsonProvider(id: string, settings: HttpJsonSettings, timeoutMs: number): EnrichmentProvider {
  return {
    id,
    kind: 'http_json',
    timeoutMs,
    async lookup(query: CompanyQuery, signal: AbortSignal): Promise<CompanyFacts | null> {
      const url = expandUrlTemplate(settings.urlTemplate, query);
      const response = await fetch(url, { headers: { accept: 'application/json', ...settings.headers }, signal });
      if (response.status === 404) {
        await response.body?.cancel();
        return null;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new Error(`the provider answered HTTP ${response.status}`);
      }
      const text = await readAnswer(response);
      let answer: unknown;
      try {
        answer = JSON.parse(text);
      } catch {
        throw new Error(`the answer is not JSON: ${JSON.stringify(text.slice(0, 80))}`);
      }
      return mapAnswer(answer, settings.fieldMap);
    },
  };
}
