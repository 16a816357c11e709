/**
 * The desk with a year's log: the side panel's first paint of the inbox with
 * 10,000 cases in the projection, measured in Chromium (navigation start to
 * the first case row painted), beside the same page with an empty log.
 */
import { rmSync } from 'node:fs';
import { launchWithExtension } from '../../scripts/chromium.ts';
import { compared, type Figure } from './harness.ts';
import { ensureFreshBuild } from './fresh-build.ts';

const CASES = 10_000;
const RUNS = 5;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

export default async function sidePanelSuite(): Promise<Figure[]> {
  ensureFreshBuild();
  const { context, extensionId, userDataDir } = await launchWithExtension({ headless: true });
  try {
    const page = await context.newPage();
    await page.setViewportSize({ width: 360, height: 800 });
    const url = `chrome-extension://${extensionId}/sidepanel.html`;
    // Time from navigation start until the inbox shows its first row (or says it is empty — not its "loading" line).
    const firstPaint = async (selector: string): Promise<number> => {
      await page.goto(url);
      await page.locator(selector).first().waitFor();
      return page.evaluate(() => performance.now());
    };
    const empty: number[] = [];
    for (let i = 0; i < RUNS; i++) empty.push(await firstPaint('[data-testid="empty-inbox"]'));

    // The page opened the database (so it exists at its latest version): fill the projection directly.
    await page.evaluate(
      async ({ count }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open('yuqing-assistant');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const tx = db.transaction('cases', 'readwrite');
        const store = tx.objectStore('cases');
        const t0 = Date.UTC(2026, 0, 5, 1);
        for (let i = 0; i < count; i++) {
          store.put({
            caseId: `bench-${i}`,
            title: `澜江市第${i}号帖子：小区停水`,
            site: 'discuz',
            url: `https://bbs.example.cn/thread-${i}.html`,
            canonicalUrl: `https://bbs.example.cn/thread-${i}.html`,
            author: '网友',
            status: i % 4 === 0 ? 'closed' : 'claimed',
            capturedAt: t0 + i * 60_000,
            lastEventAt: t0 + i * 60_000,
            nextDeadlineAt: i % 4 === 0 ? null : t0 + ((i * 7919) % count) * 3_600_000,
            nextDeadlineStep: i % 4 === 0 ? null : 'investigation-report',
            nextStep: i % 4 === 0 ? null : 'investigation-report',
            overdue: 0,
            provisional: false,
          });
        }
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
        db.close();
      },
      { count: CASES },
    );
    const full: number[] = [];
    for (let i = 0; i < RUNS; i++) full.push(await firstPaint('[data-testid="case-row"]'));
    return [compared('sidepanel.10k-cases.first-paint', 'ms', median(full), 'the same panel with an empty log', median(empty), 'ratio ≥ 0.77 (within 1.3×)')];
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}
