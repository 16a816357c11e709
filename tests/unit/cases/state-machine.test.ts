/** The case state machine: what each event does, and which transitions are refused. */
import { describe, expect, it } from 'vitest';
import { applyEvent, replay, type CaseEvent, type CaseState } from '../../../lib/cases';
import { CAPTURE, cst, logFor } from './helpers';

function stateOf(events: CaseEvent[]): CaseState {
  return replay(events);
}

describe('a case walked through the whole procedure', () => {
  it('records who did what and when, step by step', () => {
    const log = logFor();
    log.add('captured', '2024-09-09 09:00', CAPTURE);
    log.add('claimed', '2024-09-09 09:30', { department: '市住建局', level: 'city' });
    log.add('assessed', '2024-09-09 10:00', { tier: 'general', category: 'petition', department: '市住建局', flags: ['high-attention'], reasons: ['停水'] });
    log.add('reported', '2024-09-09 11:00', { channel: 'oral' });
    log.add('written-report', '2024-09-09 15:00', {});
    log.add('investigation-report', '2024-09-13 16:00', { summary: '已恢复供水', truthful: true });
    log.add('responded', '2024-09-18 10:00', { channel: '政民互动', url: 'https://www.example.gov.cn/reply/1' });
    log.add('follow-up', '2024-09-20 10:00', { result: 'stable' });
    log.add('closed', '2024-09-20 11:00', {});
    const state = stateOf(log.events);
    expect(state).toMatchObject({
      caseId: 'case-1',
      status: 'closed',
      capture: { title: CAPTURE.title, canonicalUrl: CAPTURE.canonicalUrl, digest: CAPTURE.digest, capturedAt: cst('2024-09-09 09:00') },
      claimedBy: '市住建局',
      claimedAt: cst('2024-09-09 09:30'),
      claimLevel: 'city',
      assigned: false,
      tier: 'general',
      category: 'petition',
      department: '市住建局',
      flags: ['high-attention'],
      investigation: { summary: '已恢复供水', truthful: true },
      responses: [{ kind: 'reply', channel: '政民互动', url: 'https://www.example.gov.cn/reply/1', at: cst('2024-09-18 10:00') }],
      followUps: [{ at: cst('2024-09-20 10:00'), result: 'stable' }],
      closedAt: cst('2024-09-20 11:00'),
      eventCount: 9,
      firstAt: cst('2024-09-09 09:00'),
      lastAt: cst('2024-09-20 11:00'),
    });
    expect(state.steps).toMatchObject({
      reported: cst('2024-09-09 11:00'),
      written: cst('2024-09-09 15:00'),
      'investigation-report': cst('2024-09-13 16:00'),
      responded: cst('2024-09-18 10:00'),
    });
  });

  it.each<[string, CaseState['status']]>([
    ['captured', 'captured'],
    ['claimed', 'claimed'],
    ['assessed', 'assessed'],
    ['reported', 'reported'],
    ['investigation-report', 'investigated'],
    ['responded', 'responded'],
    ['closed', 'closed'],
  ])('after %s the status is %s', (last, status) => {
    const log = logFor();
    const steps: [string, () => void][] = [
      ['captured', () => log.add('captured', '2024-03-04 09:00', CAPTURE)],
      ['claimed', () => log.add('claimed', '2024-03-04 09:10', { department: '市住建局' })],
      ['assessed', () => log.add('assessed', '2024-03-04 09:20', { tier: 'general', category: 'x', department: '市住建局' })],
      ['reported', () => log.add('reported', '2024-03-04 09:30', {})],
      ['investigation-report', () => log.add('investigation-report', '2024-03-05 09:00', { summary: '核实' })],
      ['responded', () => log.add('responded', '2024-03-06 09:00', { channel: '网站' })],
      ['closed', () => log.add('closed', '2024-03-07 09:00', {})],
    ];
    for (const [name, add] of steps) {
      add();
      if (name === last) break;
    }
    expect(stateOf(log.events).status).toBe(status);
  });

  it('an assignment by the coordinating office counts as an (assigned) claim', () => {
    const log = logFor();
    log.add('captured', '2024-03-04 09:00', CAPTURE);
    log.add('assigned', '2024-03-05 09:00', { department: '市信访局', reason: '逾期未认领' }, '市信息办');
    expect(stateOf(log.events)).toMatchObject({ status: 'claimed', claimedBy: '市信访局', assigned: true, assignedAt: cst('2024-03-05 09:00') });
  });

  it('a reopened case returns to where it was and remembers when it came back', () => {
    const log = logFor();
    log.add('captured', '2024-03-04 09:00', CAPTURE);
    log.add('claimed', '2024-03-04 09:10', { department: '市住建局' });
    log.add('responded', '2024-03-05 09:00', { channel: '网站' });
    log.add('closed', '2024-03-06 09:00', {});
    log.add('reopened', '2024-03-08 09:00', { reason: '舆情反复' });
    expect(stateOf(log.events)).toMatchObject({ status: 'responded', reopenedAt: cst('2024-03-08 09:00'), reopenCount: 1 });
    expect(stateOf(log.events).closedAt).toBeUndefined();
  });

  it('granted extensions are kept per step', () => {
    const log = logFor();
    log.add('captured', '2024-03-04 09:00', CAPTURE);
    log.add('claimed', '2024-03-04 09:10', { department: '市住建局' });
    log.add('extension-requested', '2024-03-05 09:00', { step: 'investigation-report', reason: '需现场核查' });
    log.add('extension-granted', '2024-03-05 15:00', { step: 'investigation-report', newLimit: cst('2024-03-20 23:59') });
    const state = stateOf(log.events);
    expect(state.extensions).toEqual({ 'investigation-report': cst('2024-03-20 23:59') });
    expect(state.extensionRequests).toEqual([
      { step: 'investigation-report', requestedAt: cst('2024-03-05 09:00'), reason: '需现场核查', grantedAt: cst('2024-03-05 15:00'), newLimit: cst('2024-03-20 23:59') },
    ]);
  });
});

describe('impossible transitions are refused with a clear error and change nothing', () => {
  const base = () => {
    const log = logFor();
    log.add('captured', '2024-03-04 09:00', CAPTURE);
    return log;
  };

  it.each<[string, (log: ReturnType<typeof logFor>) => void, (log: ReturnType<typeof logFor>) => CaseEvent, string]>([
    ['respond before claim', () => {}, (log) => log.add('responded', '2024-03-04 10:00', { channel: '网站' }), 'not-claimed'],
    ['investigation report before claim', () => {}, (log) => log.add('investigation-report', '2024-03-04 10:00', { summary: 's' }), 'not-claimed'],
    ['claim twice', (log) => log.add('claimed', '2024-03-04 09:10', { department: 'A' }), (log) => log.add('claimed', '2024-03-04 10:00', { department: 'B' }), 'already-claimed'],
    ['follow up before any response', (log) => log.add('claimed', '2024-03-04 09:10', { department: 'A' }), (log) => log.add('follow-up', '2024-03-04 10:00', { result: 'stable' }), 'not-responded'],
    ['reopen an open case', (log) => log.add('claimed', '2024-03-04 09:10', { department: 'A' }), (log) => log.add('reopened', '2024-03-04 10:00', { reason: 'r' }), 'not-closed'],
    ['grant an extension nobody asked for', (log) => log.add('claimed', '2024-03-04 09:10', { department: 'A' }), (log) => log.add('extension-granted', '2024-03-04 10:00', { step: 'reply', newLimit: cst('2024-03-30 10:00') }), 'extension-not-requested'],
    ['request an extension of an unknown step', (log) => log.add('claimed', '2024-03-04 09:10', { department: 'A' }), (log) => log.add('extension-requested', '2024-03-04 10:00', { step: 'lunch', reason: 'r' }), 'unknown-step'],
    [
      'grant an extension that ends before the grant',
      (log) => {
        log.add('claimed', '2024-03-04 09:10', { department: 'A' });
        log.add('extension-requested', '2024-03-04 09:20', { step: 'reply', reason: 'r' });
      },
      (log) => log.add('extension-granted', '2024-03-04 10:00', { step: 'reply', newLimit: cst('2024-03-04 09:59') }),
      'extension-in-past',
    ],
    [
      'a second investigation report',
      (log) => {
        log.add('claimed', '2024-03-04 09:10', { department: 'A' });
        log.add('investigation-report', '2024-03-04 09:20', { summary: 's' });
      },
      (log) => log.add('investigation-report', '2024-03-04 10:00', { summary: 't' }),
      'duplicate-step',
    ],
    [
      'respond on a closed case',
      (log) => {
        log.add('claimed', '2024-03-04 09:10', { department: 'A' });
        log.add('closed', '2024-03-04 09:20', {});
      },
      (log) => log.add('responded', '2024-03-04 10:00', { channel: '网站' }),
      'case-closed',
    ],
  ])('%s', (_name, before, attempt, code) => {
    const log = base();
    before(log);
    const state = replay(log.events);
    const snapshot = structuredClone(state);
    const result = applyEvent(state, attempt(log));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(state).toEqual(snapshot);
  });

  it('an event for another case is refused', () => {
    const state = replay(base().events);
    const other = logFor('case-2');
    const result = applyEvent(state, other.add('claimed', '2024-03-04 10:00', { department: 'A' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'wrong-case' } });
  });

  it('nothing but a capture can start a case', () => {
    const log = logFor();
    expect(applyEvent(undefined, log.add('claimed', '2024-03-04 10:00', { department: 'A' }))).toMatchObject({
      ok: false,
      error: { code: 'not-captured' },
    });
  });

  it('applyEvent never modifies the state it is given', () => {
    const log = base();
    const state = replay(log.events);
    const snapshot = structuredClone(state);
    const result = applyEvent(state, log.add('claimed', '2024-03-04 09:10', { department: 'A' }));
    expect(result.ok).toBe(true);
    expect(state).toEqual(snapshot);
  });

  it('notes are allowed in any state, even closed, and change nothing else', () => {
    const log = base();
    log.add('claimed', '2024-03-04 09:10', { department: 'A' });
    log.add('closed', '2024-03-04 09:20', {});
    const before = replay(log.events);
    const result = applyEvent(before, log.add('note', '2024-03-04 10:00', { text: '已归档' }));
    expect(result.ok && result.state.status).toBe('closed');
    expect(result.ok && result.state.eventCount).toBe(before.eventCount + 1);
  });
});
