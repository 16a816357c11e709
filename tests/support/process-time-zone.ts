import { afterAll, beforeAll } from 'vitest';

/**
 * Runs the enclosing `describe` with the process in time zone `zone` (Node
 * honours a changed TZ at once) and restores the previous zone afterwards:
 * answers about China time must not depend on the machine's zone.
 */
export function useProcessTimeZone(zone: string): void {
  const original = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });
}
