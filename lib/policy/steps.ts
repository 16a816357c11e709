/**
 * The procedure's steps: the vocabulary deadline rules and the deadline
 * engine share. Labels are POLICIES.md's Chinese terms, shown in the UI.
 */
import { z } from 'zod';

/** Every step a deadline can be attached to, in procedure order. */
export const STEP_IDS = [
  'claim',
  'assess',
  'first-report',
  'written-report',
  'investigation-report',
  'extension-request',
  'publish-facts',
  'press-conference',
  'reply',
  'follow-up',
  'close',
] as const;
export const StepIdSchema = z.enum(STEP_IDS);
/** A step of the procedure, e.g. `investigation-report`. */
export type StepId = z.infer<typeof StepIdSchema>;

/** Default Chinese label of each step (a rule may carry a more specific one). */
export const STEP_LABELS: Readonly<Record<StepId, string>> = {
  claim: '认领',
  assess: '研判',
  'first-report': '上报',
  'written-report': '书面报告',
  'investigation-report': '核实调查报告',
  'extension-request': '延期申请',
  'publish-facts': '发布事实',
  'press-conference': '新闻发布会',
  reply: '回应',
  'follow-up': '跟踪',
  close: '办结',
};

/** Events of the claim log that can start (or restart) a deadline clock. */
export const CLOCK_START_EVENTS = [
  'captured',
  'claimed',
  'assessed',
  'reported',
  'investigation-report',
  'responded',
  'reopened',
] as const;
export const ClockStartEventSchema = z.enum(CLOCK_START_EVENTS);
/** An event that starts a clock. */
export type ClockStartEvent = z.infer<typeof ClockStartEventSchema>;
