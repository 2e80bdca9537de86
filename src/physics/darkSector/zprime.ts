/**
 * Z′ of the gauged L_μ − L_τ symmetry produced by muons in matter, μN → μNZ′ (NA64μ):
 *  - widths Γ(Z′ → νν̄), Γ(Z′ → μ⁺μ⁻), Γ(Z′ → τ⁺τ⁻) and Br(Z′ → invisible);
 *  - the Weizsäcker–Williams double-differential cross section d²σ/dx dθ (x = E_Z′/E_μ, θ the Z′
 *    angle), integrated numerically into dσ/dx tables and the total σ per ε² (or per g_Z′²);
 *  - a sampler of (x, θ_Z′, ψ_μ) for the NA64μ generator: `sampleZprimeEmission`.
 *
 * Coupling convention (muons sheet §3.1, DMG4 `DarkZ.cc` Width): DMG4's "ε" is defined by
 * g_Z′² = 4πα ε² (g_Z′ = 0.3028 ε). Cross sections here are given per ε² (= g_Z′²/(4πα)).
 *
 * Sources: muons sheet §3.1–3.3 (shared/physics/muons-dark-sector-tracking.md), transcribing DMG4
 * (M. Bondi et al., CPC 269 (2021) 108129) `DarkZ::CrossSectionDSDXDTheta` (WW, DMG4 default
 * IApprox = 2, θ ≤ 0.3 rad) with the elastic flux χ of common.ts; kinematic x range
 * [m/E₀, 1 − m⁴/(8E₀³A) − m_μ/E₀]. The angular sampler is an approximation (ASSUME-ZPRIME-ANGLE).
 * Energies in GeV inside formulas; cross sections in pb.
 *
 * Used by the NA64μ generator (na64mu/signal.ts): a 'signal' class with p = zprimeYieldPerMot(...)
 * .perMot (yield.ts) and q = params.signal.fraction; per event the emission point from the yield's
 * `depthMmCdf`, `sampleZprimeEmission(rng, eMuMeV, massMeV, material)` at the muon's energy there,
 * the muon reduced to (1 − x)·E_μ and deflected by ψ_μ, the Z′ escaping (invisible track).
 */
import type { Material } from '../materials';
import type { Rng } from '../rng';
import { ALPHA } from '../units';
import { GEV2_TO_PB, MMU_GEV, TabulatedCdf, elasticFluxChi } from './common';

/** τ mass [GeV] (PDG 2024). */
export const MTAU_GEV = 1.77693;
/** g_Z′ per unit DMG4-ε: sqrt(4πα). */
export const G_PER_EPSILON = Math.sqrt(4 * Math.PI * ALPHA);
/** DMG4 ε² for a gauge coupling g_Z′. */
export const eps2OfG = (g: number): number => (g * g) / (4 * Math.PI * ALPHA);

// ---------------------------------------------------------------------------------------------
// Widths
// ---------------------------------------------------------------------------------------------

/** Γ(Z′ → ν_μν̄_μ + ν_τν̄_τ) = g² m/(12π) [GeV] (muons sheet §3.1; = α ε² m/3 in DMG4's ε). */
export const zprimeWidthNuGeV = (mGeV: number, g: number): number => (g * g * mGeV) / (12 * Math.PI);

/** Γ(Z′ → ℓ⁺ℓ⁻) = g² m/(12π)(1 + 2m_ℓ²/m²) sqrt(1 − 4m_ℓ²/m²) [GeV], ℓ = μ or τ; 0 below threshold. */
export function zprimeWidthLeptonGeV(mGeV: number, g: number, mLeptonGeV: number): number {
  const r = (mLeptonGeV * mLeptonGeV) / (mGeV * mGeV);
  if (!(4 * r < 1)) return 0;
  return zprimeWidthNuGeV(mGeV, g) * (1 + 2 * r) * Math.sqrt(1 - 4 * r);
}

/**
 * Br(Z′ → invisible) with invisible = νν̄ (plus an optional dark width Γ_χ [GeV] for the L_μ−L_τ
 * dark-matter variant): 1 below 2m_μ = 211 MeV, 1/(1 + (1+2r)sqrt(1−4r)) above (muons sheet §3.1).
 */
export function zprimeInvisibleBr(mGeV: number, g = 1, darkWidthGeV = 0): number {
  const nu = zprimeWidthNuGeV(mGeV, g) + darkWidthGeV;
  const vis = zprimeWidthLeptonGeV(mGeV, g, MMU_GEV) + zprimeWidthLeptonGeV(mGeV, g, MTAU_GEV);
  return nu / (nu + vis);
}

// ---------------------------------------------------------------------------------------------
// Cross section
// ---------------------------------------------------------------------------------------------

/** Largest Z′ angle of the WW integration [rad] (DMG4 ThetaMax = 0.3). */
export const ZPRIME_THETA_MAX = 0.3;

/** Kinematic x range [m/E₀, 1 − m⁴/(8E₀³A) − m_μ/E₀] (muons sheet §3.2). */
export function zprimeXRange(e0GeV: number, mGeV: number, a: number): { xMin: number; xMax: number } {
  return { xMin: mGeV / e0GeV, xMax: 1 - mGeV ** 4 / (8 * e0GeV ** 3 * a) - MMU_GEV / e0GeV };
}

/**
 * d²σ/dx dθ per ε² [GeV⁻²] (muons sheet §3.2, DMG4 CrossSectionDSDXDTheta with its prefactor
 * 2ε²α³E₀²): 2α³E₀² sinθ sqrt(x² − m²/E₀²)(1−x)/ũ² χ(t_min, t_max)·[2(2−2x+x²)/(1−x) +
 * 4(m²+2m_μ²)/ũ²·(ũx + m²(1−x) + m_μ²x²)], ũ = −xE₀²θ² − m²(1−x)/x − m_μ²x,
 * t_min = ũ²/(4E₀²(1−x)²), t_max = m² + m_μ². Negative values (never for physical x) → 0.
 */
export function zprimeD2SigmaDxDTheta(x: number, theta: number, e0GeV: number, mGeV: number, z: number, a: number): number {
  const m2 = mGeV * mGeV;
  const mu2 = MMU_GEV * MMU_GEV;
  const e2 = e0GeV * e0GeV;
  const p2 = x * x - m2 / e2;
  if (!(p2 > 0) || !(x < 1)) return 0;
  const u = -x * e2 * theta * theta - (m2 * (1 - x)) / x - mu2 * x;
  const u2 = u * u;
  const tMin = u2 / (4 * e2 * (1 - x) * (1 - x));
  const chi = elasticFluxChi(tMin, m2 + mu2, z, a);
  if (!(chi > 0)) return 0;
  const amp = (2 * (2 - 2 * x + x * x)) / (1 - x) + ((4 * (m2 + 2 * mu2)) / u2) * (u * x + m2 * (1 - x) + mu2 * x * x);
  const v = 2 * ALPHA ** 3 * e2 * Math.sin(theta) * Math.sqrt(p2) * ((1 - x) / u2) * chi * amp;
  return v > 0 ? v : 0;
}

/** Points of the θ integration (log-uniform in τ = θ²/θ_c²). */
const THETA_POINTS = 72;

/**
 * dσ/dx per ε² [GeV⁻²] = ∫₀^{0.3} d²σ/dx dθ dθ, by the trapezoid rule in ln τ with τ = θ²/θ_c²,
 * θ_c² = (m²(1−x)/x + m_μ²x)/(xE₀²) (the scale of the 1/ũ² peak); τ from 1e-7 to θ_max²/θ_c².
 */
export function zprimeDsigmaDx(x: number, e0GeV: number, mGeV: number, z: number, a: number): number {
  const e2 = e0GeV * e0GeV;
  const c = (mGeV * mGeV * (1 - x)) / x + MMU_GEV * MMU_GEV * x;
  const th2c = c / (x * e2);
  const tauMax = (ZPRIME_THETA_MAX * ZPRIME_THETA_MAX) / th2c;
  const l0 = Math.log(1e-7);
  const l1 = Math.log(tauMax);
  if (!(l1 > l0)) return 0;
  const dl = (l1 - l0) / (THETA_POINTS - 1);
  let s = 0;
  for (let k = 0; k < THETA_POINTS; k++) {
    const tau = Math.exp(l0 + k * dl);
    const theta = Math.sqrt(tau * th2c);
    // dθ = θ/2 · d ln τ
    const f = zprimeD2SigmaDxDTheta(x, theta, e0GeV, mGeV, z, a) * 0.5 * theta;
    s += k === 0 || k === THETA_POINTS - 1 ? 0.5 * f : f;
  }
  // the part τ < 1e-7 is negligible (integrand ∝ θ² there)
  return s * dl;
}

const X_LOW = 160;
const X_HIGH = 100;

/** One Z′ spectrum table at (E₀, m, material): x grid, dσ/dx per ε², total σ per ε² [pb]. */
export class ZprimeXTable {
  readonly e0GeV: number;
  readonly mGeV: number;
  readonly xMin: number;
  readonly xMax: number;
  /** σ per ε² [pb] (integrated dσ/dx). */
  readonly sigmaPerEps2Pb: number;
  private readonly dist: TabulatedCdf;

  constructor(e0GeV: number, mGeV: number, z: number, a: number) {
    this.e0GeV = e0GeV;
    this.mGeV = mGeV;
    const r = zprimeXRange(e0GeV, mGeV, a);
    this.xMin = r.xMin;
    this.xMax = r.xMax;
    if (!(r.xMax > r.xMin * 1.001)) {
      this.sigmaPerEps2Pb = 0;
      this.dist = TabulatedCdf.fromDensity(new Float64Array([0, 1]), new Float64Array([1, 1]));
      return;
    }
    // log-uniform in x on [xMin, xs], log-uniform in 1 − x on [xs, xMax]
    const xs = Math.max(0.5, Math.sqrt(r.xMin));
    const grid: number[] = [];
    const lx0 = Math.log(r.xMin);
    const lx1 = Math.log(Math.min(xs, r.xMax));
    for (let k = 0; k < X_LOW; k++) grid.push(Math.exp(lx0 + ((lx1 - lx0) * k) / X_LOW));
    if (xs < r.xMax) {
      const ly0 = Math.log(1 - xs);
      const ly1 = Math.log(1 - r.xMax);
      for (let k = 0; k < X_HIGH; k++) grid.push(1 - Math.exp(ly0 + ((ly1 - ly0) * k) / (X_HIGH - 1)));
    } else grid.push(r.xMax);
    const g = Float64Array.from(grid);
    const dens = new Float64Array(g.length);
    for (let k = 0; k < g.length; k++) dens[k] = zprimeDsigmaDx(g[k], e0GeV, mGeV, z, a);
    this.dist = TabulatedCdf.fromDensity(g, dens);
    this.sigmaPerEps2Pb = this.dist.total * GEV2_TO_PB;
  }

  /** P(x > x₁). */
  fractionAbove(x1: number): number {
    return 1 - this.dist.cdfAt(x1);
  }

  /** x for uniform u, conditioned on x > xMinCut. */
  sample(u: number, xMinCut = 0): number {
    const c0 = xMinCut > this.xMin ? this.dist.cdfAt(Math.min(xMinCut, this.xMax)) : 0;
    return this.dist.quantile(c0 + u * (1 - c0));
  }

  /** ⟨x⟩ of the tabulated distribution. */
  meanX(): number {
    const g = this.dist.grid;
    const c = this.dist.cdf;
    let m = 0;
    for (let k = 1; k < g.length; k++) m += 0.5 * (g[k] + g[k - 1]) * (c[k] - c[k - 1]);
    return m;
  }
}

/** Energy nodes of the cached tables: ln E from ln 5 GeV in steps of 0.1 (up to ~480 GeV). */
const LNE0 = Math.log(5);
const DLNE = 0.1;
const NE = 47;
const tableCache = new Map<string, ZprimeXTable>();

/** Cached Z′ table at energy node k for (m, Z, A). */
function nodeTable(k: number, mGeV: number, z: number, a: number): ZprimeXTable {
  const key = `${k}|${mGeV}|${z}|${a}`;
  let t = tableCache.get(key);
  if (!t) {
    if (tableCache.size > 2000) tableCache.clear();
    t = new ZprimeXTable(Math.exp(LNE0 + k * DLNE), mGeV, z, a);
    tableCache.set(key, t);
  }
  return t;
}

function nodeOf(e0GeV: number): { k: number; t: number } {
  const f = (Math.log(e0GeV) - LNE0) / DLNE;
  const k = Math.max(0, Math.min(NE - 2, Math.floor(f)));
  return { k, t: Math.min(1, Math.max(0, f - k)) };
}

/**
 * Total μN → μNZ′ cross section per atom per ε² [pb] at muon energy e0GeV (interpolated in ln E
 * between cached tables 0.1 apart in ln E; direct tables via `new ZprimeXTable`).
 * Multiply by ε² = g_Z′²/(4πα) (`eps2OfG`). Scales ≈ Z² (through χ).
 */
export function zprimeXsecPerEps2Pb(e0GeV: number, mGeV: number, z: number, a: number): number {
  const { k, t } = nodeOf(e0GeV);
  const s0 = nodeTable(k, mGeV, z, a).sigmaPerEps2Pb;
  const s1 = nodeTable(k + 1, mGeV, z, a).sigmaPerEps2Pb;
  return s0 > 0 && s1 > 0 ? Math.exp((1 - t) * Math.log(s0) + t * Math.log(s1)) : (1 - t) * s0 + t * s1;
}

/** P(E_Z′ > eCutGeV) for a muon of energy e0GeV (interpolated in ln E). */
export function zprimeFractionAbove(e0GeV: number, mGeV: number, z: number, a: number, eCutGeV: number): number {
  if (eCutGeV <= 0) return 1;
  const { k, t } = nodeOf(e0GeV);
  const xc = eCutGeV / e0GeV;
  return (1 - t) * nodeTable(k, mGeV, z, a).fractionAbove(xc) + t * nodeTable(k + 1, mGeV, z, a).fractionAbove(xc);
}

/** One sampled Z′ emission. */
export interface ZprimeEmission {
  /** x = E_Z′/E_μ. */
  x: number;
  /** Z′ energy [MeV]. */
  eZprimeMeV: number;
  /** Outgoing muon energy (1 − x)E_μ [MeV]. */
  eMuOutMeV: number;
  /** Z′ polar angle to the incoming muon [rad] (ASSUME-ZPRIME-ANGLE). */
  thetaZprimeRad: number;
  /** Outgoing muon polar angle [rad], from transverse-momentum balance ψ = xθ/(1 − x) (nuclear recoil neglected). */
  psiMuonRad: number;
  /** Azimuth of the Z′ [rad]; the muon is at φ + π. */
  phiRad: number;
}

/**
 * Sample a Z′ emission by a muon of energy eMuMeV on `material` (x from the WW dσ/dx tables of the
 * two energy nodes around E_μ, picked with the ln-E weight), conditioned on E_Z′ > eMinZprimeMeV.
 * Angles: θ² from ∝ 1/(θ² + θ_c²)² on [0, 0.3²] (the 1/ũ² peak of d²σ/dx dθ; ASSUME-ZPRIME-ANGLE).
 * Draws 4 uniforms from `rng`. Throws RangeError for a non-positive energy or mass.
 */
export function sampleZprimeEmission(rng: Rng, eMuMeV: number, massMeV: number, material: Material, eMinZprimeMeV = 0): ZprimeEmission {
  if (!(eMuMeV > 0 && massMeV > 0)) throw new RangeError(`sampleZprimeEmission: bad energy ${eMuMeV} or mass ${massMeV}`);
  const e0 = eMuMeV / 1000;
  const m = massMeV / 1000;
  const { k, t } = nodeOf(e0);
  const tab = nodeTable(rng.uniform() < t ? k + 1 : k, m, material.z, material.a);
  const xRange = zprimeXRange(e0, m, material.a);
  let x = tab.sample(rng.uniform(), eMinZprimeMeV / eMuMeV);
  x = Math.min(Math.max(x, xRange.xMin), xRange.xMax);
  const c = (m * m * (1 - x)) / x + MMU_GEV * MMU_GEV * x;
  const a = c / (x * e0 * e0);
  const tm = ZPRIME_THETA_MAX * ZPRIME_THETA_MAX;
  // CDF ∝ 1/a − 1/(θ² + a) on [0, tm]
  const u = rng.uniform();
  const inv = 1 / a - u * (1 / a - 1 / (tm + a));
  const theta = Math.sqrt(Math.max(0, 1 / inv - a));
  const phi = 2 * Math.PI * rng.uniform();
  return {
    x,
    eZprimeMeV: x * eMuMeV,
    eMuOutMeV: (1 - x) * eMuMeV,
    thetaZprimeRad: theta,
    psiMuonRad: (x * theta) / Math.max(1 - x, 1e-9),
    phiRad: phi,
  };
}
