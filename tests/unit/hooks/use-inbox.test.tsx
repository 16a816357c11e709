// @vitest-environment jsdom
/**
 * The inbox hook reads the rows first and counts afterwards: the first
 * screen never waits behind a count, and the filter bar never shows a figure
 * that belongs to another filter (it says "counting" until its own arrives).
 */
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppDB } from '../../../lib/db/app-db';
import { appendEvents } from '../../../lib/db/repos/events';
import { useInbox } from '../../../lib/hooks/use-inbox';
import type { InboxFilter } from '../../../lib/desk/inbox';
import type { CaseEventInput } from '../../../lib/cases';
import { captured, claimed, closed, T0 } from '../../fixtures/db/builders';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const NOW = T0 + 24 * 3_600_000;

/** What one render of the inbox showed. */
interface Shown {
  view: string;
  rows: number | undefined;
  count: number | undefined;
  sites: string[] | undefined;
}

function Inbox({ db, filter, shown }: { db: AppDB; filter: InboxFilter; shown: Shown[] }) {
  const { rows, count, facets } = useInbox(filter, NOW, 40, db);
  shown.push({ view: filter.view, rows: rows?.length, count, sites: facets?.sites });
  return null;
}

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('the inbox hook', () => {
  it('shows the rows before the count and the site list, and never a count of another view', async () => {
    const db = new AppDB(`inbox-hook-${crypto.randomUUID()}`);
    const events: CaseEventInput[] = [];
    // Five open cases and three closed ones: the two views count differently.
    for (let i = 0; i < 8; i++) {
      events.push(captured(`c${i}`, T0 + i * 60_000), claimed(`c${i}`, T0 + i * 60_000 + 3_600_000));
      if (i >= 5) events.push(closed(`c${i}`, T0 + i * 60_000 + 4 * 3_600_000));
    }
    await appendEvents(db, events, { now: NOW });
    const host = document.createElement('div');
    const root = createRoot(host);
    cleanup = async () => {
      act(() => root.unmount());
      await db.delete();
    };
    const shown: Shown[] = [];
    await act(async () => root.render(<Inbox db={db} filter={{ view: 'open' }} shown={shown} />));
    await vi.waitFor(() => expect(shown.at(-1)).toMatchObject({ rows: 5, count: 5, sites: ['discuz'] }));

    await act(async () => root.render(<Inbox db={db} filter={{ view: 'closed' }} shown={shown} />));
    await vi.waitFor(() => expect(shown.at(-1)).toMatchObject({ view: 'closed', rows: 3, count: 3 }));

    // A figure is shown only beside rows already read, and only its own view's figure.
    for (const render of shown) {
      if (render.count !== undefined || render.sites !== undefined) expect(render.rows).toBeDefined();
      if (render.count !== undefined) expect(render.count).toBe(render.view === 'open' ? 5 : 3);
    }
    expect(shown.some((r) => r.view === 'open' && r.rows === 5 && r.count === undefined)).toBe(true);
  });
});
