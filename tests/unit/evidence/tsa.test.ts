// @vitest-environment node
// (a real HTTP server and openssl; pkijs on Node's WebCrypto)
/**
 * Trusted timestamps against a local TSA (OpenSSL's `ts -reply`): a capture
 * is stamped and the token verified on arrival; a capture made while the TSA
 * is unreachable waits and is stamped on the next run; an answer over
 * another digest, a replayed answer and one from a TSA the office does not
 * trust are refused; only cases of the named tiers are stamped; the token
 * verifies with `openssl ts -verify` alone.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AppDB } from '../../../lib/db/app-db';
import { appendEvent } from '../../../lib/db/repos/events';
import { listCapturedContents } from '../../../lib/db/repos/captured-content';
import { stampPendingEvidence } from '../../../lib/db/repos/timestamps';
import { recordFileText } from '../../../lib/evidence/record';
import { utf8Bytes } from '../../../lib/evidence/hash';
import { postTimestampRequest, timestampRequestOf, verifyTimestampResponse } from '../../../lib/evidence/tsa';
import { capturePost, type CaptureDeps } from '../../../lib/messaging/handlers/capture-post';
import { startLocalTsa, type LocalTsa } from '../../support/local-tsa';
import type { CaseEventInput } from '../../../lib/cases/events';
import { assessed, claimed, HOUR, T0 } from '../../fixtures/db/builders';

let tsa: LocalTsa;
let other: LocalTsa;
let db: AppDB | undefined;
beforeAll(async () => {
  [tsa, other] = await Promise.all([startLocalTsa(), startLocalTsa()]);
}, 60_000);
afterAll(async () => {
  await Promise.all([tsa?.close(), other?.close()]);
});
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

const stampDeps = { fetch: (url: string, init: RequestInit) => fetch(url, init), randomBytes: (n: number) => crypto.getRandomValues(new Uint8Array(n)) };
const DIGEST = 'a3f1c2d4e5b60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00';

function deps(database: AppDB, postId: string): CaptureDeps {
  return {
    db: database,
    now: () => T0,
    newId: () => `evt-${postId}`,
    extractFromTab: async () => {
      throw new Error('not used');
    },
    matchTerms: async () => [],
    environment: async () => ({ tool: { name: '舆情助手', version: '0.1.0' }, browser: 'Chrome/140', os: 'win x86-64' }),
    threadCaseIdOf: async () => `c-${postId}`,
    captureScreenshot: async () => undefined,
  };
}

async function capture(database: AppDB, postId: string) {
  const text = `澜江市白沙镇停水三天 ${postId}`;
  const result = await capturePost(
    deps(database, postId),
    { post: { site: 'discuz', postId, text, html: `<p>${text}</p>` }, page: { url: `https://bbs.example.cn/t-${postId}.html`, title: '停水' }, matchedTerms: [] },
    { id: 1 },
  );
  if (!result.ok) throw new Error(result.error.message);
  return result.data.caseId;
}

describe('RFC 3161 timestamps', () => {
  it('verifies a genuine answer and refuses one over another digest, a replay, and an untrusted TSA', async () => {
    const data = utf8Bytes('{"format":"yq-capture-record/1"}');
    const digest = Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', Uint8Array.from(data))), (b) => b.toString(16).padStart(2, '0')).join('');
    const request = timestampRequestOf(digest, crypto.getRandomValues(new Uint8Array(12)));
    const answer = await postTimestampRequest(stampDeps.fetch, tsa.url, request);
    if (!answer.ok) throw new Error(answer.error.message);
    const verified = await verifyTimestampResponse(answer.data, request, data, tsa.rootPem);
    expect(verified).toMatchObject({ ok: true });
    if (verified.ok) expect(Math.abs(verified.data.genTime - Date.now())).toBeLessThan(60_000);

    const elsewhere = timestampRequestOf(DIGEST, request.nonce);
    expect(await verifyTimestampResponse(answer.data, elsewhere, data, tsa.rootPem)).toMatchObject({ ok: false, error: { message: expect.stringContaining('摘要') } });
    const replayed = timestampRequestOf(digest, crypto.getRandomValues(new Uint8Array(12)));
    expect(await verifyTimestampResponse(answer.data, replayed, data, tsa.rootPem)).toMatchObject({ ok: false, error: { message: expect.stringContaining('nonce') } });
    expect(await verifyTimestampResponse(answer.data, request, data, other.rootPem)).toMatchObject({ ok: false, error: { message: expect.stringContaining('证书链') } });
  }, 60_000);

  it('queues captures made while the TSA is unreachable and stamps them once it answers; openssl verifies the token', async () => {
    db = new AppDB(`tsa-${crypto.randomUUID()}`);
    const config = { url: tsa.url, rootPem: tsa.rootPem, tiers: [] };
    tsa.setDown(true);
    await capture(db, 'p1');
    const offline = await stampPendingEvidence(db, config, stampDeps);
    expect(offline).toMatchObject({ stamped: [], pending: [expect.any(String)] });
    tsa.setDown(false);
    await capture(db, 'p2');
    const online = await stampPendingEvidence(db, config, stampDeps);
    expect(online.stamped).toHaveLength(2);
    expect(online.failed).toEqual([]);

    const [row] = await listCapturedContents(db, 'c-p1');
    expect(row!.timestamp?.tsaUrl).toBe(tsa.url);
    const dir = mkdtempSync(join(tmpdir(), 'yq-tsr-'));
    try {
      writeFileSync(join(dir, 'record.json'), recordFileText(row!.record!));
      writeFileSync(join(dir, 'record.tsr'), row!.timestamp!.response);
      const out = execFileSync('openssl', ['ts', '-verify', '-data', 'record.json', '-in', 'record.tsr', '-CAfile', tsa.rootPath], { cwd: dir, encoding: 'utf8' });
      expect(out).toContain('Verification: OK');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect((await stampPendingEvidence(db, config, stampDeps)).stamped).toEqual([]);
  }, 60_000);

  it('stamps only cases of the tiers the office names', async () => {
    db = new AppDB(`tsa-${crypto.randomUUID()}`);
    const major = await capture(db, 'p3');
    await capture(db, 'p4');
    const assessedMajor: CaseEventInput = { ...assessed(major), type: 'assessed', payload: { tier: 'major', category: 'livelihood', department: '澜江市住房和城乡建设局' } };
    for (const event of [claimed(major), assessedMajor]) {
      const appended = await appendEvent(db, event, { now: () => T0 + 2 * HOUR });
      if (!appended.ok) throw new Error(appended.error.message);
    }
    const run = await stampPendingEvidence(db, { url: tsa.url, rootPem: tsa.rootPem, tiers: ['especially-major', 'major'] }, stampDeps);
    expect(run.stamped.map((id) => id.split(':')[0])).toEqual([major]);
  }, 60_000);
});
