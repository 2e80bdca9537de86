/**
 * Muon energy-loss formulas: differential cross sections of the three radiative processes per atom and
 * their direct numerical integrals (b-coefficients), the Bethe ionization loss a(E) with the Sternheimer
 * density effect, the muon critical energy and the Highland multiple-scattering width. Tables and
 * propagation are in ./muonLoss. Energies in MeV, cross sections in cm², v = ε/E (ε = energy transferred,
 * E = muon total energy). Formulas as summarised in the muon reference sheet §1.3, checked against the
 * Geant4 model sources G4MuBremsstrahlungModel, G4MuPairProductionModel and G4KokoulinMuonNuclearXS
 * (implemented here from the formulas, no code taken). Original papers (citations as commonly given,
 * not re-read):
 *
 * - Bremsstrahlung: S.R. Kelner, R.P. Kokoulin, A.A. Petrukhin, Preprint MEPhI 024-95 (1995);
 *   Phys. Atom. Nucl. 60 (1997) 576 ("KKP"), with nuclear size D_n = 1.54 A^0.27 and the atomic-electron
 *   term Φ_e.
 * - e⁺e⁻ pair production: R.P. Kokoulin, A.A. Petrukhin, Proc. 12th ICRC (Hobart 1971) 6, 2436, and
 *   Acta Phys. Acad. Sci. Hung. 29 Suppl. 4 (1970) 277; atomic-electron term ζ(E) as in Geant4. The
 *   asymmetry integral is done, as in the original, by 8-point Gauss–Legendre in ln(1−ρ).
 * - Photonuclear: Borog & Petrukhin, Proc. 14th ICRC (1975) 6, 1949, in R.P. Kokoulin's approximation
 *   (σ_γN(ε) = 49.2 + 11.1 ln ε + 151.8/√ε μb, shadowing A_eff = 0.22A + 0.78A^0.89, Λ² = 0.4 GeV²).
 *
 * This module is the entry point of the formulas; the implementation lives in ./muon/:
 * composition.ts (processes, compound elements), gaussLegendre.ts (quadrature), xsecBrems.ts,
 * xsecPair.ts, xsecNuclear.ts (per-element dσ/dε), xsecMaterial.ts (per material, v ranges,
 * integrals), bethe.ts (ionization, density effect), criticalEnergy.ts (b-coefficients, critical
 * energy) and highland.ts (multiple-scattering width).
 */
export {
  MUON_LOSS_PROCESSES,
  compositionOf,
  type Composition,
  type Element,
  type MuonLossProcess,
} from './muon/composition';
export { gaussLegendre01 } from './muon/gaussLegendre';
export { BREMS_V_FLOOR, dsdeBremsElement } from './muon/xsecBrems';
export { dsdePairElement, pairEpsMaxMeV } from './muon/xsecPair';
export { NUCL_EPS_MIN_MEV, dsdeNuclearElement } from './muon/xsecNuclear';
export {
  dsdeBrems,
  dsdeNuclear,
  dsdePair,
  dsdeProcess,
  integrateV,
  integrateVBoth,
  vBreakpoints,
  vRange,
} from './muon/xsecMaterial';
export {
  STERNHEIMER,
  betheDedx,
  densityEffect,
  type BetheOptions,
  type SternheimerParams,
} from './muon/bethe';
export { bCoefficients, muonCriticalEnergyFitMeV, muonCriticalEnergyMeV } from './muon/criticalEnergy';
export { highlandTheta0 } from './muon/highland';
