/**
 * Shared pieces of the dark-sector physics: unit conversions, masses in GeV, the elastic
 * (atomic screening + nuclear size) effective photon flux χ of the Weizsäcker–Williams
 * approximation, Gauss–Legendre nodes, and small table helpers.
 *
 * Formulas are written in natural units with energies in GeV (as in the sources); the public
 * functions of the dark-sector modules say their units in their names (…MeV, …GeV, …Pb).
 *
 * Sources: muons sheet (shared/physics/muons-dark-sector-tracking.md) §2.2 "Effective photon flux",
 * which transcribes DMG4 `DarkPhotons.cc` / `DarkZ.cc` (M. Bondi et al., CPC 269 (2021) 108129,
 * arXiv:2101.12192): t_a = (m_e/(111 Z^{-1/3}))², t_d = 0.164 A^{-2/3} GeV².
 */
import { AVOGADRO, ELECTRON_MASS_MEV, MUON_MASS_MEV } from '../units';

/** (ħc)² = 0.389379 GeV² mb: a cross section in GeV⁻² times this is in pb (muons sheet header). */
export const GEV2_TO_PB = 3.8937937e8;
/** 1 pb in cm². */
export const PB_TO_CM2 = 1e-36;
/** Electron and muon masses [GeV]. */
export const ME_GEV = ELECTRON_MASS_MEV / 1000;
export const MMU_GEV = MUON_MASS_MEV / 1000;
/** m_χ/m_A′ of the NA64 benchmark (muons sheet §2.1: DMG4 default m_χ = m_A′/3; NA64-PRD18). */
export const MCHI_OVER_MA = 1 / 3;

/**
 * Elastic effective photon flux χ(t_min, t_max) for a nucleus (Z, A) [dimensionless, includes Z²]:
 * the analytic integral ∫ dt (t − t_min)/t² G²(t) of the Tsai/BEST09 elastic form factor with
 * atomic screening (t_a) and nuclear size (t_d), as written in the muons sheet §2.2 (from DMG4).
 * Returns 0 where t_min ≥ t_max or where rounding makes the result negative.
 */
export function elasticFluxChi(tMin: number, tMax: number, z: number, a: number): number {
  if (!(tMax > tMin) || !(tMin >= 0)) return 0;
  const ta = (ME_GEV / (111 * Math.pow(z, -1 / 3))) ** 2;
  const td = 0.164 * Math.pow(a, -2 / 3);
  const d = ta - td;
  const term1 = (d * (ta + td + 2 * tMax) * (tMax - tMin)) / ((ta + tMax) * (td + tMax));
  const term2 = (ta + td + 2 * tMin) * (Math.log(ta + tMax) - Math.log(td + tMax) - Math.log(ta + tMin) + Math.log(td + tMin));
  const chi = z * z * (-(td * td) / (d * d * d)) * (term1 + term2);
  return chi > 0 ? chi : 0;
}

/** Atoms per cm³ of an element or effective compound of density ρ [g/cm³] and molar mass A [g/mol]. */
export const atomsPerCm3 = (densityGcm3: number, aGmol: number): number => (densityGcm3 * AVOGADRO) / aGmol;

/** 16-point Gauss–Legendre nodes and weights on [−1, 1] (Abramowitz & Stegun Table 25.4). */
const GL16_X = [
  0.0950125098376374, 0.2816035507792589, 0.4580167776572274, 0.6178762444026438, 0.755404408355003, 0.8656312023878318,
  0.9445750230732326, 0.9894009349916499,
];
const GL16_W = [
  0.1894506104550685, 0.1826034150449236, 0.1691565193950025, 0.1495959888165767, 0.1246289712555339, 0.0951585116824928,
  0.0622535239386479, 0.0271524594117541,
];

/** ∫_a^b f(x) dx by 16-point Gauss–Legendre (smooth integrands). */
export function gauss16(f: (x: number) => number, a: number, b: number): number {
  const c = 0.5 * (a + b);
  const h = 0.5 * (b - a);
  let s = 0;
  for (let i = 0; i < 8; i++) {
    const dx = h * GL16_X[i];
    s += GL16_W[i] * (f(c - dx) + f(c + dx));
  }
  return s * h;
}

/** Index i with grid[i] <= v < grid[i+1] (clamped to [0, n−2]); grid ascending. */
export function bracket(grid: ArrayLike<number>, v: number): number {
  const n = grid.length;
  if (v <= grid[0]) return 0;
  if (v >= grid[n - 1]) return n - 2;
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (grid[mid] <= v) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Linear interpolation of table (xs ascending, ys) at x, clamped at the ends. */
export function interp(xs: ArrayLike<number>, ys: ArrayLike<number>, x: number): number {
  const i = bracket(xs, x);
  const x0 = xs[i];
  const x1 = xs[i + 1];
  const t = x1 > x0 ? Math.min(1, Math.max(0, (x - x0) / (x1 - x0))) : 0;
  return ys[i] + t * (ys[i + 1] - ys[i]);
}

/**
 * A tabulated cumulative distribution on a grid of a variable v: cdf[k] = P(V <= grid[k]) with
 * cdf[0] = 0 and cdf[n−1] = 1 (piecewise-linear CDF = piecewise-constant density per cell).
 * Built from density values at the grid points (trapezoid rule). Immutable once built.
 */
export class TabulatedCdf {
  readonly grid: Float64Array;
  readonly cdf: Float64Array;
  /** Integral of the density (or sum of the cell weights) before normalisation. */
  readonly total: number;

  private constructor(grid: Float64Array, cumulative: Float64Array) {
    const n = grid.length;
    this.grid = grid;
    this.total = cumulative[n - 1];
    const c = new Float64Array(n);
    if (this.total > 0) {
      for (let k = 0; k < n; k++) c[k] = cumulative[k] / this.total;
      c[n - 1] = 1;
    }
    this.cdf = c;
  }

  /** From density values at the grid points (trapezoid rule per cell; negative values count as 0). */
  static fromDensity(grid: Float64Array, density: Float64Array): TabulatedCdf {
    const n = grid.length;
    if (n < 2 || density.length !== n) throw new RangeError('TabulatedCdf: need ≥ 2 grid points and one density per point');
    const cum = new Float64Array(n);
    for (let k = 1; k < n; k++) cum[k] = cum[k - 1] + 0.5 * (Math.max(0, density[k - 1]) + Math.max(0, density[k])) * (grid[k] - grid[k - 1]);
    return new TabulatedCdf(grid, cum);
  }

  /**
   * From cell weights: cell k spans [edges[k], edges[k+1]) with weight cellWeights[k] (a step
   * density; the CDF is exactly linear inside each cell).
   */
  static fromCells(edges: Float64Array, cellWeights: Float64Array): TabulatedCdf {
    const n = edges.length;
    if (n < 2 || cellWeights.length !== n - 1) throw new RangeError('TabulatedCdf.fromCells: need one weight per cell');
    const cum = new Float64Array(n);
    for (let k = 1; k < n; k++) cum[k] = cum[k - 1] + Math.max(0, cellWeights[k - 1]);
    return new TabulatedCdf(edges, cum);
  }

  /** P(V <= v). */
  cdfAt(v: number): number {
    return interp(this.grid, this.cdf, v);
  }

  /** v with P(V <= v) = u (u in [0, 1]); linear inside a cell. */
  quantile(u: number): number {
    const c = this.cdf;
    const i = bracket(c, u);
    const dc = c[i + 1] - c[i];
    const t = dc > 0 ? (u - c[i]) / dc : 0.5;
    return this.grid[i] + Math.min(1, Math.max(0, t)) * (this.grid[i + 1] - this.grid[i]);
  }
}
