/**
 * The desk's link to the office hub (上报至办公室): the hub's address and the
 * officer's token, stored in the extension's local storage (never in the
 * claim log, never in a sync file), and one push of "everything since the
 * last push" with its outcome kept for the settings screen
 * ("已同步 · 12:03", or what went wrong).
 *
 * Plain TS over injected storage, database and fetch: the background binds
 * them to chrome.storage.local, Dexie and the browser's fetch (the hub's
 * origin is covered by the extension's `<all_urls>` host permission, see
 * wxt.config.ts); tests bind them to memory and a real hub.
 *
 * What is sent is the desk's unencrypted sync file (lib/sync/export.ts,
 * scope "since last export" kept per hub origin under
 * `lastExport:hub:<origin>`); the transport is the hub's TLS and the token
 * names the sender (lib/hub README).
 */
import { z } from 'zod';
import type { AppDB } from '../db/app-db';
import { fail, ok, type Result } from '../messaging/result';
import { exportSyncFile, markExported } from '../sync/export';
import { pushSyncFile, type PushOutcome, type PushOptions } from './index';

/** The part of extension storage the link uses (chrome.storage.local in the browser). */
export interface OfficeHubStore {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[]): Promise<void>;
}

/** Storage keys (chrome.storage.local). */
export const OFFICE_HUB_KEY = 'officeHub';
export const OFFICE_HUB_STATUS_KEY = 'officeHubStatus';

/** Longest token accepted; the hub's own tokens are 43 characters (32 random bytes, base64url). */
const MAX_TOKEN = 200;

/** The hub's address: http(s) only, no credentials, no query; a path prefix is kept (reverse proxy). */
export const OfficeHubUrlSchema = z
  .string()
  .trim()
  .min(1, '请填写办公室服务器地址')
  .max(2000)
  .refine((value) => {
    try {
      const url = new URL(value);
      return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password && !url.search && !url.hash;
    } catch {
      return false;
    }
  }, '须为 http:// 或 https:// 开头的服务器地址（不含用户名、查询参数）')
  .transform((value) => value.replace(/\/+$/, ''));

/** What is stored: address, token, whether to push by itself. */
export const OfficeHubConfigSchema = z
  .object({
    url: OfficeHubUrlSchema,
    token: z.string().trim().min(16, '令牌太短：请粘贴办公室发给您的完整令牌').max(MAX_TOKEN).regex(/^[\w.~+/=-]+$/, '令牌只含字母、数字和 - _ . ~ + / ='),
    auto: z.boolean(),
  })
  .strict();
export type OfficeHubConfig = z.infer<typeof OfficeHubConfigSchema>;

/** The last push, as the settings screen shows it. `at` is epoch ms. */
export const OfficeHubStatusSchema = z.object({
  at: z.number(),
  /** synced: the hub took the file; replayed: it already had it; nothing: no new records; refused / failed: see code. */
  result: z.enum(['synced', 'replayed', 'nothing', 'refused', 'failed']),
  /** The hub's error code (token-revoked, body-too-large, digest-mismatch, …) or `unreachable`. */
  code: z.string().optional(),
  /** The hub's own words (English) or the network error, shown after the Chinese sentence. */
  detail: z.string().optional(),
  /** Every JSON path the hub named in a refused file. */
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  attempts: z.number().int().optional(),
  cases: z.number().int().optional(),
  events: z.number().int().optional(),
  /** The hub's ledger counts for a synced file. */
  counts: z.object({ new: z.number().int(), duplicate: z.number().int(), conflict: z.number().int(), refused: z.number().int() }).optional(),
});
export type OfficeHubStatus = z.infer<typeof OfficeHubStatusSchema>;

/** What the settings screen sees: never the token itself, only its last characters. */
export interface OfficeHubView {
  url?: string;
  /** `…abcd`: enough to tell tokens apart. */
  tokenHint?: string;
  auto: boolean;
  status?: OfficeHubStatus;
  /** The last push that reached the hub (synced or replayed), epoch ms. */
  lastSyncedAt?: number;
}

const LAST_SYNCED_KEY = 'officeHubLastSyncedAt';

/** The stored link, or undefined (none, or storage edited by hand into something invalid). */
export async function getOfficeHubConfig(store: OfficeHubStore): Promise<OfficeHubConfig | undefined> {
  const stored = await store.get([OFFICE_HUB_KEY]);
  const parsed = OfficeHubConfigSchema.safeParse(stored[OFFICE_HUB_KEY]);
  return parsed.success ? parsed.data : undefined;
}

/** The view of the link for the settings screen. */
export async function officeHubView(store: OfficeHubStore): Promise<OfficeHubView> {
  const [config, stored] = await Promise.all([getOfficeHubConfig(store), store.get([OFFICE_HUB_STATUS_KEY, LAST_SYNCED_KEY])]);
  const status = OfficeHubStatusSchema.safeParse(stored[OFFICE_HUB_STATUS_KEY]);
  const lastSynced = stored[LAST_SYNCED_KEY];
  return {
    ...(config ? { url: config.url, tokenHint: `…${config.token.slice(-4)}` } : {}),
    auto: config?.auto ?? false,
    ...(status.success ? { status: status.data } : {}),
    ...(typeof lastSynced === 'number' ? { lastSyncedAt: lastSynced } : {}),
  };
}

/**
 * Saves the link. An empty `token` keeps the stored one (the screen never
 * shows it back); an empty `url` removes the link. Refuses (invalid-input,
 * naming the field) anything the schema refuses; nothing is stored then.
 */
export async function saveOfficeHubConfig(
  store: OfficeHubStore,
  input: { url: string; token: string; auto: boolean },
): Promise<Result<OfficeHubView>> {
  if (input.url.trim() === '') {
    await store.remove([OFFICE_HUB_KEY, OFFICE_HUB_STATUS_KEY, LAST_SYNCED_KEY]);
    return ok(await officeHubView(store));
  }
  const previous = await getOfficeHubConfig(store);
  const token = input.token.trim() === '' ? (previous?.token ?? '') : input.token;
  if (token === '') return fail('invalid-input', '请填写办公室发给您的令牌（token）。', [{ path: 'token', message: '必填' }]);
  const parsed = OfficeHubConfigSchema.safeParse({ url: input.url, token, auto: input.auto });
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message }));
    return fail('invalid-input', `办公室服务器设置有误：${issues.map((i) => `${i.path === 'url' ? '地址' : i.path === 'token' ? '令牌' : i.path}：${i.message}`).join('；')}`, issues);
  }
  const changedHub = previous !== undefined && (previous.url !== parsed.data.url || previous.token !== parsed.data.token);
  await store.set({ [OFFICE_HUB_KEY]: parsed.data });
  // The old status was about another hub or token: do not show it as this one's.
  if (changedHub) await store.remove([OFFICE_HUB_STATUS_KEY]);
  return ok(await officeHubView(store));
}

/** The syncState office key of a hub: one "since last export" bound per hub origin and path. */
export function hubOfficeKey(url: string): string {
  return `hub:${url}`;
}

function statusOf(outcome: PushOutcome, exported: { cases: number; events: number }): OfficeHubStatus {
  const sizes = { cases: exported.cases, events: exported.events, attempts: outcome.attempts };
  if (outcome.status === 'synced') {
    const counts = outcome.import
      ? { new: outcome.import.new, duplicate: outcome.import.duplicate, conflict: outcome.import.conflict, refused: outcome.import.refused }
      : undefined;
    return { at: outcome.at, result: outcome.alreadyImported ? 'replayed' : 'synced', ...sizes, ...(counts ? { counts } : {}) };
  }
  if (outcome.status === 'refused') {
    return { at: outcome.at, result: 'refused', code: outcome.code, detail: outcome.message, errors: outcome.errors, ...sizes };
  }
  return { at: outcome.at, result: 'failed', code: 'unreachable', detail: outcome.message, ...sizes };
}

/** What one push needs. */
export interface OfficeHubPushDeps {
  db: AppDB;
  store: OfficeHubStore;
  now: () => number;
  /** Retries and waits (lib/office-push); the background keeps them short, the alarm retries later. */
  push?: PushOptions;
}

/**
 * Pushes everything since the last successful push to the configured hub
 * and records the outcome. Answers the status (also stored), or a failure
 * when there is no link (`not-found`) or the officer's name or department is
 * missing (`invalid-input`, from the export). The "since" bound moves only
 * when the hub has the file (synced or a replay), so a refused or failed
 * push is sent again whole next time.
 */
export async function pushDeskToHub(deps: OfficeHubPushDeps): Promise<Result<OfficeHubStatus>> {
  const config = await getOfficeHubConfig(deps.store);
  if (!config) return fail('not-found', '尚未设置办公室服务器：请在设置“上报至办公室”中填写地址和令牌。');
  const office = hubOfficeKey(config.url);
  const at = deps.now();
  const exported = await exportSyncFile(deps.db, { scope: 'since-last', now: at, office });
  if (!exported.ok) return exported;
  let status: OfficeHubStatus;
  if (exported.data.events === 0) {
    status = { at, result: 'nothing', cases: 0, events: 0 };
  } else {
    const outcome = await pushSyncFile(config, exported.data.text, { now: deps.now, ...deps.push });
    status = statusOf(outcome, exported.data);
    if (outcome.status === 'synced') {
      const marked = await markExported(deps.db, exported.data, office);
      if (!marked.ok) return marked;
    }
  }
  const reached = status.result === 'synced' || status.result === 'replayed' || status.result === 'nothing';
  await deps.store.set({ [OFFICE_HUB_STATUS_KEY]: status, ...(reached ? { [LAST_SYNCED_KEY]: status.at } : {}) });
  return ok(status);
}

/** Checks address and token against the hub's `GET /v1/whoami` before saving: who the hub says this token is. */
export async function whoAmI(
  config: { url: string; token: string },
  doFetch: typeof fetch = fetch,
): Promise<Result<{ name: string; department: string; role: string }>> {
  let response: Response;
  try {
    response = await doFetch(`${config.url.replace(/\/+$/, '')}/v1/whoami`, { headers: { authorization: `Bearer ${config.token}` } });
  } catch (error) {
    return fail('unreachable', `无法连接办公室服务器 ${config.url}（${error instanceof Error ? error.message : String(error)}）。请核对地址，或确认服务器已启动、网络可达。`);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.status === 401) {
    const code = z.object({ error: z.object({ code: z.string() }) }).safeParse(body);
    const revoked = code.success && code.data.error.code === 'token-revoked';
    return fail(revoked ? 'token-revoked' : 'token-unknown', revoked ? '办公室已吊销此令牌（401），请向办公室申请新令牌。' : '办公室服务器不认识此令牌（401），请核对令牌是否完整。');
  }
  const officer = z.object({ officer: z.object({ name: z.string(), department: z.string(), role: z.string() }) }).safeParse(body);
  if (!response.ok || !officer.success) return fail('unreachable', `${config.url} 不是办公室服务器，或服务器出错（HTTP ${String(response.status)}）。`);
  return ok(officer.data.officer);
}

/**
 * Saves the link after the hub confirmed the token (`whoAmI`): a wrong
 * address, an unreachable hub or an unknown / revoked token is refused with
 * its Chinese reason and nothing is stored. Removing the link (empty url)
 * needs no hub.
 */
export async function connectOfficeHub(
  store: OfficeHubStore,
  input: { url: string; token: string; auto: boolean },
  doFetch: typeof fetch = fetch,
): Promise<Result<{ view: OfficeHubView; officer?: { name: string; department: string } }>> {
  if (input.url.trim() === '') {
    const removed = await saveOfficeHubConfig(store, input);
    return removed.ok ? ok({ view: removed.data }) : removed;
  }
  const url = OfficeHubUrlSchema.safeParse(input.url);
  const previous = await getOfficeHubConfig(store);
  const token = input.token.trim() || previous?.token || '';
  if (url.success && token) {
    const officer = await whoAmI({ url: url.data, token }, doFetch);
    if (!officer.ok) return officer;
    const saved = await saveOfficeHubConfig(store, { ...input, token });
    return saved.ok ? ok({ view: saved.data, officer: { name: officer.data.name, department: officer.data.department } }) : saved;
  }
  // Let the schema name what is wrong with the address or the token.
  const saved = await saveOfficeHubConfig(store, input);
  return saved.ok ? ok({ view: saved.data }) : saved;
}
