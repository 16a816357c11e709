/**
 * The office's calendar adjustments as the officer types them in settings,
 * one per line:
 * ```
 * 2026-12-01 holiday 县庆          ← a local day off (also: 假日, 放假, 休)
 * 2026-12-05 workday 补班          ← a local working day (also: 工作日, 上班, 班)
 * # a comment
 * ```
 * All or nothing: a text with any unusable line is refused with every
 * problem, 1-based line and reason, in Chinese, and the adjustments in force
 * stay as they were (a saved impossible date used to make the calendar
 * ignore every adjustment). Refused: a malformed or impossible date
 * (2026-02-30), an unknown kind, a day declared both holiday and workday,
 * an over-long note, control characters and lone surrogates.
 */
import { parseChinaDay } from './china-date';

/** One adjustment, in the shape settings store (`CalendarOverrideSchema`). */
export interface OverrideLine {
  date: string;
  kind: 'holiday' | 'workday';
  note: string;
}

/** One problem of an adjustments text. */
export interface OverrideError {
  /** 1-based line the officer typed. */
  line: number;
  message: string;
}

/** Longest note kept with an adjustment (as settings allow). */
export const MAX_OVERRIDE_NOTE = 200;

const KINDS: Record<string, OverrideLine['kind']> = {
  holiday: 'holiday',
  假日: 'holiday',
  放假: 'holiday',
  休: 'holiday',
  workday: 'workday',
  工作日: 'workday',
  上班: 'workday',
  班: 'workday',
};

/** Parses the adjustments text; see the file header for what is refused. */
export function parseCalendarOverrides(
  text: string,
): { ok: true; value: OverrideLine[] } | { ok: false; errors: OverrideError[] } {
  const value: OverrideLine[] = [];
  const errors: OverrideError[] = [];
  const firstLineOf = new Map<string, { line: number; kind: OverrideLine['kind'] }>();
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    const content = raw.trim();
    if (content === '' || content.startsWith('#')) return;
    const unusable = unusableCharacter(content);
    if (unusable) {
      errors.push({ line, message: unusable });
      return;
    }
    const [date = '', kindWord = '', ...rest] = content.split(/\s+/);
    const note = rest.join(' ');
    try {
      parseChinaDay(date);
    } catch {
      errors.push({
        line,
        message: /^\d{4}-\d{2}-\d{2}$/.test(date) ? `没有这一天：${date}` : `日期“${date}”应写成 YYYY-MM-DD，例如 2026-12-01`,
      });
      return;
    }
    const kind = KINDS[kindWord.toLowerCase()];
    if (!kind) {
      errors.push({ line, message: `“${kindWord || '（空）'}”不是调整类型：应为 holiday（放假）或 workday（上班）` });
      return;
    }
    if (note.length > MAX_OVERRIDE_NOTE) {
      errors.push({ line, message: `说明太长（${note.length} 字，最多 ${MAX_OVERRIDE_NOTE} 字）` });
      return;
    }
    const earlier = firstLineOf.get(date);
    if (earlier && earlier.kind !== kind) {
      errors.push({ line, message: `${date} 在第 ${earlier.line} 行已定为${label(earlier.kind)}，不能同时是${label(kind)}` });
      return;
    }
    if (earlier) return; // the same adjustment twice: kept once
    firstLineOf.set(date, { line, kind });
    value.push({ date, kind, note });
  });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}

/** Writes adjustments back as the text `parseCalendarOverrides` reads (round trip). */
export function formatCalendarOverrides(overrides: readonly OverrideLine[]): string {
  return overrides.map((o) => `${o.date} ${o.kind} ${o.note}`.trim()).join('\n');
}

function label(kind: OverrideLine['kind']): string {
  return kind === 'holiday' ? '放假日' : '工作日';
}

function unusableCharacter(text: string): string | undefined {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x20 && unit !== 0x09) return `含有控制字符 U+${unit.toString(16).toUpperCase().padStart(4, '0')}`;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return '含有残缺的字符（孤立的代理项）';
      i++;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) return '含有残缺的字符（孤立的代理项）';
  }
  return undefined;
}
