/**
 * THE error style of the extension: every repository function and every
 * message answers a `Result` instead of throwing, so a failure crosses the
 * message channel intact (thrown errors lose their type when serialized) and
 * the UI always has a Chinese sentence to show plus a stable code to branch on.
 * `protocol.ts` documents this at its top; this module holds the helpers so
 * `lib/db` can use them without importing the messaging runtime.
 */

/** Stable machine-readable error codes; the UI and tests branch on these, never on messages. */
export type ErrorCode =
  | 'invalid-input' // payload or record failed its zod schema
  | 'invalid-transition' // the state machine refused the event
  | 'not-found'
  | 'forbidden-sender' // message from a web page or another extension
  | 'no-tab' // content-script message without a sender tab
  | 'quota-exceeded' // IndexedDB refused the write for lack of space
  | 'db-blocked' // an upgrade waits for another extension page holding the old version
  | 'db-closed' // the database was closed (e.g. for another page's upgrade)
  | 'db-error' // any other storage failure
  | 'unavailable' // a browser API this needs is missing (e.g. sidePanel on Firefox)
  | 'internal'
  | (string & {}); // codes passed through from lib/cases (e.g. the state machine's own codes)

/** A failure: `message` is a Chinese sentence for the officer; `code` is for programs. */
export interface ResultError {
  code: ErrorCode;
  message: string;
  /** Field-level details (e.g. every zod issue), when there are several. */
  issues?: { path: string; message: string }[];
}

/** Either the data or one error, never both. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: ResultError };

/** Success. */
export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

/** Failure with a code and a Chinese message. */
export function fail<T = never>(
  code: ErrorCode,
  message: string,
  issues?: { path: string; message: string }[],
): Result<T> {
  return { ok: false, error: issues && issues.length > 0 ? { code, message, issues } : { code, message } };
}

/** A zod-like error's issues as `path: message` pairs (path joined with dots, `(root)` when empty). */
export function issuesOf(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): { path: string; message: string }[] {
  return error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)',
    message: issue.message,
  }));
}

/** An `invalid-input` failure listing every zod issue, so the caller can fix all at once. */
export function invalidInput<T = never>(
  what: string,
  error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] },
): Result<T> {
  const issues = issuesOf(error);
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join('；');
  return fail('invalid-input', `${what}格式不正确：${summary}`, issues);
}
