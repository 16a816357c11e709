/**
 * Evidence that others can check, end to end: with the office's TSA (a
 * local OpenSSL TSA) configured, a post captured in the page is stamped in
 * the background, its extraction record shows on the case page, 校验 passes,
 * and the exported package verifies in a shell with sha256sum and openssl
 * alone — every file, every digest of the record, and the timestamp token.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { FORUM_FLAGGED_PIDS } from '../demo-site/expected.ts';
import { startLocalTsa, type LocalTsa } from '../support/local-tsa.ts';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { DiscuzThreadPage } from './pages/discuz-thread-page.ts';
import { SidePanel } from './pages/side-panel.ts';
import { badgeText, clickBadgeButton } from './pages/closed-ui.ts';

let tsa: LocalTsa;
test.beforeAll(async () => {
  tsa = await startLocalTsa();
});
test.afterAll(async () => {
  await tsa?.close();
});

/** The office's TSA setting, written into the extension's settings row (there is no form for it yet). */
async function configureTsa(page: Page, config: { url: string; rootPem: string; tiers: string[] }) {
  await page.evaluate(async (tsaConfig) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('yuqing-assistant');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction('settings', 'readwrite');
    const store = tx.objectStore('settings');
    const row = await new Promise<Record<string, unknown>>((resolve) => {
      const get = store.get('settings');
      get.onsuccess = () => resolve(get.result as Record<string, unknown>);
    });
    store.put({ ...row, tsa: tsaConfig });
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  }, config);
}

/** Verifies an unzipped package with coreutils and openssl only; answers the shell's output. */
function verifyInShell(dir: string): string {
  const script = `
set -eu
sha256sum -c SHA256SUMS
for folder in evidence/*/; do
  for file in content.json derived/post.txt derived/post.html original/dom-snapshot.html.txt original/screenshot.png; do
    digest=$(sha256sum "$folder$file" | cut -d' ' -f1)
    grep -q "\\"$digest\\"" "$folder"record.json || { echo "digest of $folder$file not in its record"; exit 1; }
  done
  grep -q "$(sha256sum "$folder"record.json | cut -d' ' -f1)" "$folder"record.txt
  openssl ts -verify -data "$folder"record.json -in "$folder"record.tsr -CAfile tsa/tsa-root.pem
done
`;
  return execFileSync('sh', ['-c', script], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

test('a stamped capture exports a package that sha256sum and openssl verify without the extension', async ({ page, demoUrl, openExtensionPage }) => {
  const panel = new SidePanel(await openExtensionPage('sidepanel.html', { width: 480, height: 1400 }));
  await panel.signIn('李明', '澜江市住房和城乡建设局');
  await configureTsa(panel.page, { url: tsa.url, rootPem: tsa.rootPem, tiers: [] });

  const thread = new DiscuzThreadPage(page, demoUrl);
  await thread.goto();
  // The officer captures in the tab in front: the screenshot is only taken of the shown tab.
  await page.bringToFront();
  const pid = FORUM_FLAGGED_PIDS[0]!;
  await clickBadgeButton(thread.body(pid), '采集');
  await expect.poll(() => badgeText(thread.body(pid))).toContain('已采集');
  await expect.poll(() => tsa.answered(), { timeout: 20_000 }).toBeGreaterThan(0);

  await panel.rows.first().click();
  const record = panel.page.getByTestId('capture-record');
  await expect(record).toContainText('提取笔录');
  await expect(record).toContainText('李明（澜江市住房和城乡建设局）');
  await expect(record).toContainText('(UTC+8)');
  await expect(record).not.toContainText('未加盖');
  await panel.page.getByTestId('verify-log').click();
  await expect(panel.page.getByTestId('verify-result')).toHaveAttribute('data-ok', 'true');
  await record.scrollIntoViewIfNeeded();
  await panel.page.screenshot({ path: test.info().outputPath('case-record.png'), fullPage: true });

  const [download] = await Promise.all([panel.page.waitForEvent('download'), panel.page.getByTestId('export-package').click()]);
  const dir = mkdtempSync(join(tmpdir(), 'yq-e2e-package-'));
  try {
    const zipPath = join(dir, 'package.zip');
    await download.saveAs(zipPath);
    expect(download.suggestedFilename()).toMatch(/^证据包-t-[0-9a-f]+-\d{8}\.zip$/);
    const unpacked = join(dir, 'unpacked');
    for (const [path, bytes] of Object.entries(unzipSync(readFileSync(zipPath)))) {
      mkdirSync(join(unpacked, dirname(path)), { recursive: true });
      writeFileSync(join(unpacked, path), bytes);
    }
    const out = verifyInShell(unpacked);
    expect(out).toContain('Verification: OK');
    expect(out).not.toContain('FAILED');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
