// Kill points and client mixes come from a seeded generator, so a failing run can be replayed
// with PACTWATCH_SEED=<the seed it printed>.
export const SEED = Number(process.env.PACTWATCH_SEED) || Date.now() % 2 ** 31;

/** Mulberry32: small, fast, deterministic for a seed. */
export function seededRandom(seed = SEED): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
