/**
 * Reading and checking sync files in worker threads (lib/hub/prepare.ts),
 * so that an import's CPU work — JSON, the zod schemas, the digests, the
 * replay of its cases — runs beside the database storing the file before,
 * and a push being checked never blocks the server's event loop.
 *
 * The hub's files arrive one by one (pushes) or as a folder; either way each
 * is still stored in its own transaction, in order, by lib/hub/import.ts.
 */
import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { PolicyProfile } from '../policy/schema';
import type { PrepareResult } from './prepare';

/** Prepares files (see lib/hub/prepare.ts) off the calling thread. */
export interface SyncFilePreparer {
  /** How many worker threads prepare files. */
  readonly workers: number;
  /** Resolves once every worker has loaded its code (a hub starts them at boot; the bench waits before timing). */
  readonly ready: Promise<void>;
  /**
   * The file prepared unless `known` knows it: a worker takes the text's
   * SHA-256 (the ledger's replay key), `known(rawDigest)` is asked on this
   * thread (the ledger probe), and only when it answers `undefined` does the
   * worker read and check the file; otherwise its answer is returned and the
   * file is never parsed. So the hashing of every file's bytes, too, runs
   * beside the database. A bad file is a result, not an error: rejects only
   * on a failure of the worker or of `known`.
   */
  prepareUnlessKnown<T>(text: string, known: (rawDigest: string) => Promise<T | undefined>): Promise<PrepareResult | T>;
  /** Stops the workers; files still being prepared are rejected. */
  close(): Promise<void>;
}

/**
 * A message to a worker: a file to hash (the worker answers with its
 * SHA-256 and keeps the text), or whether to prepare that file now (`go`;
 * false: forget it).
 */
export type PrepareRequest = { id: number; text: string } | { id: number; go: boolean };

/** A worker's answer: a file's SHA-256, the result, or the failure's stack; `ready` once when it has loaded. */
export type PrepareResponse =
  | { id: number; result: PrepareResult }
  | { id: number; rawDigest: string }
  | { id: number; error: string }
  | { ready: true };

/**
 * The young generation of a preparing worker's heap, MB. A 2,000-event file
 * makes tens of MB of short-lived objects (parsed JSON, the schema's output,
 * the canonical copy, replay states) while its parsed events stay alive
 * until its rows are written: with V8's default (16 MB semi-spaces) each
 * file saw several scavenges, each copying those live events again. With
 * room for a file's work, the scavenges a file sees fall by half or more
 * (measured: the worker's CPU and its GC threads' fell by 6-9 ms a file,
 * 1,000,000-event bench, load ~10). Reserved, not committed, until used.
 */
export const PREPARER_YOUNG_GENERATION_MB = 128;

/**
 * Worker threads for the hub: by default one fewer than the machine's cores
 * (the main thread and the database need one), at least 1, at most 4.
 */
export function defaultPreparerWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

/**
 * Starts `workers` threads that prepare files under `policy`. Idle workers
 * do not keep the process alive; call `close` when done.
 */
export function startSyncFilePreparer(policy: PolicyProfile, { workers = defaultPreparerWorkers() }: { workers?: number } = {}): SyncFilePreparer {
  type Waiting = { resolve: (result: PrepareResult) => void; reject: (error: Error) => void; hashed: (rawDigest: string) => void };
  const threads = Array.from({ length: Math.max(1, workers) }, () => {
    const worker = new Worker(bootstrap(), {
      eval: true,
      workerData: { policy },
      resourceLimits: { maxYoungGenerationSizeMb: PREPARER_YOUNG_GENERATION_MB },
    });
    let loaded = () => {};
    const thread = {
      worker,
      waiting: new Map<number, Waiting>(),
      ready: new Promise<void>((resolve) => (loaded = resolve)),
      /** Why the worker stopped, once it has. */
      stopped: undefined as Error | undefined,
    };
    worker.unref();
    worker.on('message', (response: PrepareResponse) => {
      if ('ready' in response) return loaded();
      const waiting = thread.waiting.get(response.id);
      if (!waiting) return;
      if ('rawDigest' in response) return waiting.hashed(response.rawDigest);
      thread.waiting.delete(response.id);
      if (thread.waiting.size === 0) worker.unref();
      if ('error' in response) waiting.reject(new Error(`preparing a sync file failed in its worker: ${response.error}`));
      else waiting.resolve(response.result);
    });
    const fail = (error: Error) => {
      thread.stopped ??= error;
      // Ready or not, it will not load now: prepareUnlessKnown() then answers with the failure.
      loaded();
      for (const waiting of thread.waiting.values()) waiting.reject(error);
      thread.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the sync file worker stopped (exit code ${String(code)})`)));
    return thread;
  });
  let next = 0;
  /** Sends `text` to the least busy thread (ties: the next in turn) to be hashed; `hashed` is called with its SHA-256. */
  const send = (text: string, hashed: (thread: (typeof threads)[number], id: number, rawDigest: string) => void) => {
    let thread = threads[next++ % threads.length]!;
    for (const candidate of threads) if (candidate.waiting.size < thread.waiting.size) thread = candidate;
    const id = next;
    if (thread.stopped) return Promise.reject(thread.stopped);
    return new Promise<PrepareResult>((resolve, reject) => {
      thread.waiting.set(id, { resolve, reject, hashed: (digest: string) => hashed(thread, id, digest) });
      // While a file is being prepared its worker keeps the process alive.
      thread.worker.ref();
      thread.worker.postMessage({ id, text } satisfies PrepareRequest);
    });
  };
  return {
    workers: threads.length,
    ready: Promise.all(threads.map((thread) => thread.ready)).then(() => {}),
    prepareUnlessKnown<T>(text: string, known: (rawDigest: string) => Promise<T | undefined>) {
      return new Promise<PrepareResult | T>((resolve, reject) => {
        const prepared = send(text, (thread, id, rawDigest) => {
          // Known, or the probe failed: the worker forgets the text and this file's wait ends here.
          const forget = () => {
            thread.worker.postMessage({ id, go: false } satisfies PrepareRequest);
            thread.waiting.delete(id);
            if (thread.waiting.size === 0) thread.worker.unref();
          };
          known(rawDigest).then(
            (answer) => {
              if (answer === undefined) return thread.worker.postMessage({ id, go: true } satisfies PrepareRequest);
              forget();
              resolve(answer);
            },
            (error: unknown) => {
              forget();
              reject(error instanceof Error ? error : new Error(String(error)));
            },
          );
        });
        prepared.then(resolve, reject);
      });
    },
    async close() {
      await Promise.all(threads.map((thread) => thread.worker.terminate()));
    },
  };
}

/**
 * The worker's entry as code to evaluate: lib/hub runs as TypeScript (tsx,
 * vitest), whose loader a worker thread does not inherit, so it registers
 * tsx's before importing the entry; compiled JavaScript imports it directly.
 */
function bootstrap(): string {
  const typescript = import.meta.url.endsWith('.ts');
  const entry = new URL(typescript ? './prepare-worker.ts' : './prepare-worker.js', import.meta.url).href;
  if (!typescript) return `import(${JSON.stringify(entry)});`;
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(/\.cjs$/, '.mjs');
  return `(async () => { const { register } = await import(${JSON.stringify(tsx)}); register(); await import(${JSON.stringify(entry)}); })();`;
}
