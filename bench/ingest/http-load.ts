/**
 * A closed-loop HTTP load generator in a worker thread: `concurrency` virtual clients on
 * keep-alive connections, each sending its next request as soon as its previous answer is
 * read. It runs on its own event loop so the client's work does not queue behind the server
 * it measures (both still share the machine's cores, as an external load tool would).
 */
import { Agent, request } from 'node:http';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

export interface LoadSpec {
  /** http://127.0.0.1:port */
  origin: string;
  path: string;
  headers: Record<string, string>;
  /** Request bodies, sent in order; the first `warmup` are not timed. */
  bodies: string[];
  warmup: number;
  concurrency: number;
  /** Keep the timed answers' bodies (to check them); off for the many small requests. */
  keepBodies?: boolean;
}

export interface LoadResult {
  elapsedMs: number;
  /** One per timed request, in completion order. */
  latenciesMs: Float64Array;
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

function send(agent: Agent, origin: URL, spec: LoadSpec, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: origin.hostname,
        port: origin.port,
        method: 'POST',
        path: spec.path,
        headers: { ...spec.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
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
  const agent = new Agent({ keepAlive: true, maxSockets: spec.concurrency });
  const statuses: Record<number, number> = {};
  const errors: string[] = [];
  const record = (status: number, text: string) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
    if ((status < 200 || status >= 300) && errors.length < 5) errors.push(`${status} ${text.slice(0, 300)}`);
  };
  const phase = async (bodies: string[], latencies?: Float64Array, answers?: string[]) => {
    let next = 0;
    let done = 0;
    const client = async () => {
      for (let i = next++; i < bodies.length; i = next++) {
        const started = performance.now();
        try {
          const answer = await send(agent, origin, spec, bodies[i]);
          if (latencies) latencies[done] = performance.now() - started;
          record(answer.status, answer.text);
          if (answers) answers[i] = answer.text;
        } catch (error) {
          if (latencies) latencies[done] = performance.now() - started;
          record(0, (error as Error).message);
        }
        done++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(spec.concurrency, bodies.length) }, client));
  };
  await phase(spec.bodies.slice(0, spec.warmup));
  for (const key of Object.keys(statuses)) delete statuses[Number(key)];
  parentPort?.postMessage({ type: 'measuring' } satisfies LoadMessage);
  const timed = spec.bodies.slice(spec.warmup);
  const latenciesMs = new Float64Array(timed.length);
  const answers = spec.keepBodies ? new Array<string>(timed.length) : undefined;
  const started = performance.now();
  await phase(timed, latenciesMs, answers);
  const elapsedMs = performance.now() - started;
  agent.destroy();
  return { elapsedMs, latenciesMs, statuses, errors, bodies: answers };
}

if (!isMainThread && parentPort && (workerData as LoadSpec | undefined)?.bodies) {
  work(workerData as LoadSpec).then(
    (result) =>
      parentPort?.postMessage({ type: 'done', result } satisfies LoadMessage, [
        result.latenciesMs.buffer as ArrayBuffer,
      ]),
    (error: Error) =>
      parentPort?.postMessage({ type: 'failed', message: error.stack ?? error.message } satisfies LoadMessage),
  );
}
