import { describe, expect, it, vi } from 'vitest';
import { idleRunner, type RequestIdle } from '../../../lib/content/idle';

/** A main thread whose idle callbacks run when the test says so. */
function idleQueue() {
  const pending: { callback: () => void; timeout: number }[] = [];
  const request: RequestIdle = (callback, options) => pending.push({ callback, timeout: options.timeout });
  const runAll = () => pending.splice(0).forEach((p) => p.callback());
  return { pending, request, runAll };
}

describe('idle-time work of the content script', () => {
  it('runs each task when the page is idle, with the timeout asked for', () => {
    const idle = idleQueue();
    const whenIdle = idleRunner({ isValid: true }, idle.request, 300);
    const task = vi.fn();
    whenIdle(task);
    expect(task).not.toHaveBeenCalled();
    expect(idle.pending.map((p) => p.timeout)).toEqual([300]);
    idle.runAll();
    expect(task).toHaveBeenCalledOnce();
  });

  it('runs nothing after the extension was reloaded or updated (the context invalidated), even a task asked for before', () => {
    const idle = idleQueue();
    const context = { isValid: true };
    const whenIdle = idleRunner(context, idle.request, 300);
    const before = vi.fn();
    whenIdle(before);
    context.isValid = false;
    const after = vi.fn();
    whenIdle(after);
    idle.runAll();
    expect(before).not.toHaveBeenCalled();
    expect(after).not.toHaveBeenCalled();
  });

  it('adds no invalidation listener per task, so a day on an infinite-scroll page does not pile them up', () => {
    const idle = idleQueue();
    const context = { isValid: true, onInvalidated: vi.fn() };
    const whenIdle = idleRunner(context, idle.request, 300);
    for (let i = 0; i < 10_000; i++) whenIdle(() => undefined);
    idle.runAll();
    expect(context.onInvalidated).not.toHaveBeenCalled();
  });
});
