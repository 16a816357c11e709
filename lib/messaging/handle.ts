import type { ZodType } from 'zod';
import { onMessage, type MessageName, type RequestOf, type ResponseOf } from './protocol';
import { fail, invalidInput, type Result } from './result';

/** The parts of the browser's message sender that are trusted (set by the browser, not the page). */
export interface SenderLike {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string; windowId?: number };
}

/** The sender's tab, as the browser reported it. */
export interface SenderTab {
  id: number;
  url?: string;
  windowId?: number;
  frameId?: number;
}

/**
 * Who may send a message:
 * - 'content-script': this extension's content script in a tab (a tab is required and passed on);
 * - 'extension-page': this extension's own pages (popup, side panel, options);
 * - 'extension': any context of this extension (background, pages, content scripts).
 */
export type SenderKind = 'content-script' | 'extension-page' | 'extension';

/** What a handler gets besides the validated payload. */
export interface HandlerContext {
  sender: SenderLike;
  /** Present (and required) for 'content-script' messages; the tab comes from the browser. */
  tab?: SenderTab;
}

/** A validated message handler. */
export type Handler<K extends MessageName> = (
  data: RequestOf<K>,
  context: HandlerContext,
) => ResponseOf<K> | Promise<ResponseOf<K>>;

/** Options of `validated` / `handle`. */
export interface HandleOptions {
  from: SenderKind;
  /** This extension's id and page origin (defaults from `browser.runtime`; tests inject them). */
  runtime?: { id: string; pageOrigin: string };
}

/** The extension runtime as seen by @webext-core/messaging itself (the global `chrome`, also set under Firefox by WXT). */
interface RuntimeLike {
  id?: string;
  getURL?: (path: string) => string;
}

function currentRuntime(): { id: string; pageOrigin: string } {
  // Read from the global rather than 'wxt/browser' so lib code also runs under vitest's jsdom environment.
  const g = globalThis as { chrome?: { runtime?: RuntimeLike }; browser?: { runtime?: RuntimeLike } };
  const runtime = g.browser?.runtime ?? g.chrome?.runtime;
  if (!runtime?.id || !runtime.getURL) return { id: '\u0000no-extension-runtime', pageOrigin: '\u0000' };
  return { id: runtime.id, pageOrigin: runtime.getURL('/') };
}

/**
 * Wraps a handler so it only ever sees a payload that passed its schema,
 * from a sender of the expected kind. Refusals are `Result` errors with a
 * Chinese message. The handler is called synchronously (no await before
 * it), so APIs that need the user gesture (sidePanel.open) still work.
 */
export function validated<K extends MessageName>(
  name: K,
  schema: ZodType<RequestOf<K>>,
  handler: Handler<K>,
  options: HandleOptions,
): (message: { data: unknown; sender: SenderLike }) => Promise<ResponseOf<K>> {
  return (message) => {
    const answer = (result: Result<never>) => Promise.resolve(result as ResponseOf<K>);
    const runtime = options.runtime ?? currentRuntime();
    const sender = message.sender ?? {};
    if (sender.id !== runtime.id) {
      return answer(fail('forbidden-sender', `拒绝来自非本扩展的消息 ${name}。`));
    }
    const fromPage = typeof sender.url === 'string' && sender.url.startsWith(runtime.pageOrigin);
    let tab: SenderTab | undefined;
    if (options.from === 'content-script') {
      if (typeof sender.tab?.id !== 'number' || sender.tab.id < 0 || fromPage) {
        return answer(fail('no-tab', `消息 ${name} 只接受来自网页标签页中内容脚本的请求。`));
      }
      tab = {
        id: sender.tab.id,
        ...(sender.tab.url !== undefined ? { url: sender.tab.url } : {}),
        ...(sender.tab.windowId !== undefined ? { windowId: sender.tab.windowId } : {}),
        ...(sender.frameId !== undefined ? { frameId: sender.frameId } : {}),
      };
    } else if (options.from === 'extension-page' && (!fromPage || sender.tab?.url?.startsWith('http'))) {
      return answer(fail('forbidden-sender', `消息 ${name} 只接受来自扩展自身页面的请求。`));
    }
    const parsed = schema.safeParse(message.data);
    if (!parsed.success) return answer(invalidInput(`消息 ${name} 的内容`, parsed.error));
    try {
      return Promise.resolve(handler(parsed.data, { sender, ...(tab ? { tab } : {}) })).catch((error: unknown) =>
        internalFailure<K>(name, error),
      );
    } catch (error) {
      return Promise.resolve(internalFailure<K>(name, error));
    }
  };
}

function internalFailure<K extends MessageName>(name: K, error: unknown): ResponseOf<K> {
  const detail = error instanceof Error ? error.message : String(error);
  return fail(`internal`, `处理消息 ${name} 时出错：${detail}`) as ResponseOf<K>;
}

/**
 * Registers the validated handler of one message in this context (see
 * `validated`). Returns the function that removes it.
 */
export function handle<K extends MessageName>(
  name: K,
  schema: ZodType<RequestOf<K>>,
  handler: Handler<K>,
  options: HandleOptions,
): () => void {
  const wrapped = validated(name, schema, handler, options);
  return onMessage(name, (message) => wrapped({ data: message.data, sender: message.sender as SenderLike }));
}
