/**
 * What the officer reads on the badge after pressing 采集 when things go
 * wrong: a background stopped mid-capture (the probe's "Chrome's raw
 * English error") and a refused capture are said in Chinese, in the
 * product's words.
 */
import { describe, expect, it } from 'vitest';
import { captureOutcome } from '../../../lib/content/start';
import { createTranslator } from '../../../lib/i18n';
import { captureFailedText } from '../../../lib/i18n/capture-failed';
import { fail, ok } from '../../../lib/messaging/result';

const zh = createTranslator('zh_CN');

describe('the badge after 采集', () => {
  it('says in Chinese that the background did not answer when the service worker was stopped mid-capture', async () => {
    const stopped = () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    const said = await captureOutcome(stopped, zh);
    expect(said).toBe('采集失败：舆情助手后台未响应（可能刚被浏览器停止或已更新）。请刷新本页后再点“采集”。');
    expect(String(said)).not.toMatch(/[A-Za-z]{4,}/);
  });

  it('passes on the background’s refusal in the officer’s words', async () => {
    const refused = () => Promise.resolve(fail<never>('invalid-input', '采集失败：网页标题过长（最多 500 字）。'));
    expect(await captureOutcome(refused, zh)).toBe('采集失败：网页标题过长（最多 500 字）。');
    const plain = () => Promise.resolve(fail<never>('unavailable', '无法读取该网页的内容'));
    expect(await captureOutcome(plain, zh)).toBe('采集失败：无法读取该网页的内容');
  });

  it('notes that the post joined its thread’s case, and says nothing after a plain capture', async () => {
    const joined = () => Promise.resolve(ok({ caseId: 't-1', created: true, joined: true, title: '停水三天没人管' }));
    expect(await captureOutcome(joined, zh)).toEqual({ note: zh('case_joined', '停水三天没人管') });
    const plain = () => Promise.resolve(ok({ caseId: 't-1', created: true, joined: false, title: '停水三天没人管' }));
    expect(await captureOutcome(plain, zh)).toBeUndefined();
  });

  it('reads the same in the notification after a capture from the context menu (no “采集失败：” twice)', () => {
    expect(captureFailedText('采集失败：网站名缺失（网页上没有找到）。', zh)).toBe('采集失败：网站名缺失（网页上没有找到）。');
    expect(captureFailedText('无法读取该网页的内容', zh)).toBe('采集失败：无法读取该网页的内容');
  });
});
