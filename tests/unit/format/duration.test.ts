import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../lib/i18n';
import { formatCountdown, formatDuration } from '../../../lib/format/duration';

const zh = createTranslator('zh_CN');
const en = createTranslator('en');
const MIN = 60_000;

describe('countdowns an officer reads at a glance', () => {
  it.each([
    [0, '0分钟'],
    [59 * MIN + 59_000, '59分钟'],
    [60 * MIN, '1小时0分'],
    [3 * 60 * MIN + 20 * MIN, '3小时20分'],
    [26 * 60 * MIN, '1天2小时'],
  ])('%i ms reads as %s', (ms, text) => {
    expect(formatDuration(ms, zh)).toBe(text);
  });

  it('says how long is left before the limit', () => {
    expect(formatCountdown(10 * 60 * MIN, 7 * 60 * MIN, zh)).toBe('剩余 3小时0分');
  });

  it('says by how much the limit was missed once it has passed', () => {
    expect(formatCountdown(0, 30 * MIN, zh)).toBe('超期 30分钟');
    expect(formatCountdown(0, 30 * MIN, en)).toBe('30 min overdue');
  });
});
