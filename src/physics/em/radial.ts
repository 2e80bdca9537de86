/**
 * Radial (transverse) profile of EM showers (GFlash; showers.md §2.2 [G4-src
 * GFlashSamplingShowerParameterisation::ComputeRadialParameters, ComputeTau]): the core/tail
 * parameters (p, RC, RT) at a depth tau, the profile averaged over depth and over the
 * shower-to-shower fluctuations of alpha (a mixture of core and tail components), its containment
 * within a radius, and the exact fraction of the mixture inside a square. Radii in Molière radii
 * (Rmeff).
 *
 * Deviations from Geant4 (doc/model.md, "EM showers"): p (core weight) is clamped to [0, 1]; the
 * radial profile below 100 MeV (Geant4's default lowest parametrised e± energy) is that of 100 MeV
 * (`RADIAL_E_MIN_MEV`).
 */
import { gammaP } from '../math';
import { GeV } from '../units';
import {
  ALPHA_MIN,
  EXP_LOG_FLOOR,
  GFLASH_HOMO_TUNING as H,
  GFLASH_SAMPLING_TUNING as S,
  LOG_FLOOR,
  type GFlashSampling,
} from './gflashParams';
import { drawProfile, prof, sigmaOf } from './longitudinal';
import { checkEnergy, constsOf, type StackConsts } from './stackConsts';

/** Scratch outputs of `radialParams`: core weight p and core/tail radii rc, rt [R_M]. */
export const rad = { p: 0, rc: 0, rt: 0 };
/** Smallest radius [R_M] allowed for RC, RT (guards the formulas far outside their fitted range). */
const R_MIN_RM = 1e-4;

/**
 * GFlash radial parameters at tau for a shower of ln(E/GeV) = `lnEGeV` (showers.md §2.2 [G4-src
 * ComputeRadialParameters]), incl. the sampling corrections; p clamped to [0, 1]. Radii in R_M.
 */
export function radialParams(c: StackConsts, tau: number, lnEGeV: number): void {
  const eMinusTau = Math.exp(-tau);
  let rc = H.ParRC1 + H.ParRC2 * lnEGeV + c.rcZ2 * tau + c.rcC0 + c.rcCe * eMinusTau;
  const p3 = H.ParWC5 + H.ParWC6 * lnEGeV;
  const xx = (c.p2 - tau) / p3;
  const tm1 = tau - 1;
  let p = c.p1 * Math.exp(xx - Math.exp(xx)) + c.pC0 + c.pCg * Math.exp(-tm1 * tm1);
  const k4 = H.ParRT5 + H.ParRT6 * lnEGeV;
  const tk = tau - H.ParRT3;
  let rt = c.k1 * (Math.exp(H.ParRT4 * tk) + Math.exp(k4 * tk)) + c.rtC0 + c.rtCe * eMinusTau;
  if (p < 0) p = 0;
  else if (p > 1) p = 1;
  if (!(rc > R_MIN_RM)) rc = R_MIN_RM;
  if (!(rt > R_MIN_RM)) rt = R_MIN_RM;
  rad.p = p;
  rad.rc = rc;
  rad.rt = rt;
}

/**
 * Lowest energy at which the radial profile is evaluated [MeV]: below it the profile of a
 * 100 MeV shower is used. Geant4 parametrises e± only above 0.1 GeV by default
 * [G4-src GFlashParticleBounds.cc: EMinEneToParametrise = 0.10*GeV]; below ~100 MeV the
 * sampling <ln α> approaches its floor, A/(A−1) in tau diverges (tau ~ 10 at 30 MeV) and the tail
 * radius RT = k1 exp(k4 (tau − k2)) is extrapolated far outside the fitted range.
 */
export const RADIAL_E_MIN_MEV = 100;

/** A/(A−1) with A = exp(<ln α>) of the sampling set at ln y (the tau normalisation, Geant4 ComputeTau). */
export function tauFactorAt(c: StackConsts, lny: number): number {
  let ah = H.ParAveA1 + c.aveA2 * lny;
  if (ah < LOG_FLOOR) ah = LOG_FLOOR;
  let as = ah + c.aShift;
  if (as < EXP_LOG_FLOOR) as = EXP_LOG_FLOOR;
  return as / (as - 1);
}

/** Depth (tau) slices of the averaged radial profile. */
const MIX_SLICES = 48;
/** Trapezoid nodes over the alpha deviate z ∈ [−5, 5] (step 0.25) for the shower average. */
const MIX_Z_STEP = 0.25;
const MIX_Z_MAX = 5;

/**
 * Radial profile of showers of `energyMeV`, averaged over depth AND over the shower-to-shower
 * fluctuations of alpha: a mixture of 2·48 components (core and tail of 48 tau slices), weights w
 * (sum 1) and radii R [R_M]; each component has the containment r²/(r² + R²).
 * The radial parameters depend on tau and E only (showers.md §2.2); for one shower tau = u/α · A/(A−1)
 * with u = β t ~ Gamma(α) (A = exp<ln α>, Geant4 ComputeTau), so a tau slice's weight is
 * E_α[P(α, τ2 α(A−1)/A) − P(α, τ1 α(A−1)/A)], the expectation over ln α ~ N(<ln α>, σ(ln α)²)
 * (floored at α = 1.1) by the trapezoid rule on z ∈ [−5, 5]. The tau range reaches Q < 1e-6 for the
 * smallest alpha used. (Averaging over alpha is a small effect: the median shower alone puts ~1 %
 * less energy outside ±2.2 R_M; with the average the 2×2-cell share matches showerCells.)
 * Below RADIAL_E_MIN_MEV the mixture of RADIAL_E_MIN_MEV is returned.
 */
export function radialMixture(c: StackConsts, energyMeV: number): { w: Float64Array; r: Float64Array } {
  const eRad = energyMeV > RADIAL_E_MIN_MEV ? energyMeV : RADIAL_E_MIN_MEV;
  const lny = Math.log(eRad) - c.lnEc;
  drawProfile(c, lny, 0, 0, false);
  const aMed = prof.expAveLogAlpha; // median alpha before the 1.1 floor
  const aExp = prof.expAveLogAlpha;
  const sigA = sigmaOf(S.ParsSigLogA1 + S.ParsSigLogA2 * lny);
  const tauFactor = aExp / (aExp - 1);
  const lnEGeV = Math.log(eRad / GeV);
  const aLo = Math.max(ALPHA_MIN, aMed * Math.exp(-MIX_Z_MAX * sigA));
  const tauMax = tauFactor * (1 + 7 / Math.sqrt(aLo) + 6 / aLo);
  const dTau = tauMax / MIX_SLICES;
  const wt = new Float64Array(MIX_SLICES);
  for (let z = -MIX_Z_MAX; z <= MIX_Z_MAX + 1e-9; z += MIX_Z_STEP) {
    const alpha = Math.max(ALPHA_MIN, aMed * Math.exp(sigA * z));
    const phi = Math.exp(-0.5 * z * z) * (Math.abs(z) > MIX_Z_MAX - 1e-9 ? 0.5 : 1); // trapezoid end weights
    const uPerTau = alpha / tauFactor;
    let pPrev = 0;
    for (let k = 0; k < MIX_SLICES; k++) {
      const pk = gammaP(alpha, (k + 1) * dTau * uPerTau);
      wt[k] += phi * (pk - pPrev);
      pPrev = pk;
    }
  }
  const w = new Float64Array(2 * MIX_SLICES);
  const r = new Float64Array(2 * MIX_SLICES);
  let sum = 0;
  for (let k = 0; k < MIX_SLICES; k++) sum += wt[k];
  for (let k = 0; k < MIX_SLICES; k++) {
    const wk = wt[k] / sum;
    radialParams(c, (k + 0.5) * dTau, lnEGeV);
    w[2 * k] = wk * rad.p;
    r[2 * k] = rad.rc;
    w[2 * k + 1] = wk * (1 - rad.p);
    r[2 * k + 1] = rad.rt;
  }
  return { w, r };
}

/**
 * Fraction of the energy within radius `rInRm` [Molière radii, Rmeff] of the shower axis, for the
 * showers of `energyMeV` in stack `g`, averaged over depth (the full longitudinal profile) and over
 * the shower-to-shower fluctuations of alpha (energy < RADIAL_E_MIN_MEV: the 100 MeV profile):
 * Σ_k w_k r²/(r² + R_k²) over the GFlash core/tail components (showers.md §2.2). V7, PDG §34.5
 * text: ~90 % within 1 R_M, ~99 % within 3.5 R_M; this model (NA64 ECAL, 100 GeV, Rmeff units):
 * 0.916 within 1 R_M, 0.970 within 2 R_M, 0.989 within 3.5 R_M. Throws RangeError for energy <= 0
 * or r < 0.
 */
export function radialContainment(rInRm: number, energyMeV: number, g: GFlashSampling): number {
  checkEnergy('radialContainment', energyMeV);
  if (!(rInRm >= 0)) throw new RangeError(`radialContainment: r must be >= 0, got ${rInRm}`);
  const { w, r } = radialMixture(constsOf(g), energyMeV);
  const r2 = rInRm * rInRm;
  let f = 0;
  for (let k = 0; k < w.length; k++) f += (w[k] * r2) / (r2 + r[k] * r[k]);
  return f;
}

/**
 * Fraction of a unit-radius component (2D density R²/(π (r² + R²)²), R = 1) in the quadrant
 * rectangle [0, a] × [0, b] (signed: odd in a and in b):
 * (1/2π) [a/√(1+a²) · atan(b/√(1+a²)) + b/√(1+b²) · atan(a/√(1+b²))]
 * (derived here: its ∂/∂b equals ∫₀^a dx/(π (x² + 1 + b²)²), and it vanishes at b = 0; → 1/4 at ∞).
 */
function quadrantUnit(a: number, b: number): number {
  const sa = Math.sqrt(1 + a * a);
  const sb = Math.sqrt(1 + b * b);
  return ((a / sa) * Math.atan(b / sa) + (b / sb) * Math.atan(a / sb)) / (2 * Math.PI);
}

/** Fraction of the mixture inside the square |X − x| < h, |Y − y| < h, all in R_M, exactly. */
export function insideSquareExact(w: Float64Array, r: Float64Array, x: number, y: number, h: number): number {
  const xa = h - x;
  const xb = h + x;
  const ya = h - y;
  const yb = h + y;
  let f = 0;
  for (let k = 0; k < w.length; k++) {
    const inv = 1 / r[k];
    f +=
      w[k] *
      (quadrantUnit(xa * inv, ya * inv) +
        quadrantUnit(xb * inv, ya * inv) +
        quadrantUnit(xa * inv, yb * inv) +
        quadrantUnit(xb * inv, yb * inv));
  }
  return f < 0 ? 0 : f > 1 ? 1 : f;
}
