// @vitest-environment jsdom
/**
 * Test helpers: build claim logs in China time and print instants in China
 * time, so expectations read like the documents ("2024-09-14 23:59").
 */
import { CaseEventSchema, type CaseEvent, type CaseEventInput } from '../../../lib/cases/events';

/** Epoch ms of a China wall-clock time 'YYYY-MM-DD HH:mm' (or with seconds). */
export function cst(text: string): number {
  const iso = text.length === 16 ? `${text.replace(' ', 'T')}:00` : text.replace(' ', 'T');
  const ms = Date.parse(`${iso}+08:00`);
  if (Number.isNaN(ms)) throw new Error(`bad time ${text}`);
  return ms;
}

/** China wall-clock time of an instant, 'YYYY-MM-DD HH:mm:ss.SSS'. */
export function china(ms: number): string {
  return new Date(ms + 8 * 3_600_000).toISOString().replace('T', ' ').replace('Z', '');
}

const OFFICER = { officer: '张三', department: '市住建局' };

type Payload<T extends CaseEvent['type']> = Extract<CaseEventInput, { type: T }>['payload'];

/** A log builder for one case: each call makes the next event, parsed by the real schema. */
export function logFor(caseId = 'case-1') {
  let count = 0;
  const events: CaseEvent[] = [];
  function add<T extends CaseEvent['type']>(type: T, at: string | number, payload: Payload<T>, department?: string): CaseEvent {
    count += 1;
    const event = CaseEventSchema.parse({
      id: `${caseId}-e${String(count).padStart(3, '0')}`,
      caseId,
      at: typeof at === 'number' ? at : cst(at),
      actor: department ? { ...OFFICER, department } : OFFICER,
      type,
      payload,
    });
    events.push(event);
    return event;
  }
  return { add, events };
}

/** Payload of a typical capture. */
export const CAPTURE: Payload<'captured'> = {
  url: 'https://bbs.example.cn/thread-1-1-1.html',
  canonicalUrl: 'https://bbs.example.cn/thread-1.html',
  site: 'discuz',
  postId: '1',
  title: '某小区停水三天无人管',
  author: '网友甲',
  publishedAt: '2024-09-09 08:30',
  excerpt: '小区停水三天,物业和住建局都不管。',
  matchedTerms: ['住建局'],
  digest: 'a'.repeat(64),
};
