/**
 * Worker thread of lib/hub/preparer.ts: prepares the sync files it is sent
 * (lib/hub/prepare.ts) and answers with the plain-data result. The hub's
 * policy profile comes once, as `workerData.policy`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PolicyProfile } from '../policy/schema';
import { prepareSyncFile } from './prepare';
import type { PrepareRequest, PrepareResponse } from './preparer';

const policy = (workerData as { policy: PolicyProfile }).policy;

parentPort!.on('message', ({ id, text, rawDigest }: PrepareRequest) => {
  let response: PrepareResponse;
  try {
    response = { id, result: prepareSyncFile(text, policy, rawDigest) };
  } catch (error) {
    // Never for a bad file (those are refusals): a bug, reported to the import that asked.
    response = { id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  // The prepared rows' bytes move to the importing thread instead of being copied.
  const rows = 'result' in response && response.result.ok ? response.result.file.asNew : undefined;
  parentPort!.postMessage(response, rows ? [rows.events.buffer, rows.cases.buffer, rows.deadlines.buffer] : []);
});

parentPort!.postMessage({ ready: true } satisfies PrepareResponse);
