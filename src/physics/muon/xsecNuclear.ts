/**
 * Photonuclear interaction of muons: the differential cross section dσ/dε of Borog & Petrukhin,
 * Proc. 14th ICRC (1975) 6, 1949, in R.P. Kokoulin's approximation (σ_γN(ε) = 49.2 + 11.1 ln ε +
 * 151.8/√ε μb, shadowing A_eff = 0.22A + 0.78A^0.89, Λ² = 0.4 GeV²). Formula as summarised in the
 * muon reference sheet §1.3, checked against the Geant4 model source G4KokoulinMuonNuclearXS
 * (implemented here from the formula, no code taken; the paper is cited as commonly given, not
 * re-read). Energies in MeV, cross sections in cm².
 */
import { ALPHA, MUON_MASS_MEV, PROTON_MASS_MEV } from '../units';

const M = MUON_MASS_MEV;

/** 1 μb in cm². */
const MICROBARN_CM2 = 1e-30;
/** Photonuclear: Λ² = 0.4 GeV² (Borog–Petrukhin/Kokoulin), in MeV². */
const LAMBDA2_MEV2 = 0.4e6;
const LAMBDA_MEV = Math.sqrt(LAMBDA2_MEV2);
/** Photonuclear: lowest transfer ε = 0.2 GeV (validity limit of the Kokoulin approximation). */
export const NUCL_EPS_MIN_MEV = 200;

/** Borog–Petrukhin photonuclear cross section (Kokoulin approximation) on a nucleus of mass number A. */
export function dsdeNuclearElement(a: number, energyMeV: number, epsMeV: number): number {
  const e = energyMeV;
  if (epsMeV <= NUCL_EPS_MIN_MEV || epsMeV >= e - 0.5 * PROTON_MASS_MEV) return 0;
  const epsGeV = epsMeV / 1000;
  const aEff = 0.22 * a + 0.78 * Math.pow(a, 0.89);
  const sigGammaN = (49.2 + 11.1 * Math.log(epsGeV) + 151.8 / Math.sqrt(epsGeV)) * MICROBARN_CM2;
  const v = epsMeV / e;
  const v1 = 1 - v;
  const up = ((e * e * v1) / (M * M)) * (1 + (M * M * v * v) / (LAMBDA2_MEV2 * v1));
  const down = 1 + (epsMeV / LAMBDA_MEV) * (1 + LAMBDA_MEV / (2 * PROTON_MASS_MEV) + epsMeV / LAMBDA_MEV);
  const bracket = -v1 + (v1 + 0.5 * v * v * (1 + (2 * M * M) / LAMBDA2_MEV2)) * Math.log(up / down);
  return Math.max(0, ((ALPHA / Math.PI) * aEff * sigGammaN * bracket) / epsMeV);
}
