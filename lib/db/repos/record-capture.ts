import { Dexie } from 'dexie';
import type { AppDB } from '../app-db';
import type { CapturedContentRow } from '../entities/captured-content-row';
import type { Clock } from '../clock';
import type { CaseEventInput } from '../../cases';
import { fail, ok, type Result } from '../../messaging/result';
import { appendTables, appendWithin, parseEvent } from './events';
import { parseCapturedContent, type CapturedContentInput } from './captured-content';
import { guarded } from './guard';

/** A capture: its `captured` event and its evidence. */
export interface RecordCaptureInput {
  event: CaseEventInput;
  content: CapturedContentInput;
}

/**
 * Stores a capture in one transaction: the `captured` event (only if the
 * case is new: capturing a known post again adds its evidence, not a second
 * capture) and the evidence. Either both are stored or neither.
 */
export async function recordCapture(
  db: AppDB,
  input: RecordCaptureInput,
  { now }: { now: Clock },
): Promise<Result<{ caseId: string; created: boolean }>> {
  const event = parseEvent(input.event);
  if (!event.ok) return event;
  if (event.data.type !== 'captured') return fail('invalid-input', '采集只能记录“captured”事件。');
  const content = parseCapturedContent(input.content);
  if (!content.ok) return content;
  if (content.data.caseId !== event.data.caseId) return fail('invalid-input', '采集内容与事件不属于同一案件。');
  const caseId = event.data.caseId;
  return guarded<{ caseId: string; created: boolean }>(db, (cancellation) =>
    db.transaction('rw', [...appendTables(db), db.capturedContents], async () => {
      cancellation.throwIfCancelled();
      // Ask the log, not the projection: the log is the truth.
      const known =
        (await db.events
          .where('[caseId+at]')
          .between([caseId, Dexie.minKey], [caseId, Dexie.maxKey], true, true)
          .first()) !== undefined;
      if (!known) {
        const appended = await appendWithin(db, event.data, now);
        if (!appended.ok) return appended;
      }
      const row: CapturedContentRow = content.data;
      if (!(await db.capturedContents.get(row.id))) await db.capturedContents.add(row);
      return ok({ caseId, created: !known });
    }),
  );
}
