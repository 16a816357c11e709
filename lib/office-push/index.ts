/**
 * Pushing an officer's sync file to the office hub (extension side): HTTPS
 * POST with the officer's token, retried with exponential backoff when the
 * hub is unreachable or failing, never retried when the hub refused the file
 * (a retry would be refused the same way). Plain TS over an injected
 * `fetch` and `sleep`, so the desk, the background and tests share it.
 *
 * The hub's answers (lib/hub/server.ts): 201 imported; 409 already imported
 * (a replay: the office has it, so it counts as synced); 401 / 403 / 413 /
 * 422 refused with `{ error: { code, message, errors? } }`; 5xx failed.
 */
import { z } from 'zod';

/** Where and as whom to push (desk settings: office URL + per-officer token). */
export interface OfficeHubTarget {
  /** Base URL of the hub, e.g. `https://hub.example.gov.cn` (a path prefix is kept). */
  url: string;
  token: string;
}

/** The ledger row the hub returns for an imported file. */
export const HubImportSchema = z.object({
  id: z.number().int(),
  fileDigest: z.string(),
  officer: z.string(),
  department: z.string(),
  new: z.number().int(),
  duplicate: z.number().int(),
  conflict: z.number().int(),
  refused: z.number().int(),
  importedAt: z.number(),
});
export type HubImport = z.infer<typeof HubImportSchema>;

const HubErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

/** Outcome of one push, for the desk's sync status ("已同步 · 12:03"). Times are epoch ms. */
export type PushOutcome =
  | { status: 'synced'; at: number; attempts: number; import?: HubImport; alreadyImported: boolean }
  | { status: 'refused'; at: number; attempts: number; code: string; message: string; errors: { path: string; message: string }[] }
  | { status: 'failed'; at: number; attempts: number; message: string };

/** Options for {@link pushSyncFile}. */
export interface PushOptions {
  fetch?: typeof fetch;
  /** Waits `ms`; injected so tests do not wait. */
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Attempts in all (first try included). Default 5. */
  maxAttempts?: number;
  /** First backoff in ms, doubled after each failure, capped at 5 minutes. Default 2,000. */
  backoffMs?: number;
}

/** Backoff before attempt `attempt` (2 = first retry): backoffMs × 2^(attempt−2), at most 5 minutes. */
export function backoffDelay(attempt: number, backoffMs = 2000): number {
  return Math.min(backoffMs * 2 ** Math.max(0, attempt - 2), 300_000);
}

function endpoint(base: string): string {
  return `${base.replace(/\/+$/, '')}/v1/sync-files`;
}

/**
 * Pushes one sync file's text. Never throws: network errors and 5xx are
 * retried (up to `maxAttempts`) and end as `failed`; a refusal (4xx other
 * than 408/429) ends at once as `refused` with the hub's reasons.
 */
export async function pushSyncFile(target: OfficeHubTarget, fileText: string, options: PushOptions = {}): Promise<PushOutcome> {
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const maxAttempts = options.maxAttempts ?? 5;
  let lastMessage = '';
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    if (attempt > 1) await sleep(backoffDelay(attempt, options.backoffMs));
    let response: Response;
    try {
      response = await doFetch(endpoint(target.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${target.token}` },
        body: fileText,
      });
    } catch (error) {
      lastMessage = `hub unreachable: ${error instanceof Error ? error.message : String(error)}`;
      continue;
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (response.status === 201) {
      const parsed = z.object({ import: HubImportSchema }).safeParse(body);
      return { status: 'synced', at: now(), attempts: attempt, alreadyImported: false, ...(parsed.success ? { import: parsed.data.import } : {}) };
    }
    const error = HubErrorSchema.safeParse(body);
    if (response.status === 409) return { status: 'synced', at: now(), attempts: attempt, alreadyImported: true };
    const message = error.success ? error.data.error.message : `HTTP ${String(response.status)}`;
    if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429) {
      return {
        status: 'refused',
        at: now(),
        attempts: attempt,
        code: error.success ? error.data.error.code : `http-${String(response.status)}`,
        message,
        errors: error.success ? (error.data.error.errors ?? []) : [],
      };
    }
    lastMessage = message;
  }
  return { status: 'failed', at: now(), attempts: maxAttempts, message: lastMessage };
}
