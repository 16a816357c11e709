import { vi } from 'vitest';
import { compileWatchlist, DEMO_WATCHLIST } from '../../lib/match';
import type { FlaggerDeps } from '../../lib/content/flagger';

/** A flagger's dependencies for a test: the demo watch list, a fixed clock, idle tasks run at once, every call to the extension a mock. */
export function flaggerDeps(doc: Document, url: string, overrides: Partial<FlaggerDeps> = {}): FlaggerDeps {
  return {
    doc,
    url: () => url,
    now: () => new Date('2026-11-23T12:00:00+08:00'),
    watchlist: compileWatchlist(DEMO_WATCHLIST),
    labels: { capture: '采集', capturing: '采集中…', captured: '已采集 ✓', flaggedTitle: '命中关注词：$1', openDesk: '打开工作台' },
    openDesk: vi.fn(),
    capture: vi.fn(async () => undefined),
    knownStates: vi.fn(async () => new Map()),
    reportCount: vi.fn(),
    whenIdle: (task) => task(),
    ...overrides,
  };
}
