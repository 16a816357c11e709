// @vitest-environment node
// (Node's Blob survives fake-indexeddb's structured clone with its bytes; the package carries the screenshot.)
/**
 * The evidence package checks out with coreutils alone: `sha256sum -c`
 * passes on every file, the record's digests are the files' SHA-256, each
 * event's hash is its file's SHA-256, and the README says it is not a
 * notarial act.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { AppDB } from '../../../lib/db/app-db';
import { appendEvent, listEventsOfCase } from '../../../lib/db/repos/events';
import { exportEvidencePackage } from '../../../lib/db/repos/evidence-package';
import { saveSettings } from '../../../lib/db/repos/settings';
import { capturePost, type CaptureDeps } from '../../../lib/messaging/handlers/capture-post';
import { HOUR, note, T0 } from '../../fixtures/db/builders';

let db: AppDB | undefined;
let dir: string | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const PNG = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13]);

function deps(database: AppDB): CaptureDeps {
  let n = 0;
  return {
    db: database,
    now: () => T0,
    newId: () => `evt-${++n}`,
    extractFromTab: async () => {
      throw new Error('not used');
    },
    matchTerms: async () => ['白沙镇'],
    environment: async () => ({ tool: { name: '舆情助手', version: '0.1.0' }, browser: 'Chrome/140', os: 'win x86-64' }),
    threadCaseIdOf: async () => 'c-5f1e2d3c4b5a69788796a5b4',
    captureScreenshot: async () => new Blob([PNG], { type: 'image/png' }),
  };
}

const sha256sum = (cwd: string, ...files: string[]) =>
  execFileSync('sha256sum', files, { cwd, encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.split(/\s+/)[0]);

describe('the evidence package', () => {
  it('verifies with sha256sum alone: every file, every digest of the record, every event hash', async () => {
    db = new AppDB(`package-${crypto.randomUUID()}`);
    await saveSettings(db, { officerName: '李四', department: '白沙镇宣传办' });
    const text = '江北区白沙镇的锦江华府项目，2023年交的首付，到现在整整三年。';
    const captured = await capturePost(
      deps(db),
      {
        post: { site: 'discuz', postId: '23017', floor: 1, author: '白沙镇老陈', text, html: `<p>${text}</p>`, views: 12873, replies: 28 },
        page: { url: 'http://127.0.0.1:4173/forum/thread-1001-1-1.html?from=weixin', canonicalUrl: 'http://127.0.0.1:4173/forum/thread-1001-1-1.html', title: '锦江华府烂尾三年', siteName: '澜江论坛' },
        matchedTerms: [],
        snapshot: '<!DOCTYPE html>\n<html><body><script>track()</script><p>烂尾</p></body></html>',
      },
      { id: 1, windowId: 1 },
    );
    if (!captured.ok) throw new Error(captured.error.message);
    const caseId = captured.data.caseId;
    await appendEvent(db, note(caseId, T0 + HOUR, 'n1', '已转白沙镇核实'), { now: () => T0 });

    const exported = await exportEvidencePackage(db, caseId, { now: T0 + 2 * HOUR });
    if (!exported.ok) throw new Error(exported.error.message);
    expect(exported.data.fileName).toBe(`证据包-${caseId}-20240304.zip`);
    dir = mkdtempSync(join(tmpdir(), 'yq-package-'));
    for (const [path, bytes] of Object.entries(unzipSync(exported.data.zip))) {
      mkdirSync(join(dir, dirname(path)), { recursive: true });
      writeFileSync(join(dir, path), bytes);
    }

    const check = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
    expect(check.trim().split('\n').every((line) => line.endsWith(': OK'))).toBe(true);

    const folder = Object.keys(unzipSync(exported.data.zip)).find((p) => p.endsWith('/record.json'))!.replace('/record.json', '');
    const record = JSON.parse(strFromU8(unzipSync(exported.data.zip)[`${folder}/record.json`]!));
    const [content, postText, postHtml, snapshot, screenshot] = sha256sum(
      dir,
      `${folder}/content.json`,
      `${folder}/derived/post.txt`,
      `${folder}/derived/post.html`,
      `${folder}/original/dom-snapshot.html.txt`,
      `${folder}/original/screenshot.png`,
    );
    expect(record.digests).toEqual({
      algorithm: 'SHA-256',
      derived: { content, text: postText, html: postHtml },
      original: { snapshot, screenshot },
    });
    expect(record).toMatchObject({ officer: '李四', department: '白沙镇宣传办', url: 'http://127.0.0.1:4173/forum/thread-1001-1-1.html?from=weixin', capturedAtChina: '2024-03-04 09:00:00 (UTC+8)', post: { views: 12873 } });
    const [recordDigest] = sha256sum(dir, `${folder}/record.json`);
    expect(strFromU8(unzipSync(exported.data.zip)[`${folder}/record.txt`]!)).toContain(recordDigest);

    const events = await listEventsOfCase(db, caseId);
    const eventFiles = Object.keys(unzipSync(exported.data.zip)).filter((p) => p.startsWith('case/events/')).sort();
    expect(sha256sum(dir, ...eventFiles)).toEqual(events.map((e) => e.hash));

    const readme = strFromU8(unzipSync(exported.data.zip)['README.txt']!);
    expect(readme).toContain('不是公证文书');
    expect(readme).toContain('NOT a notarial act');
    expect(readme).toContain('sha256sum -c SHA256SUMS');
  });
});
