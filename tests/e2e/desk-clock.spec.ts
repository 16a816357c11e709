/**
 * One case of the Xuancheng profile walked through every step with the
 * desk's clock moving across 中秋 and its weekend (2026-09-25…27), 国庆
 * (10-01…07) and the 调休 working Saturday 10-10; every deadline the case
 * page shows (target and limit) is checked against lib/calendar.
 *
 * Who stamps what: the desk stamps every action it records with the side
 * panel's own clock (`Date.now()` in the page, see CaseScreen), which
 * Playwright's `page.clock` controls. A capture is stamped by the service
 * worker, whose clock Playwright cannot move, so the case arrives the way a
 * colleague's capture does: in a sync file (built by lib/sync as the
 * extension builds it), imported in the office console of the same browser
 * (same database). The Xuancheng clocks start at 认领 (its claim window is
 * empty), so every deadline below runs on the panel's controlled clock.
 *
 * The expected targets and limits come from lib/calendar run by
 * tests/e2e/oracles/xuancheng-clock.ts under tsx (Playwright's loader
 * cannot import the calendar's bundled JSON). They are compared with the
 * epoch ms each deadline row carries (`data-limit`, `data-target`) and with
 * the China time its text shows (under `page.clock` the text once read 8
 * hours late, see tests/unit/format/china-time-fake-clock.test.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { SidePanel } from './pages/side-panel.ts';
import type { CaseEvent } from '../../lib/cases/events.ts';

const OFFICER = { name: '李明', department: '宣城市住房和城乡建设局' } as const;
const COLLEAGUE = { officer: '王芳', department: '宣城市信息办' } as const;
const SHOTS = process.env.ISSUE12_SHOTS;
const china = (local: string) => Date.parse(`${local}+08:00`);
const CASE_ID = 't-xuancheng-clock-walk';
/** "2026-10-09 23:59": how the desk writes an instant, in China time to the minute. */
const chinaText = (epochMs: number) => new Date(epochMs + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** The colleague's capture, Thursday 2026-09-24 15:00, the day before 中秋. */
function colleagueCapture(): CaseEvent {
  return {
    id: 'clock-walk-captured',
    caseId: CASE_ID,
    at: china('2026-09-24T15:00'),
    actor: COLLEAGUE,
    type: 'captured',
    payload: {
      url: 'https://bbs.example.cn/thread-9001-1-1.html',
      canonicalUrl: 'https://bbs.example.cn/thread-9001-1-1.html',
      site: 'discuz',
      siteName: '宣城论坛',
      postId: 'pid-9001',
      floor: 1,
      title: '宣城市某小区地下车库渗水，物业推诿',
      author: '业主老张',
      excerpt: '小区地下车库渗水半年，找物业和住建局都说不归自己管。',
      matchedTerms: ['宣城市', '住建局'],
      digest: 'a'.repeat(64),
    },
  } as CaseEvent;
}

/** When each clock of the profile started, as the walk records it. */
type Starts = Partial<Record<'claimed' | 'investigation-report', number>>;

/** What lib/calendar (and lib/sync) answer for the walk: see tests/e2e/oracles/xuancheng-clock.ts. */
interface Oracle {
  rules: { label: string; step: string; from: string; limit?: number; target?: number }[];
  days: Record<string, { working: boolean; provisional: boolean }>;
  sync: unknown;
}

function askCalendar(starts: Starts, days: string[] = []): Oracle {
  const input = {
    starts,
    days,
    sync: { exporter: COLLEAGUE, exportedAt: china('2026-09-24T15:30'), since: null, events: [colleagueCapture()], evidence: [] },
  };
  const out = execFileSync('npx', ['tsx', 'tests/e2e/oracles/xuancheng-clock.ts', JSON.stringify(input)], { encoding: 'utf8' });
  return JSON.parse(out) as Oracle;
}

/**
 * Every deadline row shown: its rule (by label), its limit equal to
 * lib/calendar's from the recorded start (or the granted limit), and its
 * target when the document sets one (Xuancheng sets none: no 力争 shown).
 * Answers the labels checked.
 */
async function checkShownDeadlines(page: Page, starts: Starts, granted?: { step: string; limit: number }): Promise<string[]> {
  const { rules } = askCalendar(starts);
  const checked: string[] = [];
  for (const row of await page.getByTestId('deadline').all()) {
    const label = (await row.locator('strong').textContent())!.trim();
    const rule = rules.find((r) => r.label === label);
    expect(rule, `a deadline of the Xuancheng profile: ${label}`).toBeDefined();
    expect(rule!.limit, `${label} starts at ${rule!.from}`).toBeDefined();
    const sub = row.locator('.sub');
    const isGranted = granted && (await row.getAttribute('data-step')) === granted.step && (await sub.textContent())!.includes('已延期');
    const limit = isGranted ? granted.limit : rule!.limit!;
    await expect(row, label).toHaveAttribute('data-limit', String(limit));
    await expect(sub, label).toContainText(`时限 ${chinaText(limit)}`);
    if (rule!.target !== undefined) {
      await expect(row, label).toHaveAttribute('data-target', String(rule!.target));
      await expect(sub, label).toContainText(chinaText(rule!.target));
    }
    else await expect(sub, `${label} has no 力争 in the document`).not.toContainText('力争');
    checked.push(label);
  }
  return checked;
}

test('a Xuancheng case walked through every step across 中秋, 国庆 and the 调休 Saturday shows the deadlines lib/calendar computes', async ({
  openExtensionPage,
}) => {
  test.setTimeout(180_000);
  // The walk crosses what it says it crosses (read from the calendar, not assumed).
  const crossed = ['2026-09-25', '2026-09-26', '2026-09-27', '2026-10-01', '2026-10-07', '2026-10-10'];
  const { days, sync } = askCalendar({}, crossed);
  expect(crossed.map((d) => days[d]!.working)).toEqual([false, false, false, false, false, true]);
  expect(crossed.some((d) => days[d]!.provisional)).toBe(false);
  expect(new Date(china('2026-10-10T12:00')).getUTCDay()).toBe(6);

  // The colleague's capture arrives through the office console (same browser, same database).
  const office = await openExtensionPage('office.html', { width: 1200, height: 900 });
  await office.clock.setFixedTime(china('2026-09-24T16:00'));
  await office.reload();
  const dir = test.info().outputPath('sync');
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/colleague.json`, JSON.stringify(sync));
  await office.getByTestId('import-files').setInputFiles(`${dir}/colleague.json`);
  await expect(office.getByTestId('import-row')).toContainText('已导入');
  await office.close();

  // The desk, on a clock the test moves.
  const page = await openExtensionPage('sidepanel.html');
  await page.clock.setFixedTime(china('2026-09-24T16:20'));
  await page.reload();
  const panel = new SidePanel(page);
  await panel.signIn(OFFICER.name, OFFICER.department);
  await panel.row('地下车库渗水').click();
  const starts: Starts = {};
  const at = async (local: string) => {
    await page.clock.setFixedTime(china(local));
    // The page's second tick reads the new time.
    await expect(page.getByTestId('case-detail')).toBeVisible();
  };

  // Thursday 16:30, the eve of 中秋: 认领 starts the report (2 hours), investigation (5 working days) and extension-request (3) clocks.
  await at('2026-09-24T16:30');
  await panel.act('claimed');
  starts.claimed = china('2026-09-24T16:30');
  const afterClaim = await checkShownDeadlines(page, starts);
  expect(afterClaim).toEqual(expect.arrayContaining(['核实调查报告', '延期申请(书面,向市信息办)']));
  // 5 working days from Thursday skip 中秋 with its weekend and all of 国庆: Monday 9-28 … Friday 10-09.
  await expect(page.locator('[data-step="investigation-report"]')).toHaveAttribute('data-limit', String(china('2026-10-09T23:59:59.999')));

  await at('2026-09-24T17:00');
  await panel.act('assessed');
  await checkShownDeadlines(page, starts);
  await at('2026-09-24T17:30');
  await panel.act('reported');
  await checkShownDeadlines(page, starts);

  // Monday after 中秋: the written report; Tuesday: an extension is asked, Wednesday granted to Monday 10-12 17:00.
  await at('2026-09-28T09:00');
  await panel.act('written-report');
  await checkShownDeadlines(page, starts);
  await at('2026-09-29T10:00');
  await panel.act('extension-requested', (form) => form.locator('textarea[name="text"]').fill('涉及开发商与物业两方，需延期核实'));
  await checkShownDeadlines(page, starts);
  await at('2026-09-30T10:00');
  await panel.act('extension-granted', (form) => form.locator('input[name="newLimit"]').fill('2026-10-12T17:00'));
  await checkShownDeadlines(page, starts, { step: 'investigation-report', limit: china('2026-10-12T17:00') });

  // Friday 10-09, after 国庆: the investigation report starts the reply clock (3 working days), which counts the 调休 Saturday.
  await at('2026-10-09T15:00');
  await panel.act('investigation-report', (form) => form.locator('textarea[name="text"]').fill('经核实，渗水系地下室防水层老化，已责成物业维修'));
  starts['investigation-report'] = china('2026-10-09T15:00');
  const afterReport = await checkShownDeadlines(page, starts, { step: 'investigation-report', limit: china('2026-10-12T17:00') });
  expect(afterReport.some((label) => label.startsWith('回应'))).toBe(true);
  // Saturday 10-10 is a working day: 10-10, 10-12, 10-13 (without it the limit would be 10-14).
  await expect(page.locator('[data-step="reply"]')).toHaveAttribute('data-limit', String(china('2026-10-13T23:59:59.999')));
  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/clock-walk-deadlines.png`, fullPage: true });
  }

  // The working Saturday: the reply, then the follow-up and 办结 on the next working days.
  await at('2026-10-10T10:00');
  await panel.act('responded', async (form: Locator) => {
    await form.locator('input[name="channel"]').fill('市政府网站“政民互动”平台网络新闻发言人版块');
    await form.locator('input[name="url"]').fill('https://www.xuancheng.gov.cn/reply/9001');
  });
  await checkShownDeadlines(page, starts, { step: 'investigation-report', limit: china('2026-10-12T17:00') });
  await at('2026-10-12T09:00');
  await panel.act('follow-up');
  await at('2026-10-13T09:00');
  await panel.act('closed');
  await expect(panel.detail.locator('.badge').first()).toHaveText('已办结');
  // Every step met in time: none shows as missed.
  for (const row of await page.getByTestId('deadline').all()) await expect(row).not.toHaveAttribute('data-status', /overdue|met-late/);
  for (const step of ['认领', '研判', '上报', '书面报告', '延期申请', '批准延期', '核实调查报告', '回应', '跟踪', '办结']) {
    await expect(panel.detail).toContainText(`${step} · `);
  }
});
