/** Replaying merged logs: order-independent, duplicates dropped, impossible events skipped and reported. */
import { describe, expect, it } from 'vitest';
import { recordEvent, replay, replayWithReport } from '../../../lib/cases';
import { CAPTURE, cst, logFor } from './helpers';

function fullLog() {
  const log = logFor();
  log.add('captured', '2024-03-04 09:00', CAPTURE);
  log.add('claimed', '2024-03-04 09:10', { department: '市住建局' });
  log.add('assessed', '2024-03-04 09:20', { tier: 'major', category: 'x', department: '市住建局' });
  log.add('reported', '2024-03-04 09:30', {});
  log.add('responded', '2024-03-05 09:00', { channel: '网站' });
  return log.events;
}

describe('replay', () => {
  it.each([
    ['in order', (e: ReturnType<typeof fullLog>) => e],
    ['reversed', (e: ReturnType<typeof fullLog>) => [...e].reverse()],
    ['shuffled', (e: ReturnType<typeof fullLog>) => [e[3], e[0], e[4], e[2], e[1]].filter((x) => x !== undefined)],
  ])('gives the same state whatever the arrival order (%s)', (_name, arrange) => {
    expect(replay(arrange(fullLog()))).toEqual(replay(fullLog()));
  });

  it('drops a duplicate event from two merged files and reports it', () => {
    const events = fullLog();
    const report = replayWithReport([...events, ...events.slice(0, 2)]);
    expect(report.state).toEqual(replay(events));
    expect(report.rejected.map((r) => r.error.code)).toEqual(['duplicate-event', 'duplicate-event']);
  });

  it('keeps the first claim when two departments claimed in merged logs, and reports the second', () => {
    const log = logFor();
    log.add('captured', '2024-03-04 09:00', CAPTURE);
    log.add('claimed', '2024-03-04 09:10', { department: '市住建局' });
    const late = log.add('claimed', '2024-03-04 09:15', { department: '市信访局' });
    const report = replayWithReport(log.events);
    expect(report.state?.claimedBy).toBe('市住建局');
    expect(report.rejected).toEqual([{ event: late, error: expect.objectContaining({ code: 'already-claimed' }) }]);
  });

  it('merges two officers capturing the same post into one case', () => {
    const log = logFor();
    log.add('captured', '2024-03-04 09:00', CAPTURE);
    log.add('captured', '2024-03-04 09:05', CAPTURE, '市信访局');
    expect(replay(log.events)).toMatchObject({ captureCount: 2, capture: { capturedAt: cst('2024-03-04 09:00') } });
  });

  it.each([
    ['an empty log', [] as ReturnType<typeof fullLog>, /empty/],
    ['a log without a capture', fullLog().slice(1), /no captured event/],
  ])('refuses %s', (_name, events, message) => {
    expect(() => replay(events)).toThrow(message);
  });
});

describe('recording an event from untrusted input', () => {
  it('validates, applies and returns the parsed event', () => {
    const result = recordEvent(undefined, {
      id: 'e1',
      caseId: 'c1',
      at: cst('2024-03-04 09:00'),
      actor: { officer: '张三', department: '市住建局' },
      type: 'captured',
      payload: CAPTURE,
    });
    expect(result.ok).toBe(true);
  });

  it.each([
    [{ type: 'claimed' }, 'id'],
    [{ id: 'e1', caseId: 'c1', at: 5, actor: { officer: 'a', department: 'b' }, type: 'claimed', payload: { department: 'x' } }, 'at'],
    [{ id: 'e1', caseId: 'c1', at: cst('2024-03-04 09:00'), actor: { officer: 'a', department: 'b' }, type: 'responded', payload: { channel: 'x', url: 'javascript:alert(1)' } }, 'payload.url'],
  ])('refuses malformed input %# with field paths', (input, path) => {
    const result = recordEvent(undefined, input);
    expect(result.ok).toBe(false);
    if (!result.ok && 'errors' in result) expect(result.errors.map((e) => e.path)).toContain(path);
    else throw new Error('expected field errors');
  });

  it('refuses an impossible event with the transition error', () => {
    const state = replay(fullLog().slice(0, 1));
    const result = recordEvent(state, {
      id: 'e9',
      caseId: 'case-1',
      at: cst('2024-03-04 10:00'),
      actor: { officer: '张三', department: '市住建局' },
      type: 'responded',
      payload: { channel: '网站' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-claimed' } });
  });
});
