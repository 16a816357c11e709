/**
 * Idle-time work of the content script that stops with the script.
 *
 * WXT's `ctx.requestIdleCallback` adds an abort listener to the context's
 * signal for every call and never removes it: the flagger asks for idle time
 * after every batch a MutationObserver reports, so a day on an
 * infinite-scroll page would pile up tens of thousands of listeners (and the
 * closures they hold). Here each task checks the context when it runs
 * instead: after the extension is reloaded or updated (the context
 * invalidated) a pending task does nothing.
 */

/** What the scheduler needs of WXT's ContentScriptContext. */
export interface IdleContext {
  /** False once the content script's context is invalidated. */
  readonly isValid: boolean;
}

/** `window.requestIdleCallback`'s shape (the deadline argument is not used). */
export type RequestIdle = (callback: () => void, options: { timeout: number }) => unknown;

/**
 * A `whenIdle(task)` that runs `task` when the main thread is idle (at most
 * `timeoutMs` ms later), and not at all once `context` is invalid. Adds no
 * listener per task.
 */
export function idleRunner(context: IdleContext, requestIdle: RequestIdle, timeoutMs: number): (task: () => void) => void {
  return (task) => {
    requestIdle(() => {
      if (context.isValid) task();
    }, { timeout: timeoutMs });
  };
}
