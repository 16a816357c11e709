import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../lib/db/entities/settings';
import { getSettings, saveSettings } from '../../../lib/db/repos/settings';
import { freshDb } from './helpers';
import type { AppDB } from '../../../lib/db/app-db';

let db: AppDB;
afterEach(async () => {
  await db?.delete();
});

describe('settings', () => {
  it('start from the defaults (profile xuancheng-2015, Chinese, warnings at ½, ¾ and the limit)', async () => {
    db = freshDb();
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toMatchObject({ activeProfileId: 'xuancheng-2015', locale: 'zh_CN', warnAt: [0.5, 0.75, 1] });
  });

  it('save a patch and keep the other fields', async () => {
    db = freshDb();
    const saved = await saveSettings(db, {
      officerName: '王五',
      calendarOverrides: [{ date: '2024-06-10', kind: 'holiday', note: '本地调休' }],
    });
    expect(saved.ok).toBe(true);
    expect(await getSettings(db)).toEqual({
      ...DEFAULT_SETTINGS,
      officerName: '王五',
      calendarOverrides: [{ date: '2024-06-10', kind: 'holiday', note: '本地调休' }],
    });
  });

  it('refuse a bad patch with every error and change nothing', async () => {
    db = freshDb();
    await saveSettings(db, { officerName: '王五' });
    const result = await saveSettings(db, {
      locale: 'fr' as 'en',
      warnAt: [0.75, 0.5],
      calendarOverrides: [{ date: '2024/06/10', kind: 'holiday', note: '' }],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-input');
    expect(result.error.issues?.map((i) => i.path)).toEqual(
      expect.arrayContaining(['locale', 'warnAt', 'calendarOverrides.0.date']),
    );
    expect(await getSettings(db)).toEqual({ ...DEFAULT_SETTINGS, officerName: '王五' });
  });

  it('refuse unknown fields rather than storing them silently', async () => {
    db = freshDb();
    const result = await saveSettings(db, { theme: 'dark' } as never);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('fall back to the default for a damaged stored field instead of breaking the UI', async () => {
    db = freshDb();
    await db.settings.put({ ...DEFAULT_SETTINGS, id: 'settings', locale: 'klingon' as 'en', officerName: '赵六' });
    expect(await getSettings(db)).toEqual({ ...DEFAULT_SETTINGS, officerName: '赵六' });
  });
});
