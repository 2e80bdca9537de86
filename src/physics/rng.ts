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
  /** xoshiro128** state in an Int32Array: plain 32-bit integer fields would be boxed as heap numbers
   *  by V8 whenever they exceed the 31-bit small-integer range (most of the time), costing ~10 ns per
   *  draw. */
  private readonly st = new Int32Array(4);

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
    const st = this.st;
    st[0] = fmix32(h ^ 0x243f6a88) | 1;
    st[1] = fmix32(h ^ 0x85a308d3);
    st[2] = fmix32(h ^ 0x13198a2e);
    st[3] = fmix32(h ^ 0x03707344);
    // warm up
    for (let i = 0; i < 4; i++) this.nextU32();
    return this;
  }

  /** Next raw 32-bit unsigned integer (xoshiro128**). */
  nextU32(): number {
    return this.nextI32() >>> 0;
  }

  /** The same 32 bits as nextU32, as a signed integer (stays an untagged int32 in optimised code). */
  private nextI32(): number {
    const st = this.st;
    const s0 = st[0];
    const s1 = st[1];
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const t = s1 << 9;
    const s2 = st[2] ^ s0;
    const s3 = st[3] ^ s1;
    st[1] = s1 ^ s2;
    st[0] = s0 ^ s3;
    st[2] = s2 ^ t;
    st[3] = rotl(s3, 11);
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

  /**
   * Standard normal N(0,1) by the ziggurat method (Marsaglia & Tsang, J. Stat. Softw. 5(8), 2000)
   * with 128 layers. One 32-bit word gives the layer (its low 7 bits) and, independently, a signed
   * 25-bit abscissa (its high 25 bits), which avoids the index/value correlation of the original
   * (Doornik 2005); ≈ 97 % of calls return after one word, one multiply and one comparison (layer 1
   * and the wedges take the slow path).
   */
  normal(): number {
    const u = this.nextI32();
    const iz = u & 127;
    const hz = u >> 7;
    // Math.abs compiles branch-free; a ?: on the random sign mispredicts half of the time (2× slower)
    if (Math.abs(hz) < ZIG_K[iz]) return hz * ZIG_W[iz];
    return this.normalSlow(hz, iz);
  }

  /**
   * Fill out[0..n) with standard normal deviates: the same numbers, in the same order, as n calls of
   * normal(). One tight loop instead of n call sites keeps V8's inlining budget for the caller.
   */
  fillNormal(out: Float64Array, n: number): void {
    for (let i = 0; i < n; i++) out[i] = this.normal();
  }

  /** Ziggurat wedges and tail (rare path of normal()). */
  private normalSlow(hz0: number, iz0: number): number {
    let hz = hz0;
    let iz = iz0;
    for (;;) {
      if (iz === 0) {
        // tail beyond r (Marsaglia 1964)
        let x: number, y: number;
        do {
          x = -Math.log(this.uniform()) / ZIG_R;
          y = -Math.log(this.uniform());
        } while (y + y < x * x);
        return hz > 0 ? ZIG_R + x : -ZIG_R - x;
      }
      const x = hz * ZIG_W[iz];
      if (ZIG_F[iz] + this.uniform() * (ZIG_F[iz - 1] - ZIG_F[iz]) < Math.exp(-0.5 * x * x)) return x;
      const u = this.nextI32();
      iz = u & 127;
      hz = u >> 7;
      if (Math.abs(hz) < ZIG_K[iz]) return hz * ZIG_W[iz];
    }
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

/**
 * Ziggurat tables for 128 layers (Marsaglia & Tsang 2000, r = 3.442619855899, v = 9.91256303526217e-3),
 * scaled for a signed 25-bit abscissa (|hz| < 2^24): accept hz if |hz| < ZIG_K[i], value hz·ZIG_W[i].
 */
const ZIG_R = 3.442619855899;
const ZIG_K = new Int32Array(128);
const ZIG_W = new Float64Array(128);
const ZIG_F = new Float64Array(128);
(function buildZiggurat() {
  const m = 16777216; // 2^24
  const vn = 9.91256303526217e-3;
  let dn = ZIG_R;
  let tn = dn;
  const q = vn / Math.exp(-0.5 * dn * dn);
  ZIG_K[0] = Math.floor((dn / q) * m);
  ZIG_K[1] = 0;
  ZIG_W[0] = q / m;
  ZIG_W[127] = dn / m;
  ZIG_F[0] = 1;
  ZIG_F[127] = Math.exp(-0.5 * dn * dn);
  for (let i = 126; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(vn / dn + Math.exp(-0.5 * dn * dn)));
    ZIG_K[i + 1] = Math.floor((dn / tn) * m);
    tn = dn;
    ZIG_F[i] = Math.exp(-0.5 * dn * dn);
    ZIG_W[i] = dn / m;
  }
})();

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
