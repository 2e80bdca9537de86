/**
 * Dark photon A′ production by electrons and positrons in matter (NA64e invisible mode):
 *  - widths Γ(A′ → e⁺e⁻, μ⁺μ⁻) ∝ ε² and Γ(A′ → χχ̄) ∝ α_D (Dirac or scalar χ);
 *  - dark bremsstrahlung e Z → e Z A′: total cross section in the improved Weizsäcker–Williams
 *    (IWW) approximation corrected by the DMG4 K-factor table (exact-tree-level / IWW), and the
 *    energy-fraction spectrum dσ/dx (x = E_A′/E₀) with a tabulated inverse-CDF sampler;
 *  - resonant annihilation e⁺e⁻(atomic) → A′ → χχ̄ of positrons: Breit–Wigner cross section, its
 *    narrow-width integral, and the resonance energy E_R = (m² − 2m_e²)/(2m_e).
 *
 * Sources (all formulas re-derived/re-written from the cited text, not copied code):
 *  - muons sheet §2.1–2.4 (shared/physics/muons-dark-sector-tracking.md), which transcribes DMG4
 *    (M. Bondi et al., CPC 269 (2021) 108129, arXiv:2101.12192): `DarkPhotons.cc` (σ_IWW, dσ/dx,
 *    Width), `KFactors.code` (K table), `DarkPhotonsAnnihilation.cc` / `DarkMatterAnnihilation.cc`
 *    (annihilation cross section, χ widths);
 *  - J. D. Bjorken, R. Essig, P. Schuster, N. Toro, PRD 80 (2009) 075018 (WW A′ cross section, the
 *    m_e ≪ m ≪ E₀ limit of dσ/dx);
 *  - S. N. Gninenko et al., PLB 789 (2018) 406 (exact tree level vs (I)WW; origin of the K-factors).
 * Energies in GeV inside formulas; cross sections in pb (1 pb = 1e-36 cm²).
 */
import { ALPHA } from '../units';
import { GEV2_TO_PB, ME_GEV, MMU_GEV, MCHI_OVER_MA, TabulatedCdf, bracket, elasticFluxChi } from './common';

// ---------------------------------------------------------------------------------------------
// Widths
// ---------------------------------------------------------------------------------------------

/**
 * Γ(A′ → ℓ⁺ℓ⁻) = (α ε² m/3)(1 + 2m_ℓ²/m²) sqrt(1 − 4m_ℓ²/m²) [GeV] (muons sheet §2.1, DMG4
 * DarkPhotons::Width for ℓ = e; the same form for μ). 0 below threshold.
 */
export function aprimeWidthLeptonsGeV(mGeV: number, eps: number, mLeptonGeV = ME_GEV): number {
  const r = (mLeptonGeV * mLeptonGeV) / (mGeV * mGeV);
  if (!(4 * r < 1)) return 0;
  return ((ALPHA * eps * eps * mGeV) / 3) * (1 + 2 * r) * Math.sqrt(1 - 4 * r);
}

/** Spin of the light dark matter χ. */
export type ChiSpin = 'dirac' | 'scalar';

/**
 * Γ(A′ → χχ̄) [GeV]: Dirac (α_D m/3)(1 + 2m_χ²/m²) sqrt(1 − 4m_χ²/m²); scalar
 * (α_D m/12)(1 − 4m_χ²/m²)^{3/2} (muons sheet §2.1, DMG4 DarkPhotonsAnnihilation.cc). 0 below threshold.
 */
export function aprimeWidthChiGeV(mGeV: number, alphaD: number, mChiGeV = mGeV * MCHI_OVER_MA, spin: ChiSpin = 'dirac'): number {
  const r = (mChiGeV * mChiGeV) / (mGeV * mGeV);
  if (!(4 * r < 1)) return 0;
  const b = Math.sqrt(1 - 4 * r);
  return spin === 'dirac' ? ((alphaD * mGeV) / 3) * (1 + 2 * r) * b : ((alphaD * mGeV) / 12) * b * b * b;
}

/** Total width (e⁺e⁻ + μ⁺μ⁻ + χχ̄) [GeV]; hadronic visible widths above 2m_π are neglected (ASSUME-APRIME-WIDTH). */
export function aprimeTotalWidthGeV(mGeV: number, eps: number, alphaD: number, mChiGeV = mGeV * MCHI_OVER_MA, spin: ChiSpin = 'dirac'): number {
  return aprimeWidthLeptonsGeV(mGeV, eps, ME_GEV) + aprimeWidthLeptonsGeV(mGeV, eps, MMU_GEV) + aprimeWidthChiGeV(mGeV, alphaD, mChiGeV, spin);
}

/** Br(A′ → χχ̄) = Γ_χ/Γ_tot (≈ 1 for α_D ≫ ε² α, the NA64 invisible benchmark). */
export function aprimeInvisibleBr(mGeV: number, eps: number, alphaD: number, mChiGeV = mGeV * MCHI_OVER_MA, spin: ChiSpin = 'dirac'): number {
  const g = aprimeTotalWidthGeV(mGeV, eps, alphaD, mChiGeV, spin);
  return g > 0 ? aprimeWidthChiGeV(mGeV, alphaD, mChiGeV, spin) / g : 0;
}

/** y = ε² α_D (m_χ/m_A′)⁴ (NA64-PRD18; seeds 000/001). */
export const yOfEpsilon = (eps: number, alphaD: number, mChiOverMA = MCHI_OVER_MA): number => eps * eps * alphaD * mChiOverMA ** 4;
/** ε from y (inverse of yOfEpsilon). */
export const epsilonOfY = (y: number, alphaD: number, mChiOverMA = MCHI_OVER_MA): number => Math.sqrt(y / (alphaD * mChiOverMA ** 4));

// ---------------------------------------------------------------------------------------------
// K-factor table (DMG4 KFactors.code via the muons sheet §2.2)
// ---------------------------------------------------------------------------------------------

/**
 * Mass grid [GeV] of the K-factor table. DMG4's file lists `…, 0.02, 0.3, 0.4, 0.05, …`; the
 * entries 0.3, 0.4 between 0.02 and 0.05 are typos for 0.03, 0.04 (the rows are labelled
 * KfMA30MeV, KfMA40MeV; muons sheet §2.2 note). The fixed grid is used here.
 */
export const KFACTOR_MASS_GEV = [
  0.001, 0.002, 0.004, 0.006, 0.008, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07, 0.08, 0.09, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7,
  0.8, 0.9, 1.0,
] as const;
/** Electron energies [GeV] of the K-factor table. */
export const KFACTOR_E0_GEV = [20, 40, 60, 80, 100, 120, 140, 160] as const;
/** K = σ_IWW/σ_ETL per (mass row, energy column), DMG4 KFactors.code. */
export const KFACTOR_TABLE: readonly (readonly number[])[] = [
  [0.606286, 0.605283, 0.604929, 0.60474, 0.604626, 0.604549, 0.604485, 0.604527],
  [0.837599, 0.83442, 0.833288, 0.832704, 0.832335, 0.832088, 0.831908, 0.831281],
  [0.969624, 0.960278, 0.956935, 0.955195, 0.954116, 0.95338, 0.952846, 0.952438],
  [1.04025, 1.02264, 1.01628, 1.01296, 1.0109, 1.00949, 1.00846, 1.00767],
  [1.09678, 1.06925, 1.0592, 1.05392, 1.05064, 1.04838, 1.04674, 1.04549],
  [1.14791, 1.10876, 1.09496, 1.0874, 1.08268, 1.07945, 1.07708, 1.07527],
  [1.37278, 1.27614, 1.23623, 1.21422, 1.20018, 1.19038, 1.18313, 1.17754],
  [1.54771, 1.41733, 1.3544, 1.31719, 1.29257, 1.27496, 1.26174, 1.25144],
  [1.67437, 1.53055, 1.45506, 1.40683, 1.37324, 1.34847, 1.32944, 1.31436],
  [1.77288, 1.61665, 1.53582, 1.48201, 1.44284, 1.4129, 1.38925, 1.37014],
  [1.85602, 1.68401, 1.59904, 1.54266, 1.50082, 1.46799, 1.4415, 1.4195],
  [1.92991, 1.74007, 1.64994, 1.5915, 1.5483, 1.51409, 1.486, 1.46248],
  [1.99782, 1.78938, 1.69307, 1.63207, 1.58764, 1.5526, 1.52374, 1.49944],
  [2.0617, 1.83451, 1.73141, 1.66729, 1.6213, 1.58541, 1.55599, 1.53126],
  [2.12278, 1.87693, 1.76675, 1.69911, 1.65122, 1.61423, 1.58415, 1.55903],
  [2.06543, 1.99617, 1.97534, 1.96104, 1.88813, 1.83371, 1.79096, 1.75693],
  [2.11679, 1.99508, 1.94777, 1.92431, 1.91109, 1.90242, 1.89753, 1.8933],
  [2.20752, 2.03888, 1.96707, 1.92846, 1.90484, 1.8891, 1.87848, 1.8697],
  [2.31917, 2.10361, 2.00917, 1.95564, 1.92204, 1.89876, 1.88227, 1.86935],
  [2.44447, 2.18024, 2.06445, 1.99649, 1.95258, 1.92186, 1.89907, 1.88231],
  [2.5793, 2.26485, 2.1282, 2.04634, 1.9922, 1.9539, 1.92531, 1.90398],
  [2.72069, 2.35541, 2.19782, 2.10255, 2.03836, 1.9924, 1.95799, 1.93186],
  [2.86596, 2.45069, 2.27181, 2.16346, 2.08944, 2.03584, 1.99582, 1.96446],
  [3.01242, 2.54971, 2.34923, 2.22797, 2.14436, 2.08319, 2.03674, 2.00084],
];

/**
 * K-factor K(m, E₀) by bilinear interpolation (linear in m and in E₀, as DMG4's
 * BilinearInterpolation) on the typo-fixed grid; m and E₀ are clamped to the table ranges
 * [1 MeV, 1 GeV] × [20, 160] GeV (ASSUME-KFACTOR-RANGE; DMG4 clamps the same way).
 */
export function kFactor(mGeV: number, e0GeV: number): number {
  const m = Math.min(KFACTOR_MASS_GEV[KFACTOR_MASS_GEV.length - 1], Math.max(KFACTOR_MASS_GEV[0], mGeV));
  const e = Math.min(KFACTOR_E0_GEV[KFACTOR_E0_GEV.length - 1], Math.max(KFACTOR_E0_GEV[0], e0GeV));
  const i = bracket(KFACTOR_MASS_GEV, m);
  const j = bracket(KFACTOR_E0_GEV, e);
  const tm = (m - KFACTOR_MASS_GEV[i]) / (KFACTOR_MASS_GEV[i + 1] - KFACTOR_MASS_GEV[i]);
  const te = (e - KFACTOR_E0_GEV[j]) / (KFACTOR_E0_GEV[j + 1] - KFACTOR_E0_GEV[j]);
  const k = KFACTOR_TABLE;
  return (1 - tm) * ((1 - te) * k[i][j] + te * k[i][j + 1]) + tm * ((1 - te) * k[i + 1][j] + te * k[i + 1][j + 1]);
}

// ---------------------------------------------------------------------------------------------
// Dark bremsstrahlung cross section
// ---------------------------------------------------------------------------------------------

/** Smallest A′ mass [GeV] of the IWW formulas used here (DMG4 switches to ETL tables below 1 MeV). */
export const APRIME_MIN_MASS_GEV = 0.001;

/** Kinematic threshold E₀ > m(1 + m_e/M + 2m/M), M = A GeV (muons sheet §2.2, DMG4). */
export const aprimeThresholdGeV = (mGeV: number, a: number): number => mGeV * (1 + ME_GEV / a + (2 * mGeV) / a);

export interface AprimeXsecOptions {
  /** Divide by the K-factor (default true): σ_used = σ_IWW/K (DMG4). */
  kFactor?: boolean;
}

/**
 * Total dark-bremsstrahlung cross section per atom [pb] of an electron (or positron) of energy
 * e0GeV on a nucleus (Z, A): σ = (4/3) α³ ε² χ β ln(1/c²)/m² / K, β = sqrt(1 − m²/E₀²),
 * c = max(m_e/m, m/E₀), χ = elasticFluxChi(m⁴/4E₀², m²) (muons sheet §2.2, from DMG4
 * DarkPhotons::TotalCrossSectionCalc). Scales as ε² and (through χ) ≈ Z²; ∝ 1/m² up to logs and K.
 * Returns 0 below threshold. Throws RangeError for m < 1 MeV (outside the IWW formula's use).
 */
export function aprimeBremXsecPb(e0GeV: number, mGeV: number, eps: number, z: number, a: number, opts: AprimeXsecOptions = {}): number {
  if (!(mGeV >= APRIME_MIN_MASS_GEV * 0.999)) throw new RangeError(`aprimeBremXsecPb: mass ${mGeV} GeV below 1 MeV`);
  if (!(e0GeV > aprimeThresholdGeV(mGeV, a))) return 0;
  const m2 = mGeV * mGeV;
  const chi = elasticFluxChi((m2 * m2) / (4 * e0GeV * e0GeV), m2, z, a);
  const beta = Math.sqrt(1 - m2 / (e0GeV * e0GeV));
  const c = Math.max(ME_GEV / mGeV, mGeV / e0GeV);
  const sigma = ((4 / 3) * ALPHA ** 3 * eps * eps * chi * beta * Math.log(1 / (c * c))) / m2;
  const k = opts.kFactor === false ? 1 : kFactor(mGeV, e0GeV);
  return sigma > 0 ? (sigma * GEV2_TO_PB) / k : 0;
}

/** χ/Z² of the A′ IWW cross section (the sheet's table column), for checks. */
export const aprimeFluxOverZ2 = (e0GeV: number, mGeV: number, z: number, a: number): number =>
  elasticFluxChi(mGeV ** 4 / (4 * e0GeV * e0GeV), mGeV * mGeV, z, a) / (z * z);

/**
 * Shape of the energy-fraction spectrum dσ/dx (arbitrary normalisation), x = E_A′/E₀ in
 * (m/E₀, 1): sqrt(x²E₀² − m²)·[m_e² x(−2 + 2x + x²) − 2ũ(3 − 3x + x²)]/(3xũ²),
 * ũ = −m²(1 − x)/x − m_e² x (muons sheet §2.3, DMG4 CrossSectionDSDX). `y` = 1 − x may be given
 * for precision near x → 1. 0 outside the range.
 */
export function aprimeDsigmaDxShape(x: number, e0GeV: number, mGeV: number, y = 1 - x): number {
  const p2 = x * x * e0GeV * e0GeV - mGeV * mGeV;
  if (!(p2 > 0) || !(y > 0)) return 0;
  const m2 = mGeV * mGeV;
  const me2 = ME_GEV * ME_GEV;
  const u = (-m2 * y) / x - me2 * x;
  const num = me2 * x * (-2 + 2 * x + x * x) - 2 * u * (3 - 3 * x + x * x);
  const v = (Math.sqrt(p2) * num) / (3 * x * u * u);
  return v > 0 ? v : 0;
}

/** Points of the x tables: uniform in x below the split, log-uniform in 1 − x above it. */
const X_LOW_POINTS = 120;
const X_HIGH_POINTS = 260;

/**
 * The normalised x = E_A′/E₀ distribution at one energy, tabulated (inverse CDF): uniform-in-x
 * points on [m/E₀, x_s] and log-uniform points in 1 − x on [x_s, 1 − m_e/E₀], x_s = (1 + m/E₀)/2
 * (the spectrum peaks at x → 1 with a width ~ m_e²/m², so the upper part needs the log grid).
 * Accuracy of moments ~1e-3 (tested against direct integration).
 */
export class AprimeXTable {
  readonly e0GeV: number;
  readonly mGeV: number;
  readonly xMin: number;
  readonly xMax: number;
  private readonly dist: TabulatedCdf;

  constructor(e0GeV: number, mGeV: number) {
    this.e0GeV = e0GeV;
    this.mGeV = mGeV;
    this.xMin = mGeV / e0GeV;
    const yMin = ME_GEV / e0GeV;
    this.xMax = 1 - yMin;
    if (!(this.xMin < this.xMax)) throw new RangeError(`AprimeXTable: no phase space for m = ${mGeV} GeV at E0 = ${e0GeV} GeV`);
    const xs = 0.5 * (1 + this.xMin);
    const n = X_LOW_POINTS + X_HIGH_POINTS;
    const grid = new Float64Array(n);
    const dens = new Float64Array(n);
    for (let k = 0; k < X_LOW_POINTS; k++) {
      const x = this.xMin + ((xs - this.xMin) * k) / X_LOW_POINTS;
      grid[k] = x;
      dens[k] = aprimeDsigmaDxShape(x, e0GeV, mGeV);
    }
    const lyS = Math.log(1 - xs);
    const lyE = Math.log(yMin);
    for (let k = 0; k < X_HIGH_POINTS; k++) {
      const y = Math.exp(lyS + ((lyE - lyS) * k) / (X_HIGH_POINTS - 1));
      const x = 1 - y;
      grid[X_LOW_POINTS + k] = x;
      dens[X_LOW_POINTS + k] = aprimeDsigmaDxShape(x, e0GeV, mGeV, y);
    }
    this.dist = TabulatedCdf.fromDensity(grid, dens);
  }

  /** P(X > xc). */
  fractionAbove(xc: number): number {
    return 1 - this.dist.cdfAt(xc);
  }

  /** x for a uniform u in [0, 1), conditioned on x > xMinCut (no condition if xMinCut <= xMin). */
  sample(u: number, xMinCut = 0): number {
    const c0 = xMinCut > this.xMin ? this.dist.cdfAt(Math.min(xMinCut, this.xMax)) : 0;
    return this.dist.quantile(c0 + u * (1 - c0));
  }

  /** ⟨x⟩ and P(x > x₁) by integrating the table (for the tests and the docs). */
  moments(x1 = 0.5): { meanX: number; fractionAbove: number } {
    const g = this.dist.grid;
    const c = this.dist.cdf;
    let mean = 0;
    for (let k = 1; k < g.length; k++) mean += 0.5 * (g[k] + g[k - 1]) * (c[k] - c[k - 1]);
    return { meanX: mean, fractionAbove: this.fractionAbove(x1) };
  }
}

/**
 * x-tables of one A′ mass on a log grid of emitter energies [eLoGeV, eHiGeV] (step 0.12 in ln E),
 * for sampling at any energy in between: the table below or above E is picked with the linear
 * weight in ln E (mixture sampling; one extra uniform).
 */
export class AprimeSpectrum {
  readonly mGeV: number;
  readonly lnE: Float64Array;
  readonly tables: AprimeXTable[];

  constructor(mGeV: number, eLoGeV: number, eHiGeV: number) {
    this.mGeV = mGeV;
    const lo = Math.max(eLoGeV, mGeV * 1.05 + 2 * ME_GEV);
    const hi = Math.max(eHiGeV, lo * 1.2);
    const n = Math.max(2, Math.ceil(Math.log(hi / lo) / 0.12) + 1);
    this.lnE = new Float64Array(n);
    this.tables = [];
    for (let k = 0; k < n; k++) {
      const l = Math.log(lo) + (Math.log(hi / lo) * k) / (n - 1);
      this.lnE[k] = l;
      this.tables.push(new AprimeXTable(Math.exp(l), mGeV));
    }
  }

  /** P(E_A′ > eCutGeV) for an emitter of energy eGeV (interpolated in ln E). */
  fractionAboveEnergy(eGeV: number, eCutGeV: number): number {
    if (eCutGeV <= 0) return 1;
    const l = Math.log(eGeV);
    const i = bracket(this.lnE, l);
    const t = Math.min(1, Math.max(0, (l - this.lnE[i]) / (this.lnE[i + 1] - this.lnE[i])));
    const xc = eCutGeV / eGeV;
    return (1 - t) * this.tables[i].fractionAbove(xc) + t * this.tables[i + 1].fractionAbove(xc);
  }

  /** Sample x at emitter energy eGeV with E_A′ = x·E > eCutGeV, from two uniforms. */
  sampleX(u1: number, u2: number, eGeV: number, eCutGeV = 0): number {
    const l = Math.log(eGeV);
    const i = bracket(this.lnE, l);
    const t = Math.min(1, Math.max(0, (l - this.lnE[i]) / (this.lnE[i + 1] - this.lnE[i])));
    const tab = u1 < t ? this.tables[i + 1] : this.tables[i];
    const x = tab.sample(u2, eCutGeV / eGeV);
    return Math.min(x, 1 - ME_GEV / eGeV);
  }
}

const spectrumCache = new Map<string, AprimeSpectrum>();

/** Cached AprimeSpectrum for (m, energy range); tables cost ~1 ms per energy point. */
export function aprimeSpectrum(mGeV: number, eLoGeV: number, eHiGeV: number): AprimeSpectrum {
  const key = `${mGeV}|${eLoGeV}|${eHiGeV}`;
  let s = spectrumCache.get(key);
  if (!s) {
    if (spectrumCache.size > 64) spectrumCache.clear();
    s = new AprimeSpectrum(mGeV, eLoGeV, eHiGeV);
    spectrumCache.set(key, s);
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Resonant annihilation e⁺e⁻ → A′ → χχ̄
// ---------------------------------------------------------------------------------------------

/**
 * Resonance positron energy (total) E_R = (m² − 2m_e²)/(2m_e) [GeV] for a target electron at rest,
 * from s = 2m_e E₊ + 2m_e² = m² (muons sheet §2.4). It is m²/(2m_e) − m_e: 97.3 MeV at m = 10 MeV.
 */
export const resonanceEnergyGeV = (mGeV: number): number => (mGeV * mGeV - 2 * ME_GEV * ME_GEV) / (2 * ME_GEV);
/** The usual approximation E_R ≈ m²/(2m_e) [GeV] (10 MeV → 97.8 MeV, 225 MeV → 49.5 GeV; seed 004 POKER slide). */
export const resonanceEnergyApproxGeV = (mGeV: number): number => (mGeV * mGeV) / (2 * ME_GEV);

/** Numerator P(s) of the Breit–Wigner [GeV²] (muons sheet §2.4, DMG4 DarkMatterAnnihilation.cc). */
function annihilationNumerator(s: number, eps: number, alphaD: number, mChiGeV: number, spin: ChiSpin): number {
  if (!(s > 4 * mChiGeV * mChiGeV)) return 0;
  const sq = Math.sqrt(s);
  const q = 0.5 * sq * Math.sqrt(1 - (4 * mChiGeV * mChiGeV) / s);
  const f = spin === 'dirac' ? s - (4 * q * q) / 3 : (2 / 3) * q * q;
  return 4 * Math.PI * ALPHA * eps * eps * alphaD * (q / sq) * f;
}

export interface AnnihilationModel {
  mGeV: number;
  eps: number;
  alphaD: number;
  mChiGeV?: number;
  spin?: ChiSpin;
}

/**
 * σ(e⁺e⁻ → A′ → χχ̄) per target electron [pb] for a positron of total energy ePlusGeV on an electron
 * at rest: P(s)/((s − m²)² + m²Γ²), s = 2m_e E₊ + 2m_e², Γ the total width (muons sheet §2.4).
 * Multiply by Z for a cross section per atom (DMG4 convention; atomic binding neglected,
 * ASSUME-ANNIHILATION-FREE-ELECTRONS).
 */
export function annihilationXsecPerElectronPb(ePlusGeV: number, model: AnnihilationModel): number {
  const { mGeV, eps, alphaD } = model;
  const mChi = model.mChiGeV ?? mGeV * MCHI_OVER_MA;
  const spin = model.spin ?? 'dirac';
  const s = 2 * ME_GEV * ePlusGeV + 2 * ME_GEV * ME_GEV;
  const g = aprimeTotalWidthGeV(mGeV, eps, alphaD, mChi, spin);
  const m2 = mGeV * mGeV;
  return (annihilationNumerator(s, eps, alphaD, mChi, spin) / ((s - m2) ** 2 + m2 * g * g)) * GEV2_TO_PB;
}

/**
 * Narrow-width integral ∫σ dE₊ per target electron [pb·GeV] = π P(m²)/(m Γ) · 1/(2m_e) (muons sheet
 * §2.4). For Br(A′ → χχ̄) ≈ 1 this is 2π² α ε² Br/m_e, independent of α_D (tested).
 */
export function annihilationIntegralPbGeV(model: AnnihilationModel): number {
  const { mGeV, eps, alphaD } = model;
  const mChi = model.mChiGeV ?? mGeV * MCHI_OVER_MA;
  const spin = model.spin ?? 'dirac';
  const g = aprimeTotalWidthGeV(mGeV, eps, alphaD, mChi, spin);
  if (!(g > 0)) return 0;
  return ((Math.PI * annihilationNumerator(mGeV * mGeV, eps, alphaD, mChi, spin)) / (mGeV * g) / (2 * ME_GEV)) * GEV2_TO_PB;
}
