/**
 * A throwaway hub in its own Node process (run with tsx), driven over
 * stdin/stdout in JSON lines, because Playwright's loader cannot import
 * lib/hub (the working-day calendar's JSON data needs tsx/vite). Prints
 * `{"url":…}` when listening, then answers each command line:
 * `{"cmd":"addOfficer","name","department","role"?}` → `{ id, token }`;
 * `{"cmd":"revoke","id"}`; `{"cmd":"counts"}`; `{"cmd":"pushed"}` → the bodies pushed so far.
 */
import { createInterface } from 'node:readline';
import { startThrowawayHub } from '../../../lib/hub/throwaway';

const pushed: { token: string; body: string }[] = [];
const hub = await startThrowawayHub({ onPush: (token, body) => pushed.push({ token, body }) });
process.stdout.write(`${JSON.stringify({ url: hub.url })}\n`);

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  const command = JSON.parse(line) as { cmd: string; name?: string; department?: string; role?: 'officer' | 'office'; id?: number };
  let answer: unknown;
  try {
    if (command.cmd === 'addOfficer') answer = await hub.addOfficer(command.name!, command.department!, command.role);
    else if (command.cmd === 'revoke') answer = { revoked: await hub.revoke(command.id!) };
    else if (command.cmd === 'counts') answer = await hub.counts();
    else if (command.cmd === 'pushed') answer = { pushed };
    else answer = { error: `unknown command ${command.cmd}` };
  } catch (error) {
    answer = { error: String(error) };
  }
  process.stdout.write(`${JSON.stringify(answer)}\n`);
}
await hub.close();
