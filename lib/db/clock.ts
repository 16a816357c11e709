/** A clock given as a function (preferred: read at the moment of writing) or a fixed instant. */
export type Clock = (() => number) | number;

/** The time of a clock, in epoch ms. */
export function timeOf(clock: Clock): number {
  return typeof clock === 'function' ? clock() : clock;
}
