import { useEffect, useState } from 'react';

/**
 * The current time (epoch ms), refreshed every `intervalMs`, for live
 * countdowns. Deadlines store limits, not remaining time, so only this
 * ticks; the interval is cleared on unmount.
 */
export function useNow(intervalMs = 1000, clock: () => number = Date.now): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    setNow(clock());
    const timer = setInterval(() => setNow(clock()), Math.max(50, intervalMs));
    return () => clearInterval(timer);
  }, [intervalMs, clock]);
  return now;
}
