/**
 * Random but valid evidence logs for the verification tests: cases captured
 * by one officer, then worked on by several officers on their own machines
 * (each seals events after the head of their own copy, so the merged log
 * forks), with evidence and extraction records for every capture.
 */
import { sealEvent, chainHeadOf } from '../../../lib/evidence/chain';
import { buildCaptureRecord, postContentOf, recordDigestOf } from '../../../lib/evidence/record';
import type { EvidenceItem } from '../../../lib/evidence/verify';

const OFFICERS = [
  { officer: '张三', department: '网信办' },
  { officer: '李四', department: '白沙镇' },
  { officer: '王五', department: '住建局' },
];
const WORDS = ['澜江市', '停水', '烂尾楼', '住建局', '欠薪', '白沙镇', '回复', '核实', '已转办', '群众反映'];
/** 2026-11-23 10:00 China time. */
const T0 = Date.UTC(2026, 10, 23, 2, 0);

export interface RandomLog {
  events: Record<string, unknown>[];
  evidence: EvidenceItem[];
}

const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const sentence = (rand: () => number, n: number) => Array.from({ length: n }, () => pick(rand, WORDS)).join('');
const bytes = (rand: () => number, n: number) => Uint8Array.from({ length: n }, () => Math.floor(rand() * 256));

/** An evidence item of `caseId` as capturing would store it. */
function evidenceOf(rand: () => number, caseId: string, postId: string, at: number): EvidenceItem {
  const url = `https://bbs.lanjiang.example/thread-${caseId}.html`;
  const text = sentence(rand, 3 + Math.floor(rand() * 8));
  const content = postContentOf({ canonicalUrl: url, site: 'discuz', postId, floor: 1, author: '网友', title: sentence(rand, 3), text, html: `<p>${text}</p>` });
  const snapshot = bytes(rand, 40 + Math.floor(rand() * 80));
  const screenshot = rand() < 0.7 ? bytes(rand, 30 + Math.floor(rand() * 60)) : undefined;
  const record = buildCaptureRecord({
    caseId,
    url: `${url}?from=share`,
    access: { mode: 'post' },
    capturedAt: at,
    environment: { tool: { name: '舆情助手', version: '0.1.0' }, browser: 'Chrome/140', os: 'win x86-64' },
    ...pick(rand, OFFICERS),
    content,
    observed: { views: Math.floor(rand() * 10_000) },
    snapshot,
    ...(screenshot ? { screenshot } : {}),
  });
  return {
    id: `${caseId}:${record.digests.derived.content}`,
    caseId,
    html: content.html,
    text,
    digest: record.digests.derived.content,
    url: record.url,
    capturedAt: at,
    record,
    recordDigest: recordDigestOf(record),
    snapshot,
    ...(screenshot ? { screenshot } : {}),
  };
}

/** A random merged log of 1–4 cases and 1–3 officers' copies. */
export function randomLog(rand: () => number): RandomLog {
  const events: Record<string, unknown>[] = [];
  const evidence: EvidenceItem[] = [];
  const cases = 1 + Math.floor(rand() * 4);
  let n = 0;
  for (let c = 0; c < cases; c++) {
    const caseId = `c-${c}${Math.floor(rand() * 1e6).toString(16)}`;
    let at = T0 + c * 3_600_000;
    const first = evidenceOf(rand, caseId, `p${c}`, at);
    evidence.push(first);
    const captured = sealEvent(
      {
        id: `e-${n++}`,
        caseId,
        at,
        actor: OFFICERS[0]!,
        type: 'captured',
        payload: { url: first.url, canonicalUrl: String(first.record && (first.record as { canonicalUrl: string }).canonicalUrl), site: 'discuz', postId: `p${c}`, title: 't', excerpt: String(first.text), matchedTerms: ['澜江市'], digest: first.digest },
      },
      chainHeadOf([]),
    );
    events.push(captured);
    if (rand() < 0.4) evidence.push(evidenceOf(rand, caseId, `p${c}`, at + 60_000));
    // Each officer works on their own copy of the case's log, then the copies are merged.
    const copies = 1 + Math.floor(rand() * 3);
    for (let k = 0; k < copies; k++) {
      const local: object[] = [captured];
      const actor = OFFICERS[k]!;
      const count = Math.floor(rand() * 5);
      for (let i = 0; i < count; i++) {
        at += 1 + Math.floor(rand() * 600_000);
        const event = sealEvent({ id: `e-${n++}`, caseId, at, actor, type: 'note', payload: { text: sentence(rand, 2 + Math.floor(rand() * 6)) } }, chainHeadOf(local));
        local.push(event);
        events.push(event);
      }
    }
  }
  return { events, evidence };
}
