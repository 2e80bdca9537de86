/**
 * Units and physical constants, Geant4 convention: mm, MeV, ns, tesla.
 * A quantity `x` in mm is written `xMm`; multiply by a unit to convert into internal units
 * (`5 * GeV` is 5000 MeV), divide to read out (`eMeV / GeV` is in GeV).
 *
 * Constants: PDG Review of Particle Physics 2024, "Physical constants" table.
 */
export const mm = 1;
export const cm = 10;
export const m = 1000;
export const MeV = 1;
export const keV = 1e-3;
export const GeV = 1000;
export const ns = 1;
export const tesla = 1;

/** Electron mass [MeV] (PDG 2024). */
export const ELECTRON_MASS_MEV = 0.51099895;
/** Muon mass [MeV] (PDG 2024). */
export const MUON_MASS_MEV = 105.6583755;
/** Charged pion mass [MeV] (PDG 2024). */
export const PION_MASS_MEV = 139.57039;
/** Charged kaon mass [MeV] (PDG 2024). */
export const KAON_MASS_MEV = 493.677;
/** Proton mass [MeV] (PDG 2024). */
export const PROTON_MASS_MEV = 938.27208816;
/** Neutral pion mass [MeV] (PDG 2024). */
export const PI0_MASS_MEV = 134.9768;
/** Fine-structure constant (PDG 2024). */
export const ALPHA = 1 / 137.035999084;
/** Avogadro number [1/mol]. */
export const AVOGADRO = 6.02214076e23;
/** Classical electron radius [cm]. */
export const ELECTRON_RADIUS_CM = 2.8179403262e-13;
/** Speed of light [mm/ns]. */
export const C_MM_PER_NS = 299.792458;
/** Momentum / (B * radius): p[GeV/c] = 0.299792458 * B[T] * R[m] (PDG §35, Eq. for bending). */
export const BEND_CONSTANT_GEV_PER_T_M = 0.299792458;
/** Proper decay lengths c*tau [mm] (PDG 2024): pi+- 7.8045 m, K+- 3.7113 m, mu 658.638 m, K0L 15.34 m. */
export const CTAU_MM = { pion: 7804.5, kaon: 3711.3, muon: 658638, k0l: 15340 } as const;
