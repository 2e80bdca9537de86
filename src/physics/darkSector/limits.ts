/**
 * Upper limits and exclusion curves for a counting experiment (the signal box):
 *  - Poisson 90 % CL upper limits on the signal mean s for n observed events and an expected
 *    background b: classical (Neyman, "P(N ≤ n | s + b) = 1 − CL"; 2.30 for n = 0, b = 0 and
 *    1.30 for n = 0, b = 1) and CLs (A. L. Read, J. Phys. G 28 (2002) 2693:
 *    P(N ≤ n | s + b)/P(N ≤ n | b) = 1 − CL; 2.30 for n = 0 whatever b);
 *  - the expected limit for background only (mean over n ~ Poisson(b));
 *  - ε₉₀(m) = ε₀ sqrt(N_up/N_sig(ε₀)) since all yields scale as ε² (the A′/Z′ production cross
 *    sections ∝ ε² and Br(invisible) ≈ 1), y₉₀ = ε₉₀² α_D (m_χ/m_A′)⁴;
 *  - the limit curve over a list of masses and a grid search of the signal-box edges maximising
 *    the sensitivity (smallest expected ε₉₀).
 * Pure functions; the signal-box content of a background run is passed in as a callback so this
 * module does not depend on the analysis code (the UI passes `summariseBox(...).scaled`).
 */
import { gammaQ } from '../math';
import type { SignalBox } from '../setups/types';
import { MCHI_OVER_MA } from './common';

/** P(N ≤ n | μ) for a Poisson mean μ (= Q(n + 1, μ), the regularised upper incomplete gamma). */
export function poissonCdf(n: number, mu: number): number {
  if (n < 0) return 0;
  if (!(mu > 0)) return 1;
  return gammaQ(Math.floor(n) + 1, mu);
}

export type LimitMethod = 'classical' | 'cls';

/** Solve a decreasing f(s) = target on s ≥ 0 by bracketing and bisection (relative precision 1e-10). */
function solveDecreasing(f: (s: number) => number, target: number): number {
  if (f(0) <= target) return 0;
  let hi = 1;
  while (f(hi) > target) {
    hi *= 2;
    if (hi > 1e9) return Infinity;
  }
  let lo = 0;
  for (let i = 0; i < 200 && hi - lo > 1e-10 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (f(mid) > target) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/**
 * Upper limit on the signal mean at confidence level `cl` (default 0.9) for n observed events and
 * background b ≥ 0. 'classical': P(N ≤ n | s + b) = 1 − cl (clipped at 0 when the background alone
 * already gives P < 1 − cl). 'cls' (default): P(N ≤ n | s + b)/P(N ≤ n | b) = 1 − cl.
 * Throws RangeError for negative n or b, or cl outside (0, 1).
 */
export function poissonUpperLimit(n: number, b: number, method: LimitMethod = 'cls', cl = 0.9): number {
  if (!(n >= 0) || !(b >= 0) || !(cl > 0 && cl < 1)) throw new RangeError(`poissonUpperLimit: bad n ${n}, b ${b} or cl ${cl}`);
  const alpha = 1 - cl;
  if (method === 'classical') return solveDecreasing((s) => poissonCdf(n, s + b), alpha);
  const pb = poissonCdf(n, b);
  return solveDecreasing((s) => poissonCdf(n, s + b) / pb, alpha);
}

/** Background above which the expected limit uses the Gaussian approximation z·sqrt(b). */
const LARGE_B = 200;

/**
 * Expected upper limit for background b when no signal is present: Σ_n P(n | b) · s_up(n, b)
 * (n up to where the Poisson tail is < 1e-7); for b > 200 the Gaussian value 1.2816·sqrt(b)
 * (one-sided 90 % quantile; `cl` other than 0.9 uses the matching normal quantile).
 * 2.30 for b = 0 (method 'cls' or 'classical').
 */
export function expectedUpperLimit(b: number, method: LimitMethod = 'cls', cl = 0.9): number {
  if (!(b >= 0)) throw new RangeError(`expectedUpperLimit: bad background ${b}`);
  if (b > LARGE_B) return normalQuantile(cl) * Math.sqrt(b);
  let acc = 0;
  let pSum = 0;
  let p = Math.exp(-b);
  for (let n = 0; n < 10000; n++) {
    if (n > 0) p *= b / n;
    acc += p * poissonUpperLimit(n, b, method, cl);
    pSum += p;
    if (n > b && 1 - pSum < 1e-7) break;
  }
  return acc / pSum;
}

/** Standard normal quantile (Acklam's rational approximation, |error| < 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile: p must be in (0,1), got ${p}`);
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const bb = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const pl = 0.02425;
  if (p < pl) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - pl) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((bb[0] * r + bb[1]) * r + bb[2]) * r + bb[3]) * r + bb[4]) * r + 1);
}

/** ε₉₀ = ε₀ sqrt(N_up/N_sig(ε₀)) (yields ∝ ε²); Infinity when no signal is expected. */
export function epsilonAtLimit(nUp: number, nSignalAtEps0: number, eps0: number): number {
  return nSignalAtEps0 > 0 ? eps0 * Math.sqrt(nUp / nSignalAtEps0) : Infinity;
}

/** y = ε² α_D (m_χ/m_A′)⁴. */
export const yAtLimit = (eps: number, alphaD: number, mChiOverMA = MCHI_OVER_MA): number => eps * eps * alphaD * mChiOverMA ** 4;

/** One mass of a limit computation. */
export interface LimitInput {
  massMeV: number;
  /** Signal yield per particle on target at the reference coupling ε₀ (the generator's p). */
  yieldPerOnTargetAtEps0: number;
  /** Signal efficiency of the cuts and the box (fraction of the generated signal). */
  efficiency: number;
}

export interface LimitOptions {
  /** Reference coupling ε₀ (or g_Z′) at which the yields are given. */
  eps0: number;
  /** Number of particles on target (EOT or MOT). */
  nOnTarget: number;
  /** Expected background in the box at nOnTarget. */
  background: number;
  /** Observed events; absent → the expected (background-only) limit. */
  observed?: number;
  method?: LimitMethod;
  cl?: number;
  /** α_D and m_χ/m_A′ for y (defaults 0.5 and 1/3). */
  alphaD?: number;
  mChiOverMA?: number;
}

export interface LimitPoint {
  massMeV: number;
  /** m_χ = m_A′ · (m_χ/m_A′) [MeV]. */
  mChiMeV: number;
  efficiency: number;
  /** Expected signal events at ε₀. */
  signalAtEps0: number;
  /** Upper limit on the number of signal events. */
  nUp: number;
  /** 90 % CL upper limit on ε (or g_Z′). */
  epsilon90: number;
  /** y₉₀ = ε₉₀² α_D (m_χ/m_A′)⁴. */
  y90: number;
}

/** The upper-limit count used for a background and options (observed or expected). */
export function upperLimitCount(opts: Pick<LimitOptions, 'background' | 'observed' | 'method' | 'cl'>): number {
  const method = opts.method ?? 'cls';
  return opts.observed === undefined
    ? expectedUpperLimit(opts.background, method, opts.cl)
    : poissonUpperLimit(opts.observed, opts.background, method, opts.cl);
}

/** Limit curve ε₉₀(m), y₉₀(m_χ) for per-mass yields and efficiencies and one box background. */
export function limitCurve(inputs: readonly LimitInput[], opts: LimitOptions): LimitPoint[] {
  const nUp = upperLimitCount(opts);
  const alphaD = opts.alphaD ?? 0.5;
  const r = opts.mChiOverMA ?? MCHI_OVER_MA;
  return inputs.map((p) => {
    const sig = opts.nOnTarget * p.yieldPerOnTargetAtEps0 * p.efficiency;
    const eps = epsilonAtLimit(nUp, sig, opts.eps0);
    return { massMeV: p.massMeV, mChiMeV: p.massMeV * r, efficiency: p.efficiency, signalAtEps0: sig, nUp, epsilon90: eps, y90: yAtLimit(eps, alphaD, r) };
  });
}

// ---------------------------------------------------------------------------------------------
// Signal efficiency in a box and box optimisation
// ---------------------------------------------------------------------------------------------

/** Signal events that passed the cuts, in plot coordinates, with the normalisation of the sample. */
export interface SignalSample {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  w: ArrayLike<number>;
  /** Σw over all generated signal events (before any cut). */
  totalWeight: number;
}

/** Fraction of the signal weight with xMin ≤ x < xMax and yMin ≤ y < yMax. */
export function efficiencyInBox(s: SignalSample, box: SignalBox): number {
  if (!(s.totalWeight > 0)) return 0;
  let acc = 0;
  for (let i = 0; i < s.x.length; i++) {
    const x = s.x[i];
    const y = s.y[i];
    if (x >= box.xMinGeV && x < box.xMaxGeV && y >= box.yMinGeV && y < box.yMaxGeV) acc += s.w[i];
  }
  return acc / s.totalWeight;
}

export interface BoxOptimisationInput {
  /** Per mass: the signal sample after cuts and its yield per particle on target at eps0. */
  signals: readonly { massMeV: number; sample: SignalSample; yieldPerOnTargetAtEps0: number }[];
  /** Expected background in a box at nOnTarget (e.g. box => summariseBox(a, box, N).scaled). */
  backgroundInBox: (box: SignalBox) => number;
  nOnTarget: number;
  eps0: number;
  /** Fixed lower edges (default 0, 0). */
  xMinGeV?: number;
  yMinGeV?: number;
  /** Candidate upper edges (defaults: E_ECAL max 20…90 GeV in 5 GeV steps; E_HCAL max 0.25…5 GeV). */
  xMaxGrid?: readonly number[];
  yMaxGrid?: readonly number[];
  method?: LimitMethod;
}

export interface BoxCandidate {
  box: SignalBox;
  background: number;
  /** Expected N_up for that background. */
  nUp: number;
  /** Expected ε₉₀ per mass (same order as the input signals). */
  epsilon90: number[];
  /** Geometric mean of ε₉₀ over the masses (the figure of merit, smaller is better). */
  score: number;
}

export const DEFAULT_XMAX_GRID = [20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90];
export const DEFAULT_YMAX_GRID = [0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5];

/**
 * Grid search of the box's upper edges (E_ECAL max, E_HCAL max) minimising the geometric mean over
 * the masses of the expected ε₉₀ (equivalently maximising Π eff_m / N_up(b)). Returns the best
 * candidate and all candidates (for a heat map). With a background sample of limited statistics
 * an empty box region reads b = 0, which favours large boxes: judge the result with the MC
 * statistics in mind (the lower edge of the EM peak is where b jumps).
 */
export function optimiseBox(input: BoxOptimisationInput): { best: BoxCandidate; candidates: BoxCandidate[] } {
  const xs = input.xMaxGrid ?? DEFAULT_XMAX_GRID;
  const ys = input.yMaxGrid ?? DEFAULT_YMAX_GRID;
  const x0 = input.xMinGeV ?? 0;
  const y0 = input.yMinGeV ?? 0;
  const method = input.method ?? 'cls';
  const candidates: BoxCandidate[] = [];
  let best: BoxCandidate | null = null;
  for (const xm of xs)
    for (const ym of ys) {
      if (!(xm > x0 && ym > y0)) continue;
      const box = { xMinGeV: x0, xMaxGeV: xm, yMinGeV: y0, yMaxGeV: ym };
      const b = Math.max(0, input.backgroundInBox(box));
      const nUp = expectedUpperLimit(b, method);
      const eps = input.signals.map((s) => epsilonAtLimit(nUp, input.nOnTarget * s.yieldPerOnTargetAtEps0 * efficiencyInBox(s.sample, box), input.eps0));
      const finite = eps.every((e) => Number.isFinite(e));
      const score = finite && eps.length > 0 ? Math.exp(eps.reduce((a, e) => a + Math.log(e), 0) / eps.length) : Infinity;
      const c = { box, background: b, nUp, epsilon90: eps, score };
      candidates.push(c);
      if (!best || c.score < best.score) best = c;
    }
  if (!best) throw new RangeError('optimiseBox: empty grid');
  return { best, candidates };
}
