/**
 * Test helpers for reports and alerts: claim logs written in China
 * wall-clock time, so the tables read like the office's own records.
 */
import { CaseEventSchema, type CaseEvent, type CaseEventInput } from '../../../lib/cases/events';

/** Epoch ms of a China wall-clock time 'YYYY-MM-DD HH:mm'. */
export function cst(text: string): number {
  const ms = Date.parse(`${text.replace(' ', 'T')}:00+08:00`);
  if (Number.isNaN(ms)) throw new Error(`bad time ${text}`);
  return ms;
}

type Payload<T extends CaseEvent['type']> = Extract<CaseEventInput, { type: T }>['payload'];

/** A capture payload for a post titled `title`. */
export function capture(title: string, postId = '1'): Payload<'captured'> {
  return {
    url: `https://bbs.example.cn/thread-${postId}-1-1.html`,
    canonicalUrl: `https://bbs.example.cn/thread-${postId}.html`,
    site: 'discuz',
    postId,
    title,
    excerpt: title,
    matchedTerms: ['宣城'],
    digest: 'b'.repeat(64),
  };
}

/** Builds one case's log; every event goes through the real schema. */
export function caseLog(caseId: string, department = '市信息办') {
  const events: CaseEvent[] = [];
  function add<T extends CaseEvent['type']>(type: T, at: string, payload: Payload<T>): CaseLogBuilder {
    events.push(
      CaseEventSchema.parse({
        id: `${caseId}-e${String(events.length + 1).padStart(2, '0')}`,
        caseId,
        at: cst(at),
        actor: { officer: '李四', department },
        type,
        payload,
      }),
    );
    return builder;
  }
  const builder = { add, events };
  return builder;
}

/** What {@link caseLog} returns. */
export type CaseLogBuilder = ReturnType<typeof caseLog>;
