/**
 * Worker thread of lib/hub/preparer.ts: hashes the sync files it is sent,
 * then prepares those the importing thread says are new (lib/hub/prepare.ts)
 * and answers with the plain-data result. The hub's
 * policy profile comes once, as `workerData.policy`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PolicyProfile } from '../policy/schema';
import { sha256Hex } from './canonical';
import { prepareSyncFile } from './prepare';
import type { PrepareRequest, PrepareResponse } from './preparer';

const policy = (workerData as { policy: PolicyProfile }).policy;

/** Texts hashed and waiting for the importing thread's go (its ledger probe), by request id. */
const held = new Map<number, { text: string; rawDigest: string }>();

parentPort!.on('message', (request: PrepareRequest) => {
  const { id } = request;
  if (!('go' in request)) {
    // The bytes' SHA-256 first: the importing thread asks the ledger before this file is read.
    const rawDigest = sha256Hex(request.text);
    held.set(id, { text: request.text, rawDigest });
    parentPort!.postMessage({ id, rawDigest } satisfies PrepareResponse);
    return;
  }
  const file = held.get(id);
  held.delete(id);
  if (!file || !request.go) return;
  const { text, rawDigest } = file;
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
