/**
 * GFlash parametrization (Grindhammer & Peters, hep-ex/0001020; Geant4
 * `source/parameterisations/gflash`) of a sampling calorimeter, as written down in the physics
 * reference sheet showers.md §1.2, §2.2 and §3.1: the tuning constants (verbatim from Geant4), the
 * floors and caps applied to the sampled parameters, and the effective quantities of a sampling stack
 * (Zeff, X0eff, Rmeff, Eceff, Fs, ehat, f_mip).
 *
 * Deviation from Geant4 (doc/model.md, "EM showers"): E_c of each material uses X0 in g/cm² (the
 * paper's convention; Geant4 passes a length in mm).
 */
import type { Material } from '../materials';
import { x0Mm } from '../materials';
import type { SamplingStack } from '../setups/types';

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

/** E_s used by the Geant4 sampling class for Rmeff [MeV], showers.md §1.2 [G4-src]. */
export const GFLASH_ES_MEV = 21.2;

/** Lower bound of the G4 log-means, 0.1 (showers.md §2.2); exp(0.1) is the floor of their exponentials. */
export const LOG_FLOOR = 0.1;
export const EXP_LOG_FLOOR = Math.exp(LOG_FLOOR);
/** Upper cap of the sigmas of ln T and ln alpha (showers.md §2.2 [G4-src]). */
export const SIGMA_CAP = 0.5;
/** Floors of the sampled Tmax [X0] and Alpha (showers.md §2.2 [G4-src GenerateEnergyProfile]). */
export const TMAX_MIN = 1.0;
export const ALPHA_MIN = 1.1;

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
