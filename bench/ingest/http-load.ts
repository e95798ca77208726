/**
 * An HTTP load generator in a worker thread, on keep-alive connections. Closed loop:
 * `concurrency` virtual clients, each sending its next request as soon as its previous answer
 * is read. Open loop (`rate`): requests sent on a timer at a fixed rate, never waiting for
 * answers, latency counted from the scheduled send — a stall shows as latency, not as a lower
 * rate. It runs on its own event loop so the client's work does not queue behind the server it
 * measures (both still share the machine's cores, as an external load tool would).
 */
import { Agent, request } from 'node:http';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

export interface LoadSpec {
  /** http://127.0.0.1:port */
  origin: string;
  headers: Record<string, string>;
  /** The requests, sent in order; the first `warmup` are not timed (closed loop, `concurrency`). */
  requests: LoadRequest[];
  warmup: number;
  concurrency: number;
  /** Open loop: requests per second for the timed requests (else closed loop). */
  rate?: number;
  /** Keep the timed answers' bodies (to check them); off for the many small requests. */
  keepBodies?: boolean;
}

/** A JSON body makes it a POST, no body a GET. */
export interface LoadRequest {
  path: string;
  body?: string;
}

export interface LoadResult {
  elapsedMs: number;
  /** One per timed request, in completion order. */
  latenciesMs: Float64Array;
  /** Open loop: how late each send was behind its schedule (the worker's loop was busy), in send order. */
  lagsMs?: Float64Array;
  /** Open loop: requests per second actually sent. */
  sentRate?: number;
  statuses: Record<number, number>;
  errors: string[];
  /** With keepBodies: the timed answers, in request order. */
  bodies?: string[];
}

export type LoadMessage =
  | { type: 'measuring' }
  | { type: 'done'; result: LoadResult }
  | { type: 'failed'; message: string };

/** Runs the load in a worker; `onMeasuring` fires when the warm-up is over and timing starts. */
export function runHttpLoad(spec: LoadSpec, onMeasuring: () => void): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    // tsx's loader is per thread and a worker's entry is loaded before `--import` hooks apply:
    // a small JS entry registers tsx in the worker, then imports this .ts file.
    const entry = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    const worker = new Worker(entry, { eval: true, workerData: spec });
    let settled = false;
    worker.on('message', (message: LoadMessage) => {
      if (message.type === 'measuring') onMeasuring();
      else {
        settled = true;
        void worker.terminate();
        if (message.type === 'done') resolve(message.result);
        else reject(new Error(`load worker: ${message.message}`));
      }
    });
    worker.on('error', (error) => {
      if (!settled) reject(error);
      settled = true;
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`load worker exited with ${code}`));
      settled = true;
    });
  });
}

function send(agent: Agent, origin: URL, spec: LoadSpec, sent: LoadRequest): Promise<{ status: number; text: string }> {
  const { path, body } = sent;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: origin.hostname,
        port: origin.port,
        method: body === undefined ? 'GET' : 'POST',
        path,
        headers:
          body === undefined
            ? spec.headers
            : { ...spec.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function work(spec: LoadSpec): Promise<LoadResult> {
  const origin = new URL(spec.origin);
  // open loop: a socket per request in flight, as many independent clients would have
  const agent = new Agent({ keepAlive: true, maxSockets: spec.rate ? Number.POSITIVE_INFINITY : spec.concurrency });
  const statuses: Record<number, number> = {};
  const errors: string[] = [];
  const record = (status: number, text: string) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
    if ((status < 200 || status >= 300) && errors.length < 5) errors.push(`${status} ${text.slice(0, 300)}`);
  };
  let done = 0;
  /** Sends request i, timed from `from` (when it was sent, or when it was due). */
  const exchange = async (
    requests: LoadRequest[],
    i: number,
    from: number,
    latencies?: Float64Array,
    answers?: string[],
  ) => {
    try {
      const answer = await send(agent, origin, spec, requests[i]);
      if (latencies) latencies[done] = performance.now() - from;
      record(answer.status, answer.text);
      if (answers) answers[i] = answer.text;
    } catch (error) {
      if (latencies) latencies[done] = performance.now() - from;
      record(0, (error as Error).message);
    }
    done++;
  };
  const closedLoop = async (requests: LoadRequest[], latencies?: Float64Array, answers?: string[]) => {
    let next = 0;
    const client = async () => {
      for (let i = next++; i < requests.length; i = next++) {
        await exchange(requests, i, performance.now(), latencies, answers);
      }
    };
    await Promise.all(Array.from({ length: Math.min(spec.concurrency, requests.length) }, client));
  };
  const openLoop = async (requests: LoadRequest[], rate: number, latencies: Float64Array, answers?: string[]) => {
    const interval = 1000 / rate;
    const start = performance.now() + 5;
    const lags = new Float64Array(requests.length);
    const answered: Promise<void>[] = [];
    let sent = 0;
    let lastSent = start;
    await new Promise<void>((resolve) => {
      const tick = () => {
        for (; sent < requests.length && start + sent * interval <= performance.now(); sent++) {
          const due = start + sent * interval;
          lastSent = performance.now();
          lags[sent] = lastSent - due;
          answered.push(exchange(requests, sent, due, latencies, answers));
        }
        if (sent >= requests.length) resolve();
        else setTimeout(tick, Math.max(0, start + sent * interval - performance.now()));
      };
      setTimeout(tick, 5);
    });
    await Promise.all(answered);
    return { lags, sentRate: (requests.length - 1) / ((lastSent - start) / 1000) };
  };
  await closedLoop(spec.requests.slice(0, spec.warmup));
  for (const key of Object.keys(statuses)) delete statuses[Number(key)];
  parentPort?.postMessage({ type: 'measuring' } satisfies LoadMessage);
  const timed = spec.requests.slice(spec.warmup);
  const latenciesMs = new Float64Array(timed.length);
  const answers = spec.keepBodies ? new Array<string>(timed.length) : undefined;
  done = 0;
  const started = performance.now();
  const open = spec.rate ? await openLoop(timed, spec.rate, latenciesMs, answers) : undefined;
  if (!open) await closedLoop(timed, latenciesMs, answers);
  const elapsedMs = performance.now() - started;
  agent.destroy();
  return { elapsedMs, latenciesMs, lagsMs: open?.lags, sentRate: open?.sentRate, statuses, errors, bodies: answers };
}

if (!isMainThread && parentPort && (workerData as LoadSpec | undefined)?.requests) {
  work(workerData as LoadSpec).then(
    (result) =>
      parentPort?.postMessage({ type: 'done', result } satisfies LoadMessage, [
        result.latenciesMs.buffer as ArrayBuffer,
        ...(result.lagsMs ? [result.lagsMs.buffer as ArrayBuffer] : []),
      ]),
    (error: Error) =>
      parentPort?.postMessage({ type: 'failed', message: error.stack ?? error.message } satisfies LoadMessage),
  );
}
