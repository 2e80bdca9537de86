/**
 * Direct e⁺e⁻ pair production by muons on a nucleus: the differential cross section dσ/dε of
 * R.P. Kokoulin, A.A. Petrukhin, Proc. 12th ICRC (Hobart 1971) 6, 2436, and Acta Phys. Acad. Sci.
 * Hung. 29 Suppl. 4 (1970) 277, with screening and the atomic-electron term ζ(E) as in Geant4. The
 * asymmetry integral is done, as in the original, by 8-point Gauss–Legendre in ln(1−ρ). Formula as
 * summarised in the muon reference sheet §1.3, checked against the Geant4 model source
 * G4MuPairProductionModel (implemented here from the formula, no code taken; the papers are cited as
 * commonly given, not re-read). Energies in MeV, cross sections in cm².
 */
import { ALPHA, ELECTRON_MASS_MEV, ELECTRON_RADIUS_CM, MUON_MASS_MEV } from '../units';
import { gaussLegendre01 } from './gaussLegendre';

const M = MUON_MASS_MEV;
const ME = ELECTRON_MASS_MEV;
const SQRT_E = Math.sqrt(Math.E);
const MASS_RATIO = M / ME;
const MASS_RATIO2 = MASS_RATIO * MASS_RATIO;

/** Kokoulin–Petrukhin prefactor (4/3π) (α r_e)² [cm²]. */
const PAIR_COEFF = (4 / (3 * Math.PI)) * (ALPHA * ELECTRON_RADIUS_CM) ** 2;

/** Largest pair energy: ε_max = E − (3/4)√e m_μ Z^{1/3}. */
export function pairEpsMaxMeV(z: number, energyMeV: number): number {
  return energyMeV - 0.75 * SQRT_E * M * Math.cbrt(z);
}

const GL8 = gaussLegendre01(8);

/** Kokoulin–Petrukhin e⁺e⁻ pair production on a nucleus Z (screening included; ζ for atomic electrons). */
export function dsdePairElement(z: number, energyMeV: number, epsMeV: number): number {
  const e = energyMeV;
  if (epsMeV <= 4 * ME) return 0;
  const eRes = e - epsMeV;
  const z13 = Math.cbrt(z);
  const z23 = z13 * z13;
  if (eRes <= 0.75 * SQRT_E * z13 * M) return 0;
  // 1 − ρ_max with ρ_max = (1 − 6m_μ²/(E(E−ε))) √(1 − 4m_e/ε), written without cancellation.
  const alf = (4 * ME) / epsMeV;
  const rt = Math.sqrt(1 - alf);
  const del6 = (6 * M * M) / (e * eRes);
  const oneMinusRhoMax = alf / (1 + rt) + del6 * rt;
  if (oneMinusRhoMax >= 1) return 0;
  const tmn = Math.log(oneMinusRhoMax);

  const hydrogen = z < 1.5;
  const bb = hydrogen ? 202.4 : 183;
  const g1 = hydrogen ? 4.4e-5 : 1.95e-5;
  const g2 = hydrogen ? 4.8e-5 : 5.3e-5;
  let zeta = 0;
  const zeta1 = 0.073 * Math.log(e / (M + g1 * z23 * e)) - 0.26;
  if (zeta1 > 0) zeta = zeta1 / (0.058 * Math.log(e / (M + g2 * z13 * e)) - 0.14);

  const beta = (epsMeV * epsMeV) / (2 * e * eRes);
  const xi0 = 0.5 * MASS_RATIO2 * beta;
  const screen0 = (2 * ME * SQRT_E * bb) / (z13 * epsMeV);
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const oneMinusRho = Math.exp(tmn * GL8.x[i]);
    const rho = 1 - oneMinusRho;
    const r2 = rho * rho;
    const xi = xi0 * (1 - r2);
    const xi1 = 1 + xi;
    const ye =
      (5 - r2 + 4 * beta * (1 + r2)) / (2 * (1 + 3 * beta) * Math.log(3 + 1 / xi) - r2 - 2 * beta * (2 - r2));
    const ym =
      (4 + r2 + 3 * beta * (1 + r2)) / ((1 + r2) * (1.5 + 2 * beta) * Math.log(3 + xi) + 1 - 1.5 * r2);
    const screen = (screen0 * xi1) / (1 - r2);
    const le =
      Math.log(((bb / z13) * Math.sqrt(xi1 * (1 + ye))) / (1 + screen * (1 + ye))) -
      0.5 * Math.log(1 + (2.25 * z23 * xi1 * (1 + ye)) / MASS_RATIO2);
    const lm = Math.log((bb * MASS_RATIO) / (1.5 * z23 * (1 + screen * (1 + ym))));
    const be =
      xi <= 1e3
        ? ((2 + r2) * (1 + beta) + xi * (3 + r2)) * Math.log(1 + 1 / xi) + (1 - r2 - beta) / xi1 - (3 + r2)
        : (0.5 * (3 - r2 + 2 * beta * (1 + r2))) / xi;
    const bm =
      xi >= 1e-3
        ? ((1 + r2) * (1 + 1.5 * beta) - ((1 + 2 * beta) * (1 - r2)) / xi) * Math.log(xi1) +
          (xi * (1 - r2 - beta)) / xi1 +
          (1 + 2 * beta) * (1 - r2)
        : 0.5 * xi * (5 - r2 + beta * (3 + r2));
    const phiE = Math.max(0, be * le);
    const phiM = Math.max(0, bm * lm) / MASS_RATIO2;
    sum += GL8.w[i] * oneMinusRho * (phiE + phiM);
  }
  // ∫_0^{ρmax} dρ = −tmn ∫_0^1 (1−ρ) dx  with ln(1−ρ) = tmn·x
  return (-tmn * sum * PAIR_COEFF * z * (z + zeta) * (eRes / e)) / epsMeV;
}
