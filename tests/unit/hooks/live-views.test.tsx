// @vitest-environment jsdom
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppDB } from '../../../lib/db/app-db';
import { appendEvent } from '../../../lib/db/repos/events';
import { useCases } from '../../../lib/hooks/use-cases';
import { useNow } from '../../../lib/hooks/use-now';
import { captured, T0 } from '../../fixtures/db/builders';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function Inbox({ db }: { db: AppDB }) {
  const cases = useCases({ order: 'recent' }, db);
  return <ul>{cases === undefined ? <li>loading</li> : cases.map((c) => <li key={c.caseId}>{c.title}</li>)}</ul>;
}

function Clock() {
  return <span>{useNow(1000, () => Date.now())}</span>;
}

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
  vi.useRealTimers();
});

describe('live views', () => {
  it('show a capture made by another page without a reload', async () => {
    const name = `live-${crypto.randomUUID()}`;
    const sidePanel = new AppDB(name);
    const background = new AppDB(name);
    const host = document.createElement('div');
    const root = createRoot(host);
    cleanup = async () => {
      act(() => root.unmount());
      background.close();
      await sidePanel.delete();
    };
    await act(async () => root.render(<Inbox db={sidePanel} />));
    await vi.waitFor(() => expect(host.textContent).toBe(''));

    await appendEvent(background, captured('c1'), { now: T0 });
    await vi.waitFor(() => expect(host.textContent).toContain('关于澜江市某小区停水的帖子 c1'));
  });

  it('tick the clock for countdowns', async () => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
    const host = document.createElement('div');
    const root = createRoot(host);
    cleanup = async () => {
      act(() => root.unmount());
    };
    act(() => root.render(<Clock />));
    expect(host.textContent).toBe(String(T0));
    act(() => {
      vi.advanceTimersByTime(3000);
    });
    expect(host.textContent).toBe(String(T0 + 3000));
  });
});
