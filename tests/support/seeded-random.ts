/**
 * Deterministic pseudo-random numbers in [0, 1) (mulberry32): benchmarks
 * compare across runs and machines, and a failing property test names the
 * seed that reproduces it.
 */
export function seededRandom(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
