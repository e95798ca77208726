/**
 * A real HTTP server on loopback standing in for a webhook receiver or a team-chat robot: it
 * keeps every request (method, path and query, headers, raw body) and answers what the test
 * scripts — a list of answers used in turn (the last one repeats), or a function.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  /** Path and query, e.g. /robot/send?access_token=…&timestamp=…&sign=… */
  url: string;
  headers: IncomingHttpHeaders;
  raw: string;
  /** The body parsed as JSON (undefined when it is not JSON). */
  json: any;
}

export interface Answer {
  status: number;
  body?: unknown;
}

export interface FakeReceiver {
  /** http://127.0.0.1:port */
  url: string;
  requests: ReceivedRequest[];
  /** Sets how the next requests are answered. */
  answer(answers: Answer[] | ((request: ReceivedRequest) => Answer)): void;
  close(): Promise<void>;
}

export async function startFakeReceiver(answers: Answer[] = [{ status: 200 }]): Promise<FakeReceiver> {
  let script: Answer[] | ((request: ReceivedRequest) => Answer) = answers;
  let used = 0;
  const requests: ReceivedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let json: unknown;
      try {
        json = JSON.parse(raw);
      } catch {
        json = undefined;
      }
      const request: ReceivedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        raw,
        json,
      };
      requests.push(request);
      const a =
        typeof script === 'function' ? script(request) : (script[Math.min(used, script.length - 1)] ?? { status: 200 });
      used += 1;
      const text = a.body === undefined ? '' : typeof a.body === 'string' ? a.body : JSON.stringify(a.body);
      res.writeHead(a.status, { 'content-type': typeof a.body === 'string' ? 'text/plain' : 'application/json' });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    answer(next) {
      script = next;
      used = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Polls `check` until it returns something truthy (deliveries leave within about a second). */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  what: string,
  timeoutMs = 8_000,
): Promise<Exclude<T, false | null | undefined | 0 | ''>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as Exclude<T, false | null | undefined | 0 | ''>;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
