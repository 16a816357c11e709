import { describe, expect, it, vi } from 'vitest';
import { getStorageEstimate, requestPersistentStorage } from '../../../lib/db/repos/storage';

describe('storage safety', () => {
  it('reports usage and quota for the settings page', async () => {
    const manager = {
      estimate: vi.fn(async () => ({ usage: 1_000, quota: 10_000 })),
      persist: vi.fn(async () => true),
      persisted: vi.fn(async () => true),
    };
    expect(await getStorageEstimate(manager)).toEqual({ usage: 1_000, quota: 10_000, persisted: true });
  });

  it('answers nulls rather than failing where the browser gives no estimate', async () => {
    expect(await getStorageEstimate(undefined)).toEqual({ usage: null, quota: null, persisted: false });
  });

  it('asks for persistent storage once, and not again when already granted', async () => {
    const manager = { estimate: vi.fn(), persist: vi.fn(async () => true), persisted: vi.fn(async () => false) };
    expect(await requestPersistentStorage(manager)).toBe(true);
    expect(manager.persist).toHaveBeenCalledTimes(1);
    manager.persisted.mockResolvedValue(true);
    expect(await requestPersistentStorage(manager)).toBe(true);
    expect(manager.persist).toHaveBeenCalledTimes(1);
  });

  it('says false when the browser refuses or throws', async () => {
    const manager = { estimate: vi.fn(), persist: vi.fn(async () => Promise.reject(new Error('no'))), persisted: vi.fn(async () => false) };
    expect(await requestPersistentStorage(manager)).toBe(false);
  });
});
