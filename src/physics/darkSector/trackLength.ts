/**
 * Differential track lengths of electrons, positrons and photons in an electromagnetic shower, in
 * Rossi's approximation A (bremsstrahlung and pair production with the complete-screening spectra,
 * no ionization loss, no Compton), integrated over the full depth of a thick target.
 *
 * In approximation A the spectra scale with E₀: with s = ln(E₀/E), the track length (in X0) per unit
 * s is a universal function of s. They are computed once by solving the depth-integrated cascade
 * equations as a Volterra system in s (energy only decreases, so s is "causal"):
 *  - a charged particle created above energy E crosses E exactly once, hence
 *      ∫₀ˢ P(s′) Φ_>(1 − e^{−(s−s′)}) ds′ = N_created(< s),
 *    Φ_>(v₀) = ∫_{v₀}^1 φ(v) dv the probability per X0 of a photon with fraction > v₀, φ(v) = (4/3 − 4v/3 + v²)/v
 *    (showers.md §5 / PDG §34.4.3 complete screening; the same spectrum as emShower.ts);
 *  - photons at fixed energy are removed at the pair rate 7/9 per X0: G = (9/7)·(brem production);
 *  - pairs: e⁺ (or e⁻) energy fraction w with ψ(w) = 1 − (4/3)w(1 − w), ∫ψ = 7/9 (PDG §34.4.3, [recall]).
 * Discretisation: cells of width h in s with piecewise-constant densities, collocation at cell ends
 * (product integration, the log singularity of Φ_> integrated analytically), fixed-point iteration
 * inside a cell for the photon ↔ pair coupling.
 *
 * Checks (tested): for s ≫ 1 the e± and photon densities approach Rossi's approximation-A track
 * lengths 0.437·E₀/E² and 0.572·E₀/E² per unit energy (B. Rossi, "High-Energy Particles" (1952),
 * §5; PDG §34.5 quotes the photon value; the project's context.ts uses 0.572), and the primary's
 * density tends to 1/⟨ln(1/(1−v))⟩ = 1/1.610 per unit s (renewal limit of its energy steps).
 */

/** Bremsstrahlung complete-screening Φ_>(v₀) = ∫_{v₀}^1 φ(v) dv per X0. */
export function bremAbove(v0: number): number {
  return (4 / 3) * Math.log(1 / v0) - (4 / 3) * (1 - v0) + 0.5 * (1 - v0 * v0);
}

/** Universal track-length densities per unit s = ln(E₀/E), in radiation lengths. */
export interface TrackLengthSpectra {
  /** Cell width in s. */
  h: number;
  /** Cell centres s_k. */
  s: Float64Array;
  /** The primary electron alone. */
  primary: Float64Array;
  /** All electrons (primary + shower e⁻). */
  electrons: Float64Array;
  /** Positrons. */
  positrons: Float64Array;
  /** Photons. */
  photons: Float64Array;
}

/** Maximum s of the tables: E/E₀ down to e^{−9.2} ≈ 1e-4 (10 MeV at 100 GeV). */
export const TRACK_S_MAX = 9.2;
/** Cell width in s. */
export const TRACK_H = 0.01;

let cached: TrackLengthSpectra | null = null;

/** The cached universal spectra (computed once per process, ~20 ms). */
export function trackLengthSpectra(): TrackLengthSpectra {
  if (!cached) cached = solveTrackLengths(TRACK_S_MAX, TRACK_H);
  return cached;
}

/** Gauss–Legendre 8 on [a, b]. */
function gl8(f: (x: number) => number, a: number, b: number): number {
  const X = [0.1834346424956498, 0.525532409916329, 0.7966664774136267, 0.9602898564975363];
  const W = [0.362683783378362, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763];
  const c = 0.5 * (a + b);
  const hh = 0.5 * (b - a);
  let s = 0;
  for (let i = 0; i < 4; i++) s += W[i] * (f(c - hh * X[i]) + f(c + hh * X[i]));
  return s * hh;
}

/** Solve the depth-integrated approximation-A cascade on [0, sMax] with cell width h. */
export function solveTrackLengths(sMax: number, h: number): TrackLengthSpectra {
  const n = Math.ceil(sMax / h);
  // crossing kernel K(σ) = Φ_>(1 − e^{−σ}); W[k] = ∫_{kh}^{(k+1)h} K
  const K = (sig: number) => bremAbove(-Math.expm1(-sig));
  const W = new Float64Array(n);
  // k = 0: K = (4/3) ln(1/σ) + R(σ), R smooth
  const R = (sig: number) => K(sig) - (4 / 3) * Math.log(1 / sig);
  W[0] = (4 / 3) * h * (1 - Math.log(h)) + gl8(R, 0, h);
  for (let k = 1; k < n; k++) W[k] = gl8(K, k * h, (k + 1) * h);
  // brem photon production per unit s_γ from a charged particle: σ = s_γ − s′, v = e^{−σ}: v φ(v) = 4/3 − 4v/3 + v²
  const Bf = (sig: number) => {
    const v = Math.exp(-sig);
    return 4 / 3 - (4 / 3) * v + v * v;
  };
  // pair: e± of fraction w = e^{−σ} per unit σ: w ψ(w)
  const Cf = (sig: number) => {
    const w = Math.exp(-sig);
    return w * (1 - (4 / 3) * w * (1 - w));
  };
  // midpoint-collocated weights: cell j seen from the midpoint of cell i (k = i − j ≥ 1), and the half cell (k = 0)
  const Wb = new Float64Array(n);
  const Wc = new Float64Array(n);
  Wb[0] = gl8(Bf, 0, 0.5 * h);
  Wc[0] = gl8(Cf, 0, 0.5 * h);
  for (let k = 1; k < n; k++) {
    Wb[k] = gl8(Bf, (k - 0.5) * h, (k + 0.5) * h);
    Wc[k] = gl8(Cf, (k - 0.5) * h, (k + 0.5) * h);
  }

  const p1 = new Float64Array(n);
  const P = new Float64Array(n);
  const Q = new Float64Array(n);
  const G = new Float64Array(n);
  const C = new Float64Array(n);
  let nCreated = 0; // pair e⁺ (= e⁻) created with s below the current cell start
  for (let i = 0; i < n; i++) {
    // primary alone: Σ_{j≤i} p1_j W_{i−j} = 1
    let acc1 = 0;
    for (let j = 0; j < i; j++) acc1 += p1[j] * W[i - j];
    p1[i] = (1 - acc1) / W[0];
    // explicit parts of the convolutions (cells j < i)
    let accP = 0;
    let accQ = 0;
    let accB = 0;
    let accC = 0;
    for (let j = 0; j < i; j++) {
      accP += P[j] * W[i - j];
      accQ += Q[j] * W[i - j];
      accB += (P[j] + Q[j]) * Wb[i - j];
      accC += G[j] * Wc[i - j];
    }
    // fixed-point iteration inside the cell
    let pi = i > 0 ? P[i - 1] : p1[0];
    let qi = i > 0 ? Q[i - 1] : 0;
    let gi = 0;
    let ci = 0;
    for (let it = 0; it < 6; it++) {
      gi = (9 / 7) * (accB + (pi + qi) * Wb[0]);
      ci = accC + gi * Wc[0];
      const created = nCreated + ci * h;
      pi = (1 + created - accP) / W[0];
      qi = (created - accQ) / W[0];
    }
    P[i] = pi;
    Q[i] = qi;
    G[i] = gi;
    C[i] = ci;
    nCreated += ci * h;
  }
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) s[i] = (i + 0.5) * h;
  return { h, s, primary: p1, electrons: P, positrons: Q, photons: G };
}

/**
 * Track length [X0] per unit energy of a kind at energy E for a shower of E₀ (both GeV):
 * density(s)/E with s = ln(E₀/E) (linear interpolation between cells; 0 above E₀ or below the table).
 */
export function trackLengthPerGeV(kind: 'primary' | 'electrons' | 'positrons' | 'photons', eGeV: number, e0GeV: number): number {
  const t = trackLengthSpectra();
  const sv = Math.log(e0GeV / eGeV);
  if (!(sv >= 0) || sv >= TRACK_S_MAX) return 0;
  const arr = t[kind];
  const f = sv / t.h - 0.5;
  const i = Math.max(0, Math.min(arr.length - 2, Math.floor(f)));
  const w = Math.min(1, Math.max(0, f - i));
  return ((1 - w) * arr[i] + w * arr[i + 1]) / eGeV;
}
