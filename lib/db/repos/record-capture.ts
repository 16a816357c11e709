import type { AppDB } from '../app-db';
import type { CapturedContentRow } from '../entities/captured-content-row';
import type { Clock } from '../clock';
import type { CaseEventInput, CaseEventOf } from '../../cases';
import { fail, ok, type Result } from '../../messaging/result';
import { appendTables, appendWithin, parseEvent } from './events';
import { parseCapturedContent, type CapturedContentInput } from './captured-content';
import { findCaseForPost } from './cases';
import { guarded } from './guard';

/**
 * A capture: its `captured` event, addressed to the thread's case
 * (`threadCaseIdOf`), and its evidence body.
 */
export interface RecordCaptureInput {
  event: CaseEventInput;
  content: CapturedContentInput;
}

/** What a capture did. */
export interface RecordedCapture {
  /** The case the post counts under now. */
  caseId: string;
  /** True when the capture opened a new case (a new 舆情 with its own clocks). */
  created: boolean;
  /** True when the post joined a case already open for its thread (another floor): "已加入案件". */
  joined: boolean;
  /** The case's title. */
  title: string;
}

/**
 * Stores a capture in one transaction, as one 舆情 per thread:
 * - a post of a thread nobody captured yet opens the thread's case (`captured`);
 * - another floor of a thread that is a case joins it (`evidence-added`), no new clock;
 * - a post already held keeps its case: the same content again stores nothing,
 *   changed content is added beside the earlier version, never over it.
 * Merges are followed to the surviving case. Either everything is stored or nothing.
 */
export async function recordCapture(
  db: AppDB,
  input: RecordCaptureInput,
  { now }: { now: Clock },
): Promise<Result<RecordedCapture>> {
  const parsed = parseEvent(input.event);
  if (!parsed.ok) return parsed;
  if (parsed.data.type !== 'captured') return fail('invalid-input', '采集只能记录“captured”事件。');
  const event: CaseEventOf<'captured'> = parsed.data;
  const content = parseCapturedContent(input.content);
  if (!content.ok) return content;
  if (content.data.caseId !== event.caseId) return fail('invalid-input', '采集内容与事件不属于同一案件。');
  const { canonicalUrl, postId, digest } = event.payload;
  return guarded<RecordedCapture>(db, (cancellation) =>
    db.transaction('rw', [...appendTables(db), db.capturedContents], async (): Promise<Result<RecordedCapture>> => {
      cancellation.throwIfCancelled();
      // Ask the log's projection of evidence: the thread's case, or the case a split moved this post to.
      const found = await findCaseForPost(db, canonicalUrl, postId, event.caseId);
      const caseId = found?.row.caseId ?? event.caseId;
      const row: CapturedContentRow = { ...content.data, caseId, id: `${caseId}:${digest}` };
      if (found?.holdsPost) {
        const versions = [caseId, ...found.evidenceIds].map((id) => `${id}:${digest}`);
        const same = (await db.capturedContents.bulkGet(versions)).some(Boolean);
        if (same) return ok({ caseId, created: false, joined: false, title: found.row.title });
      }
      const appended = await appendWithin(
        db,
        found
          ? { ...event, caseId, type: 'evidence-added', payload: { ...event.payload, origin: 'capture' } }
          : event,
        now,
      );
      if (!appended.ok) return appended;
      if (!(await db.capturedContents.get(row.id))) await db.capturedContents.add(row);
      return ok({
        caseId,
        created: !found,
        joined: found !== undefined && !found.holdsPost,
        title: found?.row.title ?? event.payload.title,
      });
    }),
  );
}
