/**
 * The claim log's hash chain: every event carries `prevHash`, the hash of
 * the event of its case it was appended after (the case's genesis value for
 * the first), and `hash`, the hash of itself. Changing any byte of a stored
 * event changes its hash; rewriting the hash too breaks the link of the next
 * event. The chain is per case, so logs merged from several officers stay
 * valid: two officers appending after the same event fork the chain, and a
 * fork is still a chain of intact links (verify.ts checks links, not one line).
 *
 * Event hash = SHA-256 of the event's canonical JSON without `hash` (and
 * without the local `storedAt`), so anyone can recompute it from an exported
 * event with any SHA-256 tool.
 */
import { sha256HexOfJson } from './hash';

/** The `prevHash` of a case's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields the chain adds to an event. */
export interface ChainFields {
  /** Hash of the event of the same case this one was appended after, or `GENESIS_HASH`. */
  prevHash?: string;
  /** SHA-256 hex of this event's canonical JSON without `hash`. */
  hash?: string;
}

/** The hash of `event` as stored: SHA-256 of its canonical JSON without `hash` and `storedAt`. */
export function eventHashOf(event: object): string {
  const { hash: _hash, storedAt: _storedAt, ...rest } = event as Record<string, unknown>;
  return sha256HexOfJson(rest);
}

/**
 * The hash a new event of a case links to: the stored hash of the case's
 * latest event (replay order), or that event's computed hash when it was
 * recorded before the chain existed, or `GENESIS_HASH` for an empty log.
 */
export function chainHeadOf(log: readonly object[]): string {
  const last = log[log.length - 1] as (ChainFields & object) | undefined;
  if (!last) return GENESIS_HASH;
  return last.hash ?? eventHashOf(last);
}

/**
 * `event` sealed into its case's chain after `head`. An event that already
 * carries its chain fields (imported from another officer's sync file) keeps
 * them: its link is to that officer's predecessor, which verification checks.
 */
export function sealEvent<E extends object>(event: E & ChainFields, head: string): E & Required<ChainFields> {
  if (event.hash !== undefined && event.prevHash !== undefined) return event as E & Required<ChainFields>;
  const linked = { ...event, prevHash: event.prevHash ?? head };
  return { ...linked, hash: eventHashOf(linked) };
}

/** Whether an event's stored `hash` matches its bytes (false when it has none). */
export function eventHashMatches(event: object): boolean {
  const stored = (event as ChainFields).hash;
  return typeof stored === 'string' && stored === eventHashOf(event);
}
