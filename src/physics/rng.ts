/**
 * Counter-based random streams: every event has its own stream, seeded from (runSeed, eventIndex)
 * by SplitMix64-style hashing, so results never depend on the number of workers, on chunk sizes or
 * on the order events are simulated in, and one event can be re-simulated alone from its index.
 *
 * The generator is xoshiro128** (Blackman & Vigna 2018), 32-bit arithmetic only (fast in JS).
 */

/** Mixes two 32-bit words into a well-distributed 32-bit word (murmur3 finaliser). */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A deterministic stream of random numbers. */
export class Rng {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  private spareNormal = NaN;

  constructor(runSeed = 1, eventIndex = 0, substream = 0) {
    this.reset(runSeed, eventIndex, substream);
  }

  /**
   * Re-seed in place for event `eventIndex` of run `runSeed` (integers; `eventIndex` < 2^53).
   * `substream` separates independent uses inside one event (e.g. the detail pass).
   */
  reset(runSeed: number, eventIndex: number, substream = 0): this {
    const lo = eventIndex >>> 0;
    const hi = Math.floor(eventIndex / 4294967296) >>> 0;
    const seed = runSeed >>> 0;
    let h = fmix32(seed ^ 0x9e3779b9);
    h = fmix32(h ^ lo);
    h = fmix32(h ^ Math.imul(hi + 1, 0x7feb352d));
    h = fmix32(h ^ Math.imul(substream + 1, 0x68e31da4));
    this.s0 = fmix32(h ^ 0x243f6a88) | 1;
    this.s1 = fmix32(h ^ 0x85a308d3);
    this.s2 = fmix32(h ^ 0x13198a2e);
    this.s3 = fmix32(h ^ 0x03707344);
    this.spareNormal = NaN;
    // warm up
    for (let i = 0; i < 4; i++) this.nextU32();
    return this;
  }

  /** Next raw 32-bit unsigned integer (xoshiro128**). */
  nextU32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform in (0, 1): never exactly 0 or 1 (53-bit resolution is not needed here; 32 bits + offset). */
  uniform(): number {
    return (this.nextU32() + 0.5) * 2.3283064365386963e-10;
  }

  /** Uniform in [a, b). */
  range(a: number, b: number): number {
    return a + (b - a) * this.uniform();
  }

  /** Standard normal N(0,1) (Marsaglia polar method, caching the second value). */
  normal(): number {
    if (!Number.isNaN(this.spareNormal)) {
      const v = this.spareNormal;
      this.spareNormal = NaN;
      return v;
    }
    let u: number, v: number, s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * f;
    return u * f;
  }

  /** Gaussian with mean `mu` and standard deviation `sigma`. */
  gauss(mu: number, sigma: number): number {
    return mu + sigma * this.normal();
  }

  /** Exponential with mean `mean`. */
  exponential(mean: number): number {
    return -mean * Math.log(this.uniform());
  }

  /** Gamma(shape k, scale 1) by Marsaglia–Tsang (k < 1 via boosting). Throws for k <= 0. */
  gamma(k: number): number {
    if (!(k > 0)) throw new RangeError(`gamma shape must be > 0, got ${k}`);
    if (k < 1) return this.gamma(k + 1) * Math.pow(this.uniform(), 1 / k);
    const d = k - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      let x: number, v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.uniform();
      if (u < 1 - 0.0331 * x * x * x * x) return d * v;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
    }
  }

  /** Poisson with mean `mu` (inversion for mu < 30, normal approximation with continuity above). */
  poisson(mu: number): number {
    if (mu <= 0) return 0;
    if (mu < 30) {
      const l = Math.exp(-mu);
      let k = 0;
      let p = this.uniform();
      while (p > l) {
        k++;
        p *= this.uniform();
      }
      return k;
    }
    return Math.max(0, Math.round(mu + Math.sqrt(mu) * this.normal()));
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.uniform() < p;
  }

  /** Uniform angle in [0, 2π). */
  phi(): number {
    return 2 * Math.PI * this.uniform();
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
