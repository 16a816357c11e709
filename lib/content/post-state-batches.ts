/**
 * The badge states of a page's posts, asked in batches: one `getPostStates`
 * carries at most MAX_POST_STATES_PER_REQUEST ids (the background refuses a
 * larger one), and a page may flag thousands. One refused or failed batch
 * loses only its own posts' states, not the page's.
 */
import { MAX_POST_STATES_PER_REQUEST } from '../messaging/limits';

/**
 * Calls `ask` with `ids` in order, at most `batchSize` at a time, and joins
 * the answers (post id → state). A batch that answers `undefined` (refused,
 * worker stopped) adds nothing.
 */
export async function statesInBatches<S>(
  ids: readonly string[],
  ask: (batch: string[]) => Promise<Record<string, S> | undefined>,
  batchSize = MAX_POST_STATES_PER_REQUEST,
): Promise<Map<string, S>> {
  const states = new Map<string, S>();
  const unique = [...new Set(ids)];
  for (let start = 0; start < unique.length; start += batchSize) {
    const answer = await ask(unique.slice(start, start + batchSize));
    if (answer) for (const [id, state] of Object.entries(answer)) states.set(id, state);
  }
  return states;
}
