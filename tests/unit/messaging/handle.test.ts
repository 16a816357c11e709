import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handle, validated, type SenderLike } from '../../../lib/messaging/handle';
import { removeAllListeners, type ResponseOf } from '../../../lib/messaging/protocol';
import { ok } from '../../../lib/messaging/result';
import { GetPostStatesRequestSchema, PingRequestSchema, SetFlaggedCountRequestSchema } from '../../../lib/messaging/schemas';

const ID = 'test-extension-id';
const PAGE = `chrome-extension://${ID}/`;
const contentScript: SenderLike = { id: ID, url: 'https://bbs.example.cn/t/1', tab: { id: 7, url: 'https://bbs.example.cn/t/1', windowId: 3 }, frameId: 0 };
const sidePanel: SenderLike = { id: ID, url: `${PAGE}sidepanel.html` };

/** Delivers a message the way the browser does: through runtime.onMessage with the browser's sender. */
async function deliver(type: string, data: unknown, sender: SenderLike): Promise<unknown> {
  let answer: unknown;
  const sendResponse = (response: { res?: unknown; err?: unknown }) => {
    answer = response.res ?? response.err;
  };
  // The fake event's typing knows only (message, sender); the real browser also passes sendResponse.
  const trigger = fakeBrowser.runtime.onMessage.trigger as (...args: unknown[]) => Promise<unknown>;
  await trigger({ id: 1, type, data, timestamp: Date.now() }, sender, sendResponse);
  await vi.waitFor(() => expect(answer).toBeDefined());
  return answer;
}

beforeEach(() => {
  fakeBrowser.reset();
  removeAllListeners();
});

describe('the validated message handler', () => {
  it('passes a valid payload and the tab the browser reported to the handler', async () => {
    const handler = vi.fn((_data: { count: number }, _context: { tab?: { id: number } }) => ok(undefined) as ResponseOf<'setFlaggedCount'>);
    handle('setFlaggedCount', SetFlaggedCountRequestSchema, handler, { from: 'content-script' });
    expect(await deliver('setFlaggedCount', { count: 3 }, contentScript)).toEqual({ ok: true });
    expect(handler).toHaveBeenCalledWith(
      { count: 3 },
      expect.objectContaining({ tab: { id: 7, url: 'https://bbs.example.cn/t/1', windowId: 3, frameId: 0 } }),
    );
  });

  it('takes the tab from the sender, never from the payload', async () => {
    const handler = vi.fn((_data: unknown, _context: { tab?: { id: number } }) => ok({}) as ResponseOf<'getPostStates'>);
    handle('getPostStates', GetPostStatesRequestSchema, handler, { from: 'content-script' });
    const answer = await deliver('getPostStates', { caseIds: ['a'], tabId: 999, tab: { id: 999 } }, contentScript);
    expect(answer).toEqual({ ok: true, data: {} });
    expect(handler.mock.calls[0]?.[1]).toMatchObject({ tab: { id: 7 } });
  });

  it('refuses a bad payload with a clear error naming every field, without calling the handler', async () => {
    const handler = vi.fn(() => ok(undefined) as ResponseOf<'setFlaggedCount'>);
    handle('setFlaggedCount', SetFlaggedCountRequestSchema, handler, { from: 'content-script' });
    const answer = await deliver('setFlaggedCount', { count: -1 }, contentScript);
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', issues: [{ path: 'count' }] },
    });
    expect((answer as { error: { message: string } }).error.message).toMatch(/setFlaggedCount.*格式不正确/);
    expect(handler).not.toHaveBeenCalled();
  });

  it.each([
    ['another extension', { ...contentScript, id: 'evil-extension' }],
    ['a sender without an id (a web page)', { url: 'https://evil.example.com/', tab: { id: 9 } }],
  ])('refuses a message from %s', async (_label, sender) => {
    const handler = vi.fn(() => ok({ at: 1 }) as ResponseOf<'ping'>);
    handle('ping', PingRequestSchema, handler, { from: 'extension' });
    expect(await deliver('ping', {}, sender as SenderLike)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses a content-script message that has no tab (e.g. sent from an extension page)', async () => {
    const handler = vi.fn(() => ok(undefined) as ResponseOf<'setFlaggedCount'>);
    handle('setFlaggedCount', SetFlaggedCountRequestSchema, handler, { from: 'content-script' });
    expect(await deliver('setFlaggedCount', { count: 1 }, sidePanel)).toMatchObject({ ok: false, error: { code: 'no-tab' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses an extension-page message coming from a content script', async () => {
    const wrapped = validated('ping', PingRequestSchema, () => ok({ at: 1 }), { from: 'extension-page' });
    expect(await wrapped({ data: {}, sender: contentScript })).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await wrapped({ data: {}, sender: sidePanel })).toEqual({ ok: true, data: { at: 1 } });
  });

  it('turns a handler that throws into an internal error instead of a broken channel', async () => {
    const wrapped = validated(
      'ping',
      PingRequestSchema,
      () => {
        throw new Error('boom');
      },
      { from: 'extension' },
    );
    expect(await wrapped({ data: {}, sender: sidePanel })).toMatchObject({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('boom') },
    });
  });

  it('calls the handler synchronously, so a user-gesture API can run before any await', () => {
    const calls: string[] = [];
    const wrapped = validated(
      'ping',
      PingRequestSchema,
      () => {
        calls.push('handler');
        return ok({ at: 1 });
      },
      { from: 'extension' },
    );
    void wrapped({ data: {}, sender: sidePanel });
    calls.push('after-call');
    expect(calls).toEqual(['handler', 'after-call']);
  });
});
