/**
 * Electromagnetic showers in a sampling calorimeter: the GFlash parametrization (Grindhammer &
 * Peters, hep-ex/0001020; Geant4 `source/parameterisations/gflash`), as written down in the physics
 * reference sheet showers.md §1.2, §2.2, §3 and §5, plus bremsstrahlung and pair-production helpers.
 *
 * Units: lengths in mm, energies in MeV (see units.ts). Shower depths `t` are in radiation lengths
 * of the stack (X0eff; for a layered stack d/X0eff = Σ d_i/X0_i exactly, showers.md §1.2). Radial
 * distances inside the GFlash formulas are in Molière radii (Rmeff).
 *
 * Two entry points for the simulation:
 * - `showerSummary`: one call per event, a few hundred ns. Correlated log-normal longitudinal
 *   profile per shower (showers.md §2.2 "Sampling one shower"), analytic incomplete-gamma integrals
 *   for preshower / main / back leakage, and a tabulated GFlash radial profile (averaged over depth
 *   and over showers) integrated exactly over the square calorimeter face for the lateral leakage.
 * - `showerCells`: the detail pass; spot-by-spot GFlash into the readout cells.
 *
 * Deviations from Geant4 (all listed in doc/model.md, "EM showers"):
 * - E_c of each material uses X0 in g/cm² (the paper's convention; Geant4 passes a length in mm).
 * - Deposits follow the SAMPLING (Alpha, Beta); Geant4 integrates the homogeneous (Alphah, Betah).
 *   `depositProfile = 'geant4'` reproduces the Geant4 choice.
 * - p (core weight) is clamped to [0, 1]; sigma(ln T), sigma(ln alpha) use the 0.5 cap also where
 *   Geant4's 1/(a + b ln y) is negative or infinite (y < e² ≈ 7.4, i.e. E < ~100 MeV in the ECAL);
 *   rho is clamped to [-1, 1]; ln of a non-positive argument is replaced by the 0.1 floor.
 * - Spots carry equal energy E/N and are distributed along the energy profile (Geant4 distributes
 *   them along a separate "NSpot" profile and weights the energy per step); N is capped.
 * - The radial profile below 100 MeV (Geant4's default lowest parametrised e± energy) is that of
 *   100 MeV (`RADIAL_E_MIN_MEV`).
 * - Geant4 (the sheet's commit) fills the homogeneous sigma(ln T) of its sampling class with the
 *   sampling coefficients (ParsSigLogT1/T2); only the 'geant4' switch reproduces that.
 * - No Geant4 `ApplySampling` (its σ/E = 0.11/sqrt(E/MeV) is a units quirk, showers.md §2.2); the
 *   caller smears with the NA64 resolution (`smearResolution`).
 */
import { gammaP, gammaQ } from './math';
import type { Material } from './materials';
import { x0Mm } from './materials';
import type { Rng } from './rng';
import type { SamplingStack } from './setups/types';
import { GeV } from './units';

// ---------------------------------------------------------------------------------------------
// Tuning constants (verbatim from Geant4, copied into showers.md §2.2)
// ---------------------------------------------------------------------------------------------

/**
 * Homogeneous-medium GFlash coefficients, showers.md §2.2 [G4-src GVFlashHomoShowerTuning.hh].
 * Longitudinal: ParAve*, ParSigLog*, ParRho*; radial: ParRC*, ParWC*, ParRT*; spots: ParSpot*.
 */
export const GFLASH_HOMO_TUNING = {
  ParAveT1: -0.812,
  ParAveA1: 0.81,
  ParAveA2: 0.458,
  ParAveA3: 2.26,
  ParSigLogT1: -1.4,
  ParSigLogT2: 1.26,
  ParSigLogA1: -0.58,
  ParSigLogA2: 0.86,
  ParRho1: 0.705,
  ParRho2: -0.023,
  ParRC1: 0.0251,
  ParRC2: 0.00319,
  ParRC3: 0.1162,
  ParRC4: -0.000381,
  ParWC1: 2.632,
  ParWC2: -0.00094,
  ParWC3: 0.401,
  ParWC4: 0.00187,
  ParWC5: 1.313,
  ParWC6: -0.0686,
  ParRT1: 0.659,
  ParRT2: -0.00309,
  ParRT3: 0.645,
  ParRT4: -2.59,
  ParRT5: 0.3585,
  ParRT6: 0.0412,
  ParSpotN1: 93,
  ParSpotN2: 0.876,
} as const;

/**
 * Sampling-calorimeter GFlash additions, showers.md §2.2 [G4-src GFlashSamplingShowerTuning.hh].
 * `SamplingResolution` enters only the Geant4 spot count NSpot = ParSpotN1/SamplingResolution·E^ParSpotN2.
 */
export const GFLASH_SAMPLING_TUNING = {
  ParsAveT1: -0.55,
  ParsAveT2: -0.69,
  ParsAveA1: -0.476,
  ParsSigLogT1: -2.5,
  ParsSigLogT2: 1.25,
  ParsSigLogA1: -0.82,
  ParsSigLogA2: 0.79,
  ParsRho1: 0.784,
  ParsRho2: -0.023,
  ParsRC1: -0.0203,
  ParsRC2: 0.0397,
  ParsWC1: 0.348,
  ParsWC2: -0.642,
  ParsRT1: -0.14,
  ParsRT2: -0.495,
  SamplingResolution: 0.11,
} as const;

const H = GFLASH_HOMO_TUNING;
const S = GFLASH_SAMPLING_TUNING;

/** E_s used by the Geant4 sampling class for Rmeff [MeV], showers.md §1.2 [G4-src]. */
export const GFLASH_ES_MEV = 21.2;

/** Lower bound of the G4 log-means, 0.1 (showers.md §2.2); exp(0.1) is the floor of their exponentials. */
const LOG_FLOOR = 0.1;
const EXP_LOG_FLOOR = Math.exp(LOG_FLOOR);
/** Upper cap of the sigmas of ln T and ln alpha (showers.md §2.2 [G4-src]). */
const SIGMA_CAP = 0.5;
/** Floors of the sampled Tmax [X0] and Alpha (showers.md §2.2 [G4-src GenerateEnergyProfile]). */
const TMAX_MIN = 1.0;
const ALPHA_MIN = 1.1;

// ---------------------------------------------------------------------------------------------
// Photon conversion, bremsstrahlung (showers.md §5)
// ---------------------------------------------------------------------------------------------

/**
 * Photon pair-production mean free path in units of X0: 9/7 (high-energy limit).
 * Source: showers.md §5 [PDG-formula §34.4], the same value as Geant4 GFlash `GenerateExponential`;
 * validation V14 (Pb: 9/7 × 5.612 mm = 7.215 mm).
 */
export const PAIR_MEAN_FREE_PATH_X0 = 9 / 7;

/**
 * Depth of a photon's first conversion [X0], exponential with mean 9/7 X0 (showers.md §5).
 * Draws one uniform from `rng`.
 */
export function samplePhotonStartX0(rng: Rng): number {
  return rng.exponential(PAIR_MEAN_FREE_PATH_X0);
}

/**
 * Bremsstrahlung photon energy fraction y = k/E in [yMin, 1), complete-screening spectrum
 * dN/dy ∝ (4/3 − 4/3 y + y²)/y (showers.md §5 [PDG-formula §34.4.3]), by rejection against 1/y with
 * envelope constant 4/3 (the maximum of 4/3 − 4/3 y + y² on [0, 1], reached at y = 0).
 * Mean cost: ~1.1 tries for small yMin. Throws RangeError unless 0 < yMin < 1.
 */
export function sampleBremFraction(rng: Rng, yMin: number): number {
  if (!(yMin > 0 && yMin < 1)) throw new RangeError(`sampleBremFraction: yMin must be in (0,1), got ${yMin}`);
  const lnYMin = Math.log(yMin);
  for (;;) {
    const y = Math.exp(lnYMin * rng.uniform()); // ∝ 1/y on [yMin, 1)
    // accept with probability (4/3 − 4/3 y + y²)/(4/3)  ⇔  4u <= 4 − 4y + 3y²
    if (4 * rng.uniform() <= 4 - 4 * y + 3 * y * y && y < 1) return y;
  }
}

/**
 * Expected number of bremsstrahlung photons per X0 with y = k/E in [y1, y2]:
 * N = (4/3) ln(y2/y1) − (4/3)(y2 − y1) + (y2² − y1²)/2 (showers.md §5, complete screening).
 * V13: N(0.5 < y < 1) = 0.633. Throws RangeError unless 0 < y1 <= y2 <= 1.
 */
export function bremPhotonsPerX0(y1: number, y2: number): number {
  if (!(y1 > 0 && y1 <= y2 && y2 <= 1))
    throw new RangeError(`bremPhotonsPerX0: need 0 < y1 <= y2 <= 1, got ${y1}, ${y2}`);
  return (4 / 3) * Math.log(y2 / y1) - (4 / 3) * (y2 - y1) + 0.5 * (y2 * y2 - y1 * y1);
}

// ---------------------------------------------------------------------------------------------
// Materials → GFlash effective quantities (showers.md §1.2)
// ---------------------------------------------------------------------------------------------

/**
 * GFlash critical energy E_c = 2.66 (X0 Z/A)^1.1 [MeV] with X0 in g/cm² (Grindhammer & Peters
 * convention; showers.md §1.2 [G4-src GFlashSamplingShowerParameterisation::SetMaterial], where
 * Geant4 passes a length instead, see the sheet's caution). V1: Pb → 7.36 MeV (PDG 7.43 MeV).
 * Throws RangeError for non-positive inputs.
 */
export function ecGFlashMeV(x0Gcm2: number, z: number, a: number): number {
  if (!(x0Gcm2 > 0 && z > 0 && a > 0))
    throw new RangeError(`ecGFlashMeV: non-positive input ${x0Gcm2}, ${z}, ${a}`);
  return 2.66 * Math.pow((x0Gcm2 * z) / a, 1.1);
}

/** Effective GFlash quantities of a sampling stack (showers.md §1.2 (b)). Treat as immutable. */
export interface GFlashSampling {
  /** Mass-weighted Z. */
  zEff: number;
  /** Mass-weighted A [g/mol]. */
  aEff: number;
  /** Mean density [g/cm³]. */
  rhoEff: number;
  /** Effective radiation length [mm]. */
  x0EffMm: number;
  /** Effective Molière radius [mm] (E_s = 21.2 MeV). */
  rmEffMm: number;
  /** Effective critical energy [MeV]. */
  ecEffMeV: number;
  /** Fs = X0eff / (d1 + d2), X0eff per sampling layer. */
  fs: number;
  /** e/mip estimate ehat = 1/(1 + 0.007 (Z1 − Z2)). */
  ehat: number;
  /** MIP sampling fraction (showers.md §3.1). */
  fMip: number;
  /** Depth of one layer (absorber + active) in X0 (= (d1 + d2)/X0eff = Σ d_i/X0_i). */
  x0PerLayer: number;
}

/**
 * Effective GFlash quantities of `stack` (absorber = material 1, active = material 2), per
 * showers.md §1.2 (b) [G4-src GFlashSamplingShowerParameterisation.cc::ComputeZAX0EFFetc]:
 * W_i = d_i ρ_i / Σ d ρ; Zeff, Aeff mass-weighted; ρeff = Σ d ρ / Σ d; X0eff = 1/Σ(W_i ρeff/(X0_i ρ_i));
 * Rmeff = E_s / Σ(W_i E_ci / X0_i); Eceff = X0eff Σ(W_i E_ci / X0_i); Fs = X0eff/(d1+d2);
 * ehat = 1/(1 + 0.007 (Z1 − Z2)); E_ci from `ecGFlashMeV`. fMip = d2 ρ2 (dE/dx)2 / Σ d ρ dE/dx
 * (showers.md §3.1 [standard definition; Wigmans]). x0PerLayer = d1/X0_1 + d2/X0_2.
 * V8 (1.5 mm Pb + 1.5 mm polystyrene): Zeff 75.5, X0eff 11.07 mm, Rmeff 17.45 mm, Eceff 13.46 MeV,
 * Fs 3.69, ehat 0.652; V10 x0PerLayer 0.2709; V11 fMip 0.146.
 * Returns a frozen object (it keys internal caches). Throws RangeError for negative thicknesses or a
 * zero total thickness.
 */
export function gflashSampling(stack: SamplingStack): GFlashSampling {
  const d1 = stack.absorberMm;
  const d2 = stack.activeMm;
  if (!(d1 >= 0 && d2 >= 0 && d1 + d2 > 0)) {
    throw new RangeError(`gflashSampling: bad thicknesses ${d1} mm / ${d2} mm`);
  }
  const m1: Material = stack.absorber;
  const m2: Material = stack.active;
  const rho1 = m1.densityGcm3;
  const rho2 = m2.densityGcm3;
  const den = d1 * rho1 + d2 * rho2;
  const w1 = (d1 * rho1) / den;
  const w2 = (d2 * rho2) / den;
  const rhoEff = den / (d1 + d2);
  const x01 = x0Mm(m1);
  const x02 = x0Mm(m2);
  const ec1 = ecGFlashMeV(m1.x0Gcm2, m1.z, m1.a);
  const ec2 = ecGFlashMeV(m2.x0Gcm2, m2.z, m2.a);
  const x0EffMm = 1 / ((w1 * rhoEff) / (x01 * rho1) + (w2 * rhoEff) / (x02 * rho2));
  const ecPerX0 = (w1 * ec1) / x01 + (w2 * ec2) / x02; // MeV/mm
  const dedx1 = d1 * rho1 * m1.dedxMinMeVcm2g;
  const dedx2 = d2 * rho2 * m2.dedxMinMeVcm2g;
  return Object.freeze({
    zEff: w1 * m1.z + w2 * m2.z,
    aEff: w1 * m1.a + w2 * m2.a,
    rhoEff,
    x0EffMm,
    rmEffMm: GFLASH_ES_MEV / ecPerX0,
    ecEffMeV: x0EffMm * ecPerX0,
    fs: x0EffMm / (d1 + d2),
    ehat: 1 / (1 + 0.007 * (m1.z - m2.z)),
    fMip: dedx2 / (dedx1 + dedx2),
    x0PerLayer: d1 / x01 + d2 / x02,
  });
}

/**
 * Sampling-fluctuation rule a ≈ 2.7 % · sqrt(d_active[mm] / f_mip) (stochastic term, fraction at
 * 1 GeV). showers.md §3.1 [UNVERIFIED rule, Livan & Wigmans]; V12: NA64 ECAL ≈ 0.087.
 */
export function samplingStochasticRule(
  stack: SamplingStack,
  g: GFlashSampling = gflashSampling(stack),
): number {
  return 0.027 * Math.sqrt(stack.activeMm / g.fMip);
}

// ---------------------------------------------------------------------------------------------
// Longitudinal profile (showers.md §2.2)
// ---------------------------------------------------------------------------------------------

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

/** Per-stack constants (computed once per GFlashSampling object). */
interface StackConsts {
  readonly lnEc: number;
  /** ParAveA2 + ParAveA3/Zeff. */
  readonly aveA2: number;
  /** ParsAveT1/Fs + ParsAveT2 (1 − ehat). */
  readonly tShift: number;
  /** ParsAveA1/Fs. */
  readonly aShift: number;
  readonly x0Mm: number;
  readonly rmMm: number;
  // radial (showers.md §2.2)
  readonly rcZ2: number;
  readonly p1: number;
  readonly p2: number;
  readonly k1: number;
  readonly rcC0: number;
  readonly rcCe: number;
  readonly pC0: number;
  readonly pCg: number;
  readonly rtC0: number;
  readonly rtCe: number;
  /** Lateral tables per energy node (lazy). */
  readonly lateral: (Float64Array | undefined)[];
}

const constsCache = new WeakMap<GFlashSampling, StackConsts>();
let lastG: GFlashSampling | undefined;
let lastC: StackConsts | undefined;

function constsOf(g: GFlashSampling): StackConsts {
  if (g === lastG && lastC) return lastC;
  let c = constsCache.get(g);
  if (!c) {
    const oneMinusEhat = 1 - g.ehat;
    c = {
      lnEc: Math.log(g.ecEffMeV),
      aveA2: H.ParAveA2 + H.ParAveA3 / g.zEff,
      tShift: S.ParsAveT1 / g.fs + S.ParsAveT2 * oneMinusEhat,
      aShift: S.ParsAveA1 / g.fs,
      x0Mm: g.x0EffMm,
      rmMm: g.rmEffMm,
      rcZ2: H.ParRC3 + H.ParRC4 * g.zEff,
      p1: H.ParWC1 + H.ParWC2 * g.zEff,
      p2: H.ParWC3 + H.ParWC4 * g.zEff,
      k1: H.ParRT1 + H.ParRT2 * g.zEff,
      rcC0: S.ParsRC1 * oneMinusEhat,
      rcCe: S.ParsRC2 / g.fs,
      pC0: oneMinusEhat * S.ParsWC1,
      pCg: (oneMinusEhat * S.ParsWC2) / g.fs,
      rtC0: oneMinusEhat * S.ParsRT1,
      rtCe: S.ParsRT2 / g.fs,
      lateral: new Array<Float64Array | undefined>(LAT_NODES).fill(undefined),
    };
    constsCache.set(g, c);
  }
  lastG = g;
  lastC = c;
  return c;
}

/** min(0.5, 1/d), with the 0.5 cap also for d <= 0 (Geant4 would give a negative/infinite sigma). */
function sigmaOf(d: number): number {
  return d > 1 / SIGMA_CAP ? 1 / d : SIGMA_CAP;
}

// Scratch outputs of `drawProfile` (no allocation in the hot path).
let sTmax = 0;
let sAlpha = 0;
let sBeta = 0;
let sTmaxH = 0;
let sAlphaH = 0;
let sBetaH = 0;
/** exp(AveLogAlpha) of the sampling set, for tau. */
let sExpAveLogAlpha = 0;

/**
 * Compute the sampling (and homogeneous) parameters for ln y and normal deviates z1, z2 into the
 * scratch variables (showers.md §2.2 [G4-src ComputeLongitudinalParameters, GenerateEnergyProfile]).
 * `g4Homo` = true also fills the homogeneous set, with Geant4's as-coded sigma(ln T) coefficients.
 */
function drawProfile(c: StackConsts, lny: number, z1: number, z2: number, g4Homo: boolean): void {
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
  sExpAveLogAlpha = as;
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
  sTmax = tmax;
  sAlpha = alpha;
  sBeta = (alpha - 1) / tmax;
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
    sTmaxH = tmaxh;
    sAlphaH = alphah;
    sBetaH = (alphah - 1) / tmaxh;
  }
}

function checkEnergy(fn: string, energyMeV: number): void {
  if (!(energyMeV > 0) || energyMeV === Infinity)
    throw new RangeError(`${fn}: energy must be > 0 and finite, got ${energyMeV}`);
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
  return { tmaxX0: sTmax, alpha: sAlpha, beta: sBeta };
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
  return { tmaxX0: sTmax, alpha: sAlpha, beta: sBeta };
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
  return { tmaxX0: sTmax, alpha: sAlpha, beta: sBeta };
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
    sampling: { tmaxX0: sTmax, alpha: sAlpha, beta: sBeta },
    homogeneous: { tmaxX0: sTmaxH, alpha: sAlphaH, beta: sBetaH },
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

const HALF_LN_2PI = 0.5 * Math.log(2 * Math.PI);

/**
 * ln Γ(a) for a > 0, fast: Stirling series to 1/z⁷ at z = a + n >= 8 (truncation < 1e-11), with
 * lnΓ(a) = lnΓ(a + n) − ln(a (a+1) … (a+n−1)) (Abramowitz & Stegun 6.1.40). Two logs instead of the
 * Lanczos sum of math.ts (checked against it in the tests).
 */
export function lnGammaFast(a: number): number {
  let z = a;
  let prod = 1;
  while (z < 8) {
    prod *= z;
    z += 1;
  }
  const iz = 1 / z;
  const iz2 = iz * iz;
  const series = iz * (1 / 12 - iz2 * (1 / 360 - iz2 * (1 / 1260 - iz2 * (1 / 1680))));
  return (z - 0.5) * Math.log(z) - z + HALF_LN_2PI + series - (prod === 1 ? 0 : Math.log(prod));
}

/**
 * Regularised incomplete gamma with ln Γ(a) supplied (shared between the calls of one shower):
 * P(a, x) (upper = false) or Q(a, x) (upper = true). Series for x < a + 1, Lentz continued fraction
 * otherwise (Numerical Recipes §6.2, as math.ts), relative tolerance 1e-13.
 */
function incGamma(a: number, x: number, lnGa: number, upper: boolean): number {
  if (x <= 0) return upper ? 1 : 0;
  const pref = Math.exp(a * Math.log(x) - x - lnGa);
  if (x < a + 1) {
    let ap = a;
    let del = 1 / a;
    let sum = del;
    for (let n = 0; n < 400; n++) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (del < sum * 1e-13) break;
    }
    let p = sum * pref;
    if (p > 1) p = 1;
    return upper ? 1 - p : p;
  }
  const FPMIN = 1e-300;
  let b = x + 1 - a;
  let cc = 1 / FPMIN;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 400; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < FPMIN) d = FPMIN;
    cc = b + an / cc;
    if (Math.abs(cc) < FPMIN) cc = FPMIN;
    d = 1 / d;
    const del = d * cc;
    h *= del;
    if (Math.abs(del - 1) < 1e-13) break;
  }
  let q = pref * h;
  if (q < 0) q = 0;
  else if (q > 1) q = 1;
  return upper ? q : 1 - q;
}

// ---------------------------------------------------------------------------------------------
// Radial profile (showers.md §2.2)
// ---------------------------------------------------------------------------------------------

// Scratch outputs of `radialParams`.
let rP = 0;
let rRC = 0;
let rRT = 0;
/** Smallest radius [R_M] allowed for RC, RT (guards the formulas far outside their fitted range). */
const R_MIN_RM = 1e-4;

/**
 * GFlash radial parameters at tau for a shower of ln(E/GeV) = `lnEGeV` (showers.md §2.2 [G4-src
 * ComputeRadialParameters]), incl. the sampling corrections; p clamped to [0, 1]. Radii in R_M.
 */
function radialParams(c: StackConsts, tau: number, lnEGeV: number): void {
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
  rP = p;
  rRC = rc;
  rRT = rt;
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
function tauFactorAt(c: StackConsts, lny: number): number {
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
function radialMixture(c: StackConsts, energyMeV: number): { w: Float64Array; r: Float64Array } {
  const eRad = energyMeV > RADIAL_E_MIN_MEV ? energyMeV : RADIAL_E_MIN_MEV;
  const lny = Math.log(eRad) - c.lnEc;
  drawProfile(c, lny, 0, 0, false);
  const aMed = sExpAveLogAlpha; // median alpha before the 1.1 floor
  const aExp = sExpAveLogAlpha;
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
    w[2 * k] = wk * rP;
    r[2 * k] = rRC;
    w[2 * k + 1] = wk * (1 - rP);
    r[2 * k + 1] = rRT;
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
function insideSquareExact(w: Float64Array, r: Float64Array, x: number, y: number, h: number): number {
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

// Lateral tables: Qm(a, b) = Σ w_k quadrantUnit(a/R_k, b/R_k) for a, b >= 0 [R_M] on the grid
// u = a/(a + LAT_C) ∈ [0, 1) (cheap to invert: one division): spacing ≈ 0.008 R_M near 0 (core
// radii are 0.04–0.15 R_M), ≈ 8 % relative at a = 6.5 R_M (the NA64 ECAL half width);
// a >= LAT_AMAX is clamped to the last node (there Qm is within (R/LAT_AMAX)² of its a → ∞ value).
// Energy nodes every factor √2 from 100 MeV to ~13 TeV, interpolated linearly in ln E.
const LAT_C = 1; // R_M
const LAT_AMAX = 40; // R_M
const LAT_N = 64;
const LAT_UMAX = LAT_AMAX / (LAT_AMAX + LAT_C);
const LAT_INV_DU = (LAT_N - 1) / LAT_UMAX;
const LAT_LN_E0 = Math.log(RADIAL_E_MIN_MEV); // below: the 100 MeV profile (RADIAL_E_MIN_MEV)
const LAT_LN_STEP = 0.5 * Math.LN2;
const LAT_NODES = 35; // up to 100 MeV · 2^17 ≈ 13 TeV

function buildLateralTable(c: StackConsts, node: number): Float64Array {
  const { w, r } = radialMixture(c, Math.exp(LAT_LN_E0 + node * LAT_LN_STEP));
  const nk = w.length;
  // per (grid point i, component k): a = grid_i/R_k, s = sqrt(1 + a²), a/s  (quadrantUnit, factored)
  const av = new Float64Array(LAT_N * nk);
  const sv = new Float64Array(LAT_N * nk);
  const qv = new Float64Array(LAT_N * nk);
  for (let i = 0; i < LAT_N; i++) {
    const u = i / LAT_INV_DU;
    const gi = (LAT_C * u) / (1 - u);
    for (let k = 0; k < nk; k++) {
      const a = gi / r[k];
      const sa = Math.sqrt(1 + a * a);
      av[i * nk + k] = a;
      sv[i * nk + k] = sa;
      qv[i * nk + k] = (w[k] * a) / sa / (2 * Math.PI);
    }
  }
  const tab = new Float64Array(LAT_N * LAT_N);
  for (let i = 0; i < LAT_N; i++) {
    for (let j = 0; j <= i; j++) {
      let f = 0;
      const oi = i * nk;
      const oj = j * nk;
      for (let k = 0; k < nk; k++) {
        // w_k · quadrantUnit(a_i, b_j), the weight folded into qv
        f +=
          qv[oi + k] * Math.atan(av[oj + k] / sv[oi + k]) + qv[oj + k] * Math.atan(av[oi + k] / sv[oj + k]);
      }
      tab[i * LAT_N + j] = f;
      tab[j * LAT_N + i] = f;
    }
  }
  return tab;
}

function lateralTable(c: StackConsts, node: number): Float64Array {
  let t = c.lateral[node];
  if (!t) {
    t = buildLateralTable(c, node);
    c.lateral[node] = t;
  }
  return t;
}

/** Bilinear value of Qm at grid cell (ia, fa) × (ib, fb) of `tab`. */
function qmAt(tab: Float64Array, ia: number, fa: number, ib: number, fb: number): number {
  const o = ia * LAT_N + ib;
  const t00 = tab[o];
  const t10 = tab[o + LAT_N];
  const v0 = t00 + (tab[o + 1] - t00) * fb;
  const v1 = t10 + (tab[o + LAT_N + 1] - t10) * fb;
  return v0 + (v1 - v0) * fa;
}

/** Grid coordinate u = |d|/(|d| + LAT_C) in table steps, clamped below the last cell. */
function gridU(d: number): number {
  const ad = d < 0 ? -d : d;
  const u = (ad / (ad + LAT_C)) * LAT_INV_DU;
  return u > LAT_N - 1.000001 ? LAT_N - 1.000001 : u;
}

/**
 * Inside fraction of the square from one table: Qm is odd in each argument, so for a rectangle
 * [−(h+x), h−x] × [−(h+y), h−y] around the axis the four corner terms add with the signs of the
 * four edge distances.
 */
function insideFromTable(
  tab: Float64Array,
  iXa: number,
  fXa: number,
  sXa: number,
  iXb: number,
  fXb: number,
  sXb: number,
  iYa: number,
  fYa: number,
  sYa: number,
  iYb: number,
  fYb: number,
  sYb: number,
): number {
  return (
    sXa * (sYa * qmAt(tab, iXa, fXa, iYa, fYa) + sYb * qmAt(tab, iXa, fXa, iYb, fYb)) +
    sXb * (sYa * qmAt(tab, iXb, fXb, iYa, fYa) + sYb * qmAt(tab, iXb, fXb, iYb, fYb))
  );
}

/** Table-based inside fraction; `lnE` = ln(E/MeV); positions in mm. */
function lateralInside(c: StackConsts, lnE: number, xMm: number, yMm: number, hMm: number): number {
  const inv = 1 / c.rmMm;
  const dXa = (hMm - xMm) * inv;
  const dXb = (hMm + xMm) * inv;
  const dYa = (hMm - yMm) * inv;
  const dYb = (hMm + yMm) * inv;
  const uXa = gridU(dXa);
  const uXb = gridU(dXb);
  const uYa = gridU(dYa);
  const uYb = gridU(dYb);
  const iXa = uXa | 0;
  const iXb = uXb | 0;
  const iYa = uYa | 0;
  const iYb = uYb | 0;
  const fXa = uXa - iXa;
  const fXb = uXb - iXb;
  const fYa = uYa - iYa;
  const fYb = uYb - iYb;
  const sXa = dXa < 0 ? -1 : 1;
  const sXb = dXb < 0 ? -1 : 1;
  const sYa = dYa < 0 ? -1 : 1;
  const sYb = dYb < 0 ? -1 : 1;
  let f = (lnE - LAT_LN_E0) / LAT_LN_STEP;
  if (f < 0) f = 0;
  else if (f > LAT_NODES - 1) f = LAT_NODES - 1;
  let k = f | 0;
  if (k >= LAT_NODES - 1) k = LAT_NODES - 2;
  const fr = f - k;
  const t0 = c.lateral[k] ?? lateralTable(c, k);
  const in0 = insideFromTable(t0, iXa, fXa, sXa, iXb, fXb, sXb, iYa, fYa, sYa, iYb, fYb, sYb);
  let inside = in0;
  if (fr > 0) {
    const t1 = c.lateral[k + 1] ?? lateralTable(c, k + 1);
    const in1 = insideFromTable(t1, iXa, fXa, sXa, iXb, fXb, sXb, iYa, fYa, sYa, iYb, fYb, sYb);
    inside = in0 + (in1 - in0) * fr;
  }
  return inside < 0 ? 0 : inside > 1 ? 1 : inside;
}

/**
 * Fraction of the (depth- and shower-averaged, see `radialContainment`) shower energy inside the
 * square face |x'| < h, |y'| < h
 * for a shower axis at (xMm, yMm) [mm, relative to the face centre], as used by `showerSummary`:
 * tabulated per stack and energy node (built lazily, ~25–50 ms each; see `prepareLateralTables`),
 * bilinear in the grid coordinate d/(d + R_M) of the four edge distances d, linear in ln E.
 * Accuracy (tests): |table − exact| <= 1.2e-3 at 0.1–0.2 GeV, <= 3e-4 above 2 GeV; below 5 % of
 * the ECAL resolution σ_E everywhere. Throws RangeError for energy <= 0 or h <= 0.
 */
export function lateralContainedFraction(
  g: GFlashSampling,
  energyMeV: number,
  xMm: number,
  yMm: number,
  halfWidthMm: number,
): number {
  checkEnergy('lateralContainedFraction', energyMeV);
  if (!(halfWidthMm > 0))
    throw new RangeError(`lateralContainedFraction: halfWidth must be > 0, got ${halfWidthMm}`);
  return lateralInside(constsOf(g), Math.log(energyMeV), xMm, yMm, halfWidthMm);
}

/**
 * Build the lateral tables of `g` for all energy nodes covering [eMinMeV, eMaxMeV] now (e.g. when a
 * worker starts) instead of lazily during the first events. Returns the number of tables built.
 */
export function prepareLateralTables(g: GFlashSampling, eMinMeV: number, eMaxMeV: number): number {
  const c = constsOf(g);
  const node = (e: number) => Math.min(LAT_NODES - 1, Math.max(0, (Math.log(e) - LAT_LN_E0) / LAT_LN_STEP));
  let built = 0;
  for (let k = Math.floor(node(eMinMeV)); k <= Math.ceil(node(eMaxMeV)); k++) {
    if (!c.lateral[k]) {
      lateralTable(c, k);
      built++;
    }
  }
  return built;
}

/**
 * Same as `lateralContainedFraction` at exactly `energyMeV`, by direct summation over the 96 mixture
 * components with the closed-form rectangle integral (no table): the reference for the table.
 */
export function lateralContainedFractionExact(
  g: GFlashSampling,
  energyMeV: number,
  xMm: number,
  yMm: number,
  halfWidthMm: number,
): number {
  checkEnergy('lateralContainedFractionExact', energyMeV);
  if (!(halfWidthMm > 0))
    throw new RangeError(`lateralContainedFractionExact: halfWidth must be > 0, got ${halfWidthMm}`);
  const c = constsOf(g);
  const { w, r } = radialMixture(c, energyMeV);
  return insideSquareExact(w, r, xMm / c.rmMm, yMm / c.rmMm, halfWidthMm / c.rmMm);
}

// ---------------------------------------------------------------------------------------------
// Per-event ECAL response
// ---------------------------------------------------------------------------------------------

/** Energies [MeV, electron scale, before resolution smearing] of one shower in the ECAL. */
export interface ShowerSummary {
  /** Energy inside the ECAL (preshower + main). */
  visibleMeV: number;
  /** Part of visibleMeV in the preshower. */
  preshowerMeV: number;
  /** Energy beyond the back face (towards VETO/HCAL). */
  leakBackMeV: number;
  /** Energy outside the ECAL's transverse size. */
  leakLateralMeV: number;
}

/** Which longitudinal parameters carry the deposits (showers.md §2.2, "A Geant4 detail to decide on"). */
export type DepositProfile = 'sampling' | 'geant4';

/**
 * Fast per-event ECAL response to an e± or γ of energy `energyMeV` [MeV] entering at transverse
 * position (xMm, yMm) [mm] relative to the ECAL centre, first interaction at depth `startX0` [X0]
 * (0 for e±; photons: `samplePhotonStartX0`, the caller decides). `ecalDepthX0` and
 * `preshowerDepthX0` are the ECAL and preshower depths [X0] (layers × g.x0PerLayer);
 * `halfWidthMm` the half width of the square ECAL face.
 *
 * Model: one correlated log-normal GFlash profile per shower (`sampleSamplingProfile`, 2 normals);
 * preshower fraction P(α, β(t_pre − t0)), back leakage Q(α, β(t_ecal − t0)); lateral leakage = the
 * longitudinally contained energy × (1 − inside fraction of the depth- and shower-averaged GFlash radial
 * profile over the face, `lateralContainedFraction`), shared pro rata by preshower and main part.
 * Returns electron-scale energies BEFORE resolution smearing (the caller smears,
 * `smearResolution`); visible + leakBack + leakLateral = E.
 *
 * Limitations (named): the direction of the particle is ignored here (showerCells uses it); the
 * radial profile is averaged over the full shower depth even when the ECAL (or the depth left after
 * a late conversion) is shorter than the shower, which overestimates the lateral leak there (×2 at
 * a 15 X0 ECAL, where the back leak is 50× larger); for 40 X0 it agrees with showerCells.
 *
 * Speed: no allocation when `out` is given; ~0.4 µs per call (one server core) once the lateral tables of the
 * energies in use are built (lazily, ~25–50 ms per factor √2 of energy; `prepareLateralTables`).
 * `depositProfile = 'geant4'` uses the homogeneous (Alphah, Betah) for the deposits as Geant4 does.
 * Energy 0 → all zeros without drawing. Throws RangeError for negative/NaN/infinite energy or
 * halfWidth <= 0.
 */
export function showerSummary(
  rng: Rng,
  g: GFlashSampling,
  energyMeV: number,
  startX0: number,
  ecalDepthX0: number,
  preshowerDepthX0: number,
  xMm: number,
  yMm: number,
  halfWidthMm: number,
  out?: ShowerSummary,
  depositProfile: DepositProfile = 'sampling',
): ShowerSummary {
  const o = out ?? { visibleMeV: 0, preshowerMeV: 0, leakBackMeV: 0, leakLateralMeV: 0 };
  if (!(energyMeV > 0)) {
    if (energyMeV === 0) {
      o.visibleMeV = o.preshowerMeV = o.leakBackMeV = o.leakLateralMeV = 0;
      return o;
    }
    throw new RangeError(`showerSummary: energy must be >= 0, got ${energyMeV}`);
  }
  if (energyMeV === Infinity || !(halfWidthMm > 0)) {
    throw new RangeError(`showerSummary: bad energy ${energyMeV} or half width ${halfWidthMm}`);
  }
  const c = g === lastG && lastC ? lastC : constsOf(g);
  const lnE = Math.log(energyMeV);
  const z1 = rng.normal();
  const z2 = rng.normal();
  const g4 = depositProfile === 'geant4';
  drawProfile(c, lnE - c.lnEc, z1, z2, g4);
  const alpha = g4 ? sAlphaH : sAlpha;
  const beta = g4 ? sBetaH : sBeta;
  const t0 = startX0 > 0 ? startX0 : 0;
  const dEcal = ecalDepthX0 - t0;
  if (!(dEcal > 0)) {
    o.visibleMeV = o.preshowerMeV = o.leakLateralMeV = 0;
    o.leakBackMeV = energyMeV;
    return o;
  }
  const lnGa = lnGammaFast(alpha);
  const fBack = incGamma(alpha, beta * dEcal, lnGa, true);
  const dPre = preshowerDepthX0 - t0;
  const fPre = dPre > 0 ? incGamma(alpha, beta * (dPre < dEcal ? dPre : dEcal), lnGa, false) : 0;
  const inside = lateralInside(c, lnE, xMm, yMm, halfWidthMm);
  const eIn = energyMeV * (1 - fBack);
  o.visibleMeV = eIn * inside;
  o.leakLateralMeV = eIn - o.visibleMeV;
  o.leakBackMeV = energyMeV - eIn;
  o.preshowerMeV = energyMeV * fPre * inside;
  return o;
}

/** Geant4 sampling-class spot count NSpot = (ParSpotN1/SamplingResolution)(E/GeV)^ParSpotN2 (showers.md §2.2 "as coded"). */
export function gflashSpotCount(energyMeV: number): number {
  return (H.ParSpotN1 / S.SamplingResolution) * Math.pow(energyMeV / GeV, H.ParSpotN2);
}

/** Default cap of the number of spots per shower in `showerCells` (the brief: min(NSpot, 2000)). */
export const MAX_SPOTS = 2000;

/**
 * Detailed (spot-by-spot) GFlash shower into readout cells. Same inputs as `showerSummary`, plus
 * direction slopes (dxdz, dydz) that shift the spots with depth (x += dxdz · t · X0eff), and an
 * nx × ny grid of square cells of pitch `cellMm` centred on the ECAL axis. Energies [MeV, electron
 * scale, unsmeared] are ADDED to pre[ix + nx·iy] (spots at depth < preshowerDepthX0) and
 * main[ix + nx·iy] (the caller zeroes them), so several particles can share one ECAL.
 *
 * Model (showers.md §2.2): one correlated log-normal profile (2 normals, as showerSummary);
 * N = min(NSpot, maxSpots) spots (`gflashSpotCount`, at least 1), each carrying E/N, at depths
 * t0 + Gamma(α, β) (equal-energy spots follow the energy profile); each spot's radius from the
 * core/tail profile at its tau = (t − t0)/Tmax · (α − 1)/α · A/(A − 1) (A = exp<ln α>, Geant4
 * ComputeTau), with p, RC, RT incl. the sampling corrections and p clamped to [0, 1]:
 * r = Rmeff · R · sqrt(u/(1 − u)), R = RC with probability p else RT; uniform azimuth.
 * Spots beyond the ECAL depth go to leakBackMeV, spots outside the grid to leakLateralMeV;
 * Σ cells + leaks = E exactly (up to rounding). Returns also the number of spots used.
 * Throws RangeError for negative/NaN energy, bad grid sizes or too short arrays.
 */
export function showerCells(
  rng: Rng,
  g: GFlashSampling,
  energyMeV: number,
  startX0: number,
  ecalDepthX0: number,
  preshowerDepthX0: number,
  xMm: number,
  yMm: number,
  dxdz: number,
  dydz: number,
  nx: number,
  ny: number,
  cellMm: number,
  pre: Float64Array,
  main: Float64Array,
  depositProfile: DepositProfile = 'sampling',
  maxSpots: number = MAX_SPOTS,
): { leakBackMeV: number; leakLateralMeV: number; spots?: number } {
  if (!(nx >= 1 && ny >= 1 && Number.isInteger(nx) && Number.isInteger(ny) && cellMm > 0)) {
    throw new RangeError(`showerCells: bad grid ${nx}×${ny}, pitch ${cellMm}`);
  }
  if (pre.length < nx * ny || main.length < nx * ny)
    throw new RangeError('showerCells: cell arrays shorter than nx·ny');
  if (!(energyMeV >= 0) || energyMeV === Infinity)
    throw new RangeError(`showerCells: bad energy ${energyMeV}`);
  if (energyMeV === 0) return { leakBackMeV: 0, leakLateralMeV: 0, spots: 0 };
  const c = constsOf(g);
  const lnE = Math.log(energyMeV);
  const z1 = rng.normal();
  const z2 = rng.normal();
  const g4 = depositProfile === 'geant4';
  drawProfile(c, lnE - c.lnEc, z1, z2, g4);
  const tmax = sTmax;
  const alphaS = sAlpha;
  const alpha = g4 ? sAlphaH : sAlpha;
  const invBeta = 1 / (g4 ? sBetaH : sBeta);
  // below RADIAL_E_MIN_MEV: the radial parameters and the tau normalisation A/(A−1) of 100 MeV
  const lowE = energyMeV < RADIAL_E_MIN_MEV;
  const tauFactor = lowE
    ? tauFactorAt(c, Math.log(RADIAL_E_MIN_MEV) - c.lnEc)
    : sExpAveLogAlpha / (sExpAveLogAlpha - 1);
  const tauScale = (1 / tmax) * ((alphaS - 1) / alphaS) * tauFactor;
  const lnEGeV = lowE ? Math.log(RADIAL_E_MIN_MEV / GeV) : lnE - Math.log(GeV);
  const nSpots = Math.max(1, Math.min(Math.floor(maxSpots), Math.round(gflashSpotCount(energyMeV))));
  const eSpot = energyMeV / nSpots;
  const t0 = startX0 > 0 ? startX0 : 0;
  const halfX = 0.5 * nx * cellMm;
  const halfY = 0.5 * ny * cellMm;
  const invCell = 1 / cellMm;
  const x0 = c.x0Mm;
  const rm = c.rmMm;
  let leakBack = 0;
  let leakLat = 0;
  for (let i = 0; i < nSpots; i++) {
    const tRel = rng.gamma(alpha) * invBeta;
    const t = t0 + tRel;
    if (t >= ecalDepthX0) {
      leakBack += eSpot;
      continue;
    }
    radialParams(c, tRel * tauScale, lnEGeV);
    const rr = rng.uniform() < rP ? rRC : rRT;
    const u = rng.uniform();
    const r = rm * rr * Math.sqrt(u / (1 - u));
    const phi = rng.phi();
    const zMm = t * x0;
    const px = xMm + dxdz * zMm + r * Math.cos(phi);
    const py = yMm + dydz * zMm + r * Math.sin(phi);
    const fx = (px + halfX) * invCell;
    const fy = (py + halfY) * invCell;
    if (!(fx >= 0 && fx < nx && fy >= 0 && fy < ny)) {
      leakLat += eSpot;
      continue;
    }
    const idx = (fx | 0) + nx * (fy | 0);
    if (t < preshowerDepthX0) pre[idx] += eSpot;
    else main[idx] += eSpot;
  }
  return { leakBackMeV: leakBack, leakLateralMeV: leakLat, spots: nSpots };
}

// ---------------------------------------------------------------------------------------------
// Resolution (showers.md §3)
// ---------------------------------------------------------------------------------------------

/**
 * Gaussian energy smearing with σ/E = a/sqrt(E/GeV) ⊕ b (showers.md §3.1 [PDG-formula, Calorimetry],
 * noise term omitted). `eMeV` [MeV], `stochastic` a and `constant` b as fractions. Returns a value
 * >= 0 (negative draws are set to 0); eMeV <= 0 returns 0 without drawing. Draws one normal.
 */
export function smearResolution(rng: Rng, eMeV: number, stochastic: number, constant: number): number {
  if (!(eMeV > 0)) return 0;
  const rel2 = (stochastic * stochastic * GeV) / eMeV + constant * constant;
  const e = eMeV * (1 + Math.sqrt(rel2) * rng.normal());
  return e > 0 ? e : 0;
}

/**
 * NA64 ECAL resolution terms (fractions): stochastic 9 %/sqrt(E/GeV) and constant 1 %.
 * Stochastic: seed 003 "~9%/sqrt(E)", consistent with the sampling rule 2.7 %·sqrt(d/f_mip) = 8.7 %
 * (showers.md §3.1, V12, rule UNVERIFIED). Constant: named assumption ASSUME-ECAL-CONSTANT, from
 * showers.md §3.2 "≈ 9–10%/sqrt(E) ⊕ ~1%" [UNVERIFIED; not read from the NA64 papers].
 */
export const NA64_ECAL_RESOLUTION = {
  stochastic: 0.09,
  constant: 0.01,
  source:
    'stochastic 9%/sqrt(E): seed 003 (~9%/sqrt(E)), sampling rule 8.7% (showers.md §3.1, UNVERIFIED); constant 1%: assumption ASSUME-ECAL-CONSTANT (showers.md §3.2 "⊕ ~1%", UNVERIFIED)',
} as const;
