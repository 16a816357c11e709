/**
 * Starts tests/e2e/support/hub-process.ts (a throwaway PGlite hub on a random
 * loopback port) and talks to it: issue and revoke tokens, count rows, read
 * the pushed bodies. `close()` ends the process (closing its stdin).
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./hub-process.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

export interface TestHub {
  url: string;
  addOfficer(name: string, department: string, role?: 'officer' | 'office'): Promise<{ id: number; token: string }>;
  revoke(id: number): Promise<void>;
  counts(): Promise<{ events: number; imports: number; cases: number }>;
  pushed(): Promise<{ token: string; body: string }[]>;
  close(): Promise<void>;
}

export async function startTestHub(): Promise<TestHub> {
  const child = spawn(TSX, [SCRIPT], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async (): Promise<unknown> => {
    const { value, done } = await lines.next();
    if (done) throw new Error('the test hub stopped');
    return JSON.parse(value as string);
  };
  // One command at a time: answers come back in order.
  let queue: Promise<unknown> = Promise.resolve();
  const call = <T>(command: object): Promise<T> => {
    const run = queue.then(async () => {
      child.stdin.write(`${JSON.stringify(command)}\n`);
      const answer = (await next()) as T & { error?: string };
      if (answer.error) throw new Error(answer.error);
      return answer;
    });
    queue = run.catch(() => undefined);
    return run;
  };
  const { url } = (await next()) as { url: string };
  return {
    url,
    addOfficer: (name, department, role) => call({ cmd: 'addOfficer', name, department, ...(role ? { role } : {}) }),
    revoke: async (id) => {
      await call({ cmd: 'revoke', id });
    },
    counts: () => call({ cmd: 'counts' }),
    pushed: async () => (await call<{ pushed: { token: string; body: string }[] }>({ cmd: 'pushed' })).pushed,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}
