import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppDB } from '../../../lib/db/app-db';
import { getCase } from '../../../lib/db/repos/cases';
import { getCaseState, listEventsOfCase } from '../../../lib/db/repos/events';
import { getCapturedContent, listCapturedContents } from '../../../lib/db/repos/captured-content';
import { saveSettings } from '../../../lib/db/repos/settings';
import { handleCapturePost, type CaptureDeps } from '../../../lib/messaging/handlers/capture-post';
import { handleCaptureActivePage } from '../../../lib/messaging/handlers/capture-active-page';
import { ok, fail } from '../../../lib/messaging/result';
import type { CapturePostRequest } from '../../../lib/messaging/schemas';
import { T0 } from '../../fixtures/db/builders';

let db: AppDB;
afterEach(async () => {
  await db?.delete();
});

/** The browser the captures in these tests claim to run in. */
const ENVIRONMENT = { tool: { name: '舆情助手', version: '0.1.0' }, browser: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0', os: 'linux x86-64' };

const TAB = { id: 7, windowId: 3, url: 'https://bbs.example.cn/thread-1.html' };

function request(overrides: Partial<CapturePostRequest['post']> = {}): CapturePostRequest {
  return {
    post: {
      site: 'discuz',
      postId: 'pid-1',
      floor: 2,
      author: '网友甲',
      text: '澜江市某小区停水三天',
      html: '<p>澜江市某小区停水三天</p>',
      replies: 4,
      ...overrides,
    },
    page: { url: 'https://bbs.example.cn/thread-1.html?from=x', canonicalUrl: 'https://bbs.example.cn/thread-1.html', title: '停水三天没人管' },
    matchedTerms: ['澜江市', '停水'],
    rect: { x: 0, y: 100, width: 600, height: 200, devicePixelRatio: 2 },
  };
}

/** Event ids stay unique across the handlers a test builds, as `crypto.randomUUID` keeps them. */
let n = 0;
function deps(overrides: Partial<CaptureDeps> = {}): CaptureDeps {
  return {
    db,
    now: () => T0,
    newId: () => `evt-${++n}`,
    extractFromTab: vi.fn(async () => ok(request())),
    // The background matches the watch list itself; whatever the page claimed is ignored.
    matchTerms: async () => ['澜江市', '停水'],
    environment: async () => ENVIRONMENT,
    threadCaseIdOf: async (url) => `case:${url}`,
    captureScreenshot: vi.fn(async () => new Blob(['png'], { type: 'image/png' })),
    ...overrides,
  };
}

const CASE_ID = 'case:https://bbs.example.cn/thread-1.html';

describe('capturing a post from the content script', () => {
  it('stores the captured event, the case row and the evidence together', async () => {
    db = new AppDB(`capture-${crypto.randomUUID()}`);
    await saveSettings(db, { officerName: '李四', department: '宣传部' });
    const d = deps();
    const result = await handleCapturePost(d)({ postId: 'pid-1' }, { sender: { id: 'x' }, tab: TAB });
    expect(result).toEqual({ ok: true, data: { caseId: CASE_ID, created: true, joined: false, title: '停水三天没人管' } });

    const [event] = await listEventsOfCase(db, CASE_ID);
    expect(event).toMatchObject({
      type: 'captured',
      actor: { officer: '李四', department: '宣传部' },
      payload: { canonicalUrl: 'https://bbs.example.cn/thread-1.html', postId: 'pid-1', floor: 2, title: '停水三天没人管', matchedTerms: ['澜江市', '停水'], replies: 4 },
    });
    expect(await getCase(db, CASE_ID)).toMatchObject({ status: 'captured', title: '停水三天没人管' });
    const content = await getCapturedContent(db, CASE_ID);
    expect(content?.html).toBe('<p>澜江市某小区停水三天</p>');
    expect(content?.digest).toBe(event?.type === 'captured' ? event.payload.digest : 'missing');
    expect(content?.screenshot).toBeDefined();
    expect(d.captureScreenshot).toHaveBeenCalledWith(TAB, request().rect);
    expect(d.extractFromTab).toHaveBeenCalledWith(TAB, { mode: 'post', postId: 'pid-1' });
  });

  it('keeps one case when the same post is captured again: the same text stores nothing, an edited text is added beside it', async () => {
    db = new AppDB(`capture-${crypto.randomUUID()}`);
    await handleCapturePost(deps())({ postId: 'pid-1' }, { sender: {}, tab: TAB });
    const same = await handleCapturePost(deps())({ postId: 'pid-1' }, { sender: {}, tab: TAB });
    expect(same).toEqual({ ok: true, data: { caseId: CASE_ID, created: false, joined: false, title: '停水三天没人管' } });
    expect(await listEventsOfCase(db, CASE_ID)).toHaveLength(1);
    const edited = deps({ extractFromTab: async () => ok(request({ text: '澜江市某小区停水三天（已编辑）' })) });
    const again = await handleCapturePost(edited)({ postId: 'pid-1' }, { sender: {}, tab: TAB });
    expect(again).toEqual({ ok: true, data: { caseId: CASE_ID, created: false, joined: false, title: '停水三天没人管' } });
    expect((await listEventsOfCase(db, CASE_ID)).map((e) => e.type)).toEqual(['captured', 'evidence-added']);
    expect(await listCapturedContents(db, CASE_ID)).toHaveLength(2);
    expect((await getCaseState(db, CASE_ID))?.evidence.map((item) => item.excerpt)).toEqual(['澜江市某小区停水三天', '澜江市某小区停水三天（已编辑）']);
  });

  it('adds another floor of the same thread to its case ("已加入案件"), with no second case and no new clock', async () => {
    db = new AppDB(`capture-${crypto.randomUUID()}`);
    await handleCapturePost(deps())({ postId: 'pid-1' }, { sender: {}, tab: TAB });
    const floor4 = deps({
      now: () => T0 + 3_600_000,
      extractFromTab: async () => ok(request({ postId: 'pid-4', floor: 4, text: '四楼：澜江市这个小区的水到现在还没来' })),
    });
    const joined = await handleCapturePost(floor4)({ postId: 'pid-4' }, { sender: {}, tab: TAB });
    expect(joined).toEqual({ ok: true, data: { caseId: CASE_ID, created: false, joined: true, title: '停水三天没人管' } });
    expect(await db.cases.count()).toBe(1);
    const state = await getCaseState(db, CASE_ID);
    expect(state?.evidence.map((item) => [item.postId, item.floor])).toEqual([
      ['pid-1', 2],
      ['pid-4', 4],
    ]);
    // The claim clock runs from the first capture of the thread, not from the new floor.
    expect(state?.steps.captured).toBe(T0);
    expect((await getCase(db, CASE_ID))?.evidenceCount).toBe(2);
  });

  it('still captures when the screenshot cannot be taken', async () => {
    db = new AppDB(`capture-${crypto.randomUUID()}`);
    const handler = handleCapturePost(deps({ captureScreenshot: async () => Promise.reject(new Error('no permission')) }));
    expect((await handler({ postId: 'pid-1' }, { sender: {}, tab: TAB })).ok).toBe(true);
    expect((await getCapturedContent(db, CASE_ID))?.screenshot).toBeUndefined();
    expect((await getCapturedContent(db, CASE_ID))?.notes).toEqual(['未留截图：浏览器拒绝截图（例如该网页不允许扩展截图）。']);
  });

  it('records why the screenshot is missing when the officer had switched to another tab, and stores no image', async () => {
    db = new AppDB(`capture-${crypto.randomUUID()}`);
    const handler = handleCapturePost(deps({ captureScreenshot: async () => ({ missing: 'tab-hidden' as const }) }));
    expect((await handler({ postId: 'pid-1' }, { sender: {}, tab: TAB })).ok).toBe(true);
    const content = await getCapturedContent(db, CASE_ID);
    expect(content?.screenshot).toBeUndefined();
    expect(content?.notes).toEqual(['未留截图：截图时帖子所在的标签页不在前台（已切换到其他标签页），为免截到别的网页而放弃。']);
  });

  it('captures a post with a 6 MB pasted photo: the text whole, the photo left out, and a note saying so', async () => {
    db = new AppDB(`capture-${crypto.randomUUID()}`);
    const photo = `data:image/jpeg;base64,${'/9j/'.repeat(1_500_000)}`; // 6,000,000 base64 characters
    const html = `<p>澜江市某小区停水三天</p><p><img src="${photo}" alt="现场照片"></p>`;
    const handler = handleCapturePost(deps({ extractFromTab: async () => ok(request({ html })) }));
    expect(await handler({ postId: 'pid-1' }, { sender: {}, tab: TAB })).toEqual({ ok: true, data: { caseId: CASE_ID, created: true, joined: false, title: '停水三天没人管' } });
    const content = await getCapturedContent(db, CASE_ID);
    expect(content?.text).toBe('澜江市某小区停水三天');
    expect(content?.html).toBe('<p>澜江市某小区停水三天</p><p><img src="" alt="现场照片"></p>');
    expect(content?.notes).toEqual(['帖子过大（6.0 MB，上限 5.0 MB）：1 张内嵌图片（共 6.0 MB）未保存，正文文字照常保存。']);
  });

  it('signs with placeholders when the officer has not filled in settings, rather than losing the capture', async () => {
    db = new AppDB(`capture-${crypto.randomUUID()}`);
    await handleCapturePost(deps())({ postId: 'pid-1' }, { sender: {}, tab: TAB });
    expect((await listEventsOfCase(db, CASE_ID))[0]?.actor).toEqual({ officer: '未填写姓名', department: '未填写部门' });
  });
});

describe('capturing the active page from the popup', () => {
  it('asks the tab to extract the selection, validates the answer and stores it', async () => {
    db = new AppDB(`capture-${crypto.randomUUID()}`);
    const extractFromTab = vi.fn(async () => ok(request()));
    const handler = handleCaptureActivePage({ ...deps(), findTab: async () => TAB, extractFromTab });
    expect(await handler({ selectionOnly: true })).toEqual({ ok: true, data: { caseId: CASE_ID } });
    expect(extractFromTab).toHaveBeenCalledWith(TAB, { mode: 'selection' });
  });

  it('refuses a malformed extraction from the page and stores nothing', async () => {
    db = new AppDB(`capture-${crypto.randomUUID()}`);
    const bad = { ...request(), page: { url: 'javascript:alert(1)', title: 'x' } };
    const handler = handleCaptureActivePage({ ...deps(), findTab: async () => TAB, extractFromTab: async () => ok(bad) });
    expect(await handler({})).toMatchObject({ ok: false, error: { code: 'invalid-input', issues: [{ path: 'page.url' }] } });
    expect(await db.events.count()).toBe(0);
  });

  it('says in the officer’s words which part of the post could not be taken, and stores nothing', async () => {
    db = new AppDB(`capture-${crypto.randomUUID()}`);
    const bad = { ...request({ postId: `pid-${'9'.repeat(300)}` }), page: { url: 'javascript:alert(1)', title: '标'.repeat(600) } };
    const handler = handleCaptureActivePage({ ...deps(), findTab: async () => TAB, extractFromTab: async () => ok(bad) });
    const answer = await handler({});
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.message).toBe('采集失败：帖子编号过长（最多 200 字）；网页地址不正确（须为 http(s) 地址）；网页标题过长（最多 500 字）。');
    expect(answer.error.issues?.map((issue) => issue.path)).toEqual(['post.postId', 'page.url', 'page.title']);
    expect(await db.events.count()).toBe(0);
  });

  it('gives a plain Chinese reason, not zod’s English, for a missing, empty or mistyped part; the technical detail goes to the log', async () => {
    db = new AppDB(`capture-${crypto.randomUUID()}`);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { site: _site, ...withoutSite } = request().post;
    // What a broken site adapter might hand over: no site name, a negative floor, the reply count as text.
    const bad = { ...request(), post: { ...withoutSite, replies: '4条回复', floor: -1 } } as unknown as CapturePostRequest;
    const handler = handleCaptureActivePage({ ...deps(), findTab: async () => TAB, extractFromTab: async () => ok(bad) });
    const answer = await handler({});
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.message).toBe('采集失败：网站名缺失（网页上没有找到）；楼层不能小于 0；回复数格式不对。');
    expect(answer.error.message).not.toMatch(/[A-Za-z]/);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('capture refused'), expect.arrayContaining([expect.objectContaining({ path: ['post', 'site'] })]));
    expect(await db.events.count()).toBe(0);
    warn.mockRestore();
  });

  it('passes on the capture script refusal, and says when there is no tab', async () => {
    db = new AppDB(`capture-${crypto.randomUUID()}`);
    const refusing = handleCaptureActivePage({
      ...deps(),
      findTab: async () => TAB,
      extractFromTab: async () => fail('not-found', '页面上没有可采集的内容'),
    });
    expect(await refusing({})).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const noTab = handleCaptureActivePage({ ...deps(), findTab: async () => undefined, extractFromTab: async () => ok(request()) });
    expect(await noTab({})).toMatchObject({ ok: false, error: { code: 'no-tab' } });
  });

  it('refuses to capture a browser page that is not on the web', async () => {
    db = new AppDB(`capture-${crypto.randomUUID()}`);
    const extractFromTab = vi.fn(async () => ok(request()));
    const handler = handleCaptureActivePage({ ...deps(), findTab: async () => ({ ...TAB, url: 'chrome://settings/' }), extractFromTab });
    expect(await handler({})).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(extractFromTab).not.toHaveBeenCalled();
  });
});
