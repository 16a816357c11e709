/**
 * Types of the few extension APIs the e2e tests call inside the browser
 * (`page.evaluate` / `worker.evaluate`); the project has no @types/chrome.
 * Use as `const { chrome } = globalThis as unknown as ExtensionGlobals;`
 * inside the evaluated function (only types cross; the code runs in Chromium).
 */

/** `chrome.runtime` as an extension page or the service worker sees it. */
export interface RuntimeApi {
  id: string;
  sendMessage(message: unknown): Promise<unknown>;
  sendMessage(extensionId: string, message: unknown): Promise<unknown>;
  getContexts(filter: { contextTypes?: string[] }): Promise<{ contextType: string; documentUrl?: string }[]>;
}

/** The extension APIs used by the tests. */
export interface ChromeApi {
  runtime: RuntimeApi;
  tabs: { query(query: { url?: string; active?: boolean }): Promise<{ id?: number; url?: string; windowId: number }[]> };
  action: { getBadgeText(details: { tabId: number }): Promise<string> };
}

/** The global object of an extension context. */
export interface ExtensionGlobals {
  chrome: ChromeApi;
}

/** The wire format of @webext-core/messaging: what `sendMessage(type, data)` puts on `chrome.runtime.sendMessage`. */
export interface WireMessage {
  id: number;
  type: string;
  data: unknown;
  timestamp: number;
}

/** What the background answers on the wire: `{ res }` with the handler's `Result`, or `{ err }` if it threw. */
export interface WireAnswer<T = unknown> {
  res?: { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
  err?: unknown;
}
