/**
 * Material constants. Values from the physics reference sheet `shared/physics/showers.md` §1.1
 * (PDG "Atomic and Nuclear Properties of Materials", D. E. Groom et al.); the trust tag of each value
 * (xchk / PDG-table) is listed there and in doc/model.md.
 *
 * Units: density g/cm³; X0 and lambda in g/cm² (areal) and derived lengths in mm; energies in MeV;
 * dE/dx_min in MeV cm²/g.
 */
export interface Material {
  readonly name: string;
  /** Atomic number (effective for compounds). */
  readonly z: number;
  /** Atomic mass [g/mol] (effective for compounds). */
  readonly a: number;
  /** Z/A for compounds, used by Bethe. */
  readonly zOverA: number;
  /** Density [g/cm³]. */
  readonly densityGcm3: number;
  /** Radiation length [g/cm²]. */
  readonly x0Gcm2: number;
  /** Nuclear interaction length (nucleons) [g/cm²]. */
  readonly lambdaIGcm2: number;
  /** Pion interaction length [g/cm²]; NaN where PDG gives none. */
  readonly lambdaPiGcm2: number;
  /** Electron critical energy (Rossi definition, PDG) [MeV]. */
  readonly ecMeV: number;
  /** Minimum-ionizing stopping power [MeV cm²/g]. */
  readonly dedxMinMeVcm2g: number;
  /** Mean excitation energy I [eV] (PDG), for Bethe. */
  readonly meanExcitationEV: number;
}

/** Radiation length as a length [mm]. */
export const x0Mm = (m: Material): number => (m.x0Gcm2 / m.densityGcm3) * 10;
/** Nuclear interaction length as a length [mm]. */
export const lambdaIMm = (m: Material): number => (m.lambdaIGcm2 / m.densityGcm3) * 10;
/** Pion interaction length as a length [mm] (falls back to lambda_I where PDG gives none). */
export const lambdaPiMm = (m: Material): number =>
  ((Number.isNaN(m.lambdaPiGcm2) ? m.lambdaIGcm2 : m.lambdaPiGcm2) / m.densityGcm3) * 10;
/** Molière radius R_M = X0 E_s / E_c with E_s = 21.2052 MeV (PDG §34), as a length [mm]. */
export const moliereRadiusMm = (m: Material): number => (x0Mm(m) * 21.2052) / m.ecMeV;
/** Minimum-ionizing energy loss per mm [MeV/mm]. */
export const mipDedxMeVPerMm = (m: Material): number => (m.dedxMinMeVcm2g * m.densityGcm3) / 10;

/** Lead. PDG table; X0, lambda_I, lambda_pi cross-checked (showers.md §1.1). */
export const LEAD: Material = {
  name: 'Pb', z: 82, a: 207.2, zOverA: 82 / 207.2, densityGcm3: 11.35, x0Gcm2: 6.37,
  lambdaIGcm2: 199.6, lambdaPiGcm2: 226.2, ecMeV: 7.43, dedxMinMeVcm2g: 1.122, meanExcitationEV: 823,
};
/** Iron. PDG table (showers.md §1.1); I = 286.0 eV (PDG muE_iron_Fe, muons sheet §1.1). */
export const IRON: Material = {
  name: 'Fe', z: 26, a: 55.845, zOverA: 26 / 55.845, densityGcm3: 7.874, x0Gcm2: 13.84,
  lambdaIGcm2: 132.1, lambdaPiGcm2: 160.8, ecMeV: 21.68, dedxMinMeVcm2g: 1.451, meanExcitationEV: 286.0,
};
/** Copper. PDG table (showers.md §1.1). */
export const COPPER: Material = {
  name: 'Cu', z: 29, a: 63.546, zOverA: 29 / 63.546, densityGcm3: 8.96, x0Gcm2: 12.86,
  lambdaIGcm2: 137.3, lambdaPiGcm2: 165.8, ecMeV: 19.42, dedxMinMeVcm2g: 1.403, meanExcitationEV: 322,
};
/** Tungsten. PDG table (showers.md §1.1). */
export const TUNGSTEN: Material = {
  name: 'W', z: 74, a: 183.84, zOverA: 74 / 183.84, densityGcm3: 19.3, x0Gcm2: 6.76,
  lambdaIGcm2: 191.9, lambdaPiGcm2: 218.7, ecMeV: 7.97, dedxMinMeVcm2g: 1.145, meanExcitationEV: 727,
};
/**
 * Polystyrene scintillator (C8H8). PDG table (showers.md §1.1). Effective Z = 5.613, A = 11.16
 * (mass-weighted, showers.md §1.2 NA64 ECAL example).
 */
export const SCINTILLATOR: Material = {
  name: 'Sc', z: 5.613, a: 11.16, zOverA: 0.5377, densityGcm3: 1.06, x0Gcm2: 43.79,
  lambdaIGcm2: 81.7, lambdaPiGcm2: NaN, ecMeV: 93.11, dedxMinMeVcm2g: 2.052, meanExcitationEV: 68.7,
};
/** Lead tungstate (POKER calorimeter). PDG table (showers.md §1.1). */
export const PBWO4: Material = {
  name: 'PbWO4', z: 75.6, a: 455.0 / 6, zOverA: 0.41315, densityGcm3: 8.3, x0Gcm2: 7.39,
  lambdaIGcm2: 168.3, lambdaPiGcm2: NaN, ecMeV: 9.64, dedxMinMeVcm2g: 1.229, meanExcitationEV: 600.7,
};
/** Dry air at 1 atm. PDG table (showers.md §1.1). */
export const AIR: Material = {
  name: 'Air', z: 7.3, a: 14.6, zOverA: 0.4992, densityGcm3: 1.205e-3, x0Gcm2: 36.62,
  lambdaIGcm2: 90.1, lambdaPiGcm2: NaN, ecMeV: 87.92, dedxMinMeVcm2g: 1.815, meanExcitationEV: 85.7,
};

export const MATERIALS = { LEAD, IRON, COPPER, TUNGSTEN, SCINTILLATOR, PBWO4, AIR } as const;
