/**
 * Our reading of the bundled notices must agree with chinese-days' own
 * isWorkday on every covered day, checked where the package is reliable
 * (TZ=UTC; it shifts by a day west of UTC, which is why we do not call it).
 * The package is loaded only after TZ is set: its answers depend on the
 * zone in effect when it was loaded, not only on the current one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatChinaDay, isWorkingDay, parseChinaDay } from '../../../lib/calendar';

describe('agreement with chinese-days on its own data', () => {
  const original = process.env.TZ;
  let isWorkday: (day: string) => boolean;
  beforeAll(async () => {
    process.env.TZ = 'UTC';
    isWorkday = (await import('chinese-days')).default.isWorkday;
  });
  afterAll(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it('every day from 2004-01-01 to 2026-12-31 has the same working/rest answer', () => {
    const disagreements: string[] = [];
    for (let day = parseChinaDay('2004-01-01'); day <= parseChinaDay('2026-12-31'); day++) {
      const text = formatChinaDay(day);
      if (isWorkingDay(text) !== isWorkday(text)) disagreements.push(text);
    }
    // The one day we correct (R13): the package misses the 2005-12-31 make-up day of the 2006 notice.
    expect(disagreements).toEqual(['2005-12-31']);
  });
});
