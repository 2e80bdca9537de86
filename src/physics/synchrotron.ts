/**
 * Synchrotron radiation of a charged particle in a bending magnet (muons sheet §5.4; standard SR
 * formulas, J. D. Jackson, Classical Electrodynamics §14.6):
 *   E_c [keV] = 0.665 · E²[GeV²] · B[T] · (m_e/m)³  (E_c = 3ħcγ³/2ρ; for electrons 0.665 E² B)
 *   N_γ per radian = 5/(2√3) · α · γ,   ⟨E_γ⟩ = 8/(15√3) · E_c
 *   photon-number spectrum dN/dx ∝ ∫_x^∞ K_{5/3}(t) dt,  x = E_γ / E_c.
 * The spectrum is tabulated once (K_{5/3} by its integral representation
 * K_ν(x) = ∫_0^∞ exp(−x cosh t) cosh(ν t) dt) and sampled by inverse CDF.
 */
import { ALPHA, ELECTRON_MASS_MEV } from './units';
import type { Rng } from './rng';

/** Critical energy [MeV] of a particle of energy E [MeV] and mass m [MeV] in a field B [T]. */
export function srCriticalEnergyMeV(energyMeV: number, massMeV: number, fieldT: number): number {
  // E_c = (3/2) ħ c γ³ / ρ,  ρ = p / (0.3 B)  →  0.665 keV · (E/GeV)² · B · (m_e/m)³ for the same E.
  const eGeV = energyMeV / 1000;
  const r = ELECTRON_MASS_MEV / massMeV;
  return 0.665e-3 * eGeV * eGeV * fieldT * r * r * r;
}

/** Mean number of SR photons emitted over a bend angle θ [rad] by a particle of Lorentz factor γ. */
export function srPhotonCount(gamma: number, thetaRad: number): number {
  return ((5 / (2 * Math.sqrt(3))) * ALPHA * gamma * thetaRad);
}

/** Mean photon energy over critical energy, 8/(15√3) = 0.3079. */
export const SR_MEAN_OVER_EC = 8 / (15 * Math.sqrt(3));

function besselK(nu: number, x: number): number {
  // ∫_0^∞ exp(−x cosh t) cosh(ν t) dt, trapezoid in t (integrand decays double-exponentially)
  const h = 0.02;
  let s = 0.5 * Math.exp(-x);
  for (let k = 1; k < 2000; k++) {
    const t = k * h;
    const v = Math.exp(-x * Math.cosh(t)) * Math.cosh(nu * t);
    s += v;
    if (v < 1e-16 * s) break;
  }
  return s * h;
}

// Tabulated inverse CDF of the photon-number spectrum in x = E/E_c on [X_MIN, X_MAX].
const X_MIN = 1e-9;
const X_MAX = 30;
const NT = 4096;
let invCdf: Float64Array | null = null;
let meanX = 0;
let meanX2 = 0;

function buildTable(): Float64Array {
  // grid in ln x
  const n = 3000;
  const lx = new Float64Array(n);
  const kint = new Float64Array(n); // ∫_x^∞ K53
  for (let i = 0; i < n; i++) lx[i] = Math.log(X_MIN) + ((Math.log(X_MAX) - Math.log(X_MIN)) * i) / (n - 1);
  // integrate K53 from X_MAX downwards
  kint[n - 1] = 0;
  let prevK = besselK(5 / 3, X_MAX);
  for (let i = n - 2; i >= 0; i--) {
    const x0 = Math.exp(lx[i]);
    const x1 = Math.exp(lx[i + 1]);
    const k0 = besselK(5 / 3, x0);
    kint[i] = kint[i + 1] + 0.5 * (k0 + prevK) * (x1 - x0);
    prevK = k0;
  }
  // number CDF in ln x: dN ∝ kint(x) dx = kint(x) x d(ln x)
  const cdf = new Float64Array(n);
  let m1 = 0;
  let m2 = 0;
  for (let i = 1; i < n; i++) {
    const x0 = Math.exp(lx[i - 1]);
    const x1 = Math.exp(lx[i]);
    const dn = 0.5 * (kint[i - 1] * x0 + kint[i] * x1) * (lx[i] - lx[i - 1]);
    cdf[i] = cdf[i - 1] + dn;
    const xm = 0.5 * (x0 + x1);
    m1 += dn * xm;
    m2 += dn * xm * xm;
  }
  const tot = cdf[n - 1];
  meanX = m1 / tot;
  meanX2 = m2 / tot;
  const table = new Float64Array(NT + 1);
  let j = 0;
  for (let k = 0; k <= NT; k++) {
    const u = (k / NT) * tot;
    while (j < n - 2 && cdf[j + 1] < u) j++;
    const f = cdf[j + 1] > cdf[j] ? (u - cdf[j]) / (cdf[j + 1] - cdf[j]) : 0;
    table[k] = Math.exp(lx[j] + f * (lx[j + 1] - lx[j]));
  }
  return table;
}

function table(): Float64Array {
  if (!invCdf) invCdf = buildTable();
  return invCdf;
}

/** Sample x = E_γ/E_c of one SR photon. */
export function sampleSrFraction(rng: Rng): number {
  const t = table();
  const u = rng.uniform() * NT;
  const k = Math.min(NT - 1, Math.floor(u));
  const f = u - k;
  return t[k] * Math.pow(t[k + 1] / t[k], f);
}

/**
 * ⟨x⟩ and ⟨x²⟩ of the photon-number spectrum (x = E/E_c), analytically: ⟨x⟩ = 8/(15√3) and
 * ⟨x²⟩ = 11/27 (Sands, "The Physics of Electron Storage Rings", SLAC-121 (1970): photon rate
 * N = (15√3/8) P/u_c and N⟨u²⟩ = (55/(24√3)) P u_c give ⟨u²⟩ = (11/27) u_c²). No table is needed.
 */
export function srSpectrumMoments(): { mean: number; meanSq: number } {
  return { mean: SR_MEAN_OVER_EC, meanSq: SR_MEAN_SQ_OVER_EC2 };
}

/** ⟨x²⟩ of the photon-number spectrum, 11/27 (see srSpectrumMoments). */
export const SR_MEAN_SQ_OVER_EC2 = 11 / 27;

/** ⟨x⟩ and ⟨x²⟩ of the tabulated spectrum that sampleSrFraction draws from (checks the table). */
export function srTableMoments(): { mean: number; meanSq: number } {
  table();
  return { mean: meanX, meanSq: meanX2 };
}
