/**
 * 本机时钟可能有误 (issue 11): a case holding an event stamped a year ahead
 * by a device whose clock jumped still moves on, and its case page says the
 * device clock may be wrong, naming the event.
 */
import { mkdirSync } from 'node:fs';
import { THREAD_1001_FLOORS } from '../demo-site/data/forum-thread-1001.ts';
import { FORUM_FLAGGED_PIDS } from '../demo-site/expected.ts';
import { expect, test } from './fixtures.ts';
import { DiscuzThreadPage } from './pages/discuz-thread-page.ts';
import { SidePanel } from './pages/side-panel.ts';
import { clickBadgeButton, badgeText } from './pages/closed-ui.ts';

const SHOTS = process.env.ISSUE11_SHOTS;
const YEAR_MS = 365 * 24 * 3_600_000;

test('a note stamped a year ahead shows the clock warning, and the case can still be claimed', async ({ page, demoUrl, openExtensionPage }) => {
  test.setTimeout(90_000);
  const panel = new SidePanel(await openExtensionPage('sidepanel.html'));
  await panel.signIn('李明', '澜江市住房和城乡建设局');
  const thread = new DiscuzThreadPage(page, demoUrl);
  await thread.goto();
  const pid = FORUM_FLAGGED_PIDS[0]!;
  await clickBadgeButton(thread.body(pid), '采集');
  await expect.poll(() => badgeText(thread.body(pid))).toContain('已采集');
  const author = THREAD_1001_FLOORS.find((f) => f.pid === pid)!.author;
  await panel.row(author).click();
  await expect(panel.page.getByTestId('clock-warning')).toHaveCount(0);
  const caseId = await panel.detail.getAttribute('data-case-id');

  // The record a device whose clock ran a year ahead leaves in the log (an optional `seq` after the capture).
  await panel.page.evaluate(
    async ({ caseId, at }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('yuqing-assistant');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('events', 'readwrite');
        tx.objectStore('events').add({
          id: 'clock-ahead-note',
          caseId,
          at,
          seq: 2,
          actor: { officer: '王芳', department: '澜江市住房和城乡建设局' },
          type: 'note',
          payload: { text: '已电话联系发帖人' },
          storedAt: Date.now(),
        });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { caseId: caseId!, at: Date.now() + YEAR_MS },
  );
  // The next step is not blocked by the future-stamped event; the case page reads the log again.
  await panel.act('claimed');
  await expect(panel.page.getByTestId('action-assessed')).toBeVisible();
  const warning = panel.page.getByTestId('clock-warning');
  await expect(warning).toContainText('本机时钟可能有误');
  await expect(warning).toContainText('晚于现在');
  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true });
    await panel.page.screenshot({ path: `${SHOTS}/clock-warning.png`, fullPage: true });
  }
});
