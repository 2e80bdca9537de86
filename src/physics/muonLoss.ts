/**
 * Muon energy loss at high energy (PDG RPP 2024 §34.6): −⟨dE/dx⟩ = a(E) + b(E)·E, with
 *  - a(E): Bethe mean ionization loss with the Sternheimer density effect (`betheDedx`, ./muonXsec);
 *  - b(E) = b_brems + b_pair + b_nucl from the differential cross sections of ./muonXsec.
 * This module is the public entry point: it re-exports the formulas (./muonXsec) and the per-material
 * tables (./muon/tables.ts) and propagation (./muon/propagate.ts) that live in ./muon/.
 *
 * Propagation is a mixed ("class II") scheme, the reference sheet's recommendation: transfers v = ε/E
 * below vCut are a continuous loss a(E) + b_restricted(E)·E (range tables), transfers above vCut are
 * sampled discrete interactions (rate tables and inverse-CDF tables in ln v, built once per material and
 * interpolated in ln E). The distance to the next interaction uses a majorant rate with rejection
 * (exact for rates that change along the step) and is carried across layers, so in a sampling stack the
 * interaction lands in a layer with probability proportional to that layer's rate × thickness.
 * Units: MeV, mm (g/cm² internally for areal densities), cross sections cm², b in g⁻¹cm².
 */
export {
  DEFAULT_V_CUT,
  RADIATIVE_MIN_KINETIC_MEV,
  TABLE_MAX_ENERGY_MEV,
  continuousDedx,
  discreteRatePerMm,
  sampleTransfer,
} from './muon/tables';
export {
  prepareMuonTables,
  propagateMuon,
  propagateMuonStack,
  type DiscreteLoss,
  type MuonTraversal,
} from './muon/propagate';

export {
  STERNHEIMER,
  bCoefficients,
  betheDedx,
  densityEffect,
  dsdeBrems,
  dsdeNuclear,
  dsdePair,
  highlandTheta0,
  muonCriticalEnergyFitMeV,
  muonCriticalEnergyMeV,
  type BetheOptions,
  type MuonLossProcess,
  type SternheimerParams,
} from './muonXsec';
