/**
 * Longitudinal profile of EM showers (GFlash; showers.md §2.1, §2.2 [G4-src
 * GVFlashHomoShowerTuning.hh, GFlashSamplingShowerParameterisation::ComputeLongitudinalParameters,
 * GenerateEnergyProfile]): homogeneous-medium means, the correlated log-normal (ln T, ln alpha) of one
 * shower in a sampling stack, and the Gamma-profile integrals (deposited fraction, tail, containment
 * depth). Depths t in X0 of the stack (X0eff).
 *
 * Deviations from Geant4 (doc/model.md, "EM showers"): sigma(ln T), sigma(ln alpha) use the 0.5 cap
 * also where Geant4's 1/(a + b ln y) is negative or infinite; rho is clamped to [-1, 1]; ln of a
 * non-positive argument is replaced by the 0.1 floor. Geant4 (the sheet's commit) fills the
 * homogeneous sigma(ln T) of its sampling class with the sampling coefficients; only the 'geant4'
 * switch (`g4Homo`) reproduces that.
 */
import { gammaP, gammaQ } from '../math';
import type { Rng } from '../rng';
import {
  ALPHA_MIN,
  EXP_LOG_FLOOR,
  GFLASH_HOMO_TUNING as H,
  GFLASH_SAMPLING_TUNING as S,
  LOG_FLOOR,
  SIGMA_CAP,
  TMAX_MIN,
  type GFlashSampling,
} from './gflashParams';
import { checkEnergy, constsOf, type StackConsts } from './stackConsts';

/** Log-normal parameters of a homogeneous-medium shower (showers.md §2.2). */
export interface HomogeneousMeans {
  /** <ln T> (T = depth of the maximum [X0]). */
  aveLogT: number;
  /** <ln alpha>. */
  aveLogAlpha: number;
  sigmaLogT: number;
  sigmaLogAlpha: number;
  /** Correlation of ln T and ln alpha. */
  rho: number;
}

/**
 * GFlash homogeneous-medium means, sigmas and correlation of (ln T, ln alpha) for energy
 * `energyMeV` in a medium (Z, E_c [MeV]), y = E/E_c, WITHOUT clamps (as
 * GFlashHomoShowerParameterisation): <ln T> = ln(ParAveT1 + ln y), <ln α> = ln(ParAveA1 +
 * (ParAveA2 + ParAveA3/Z) ln y), σ(ln T) = 1/(ParSigLogT1 + ParSigLogT2 ln y), σ(ln α) =
 * 1/(ParSigLogA1 + ParSigLogA2 ln y), ρ = ParRho1 + ParRho2 ln y (showers.md §2.2 [G4-src
 * GVFlashHomoShowerTuning.hh]). V3: Pb 100 GeV → T 8.71, α 5.43; V4: σ 0.0944, 0.1315, ρ 0.486.
 * Below y ≈ 3 the unclamped formulas give NaN or negative sigmas (as in Geant4).
 * Throws RangeError for non-positive inputs.
 */
export function homogeneousMeans(energyMeV: number, z: number, ecMeV: number): HomogeneousMeans {
  if (!(energyMeV > 0 && z > 0 && ecMeV > 0)) {
    throw new RangeError(`homogeneousMeans: non-positive input ${energyMeV}, ${z}, ${ecMeV}`);
  }
  const lny = Math.log(energyMeV / ecMeV);
  return {
    aveLogT: Math.log(H.ParAveT1 + lny),
    aveLogAlpha: Math.log(H.ParAveA1 + (H.ParAveA2 + H.ParAveA3 / z) * lny),
    sigmaLogT: 1 / (H.ParSigLogT1 + H.ParSigLogT2 * lny),
    sigmaLogAlpha: 1 / (H.ParSigLogA1 + H.ParSigLogA2 * lny),
    rho: H.ParRho1 + H.ParRho2 * lny,
  };
}

/** A Gamma longitudinal profile dE/dt ∝ (βt)^(α−1) e^(−βt); t, tmaxX0 in X0, beta in 1/X0. */
export interface LongitudinalProfile {
  tmaxX0: number;
  alpha: number;
  beta: number;
}

/** min(0.5, 1/d), with the 0.5 cap also for d <= 0 (Geant4 would give a negative/infinite sigma). */
export function sigmaOf(d: number): number {
  return d > 1 / SIGMA_CAP ? 1 / d : SIGMA_CAP;
}

/**
 * Scratch outputs of `drawProfile` (no allocation in the hot path): the sampling set (tmax, alpha,
 * beta), the homogeneous set (tmaxH, alphaH, betaH; only filled with `g4Homo`) and expAveLogAlpha =
 * exp(AveLogAlpha) of the sampling set, for tau. Read them right after the call.
 */
export const prof = { tmax: 0, alpha: 0, beta: 0, tmaxH: 0, alphaH: 0, betaH: 0, expAveLogAlpha: 0 };

/**
 * Compute the sampling (and homogeneous) parameters for ln y and normal deviates z1, z2 into the
 * scratch variables (showers.md §2.2 [G4-src ComputeLongitudinalParameters, GenerateEnergyProfile]).
 * `g4Homo` = true also fills the homogeneous set, with Geant4's as-coded sigma(ln T) coefficients.
 */
export function drawProfile(c: StackConsts, lny: number, z1: number, z2: number, g4Homo: boolean): void {
  // exp(AveLogTmaxh), exp(AveLogAlphah): the log-means of the homogeneous medium, floored at ln = 0.1
  let th = H.ParAveT1 + lny;
  if (th < LOG_FLOOR) th = LOG_FLOOR;
  let ah = H.ParAveA1 + c.aveA2 * lny;
  if (ah < LOG_FLOOR) ah = LOG_FLOOR;
  // sampling log-means: AveLogTmax = max(0.1, ln(exp(AveLogTmaxh) + ParsAveT1/Fs + ParsAveT2(1-ehat)))
  let ts = th + c.tShift;
  if (ts < EXP_LOG_FLOOR) ts = EXP_LOG_FLOOR;
  let as = ah + c.aShift;
  if (as < EXP_LOG_FLOOR) as = EXP_LOG_FLOOR;
  prof.expAveLogAlpha = as;
  const sigT = sigmaOf(S.ParsSigLogT1 + S.ParsSigLogT2 * lny);
  const sigA = sigmaOf(S.ParsSigLogA1 + S.ParsSigLogA2 * lny);
  let rho = S.ParsRho1 + S.ParsRho2 * lny;
  rho = rho > 1 ? 1 : rho < -1 ? -1 : rho;
  const c1 = Math.sqrt(0.5 * (1 + rho));
  const c2 = Math.sqrt(0.5 * (1 - rho));
  // exp(<ln T> + σ·z) = T_median · exp(σ·z): no log needed
  let tmax = z1 === 0 && z2 === 0 ? ts : ts * Math.exp(sigT * (c1 * z1 + c2 * z2));
  if (tmax < TMAX_MIN) tmax = TMAX_MIN;
  let alpha = z1 === 0 && z2 === 0 ? as : as * Math.exp(sigA * (c1 * z1 - c2 * z2));
  if (alpha < ALPHA_MIN) alpha = ALPHA_MIN;
  prof.tmax = tmax;
  prof.alpha = alpha;
  prof.beta = (alpha - 1) / tmax;
  if (g4Homo) {
    // Geant4 (commit 082ba4d) loads ParSigLogT1/T2 from the SAMPLING tuning (ParsSigLogT1/T2)
    // and ParSigLogA1/A2 from the homogeneous one; reproduced here for the 'geant4' switch.
    const sigTh = sigmaOf(S.ParsSigLogT1 + S.ParsSigLogT2 * lny);
    const sigAh = sigmaOf(H.ParSigLogA1 + H.ParSigLogA2 * lny);
    let rhoh = H.ParRho1 + H.ParRho2 * lny;
    rhoh = rhoh > 1 ? 1 : rhoh < -1 ? -1 : rhoh;
    const c1h = Math.sqrt(0.5 * (1 + rhoh));
    const c2h = Math.sqrt(0.5 * (1 - rhoh));
    // Geant4 applies no floors to Tmaxh/Alphah; the same floors as the sampling set keep Betah > 0.
    let tmaxh = th * Math.exp(sigTh * (c1h * z1 + c2h * z2));
    if (tmaxh < TMAX_MIN) tmaxh = TMAX_MIN;
    let alphah = ah * Math.exp(sigAh * (c1h * z1 - c2h * z2));
    if (alphah < ALPHA_MIN) alphah = ALPHA_MIN;
    prof.tmaxH = tmaxh;
    prof.alphaH = alphah;
    prof.betaH = (alphah - 1) / tmaxh;
  }
}

/**
 * Median longitudinal profile (z1 = z2 = 0) of an EM shower of `energyMeV` [MeV] in the sampling
 * stack `g`: tmaxX0 = max(1, exp(AveLogTmax)) [X0eff], alpha = max(1.1, exp(AveLogAlpha)),
 * beta = (alpha − 1)/tmax [1/X0eff], with the clamped sampling formulas of showers.md §2.2
 * [G4-src GFlashSamplingShowerParameterisation::ComputeLongitudinalParameters].
 * V9 (NA64 ECAL, 100 GeV): tmax 7.71 X0eff (85.4 mm), alpha 5.03, beta 0.523.
 * Throws RangeError for energy <= 0.
 */
export function meanSamplingProfile(energyMeV: number, g: GFlashSampling): LongitudinalProfile {
  checkEnergy('meanSamplingProfile', energyMeV);
  const c = constsOf(g);
  drawProfile(c, Math.log(energyMeV) - c.lnEc, 0, 0, false);
  return { tmaxX0: prof.tmax, alpha: prof.alpha, beta: prof.beta };
}

/**
 * One shower's longitudinal profile: correlated log-normal (ln T, ln alpha) with two N(0,1) draws
 * z1, z2 (showers.md §2.2 "Sampling one shower" [G4-src GenerateEnergyProfile]): Tmax = max(1,
 * exp(<lnT> + σT(c1 z1 + c2 z2))), Alpha = max(1.1, exp(<lnα> + σα(c1 z1 − c2 z2))), c1,2 =
 * sqrt((1 ± ρ)/2). Returns the SAMPLING set (the sheet's recommendation for deposits). Draws two
 * normals from `rng`. Throws RangeError for energy <= 0.
 */
export function sampleSamplingProfile(rng: Rng, energyMeV: number, g: GFlashSampling): LongitudinalProfile {
  checkEnergy('sampleSamplingProfile', energyMeV);
  const c = constsOf(g);
  const z1 = rng.normal();
  const z2 = rng.normal();
  drawProfile(c, Math.log(energyMeV) - c.lnEc, z1, z2, false);
  return { tmaxX0: prof.tmax, alpha: prof.alpha, beta: prof.beta };
}

/**
 * The sampling profile for given standard-normal deviates (z1, z2) (the deterministic core of
 * `sampleSamplingProfile`; z1 = z2 = 0 gives `meanSamplingProfile`). Useful for quadrature over the
 * shower-to-shower fluctuations. Throws RangeError for energy <= 0.
 */
export function profileFromDeviates(
  energyMeV: number,
  g: GFlashSampling,
  z1: number,
  z2: number,
): LongitudinalProfile {
  checkEnergy('profileFromDeviates', energyMeV);
  const c = constsOf(g);
  drawProfile(c, Math.log(energyMeV) - c.lnEc, z1, z2, false);
  return { tmaxX0: prof.tmax, alpha: prof.alpha, beta: prof.beta };
}

/**
 * Both parameter sets of one shower with the same (z1, z2), as Geant4's sampling class: `sampling`
 * (Tmax, Alpha, Beta) and `homogeneous` (Tmaxh, Alphah, Betah, with Geant4's as-coded coefficients,
 * see `depositProfile = 'geant4'`). Draws two normals. Throws RangeError for energy <= 0.
 */
export function sampleShowerProfiles(
  rng: Rng,
  energyMeV: number,
  g: GFlashSampling,
): { sampling: LongitudinalProfile; homogeneous: LongitudinalProfile } {
  checkEnergy('sampleShowerProfiles', energyMeV);
  const c = constsOf(g);
  const z1 = rng.normal();
  const z2 = rng.normal();
  drawProfile(c, Math.log(energyMeV) - c.lnEc, z1, z2, true);
  return {
    sampling: { tmaxX0: prof.tmax, alpha: prof.alpha, beta: prof.beta },
    homogeneous: { tmaxX0: prof.tmaxH, alpha: prof.alphaH, beta: prof.betaH },
  };
}

/**
 * Fraction of the shower energy deposited between depths t1 < t2 [X0, from the shower start]:
 * P(α, β t2) − P(α, β t1) (showers.md §2.1/§2.2; P = regularised lower incomplete gamma, GFlash
 * `gam`). Computed from the upper tail Q where that is more precise. Depths below 0 count as 0;
 * returns 0 for t2 <= t1.
 */
export function depositedFraction(p: LongitudinalProfile, t1X0: number, t2X0: number): number {
  const a = t1X0 > 0 ? t1X0 : 0;
  if (!(t2X0 > a)) return 0;
  const x1 = p.beta * a;
  const x2 = p.beta * t2X0;
  if (x1 > p.alpha) return Math.max(0, gammaQ(p.alpha, x1) - gammaQ(p.alpha, x2));
  return Math.max(0, gammaP(p.alpha, x2) - gammaP(p.alpha, x1));
}

/**
 * Fraction of the energy beyond depth t [X0]: Q(α, β t), precise in the far tail. V5 (homogeneous
 * Pb means, 100 GeV): t = 20 → 3.8e-2, t = 40 → 2.4e-5.
 */
export function fractionBeyond(p: LongitudinalProfile, tX0: number): number {
  return tX0 > 0 ? gammaQ(p.alpha, p.beta * tX0) : 1;
}

/**
 * Depth [X0] containing `fraction` (0 < fraction < 1) of the energy: the solution t of
 * P(α, β t) = fraction, by bisection. V6: 95 % of the homogeneous Pb 100 GeV gamma → 19.1 X0.
 * Throws RangeError unless 0 < fraction < 1.
 */
export function containmentDepthX0(p: LongitudinalProfile, fraction: number): number {
  if (!(fraction > 0 && fraction < 1))
    throw new RangeError(`containmentDepthX0: fraction must be in (0,1), got ${fraction}`);
  let lo = 0;
  let hi = (p.alpha + 50 * Math.sqrt(p.alpha) + 50) / p.beta;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (gammaP(p.alpha, p.beta * mid) < fraction) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
