/**
 * Electromagnetic showers in a sampling calorimeter: the GFlash parametrization (Grindhammer &
 * Peters, hep-ex/0001020; Geant4 `source/parameterisations/gflash`), as written down in the physics
 * reference sheet showers.md §1.2, §2.2, §3 and §5, plus bremsstrahlung and pair-production helpers.
 * This module is the public entry point; the implementation lives in ./em/:
 * - em/gflashParams.ts: tuning constants, floors, material → effective GFlash quantities (§1.2, §3.1);
 * - em/stackConsts.ts: per-stack constants of the formulas (cached);
 * - em/longitudinal.ts: homogeneous means, sampled longitudinal profile, profile integrals (§2.2);
 * - em/gammaFast.ts: fast ln Γ and regularised incomplete gamma for the per-event integrals;
 * - em/radial.ts: radial parameters, depth- and shower-averaged radial profile, containment (§2.2);
 * - em/lateral.ts: containment in a square face, exact and tabulated;
 * - em/summary.ts: `showerSummary` (per-event ECAL response);
 * - em/cells.ts: `showerCells` (spot-by-spot detail into readout cells);
 * - em/brems.ts: photon conversion depth, bremsstrahlung spectrum (§5);
 * - em/resolution.ts: resolution smearing and the NA64 ECAL terms (§3).
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
export {
  GFLASH_ES_MEV,
  GFLASH_HOMO_TUNING,
  GFLASH_SAMPLING_TUNING,
  ecGFlashMeV,
  gflashSampling,
  samplingStochasticRule,
  type GFlashSampling,
} from './em/gflashParams';
export {
  containmentDepthX0,
  depositedFraction,
  fractionBeyond,
  homogeneousMeans,
  meanSamplingProfile,
  profileFromDeviates,
  sampleSamplingProfile,
  sampleShowerProfiles,
  type HomogeneousMeans,
  type LongitudinalProfile,
} from './em/longitudinal';
export { lnGammaFast } from './em/gammaFast';
export { RADIAL_E_MIN_MEV, radialContainment } from './em/radial';
export { lateralContainedFraction, lateralContainedFractionExact, prepareLateralTables } from './em/lateral';
export { showerSummary, type DepositProfile, type ShowerSummary } from './em/summary';
export { MAX_SPOTS, gflashSpotCount, showerCells } from './em/cells';
export {
  PAIR_MEAN_FREE_PATH_X0,
  bremPhotonsPerX0,
  sampleBremFraction,
  samplePhotonStartX0,
} from './em/brems';
export { NA64_ECAL_RESOLUTION, smearResolution } from './em/resolution';
