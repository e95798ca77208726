/**
 * One JSON POST to a destination outside, with a deadline; never throws: the outcome says what
 * happened. node:http rather than fetch: fetch refuses "bad ports" (9, 6000, 10080 …) that a
 * customer's receiver may well listen on.
 */
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface PostOutcome {
  /** The HTTP status, or null when no answer came (refused, timed out, bad address). */
  statusCode: number | null;
  /** The answer's text (the first few KB), for vendors that report errors in a 200 body. */
  body: string;
  /** Why the request failed to get any answer. */
  error: string | null;
  durationMs: number;
}

const TIMEOUT_MS = 10_000;
const BODY_KEPT = 4_000;

export function postJson(url: string, body: string, headers: Record<string, string> = {}): Promise<PostOutcome> {
  const started = performance.now();
  const done = (statusCode: number | null, text: string, error: string | null): PostOutcome => ({
    statusCode,
    body: text,
    error,
    durationMs: performance.now() - started,
  });
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      resolve(done(null, '', `not a URL: ${url}`));
      return;
    }
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const payload = Buffer.from(body, 'utf8');
    const req = send(
      target,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'content-length': String(payload.length),
          'user-agent': 'LeadLoop-Notifier/1',
          ...headers,
        },
        timeout: TIMEOUT_MS,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        res.on('data', (c: Buffer) => {
          if (kept < BODY_KEPT) {
            chunks.push(c);
            kept += c.length;
          }
        });
        res.on('end', () =>
          resolve(done(res.statusCode ?? null, Buffer.concat(chunks).toString('utf8').slice(0, BODY_KEPT), null)),
        );
        res.on('error', (e) => resolve(done(res.statusCode ?? null, '', e.message)));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    req.on('error', (e: NodeJS.ErrnoException) => resolve(done(null, '', e.message || e.code || String(e))));
    req.end(payload);
  });
}

/** A 2xx answer; anything else is a failure with its status. */
export function httpFailure(outcome: PostOutcome): string | null {
  if (outcome.error) return outcome.error;
  if (outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300) return null;
  return `HTTP ${outcome.statusCode}${outcome.body ? `: ${outcome.body.slice(0, 300)}` : ''}`;
}
