/**
 * Page object for the demo Discuz thread pages (forum thread 1001, the
 * benchmark thread, the hostile page): locators by the stock Discuz DOM.
 */
import type { Locator, Page } from '@playwright/test';
import { DEMO_PATHS } from '../../demo-site/routes.ts';

/** A Discuz X desktop thread page of the demo site. */
export class DiscuzThreadPage {
  /** All floors: `#postlist > div#post_<pid>`. */
  readonly posts: Locator;
  readonly subject: Locator;
  readonly loadMoreButton: Locator;

  constructor(
    readonly page: Page,
    private readonly demoUrl: (path: string) => string,
  ) {
    this.posts = page.locator('#postlist > div[id^="post_"]');
    this.subject = page.locator('#thread_subject');
    this.loadMoreButton = page.locator('#load-more');
  }

  /** Opens a thread page (default: forum thread 1001) and waits for its first floor. */
  async goto(path: string = DEMO_PATHS.forumThread): Promise<void> {
    await this.page.goto(this.demoUrl(path));
    await this.posts.first().waitFor();
  }

  /** The floor container `div#post_<pid>`. */
  post(pid: number): Locator {
    return this.page.locator(`#post_${pid}`);
  }

  /** The floor body `td.t_f#postmessage_<pid>`. */
  body(pid: number): Locator {
    return this.page.locator(`#postmessage_${pid}`);
  }

  /** Clicks "加载更多回复" and waits until `expectedTotal` floors are in the list. */
  async loadMore(expectedTotal: number): Promise<void> {
    await this.loadMoreButton.click();
    await this.posts.nth(expectedTotal - 1).waitFor();
  }
}
