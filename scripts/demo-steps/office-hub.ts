/**
 * Demo steps: the office hub (办公室服务器). The walk-through starts a
 * throwaway hub (embedded PostgreSQL in memory, the same server as
 * `npm run office`) on a free loopback port, issues 李明's token and the
 * office's, then the demo's desk connects and pushes its captures
 * (上报至办公室), and the office console opens the hub and shows the cases,
 * the bulletin and the imports ledger from it. The hub stops after the steps.
 */
import { startThrowawayHub, type ThrowawayHub } from '../../lib/hub/throwaway.ts';
import type { WalkthroughStep } from '../demo-walkthrough.ts';

/** The demo's officer (the settings step signs the desk in as this officer). */
const OFFICER = { name: '李明', department: '澜江市住房和城乡建设局' };

let running: ThrowawayHub | undefined;
let officeToken = '';

export const OFFICE_HUB_STEPS: WalkthroughStep[] = [
  {
    name: 'office-hub-desk-push',
    async run(ctx) {
      running = await startThrowawayHub();
      const officer = await running.addOfficer(OFFICER.name, OFFICER.department);
      officeToken = (await running.addOfficer('张主任', '澜江市委网信办', 'office')).token;
      console.log(`  office hub (PGlite) at ${running.url}`);
      const panel = await ctx.openExtensionPage('sidepanel.html#settings', { width: 360, height: 900 });
      const section = panel.getByTestId('office-hub');
      await section.getByTestId('hub-url').fill(running.url);
      await section.getByTestId('hub-token').fill(officer.token);
      await section.getByTestId('hub-save').click();
      await section.getByTestId('hub-message').filter({ hasText: '令牌属于' }).waitFor();
      await section.getByTestId('hub-push').click();
      await section.locator('[data-testid="hub-status"][data-result="synced"]').waitFor({ timeout: 30_000 });
      const { events, cases } = await running.counts();
      if (events === 0) throw new Error('the hub received no events');
      console.log(`  the desk pushed ${String(events)} events (${String(cases)} cases) to the hub`);
      await section.scrollIntoViewIfNeeded();
      await ctx.screenshot('office-hub-desk-pushed', { page: panel });
      await panel.close();
    },
  },
  {
    name: 'office-hub-console',
    async run(ctx) {
      if (!running) throw new Error('no hub: the push step failed');
      try {
        const office = await ctx.openExtensionPage('office.html', { width: 1100, height: 1300 });
        const hub = office.getByTestId('office-hub-console');
        await hub.getByTestId('hub-console-url').fill(running.url);
        await hub.getByTestId('hub-console-token').fill(officeToken);
        await hub.getByTestId('hub-console-connect').click();
        await hub.getByTestId('hub-console-who').waitFor();
        await hub.getByTestId('hub-console-ledger').locator('tbody tr').first().waitFor();
        await ctx.screenshot('office-console-on-hub', { page: office });
        await office.close();
      } finally {
        await running.close();
        running = undefined;
      }
    },
  },
];
