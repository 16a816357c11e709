/**
 * Problems found in a sync file or package, each with the JSON path of what
 * is wrong (`$` is the file, `$.events[3].payload.url` the url of the fourth
 * event) and a plain reason in Chinese.
 */

/** One problem: where (JSON path) and why. */
export interface SyncProblem {
  path: string;
  message: string;
}

/** A JSON path from zod-style path segments: `['events', 3, 'id']` → `$.events[3].id`. */
export function jsonPath(segments: readonly PropertyKey[]): string {
  let path = '$';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else if (typeof segment === 'string' && /^[A-Za-z_$][\w$]*$/.test(segment)) path += `.${segment}`;
    else path += `[${JSON.stringify(String(segment))}]`;
  }
  return path;
}

/** Every issue of a zod error as a problem. */
export function problemsOf(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): SyncProblem[] {
  return error.issues.map((issue) => ({ path: jsonPath(issue.path), message: issue.message }));
}

/** The text of a JSON.parse failure as a plain reason (truncation named as such). */
export function jsonSyntaxProblem(error: unknown, text: string): SyncProblem {
  const detail = error instanceof Error ? error.message : String(error);
  // V8 names the position it stopped at; a stop in the text's last characters means the text ended mid-value.
  const position = /at position (\d+)/.exec(detail);
  const stoppedAtEnd = position !== null && Number(position[1]) >= text.trimEnd().length - 2;
  const truncated = /end of (JSON )?(input|data)/i.test(detail) || /Unterminated/i.test(detail) || stoppedAtEnd;
  return {
    path: '$',
    message: truncated
      ? `文件不完整：JSON 在第 ${text.length} 个字符处中断（文件可能被截断）`
      : `不是有效的 JSON：${detail}`,
  };
}
