/**
 * Demo walk-through steps of sync to the office (issue 9): the officer's
 * encrypted export from the desk, the office console after importing it
 * with two officers' files (their competing claims wait for 指定认领), and
 * the quarterly bulletin's charts.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { WalkthroughStep } from '../demo-walkthrough.ts';

/** The office passphrase of the demo. */
const PASSPHRASE = '澜江办公室口令2026';
/** The two officers' exports in tests/fixtures/sync (made by the extension's own export). */
const OFFICER_FILES = ['officer-li-ming-zhujian', 'officer-wang-fang-binjiang'].map((name) =>
  fileURLToPath(new URL(`../../tests/fixtures/sync/${name}.json`, import.meta.url)),
);
const OFFICE_SIZE = { width: 1200, height: 1000 };

/** Where the desk's export is saved between the steps. */
let exported: string | undefined;

export const OFFICE_SYNC_STEPS: WalkthroughStep[] = [
  {
    name: 'sync-export',
    async run(ctx) {
      const desk = await ctx.openExtensionPage('sidepanel.html#settings', { width: 360, height: 900 });
      await desk.getByTestId('sync-scope-all').check();
      await desk.getByTestId('sync-passphrase').fill(PASSPHRASE);
      const downloading = desk.waitForEvent('download');
      await desk.getByTestId('sync-export-button').click();
      const download = await downloading;
      exported = join(mkdtempSync(join(tmpdir(), 'yuqing-demo-sync-')), download.suggestedFilename());
      await download.saveAs(exported);
      await desk.getByTestId('sync-export-message').filter({ hasText: '件舆情' }).waitFor();
      await desk.getByTestId('sync-export-message').scrollIntoViewIfNeeded();
      await ctx.screenshot('sync-export-encrypted', { page: desk });
      await desk.close();
    },
  },
  {
    name: 'office-console-after-import',
    async run(ctx) {
      if (!exported) throw new Error('the export step saved no file');
      const office = await ctx.openExtensionPage('office.html', OFFICE_SIZE);
      await office.getByTestId('import-passphrase').fill(PASSPHRASE);
      await office.getByTestId('import-files').setInputFiles([exported, ...OFFICER_FILES]);
      await office.getByTestId('import-row').nth(2).waitFor();
      await office.getByTestId('conflict-row').first().waitFor();
      await ctx.screenshot('office-console-after-import', { page: office });

      await office.getByTestId('bulletin-chart').scrollIntoViewIfNeeded();
      await office.waitForTimeout(500); // Chart.js animates the bars in
      await ctx.screenshot('office-bulletin-charts', { page: office });
      await office.close();
    },
  },
];
