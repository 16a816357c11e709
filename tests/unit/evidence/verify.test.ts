/**
 * What verification says about logs kept before the chain existed, and
 * about a chain whose events were re-hashed or removed in the middle.
 */
import { describe, expect, it } from 'vitest';
import { chainHeadOf, sealEvent } from '../../../lib/evidence/chain';
import { verifyLog } from '../../../lib/evidence/verify';
import { captured, fakeDigest, HOUR, note, T0 } from '../../fixtures/db/builders';

describe('verifying older and broken chains', () => {
  it('counts events and evidence stored before the chain as unsealed, not as failures, and chains new events after them', () => {
    const old = [captured('c1'), note('c1', T0 + HOUR, 'n1', '旧记录')] as Record<string, unknown>[];
    const sealed = sealEvent(note('c1', T0 + 2 * HOUR, 'n2', '新记录'), chainHeadOf(old));
    const legacyEvidence = { id: `c1:${fakeDigest('c1')}`, caseId: 'c1', digest: fakeDigest('c1'), html: '', text: '', url: 'https://x.cn', capturedAt: T0 };
    const report = verifyLog({ events: [...old, sealed], evidence: [legacyEvidence] });
    expect(report).toMatchObject({ ok: true, unrecordedEvidence: 1, chains: [{ caseId: 'c1', events: 3, unsealed: 2, ok: true }] });
    // The sealed event still anchors the old ones: change one and the link from the new event breaks.
    const changed = { ...old[1]!, payload: { text: '旧记录（改）' } };
    expect(verifyLog({ events: [old[0]!, changed, sealed], evidence: [] }).first).toMatchObject({ id: 'n2', reason: 'event-link-broken' });
  });

  it('names the event after one re-hashed or removed in the middle of the chain', () => {
    const log: object[] = [];
    for (const event of [captured('c1'), note('c1', T0 + HOUR, 'n1', '一'), note('c1', T0 + 2 * HOUR, 'n2', '二'), note('c1', T0 + 3 * HOUR, 'n3', '三')]) {
      log.push(sealEvent(event, chainHeadOf(log)));
    }
    const rehashed = sealEvent({ ...(log[1] as Record<string, unknown>), payload: { text: '一（改）' }, hash: undefined }, (log[1] as { prevHash: string }).prevHash);
    expect(verifyLog({ events: [log[0]!, rehashed, log[2]!, log[3]!], evidence: [] }).first).toMatchObject({ id: 'n2', reason: 'event-link-broken' });
    expect(verifyLog({ events: [log[0]!, log[1]!, log[3]!], evidence: [] }).first).toMatchObject({ id: 'n3', reason: 'event-link-broken' });
  });
});
