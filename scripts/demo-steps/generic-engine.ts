/**
 * Demo steps of a forum engine no adapter knows (澜江社区, a Discourse-like
 * layout with its own class names): the generic post detector finds the
 * posts, and exactly the posts that name the city are flagged — not the
 * ones whose only link to the city is the poster's `IP属地：澜江市` label,
 * and nothing in the related-topics list beside the thread.
 */
import type { Page } from '@playwright/test';
import { COMMUNITY_FLAGGED_FLOORS } from '../../tests/demo-site/expected.ts';
import { COMMUNITY_POSTS } from '../../tests/demo-site/pages/community.ts';
import { DEMO_PATHS } from '../../tests/demo-site/routes.ts';
import { badgesIn, waitForFirstScan } from '../../tests/e2e/pages/closed-ui.ts';
import type { WalkthroughStep } from '../demo-walkthrough.ts';

/** The floors (1-based) whose post carries a capture badge. */
async function flaggedFloors(page: Page): Promise<number[]> {
  const out: number[] = [];
  for (let floor = 1; floor <= COMMUNITY_POSTS.length; floor++) {
    const badges = await badgesIn(page.locator(`.cm-post[data-floor="${floor}"]`));
    if (badges.length > 0) out.push(floor);
  }
  return out;
}

export const GENERIC_ENGINE_STEPS: WalkthroughStep[] = [
  {
    name: 'community-thread-generic',
    async run(ctx) {
      const response = await ctx.page.goto(ctx.url(DEMO_PATHS.communityThread));
      if (!response?.ok()) throw new Error(`${DEMO_PATHS.communityThread} answered ${response?.status() ?? 'nothing'}`);
      await waitForFirstScan(ctx.page, 15_000);
      const flagged = await flaggedFloors(ctx.page);
      if (flagged.join() !== COMMUNITY_FLAGGED_FLOORS.join()) {
        throw new Error(`flagged floors ${flagged.join()} — expected ${COMMUNITY_FLAGGED_FLOORS.join()} (the posts naming the city)`);
      }
      const related = await badgesIn(ctx.page.locator('aside.cm-related'), { withoutButtons: true });
      if (related.length > 0) throw new Error('the related-topics list was flagged as posts');
      await ctx.page.waitForTimeout(300); // highlight boxes are drawn in the next idle moment
      await ctx.screenshot('community-thread-generic-flagged');
      await ctx.screenshot('community-thread-generic', { fullPage: true });
    },
  },
];
