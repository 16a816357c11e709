/**
 * The start of every desk test on the demo forum: the side panel (as a tab)
 * signed in as the officer, forum thread 1001 open beside it, and 采集 from
 * the badge of its first flagged post. Shared by inbox.spec and
 * desk-procedure.spec.
 */
import { expect, type Page } from '@playwright/test';
import { THREAD_1001_FLOORS } from '../../demo-site/data/forum-thread-1001.ts';
import { FORUM_FLAGGED_PIDS } from '../../demo-site/expected.ts';
import type { ExtensionFixtures } from '../fixtures.ts';
import { badgeText, clickBadgeButton } from './closed-ui.ts';
import { DiscuzThreadPage } from './discuz-thread-page.ts';
import { SidePanel } from './side-panel.ts';

/** The desk and the thread, with the flagged post the tests capture and its floor's data (author, text…). */
export interface DeskBesideThread {
  panel: SidePanel;
  thread: DiscuzThreadPage;
  pid: number;
  floor: (typeof THREAD_1001_FLOORS)[number];
}

/** Opens the side panel signed in as `officer` and forum thread 1001 in `page`; nothing is captured yet. */
export async function openDeskBesideThread(
  { page, demoUrl, openExtensionPage }: { page: Page } & Pick<ExtensionFixtures, 'demoUrl' | 'openExtensionPage'>,
  officer: { name: string; department: string },
): Promise<DeskBesideThread> {
  const panel = new SidePanel(await openExtensionPage('sidepanel.html'));
  await panel.signIn(officer.name, officer.department);
  const thread = new DiscuzThreadPage(page, demoUrl);
  await thread.goto();
  const pid = FORUM_FLAGGED_PIDS[0]!;
  return { panel, thread, pid, floor: THREAD_1001_FLOORS.find((f) => f.pid === pid)! };
}

/** 采集 from the post's badge (one click), and waits until the badge says 已采集. */
export async function captureFromBadge({ thread, pid }: Pick<DeskBesideThread, 'thread' | 'pid'>): Promise<void> {
  await clickBadgeButton(thread.body(pid), '采集');
  await expect.poll(() => badgeText(thread.body(pid))).toContain('已采集');
}
