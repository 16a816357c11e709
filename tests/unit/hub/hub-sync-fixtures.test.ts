// @vitest-environment node
/**
 * The extension's own sync files (tests/fixtures/sync, made by the desk's
 * export) pushed to the hub by their officers: read with the same
 * `parseSyncFile` as the office console, and the hub's SQL bulletin equals
 * the console's `quarterlyStats` over the merged files. The water-cut case
 * both officers claimed is kept as a conflict for the office to assign.
 * Each case row the console lists from the hub reads like the same case
 * imported from the same files into the console's own database.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { HubDatabase } from '../../../lib/hub/db';
import { addOfficer } from '../../../lib/hub/officers';
import { overrideStatsSql, quarterlyStatsSql } from '../../../lib/hub/reports';
import { overrideStats } from '../../../lib/classify';
import { officeBulletin } from '../../../lib/report/office-bulletin';
import { createHubServer } from '../../../lib/hub/server';
import { getBuiltInProfile } from '../../../lib/policy';
import { quarterlyStats } from '../../../lib/report';
import { mergeSyncFiles, parseSyncFile, type SyncFile } from '../../../lib/sync';
import { hubCaseItem, toItem } from '../../../components/case-list-item';
import { AppDB } from '../../../lib/db/app-db';
import { createTranslator } from '../../../lib/i18n';
import { HubCaseSchema } from '../../../lib/office-hub-client';
import { importSyncTexts } from '../../../lib/sync/import';
import { HUB_ENGINES, openTestHub, tableCounts } from './support';

const policy = getBuiltInProfile('xuancheng-2015')!;
const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../../fixtures/sync', name), 'utf8');
const LI_MING = fixture('officer-li-ming-zhujian.json');
const WANG_FANG = fixture('officer-wang-fang-binjiang.json');
const NOW = Date.parse('2024-10-15T12:00:00+08:00');
const Q3_2024 = { year: 2024, quarter: 3 } as const;

describe.each(HUB_ENGINES)('the extension’s sync files on the hub (%s)', (engine) => {
  let hub: HubDatabase;
  let app: FastifyInstance;
  let office: string;

  beforeAll(async () => {
    hub = await openTestHub(engine);
    app = createHubServer({ hub, policy, now: () => NOW });
    const li = (await addOfficer(hub.db, '李明', '市住建局', NOW)).token;
    const wang = (await addOfficer(hub.db, '王芳', '滨江街道办', NOW)).token;
    office = (await addOfficer(hub.db, '张主任', '市委网信办', NOW, 'office')).token;
    for (const [text, token] of [[LI_MING, li], [WANG_FANG, wang]] as const) {
      const response = await app.inject({
        method: 'POST',
        url: '/v1/sync-files',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        payload: text,
      });
      expect(response.statusCode).toBe(201);
    }
  }, 120_000);

  afterAll(async () => {
    await app.close();
    await hub.close();
  });

  it('stores both officers’ events once and keeps the competing claim on the water cut', async () => {
    const counts = await tableCounts(hub);
    const merged = mergeSyncFiles([LI_MING, WANG_FANG].map((text) => (parseSyncFile(text) as { value: SyncFile }).value));
    expect(counts.events).toBe(merged.events.length);
    expect(counts.imports).toBe(2);
    const conflicts = await app.inject({ url: '/v1/conflicts', headers: { authorization: `Bearer ${office}` } });
    expect(conflicts.json().conflicts).toEqual([expect.objectContaining({ kind: 'competing-claim' })]);
  });

  it('gives the console’s bulletin for the third quarter of 2024', async () => {
    const merged = mergeSyncFiles([LI_MING, WANG_FANG].map((text) => (parseSyncFile(text) as { value: SyncFile }).value));
    const fromSql = await quarterlyStatsSql(hub.db, policy, { quarter: Q3_2024, now: NOW });
    expect(fromSql).toEqual(quarterlyStats(merged.events, policy, { quarter: Q3_2024, now: NOW }));
    expect(fromSql.totals.cases).toBe(3);
  });

  it('gives the console’s 研判改判率 for the same quarter (assessed before suggestions were recorded)', async () => {
    const merged = mergeSyncFiles([LI_MING, WANG_FANG].map((text) => (parseSyncFile(text) as { value: SyncFile }).value));
    const counted = new Set(officeBulletin(merged.events, policy, { quarter: Q3_2024, now: NOW }).totals.captured.caseIds);
    const fromSql = await overrideStatsSql(hub.db, policy, { quarter: Q3_2024, now: NOW });
    expect(fromSql).toEqual(overrideStats(merged.events.filter((event) => event.at <= NOW && counted.has(event.caseId))));
    expect(fromSql.unrecorded).toBe(2);
  });

  it('lists each case with the same next step and deadline as the console that imported the same files', async () => {
    const t = createTranslator('zh_CN');
    const local = new AppDB(`hub-rows-${crypto.randomUUID()}`, { now: () => NOW });
    try {
      await importSyncTexts(local, [{ name: 'li.json', text: LI_MING }, { name: 'wang.json', text: WANG_FANG }], { now: NOW });
      const localRows = (await local.cases.toArray()).filter((row) => row.mergedInto === undefined).map((row) => toItem(row, NOW, t));
      const response = await app.inject({ url: '/v1/cases', headers: { authorization: `Bearer ${office}` } });
      const hubRows = (response.json() as { cases: unknown[] }).cases.map((row) => {
        const { conflict: _conflict, ...item } = hubCaseItem(HubCaseSchema.parse(row), NOW, t);
        return item;
      });
      const byId = (a: { caseId: string }, b: { caseId: string }) => a.caseId.localeCompare(b.caseId);
      expect(hubRows.sort(byId)).toEqual(localRows.sort(byId));
      // Not vacuous: the officers' open cases have a next step and a running deadline (no "无待办步骤").
      expect(hubRows).toHaveLength(3);
      expect(hubRows.filter((row) => row.status !== 'closed').every((row) => row.nextStepLabel && row.nextDeadlineAt)).toBe(true);
    } finally {
      local.close();
    }
  }, 60_000);
});
