/**
 * A small seeded random source shared by the corpus generator and the fuzzer, so that every generated file and
 * program is reproducible from a number.
 */

/** Mixes two integers into a 32-bit seed (used to give program `i` of run `seed` its own stream). */
export function mixSeed(seed, index = 0) {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul((index + 1) >>> 0, 0x85ebca77)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

/** A random stream (mulberry32) with the helpers the generators use. */
export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random = {
    next,
    /** Integer in [min, max]. */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)],
    /** `count` distinct items, in random order. */
    sample: (items, count) => random.shuffle(items).slice(0, count),
    shuffle: (items) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
    /** Runs `fn` with Math.random drawing from this stream (for libraries that only use Math.random). */
    withMathRandom: (fn) => {
      const original = Math.random;
      Math.random = next;
      try {
        return fn();
      } finally {
        Math.random = original;
      }
    },
  };
  return random;
}
