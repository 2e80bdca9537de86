/**
 * Bethe mean ionization loss of muons a(E) with the Sternheimer density effect (PDG RPP 2024 §34.2,
 * Eq. 34.5 and 34.7), the spin-½ term and the radiative correction to knock-on electron production
 * (R.P. Kokoulin's form, as in Geant4's G4MuBetheBlochModel); density-effect parameters from
 * Sternheimer, Berger & Seltzer, ADNDT 30 (1984) 261 (as tabulated by PDG and Geant4). Energies in
 * MeV, stopping powers in MeV cm²/g.
 */
import type { Material } from '../materials';
import { ALPHA, AVOGADRO, ELECTRON_MASS_MEV, ELECTRON_RADIUS_CM } from '../units';
import { gaussLegendre01 } from './gaussLegendre';

const ME = ELECTRON_MASS_MEV;

// ---------------------------------------------------------------------------------------------
// Ionization: Bethe with density effect
// ---------------------------------------------------------------------------------------------

/** K = 4π N_A r_e² m_e c² [MeV cm²/mol] (PDG §34.2: 0.307075). */
const K_BETHE = 4 * Math.PI * AVOGADRO * ELECTRON_RADIUS_CM ** 2 * ME;

/** Sternheimer density-effect parameters (PDG §34.2.5, Eq. 34.7): I [eV], C̄, x0, x1, a, k, δ0. */
export interface SternheimerParams {
  readonly iEV: number;
  readonly cBar: number;
  readonly x0: number;
  readonly x1: number;
  readonly a: number;
  readonly k: number;
  readonly delta0: number;
}

/**
 * Sternheimer, Berger & Seltzer, ADNDT 30 (1984) 261, as tabulated by PDG "Atomic and Nuclear Properties"
 * and the Geant4 density-effect data (G4DensityEffectData). Fe: PDG muE_iron_Fe header (a = 0.1468).
 * Keyed by Material.name; 'Sc' is polystyrene.
 */
export const STERNHEIMER: Readonly<Record<string, SternheimerParams>> = {
  Pb: { iEV: 823, cBar: 6.2018, x0: 0.3776, x1: 3.8073, a: 0.09359, k: 3.1608, delta0: 0.14 },
  Fe: { iEV: 286, cBar: 4.2911, x0: -0.0012, x1: 3.1531, a: 0.1468, k: 2.9632, delta0: 0.12 },
  Cu: { iEV: 322, cBar: 4.419, x0: -0.0254, x1: 3.2792, a: 0.14339, k: 2.9044, delta0: 0.08 },
  W: { iEV: 727, cBar: 5.4059, x0: 0.2167, x1: 3.496, a: 0.15509, k: 2.8447, delta0: 0.14 },
  Sc: { iEV: 68.7, cBar: 3.2999, x0: 0.1647, x1: 2.5031, a: 0.16454, k: 3.2224, delta0: 0 },
  Air: { iEV: 85.7, cBar: 10.5961, x0: 1.7418, x1: 4.2759, a: 0.10914, k: 3.3994, delta0: 0 },
};

function sternheimerFor(material: Material): SternheimerParams {
  const p = STERNHEIMER[material.name];
  if (!p) throw new Error(`no Sternheimer density-effect parameters for material '${material.name}'`);
  return p;
}

/** Density-effect correction δ(βγ) (PDG Eq. 34.7), x = log10(βγ). */
export function densityEffect(p: SternheimerParams, x: number): number {
  const twoLn10 = 2 * Math.LN10;
  if (x >= p.x1) return twoLn10 * x - p.cBar;
  if (x >= p.x0) return twoLn10 * x - p.cBar + p.a * Math.pow(p.x1 - x, p.k);
  return p.delta0 > 0 ? p.delta0 * Math.pow(10, 2 * (x - p.x0)) : 0;
}

export interface BetheOptions {
  /** Spin-½ term +(1/8)(W_max/E)² in the bracket (GMS01 Eq. 2). Default true (muons). */
  spinHalf?: boolean;
  /**
   * Radiative correction to knock-on electron production (R.P. Kokoulin's form, as in Geant4's
   * G4MuBetheBlochModel; included in the GMS01 tables). Default true.
   */
  radiative?: boolean;
}

/** Lower edge of the knock-on radiative correction integral [MeV] (as in Geant4's G4MuBetheBlochModel). */
const RAD_CORR_EPS_MIN_MEV = 0.1;
const GL16 = gaussLegendre01(16);

/**
 * Bethe mean ionization loss with Sternheimer density effect (PDG §34.2, Eq. 34.5), for a particle of
 * mass massMeV and total energy energyMeV, in MeV cm²/g; no shell or Barkas corrections. Throws for a
 * material without Sternheimer parameters.
 */
export function betheDedx(
  material: Material,
  energyMeV: number,
  massMeV: number,
  opts: BetheOptions = {},
): number {
  const p = sternheimerFor(material);
  const gamma = energyMeV / massMeV;
  const bg2 = gamma * gamma - 1;
  if (!(bg2 > 0)) return 0;
  const beta2 = bg2 / (gamma * gamma);
  const r = ME / massMeV;
  const wMax = (2 * ME * bg2) / (1 + 2 * gamma * r + r * r);
  const iMeV = p.iEV * 1e-6;
  let bracket =
    0.5 * Math.log((2 * ME * bg2 * wMax) / (iMeV * iMeV)) -
    beta2 -
    0.5 * densityEffect(p, 0.5 * Math.log10(bg2));
  if (opts.spinHalf !== false) bracket += (wMax / energyMeV) ** 2 / 8;
  if (opts.radiative !== false && wMax > RAD_CORR_EPS_MIN_MEV) {
    // ½·(α/2π) ∫ (1/ε)(1 − β²ε/W + ε²/2E²) ln(1+2ε/m_e) [ln(4E(E−ε)/m²) − ln(1+2ε/m_e)] dε
    const l0 = Math.log(RAD_CORR_EPS_MIN_MEV);
    const h = Math.log(wMax) - l0;
    let s = 0;
    for (let i = 0; i < 16; i++) {
      const eps = Math.exp(l0 + GL16.x[i] * h);
      const a1 = Math.log(1 + (2 * eps) / ME);
      const a3 = Math.log((4 * energyMeV * (energyMeV - eps)) / (massMeV * massMeV));
      s +=
        GL16.w[i] * (1 - (beta2 * eps) / wMax + (eps * eps) / (2 * energyMeV * energyMeV)) * a1 * (a3 - a1);
    }
    bracket += 0.5 * (ALPHA / (2 * Math.PI)) * s * h;
  }
  return ((K_BETHE * material.zOverA) / beta2) * Math.max(0, bracket);
}
