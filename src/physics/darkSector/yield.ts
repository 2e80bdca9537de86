/**
 * Expected dark-boson yields in a thick active target:
 *  - A′ per electron on target (EOT) in the NA64e ECAL for (m_A′, ε): dark bremsstrahlung of the
 *    primary electron and of the shower e±, plus resonant annihilation of shower positrons on
 *    atomic electrons, each integrated over the universal approximation-A track-length spectra
 *    (trackLength.ts) of a fully developed shower of the beam energy;
 *  - Z′ per muon on target (MOT) for (m_Z′, g_Z′): NA64μ Eq. (6) of H. Sieber et al., PRD 105
 *    (2022) 052006 (seed 004): N/MOT = Σ_i n σ(E_μ^i) ΔL_i Br(Z′ → νν̄), stepping the muon through
 *    the target layer by layer with its mean energy loss.
 *
 * Named assumptions (doc/model-dark.md):
 *  ASSUME-APRIME-TRACK: the shower's e± (and the primary) have Rossi approximation-A track lengths
 *    (complete-screening brem and pair spectra, no ionization, infinitely deep target), in units of
 *    the stack's X0; valid for the E ≳ 1 GeV that matter here (E_c(Pb) = 7.4 MeV). The ECAL (40 X0)
 *    contains the shower at these energies.
 *  ASSUME-APRIME-STACK: the Pb/Sc stack is a homogeneous mixture: per X0 of track, each material
 *    contributes in proportion to its share of the layer thickness; scintillator as one effective
 *    atom (Z = 5.613, A = 11.16, materials.ts; Σ Z² per molecule within 1 % of C8H8).
 *  ASSUME-APRIME-ECUT: only A′ with E_A′ > eCut are counted/generated (default 10 % of the beam
 *    energy): softer A′ leave E_ECAL > 90 % E_beam, outside any useful signal box.
 *  ASSUME-ANNIHILATION-FREE-ELECTRONS: atomic electrons at rest and free (no Doppler broadening,
 *    DMG4's optional atomic-effects version is not used).
 * Cross sections: aprime.ts / zprime.ts. Units: energies GeV, yields per particle on target.
 */
import { MUON_MASS_MEV } from '../units';
import type { Material } from '../materials';
import { continuousDedx } from '../muonLoss';
import type { SamplingStack } from '../setups/types';
import {
  aprimeBremXsecPb,
  aprimeSpectrum,
  aprimeThresholdGeV,
  annihilationXsecPerElectronPb,
  aprimeTotalWidthGeV,
  aprimeInvisibleBr,
  annihilationIntegralPbGeV,
  resonanceEnergyGeV,
  type AprimeSpectrum,
  type ChiSpin,
} from './aprime';
import { ME_GEV, MCHI_OVER_MA, PB_TO_CM2, TabulatedCdf, atomsPerCm3 } from './common';
import { trackLengthSpectra, trackLengthPerGeV } from './trackLength';
import { eps2OfG, zprimeFractionAbove, zprimeInvisibleBr, zprimeXsecPerEps2Pb } from './zprime';

/** Default lower cut on the dark-boson energy as a fraction of the beam energy (ASSUME-APRIME-ECUT). */
export const DEFAULT_ECUT_FRACTION = 0.1;

/** One material of a target with its share of the path (fraction of length) and atom density. */
interface Component {
  material: Material;
  /** Path length [cm] in this material per X0 of stack track. */
  cmPerX0: number;
  /** Atoms per cm³. */
  nAtoms: number;
}

/** Components of a sampling stack, per X0 of track (ASSUME-APRIME-STACK). */
export function stackComponents(stack: SamplingStack): Component[] {
  const d1 = stack.absorberMm;
  const d2 = stack.activeMm;
  const x0Layer = d1 / ((stack.absorber.x0Gcm2 / stack.absorber.densityGcm3) * 10) + d2 / ((stack.active.x0Gcm2 / stack.active.densityGcm3) * 10);
  const mmPerX0 = (d1 + d2) / x0Layer;
  const out: Component[] = [];
  for (const [m, d] of [
    [stack.absorber, d1],
    [stack.active, d2],
  ] as const) {
    if (d > 0) out.push({ material: m, cmPerX0: ((d / (d1 + d2)) * mmPerX0) / 10, nAtoms: atomsPerCm3(m.densityGcm3, m.a) });
  }
  return out;
}

/** A′ model point. */
export interface AprimePoint {
  massMeV: number;
  epsilon: number;
  /** α_D (default 0.5); enters only the widths (Br and the annihilation line shape). */
  alphaD?: number;
  /** m_χ/m_A′ (default 1/3). */
  mChiOverMA?: number;
  spin?: ChiSpin;
}

/** A′ yields per EOT and the distributions the generator samples from. */
export interface AprimeYield {
  massMeV: number;
  epsilon: number;
  beamEnergyGeV: number;
  /** Lower cut on E_A′ [GeV]. */
  eCutGeV: number;
  /** Dark bremsstrahlung of the beam electron (before and while it showers). */
  primary: number;
  /** Dark bremsstrahlung of shower e⁻ and e⁺ (all charged tracks but the primary). */
  secondary: number;
  /** Resonant annihilation of shower positrons. */
  annihilation: number;
  /** Sum of the three, × Br(A′ → invisible): the A′ → χχ̄ yield per EOT. */
  total: number;
  /** Br(A′ → χχ̄) used. */
  invisibleBr: number;
  /** Emitter energy distribution of the primary / secondaries in s = ln(E_beam/E) (null if zero). */
  primaryS: TabulatedCdf | null;
  secondaryS: TabulatedCdf | null;
  /** Positron energy distribution of resonant annihilation [GeV] (null if zero). */
  annihilationE: TabulatedCdf | null;
  /** x tables of the mass over the emitter energies used (null when no brem phase space). */
  spectrum: AprimeSpectrum | null;
}

/**
 * Expected A′ → χχ̄ per EOT with E_A′ > eCutGeV for an electron beam of beamEnergyGeV on a sampling
 * `stack` (NA64e ECAL) — see the module comment. Scales as ε² exactly when Br ≈ 1.
 * `includeAnnihilation` (default true). Cost: a few ms (x tables are cached per mass).
 */
export function aprimeYieldPerEot(
  point: AprimePoint,
  beamEnergyGeV: number,
  stack: SamplingStack,
  opts: { eCutGeV?: number; includeAnnihilation?: boolean } = {},
): AprimeYield {
  const mGeV = point.massMeV / 1000;
  const eps = point.epsilon;
  const alphaD = point.alphaD ?? 0.5;
  const mChi = mGeV * (point.mChiOverMA ?? MCHI_OVER_MA);
  const spin = point.spin ?? 'dirac';
  const e0 = beamEnergyGeV;
  const eCut = opts.eCutGeV ?? DEFAULT_ECUT_FRACTION * e0;
  const comps = stackComponents(stack);
  const tl = trackLengthSpectra();
  const br = aprimeInvisibleBr(mGeV, eps, alphaD, mChi, spin);

  // --- dark bremsstrahlung over the e± track lengths ---
  const aMax = Math.max(...comps.map((c) => c.material.a));
  const eMin = Math.max(eCut, aprimeThresholdGeV(mGeV, aMax) * 1.0001, mGeV * 1.01);
  const nS = Math.min(tl.s.length, Math.ceil(Math.log(e0 / eMin) / tl.h));
  const spec = eMin < e0 ? aprimeSpectrum(mGeV, Math.min(eMin, e0 * 0.5), e0 * 1.06) : null;
  // cells [kh, (k+1)h) of s = ln(E₀/E), evaluated at their centres (the track-length cells)
  const edges = new Float64Array(nS + 1);
  const wPrim = new Float64Array(nS);
  const wSec = new Float64Array(nS);
  let primary = 0;
  let secondary = 0;
  for (let k = 0; k <= nS; k++) edges[k] = k * tl.h;
  if (spec) {
    for (let k = 0; k < nS; k++) {
      const e = e0 * Math.exp(-tl.s[k]);
      let rate = 0; // A′ per X0 of track at energy e
      for (const c of comps) rate += c.cmPerX0 * c.nAtoms * aprimeBremXsecPb(e, mGeV, eps, c.material.z, c.material.a) * PB_TO_CM2;
      rate *= spec.fractionAboveEnergy(e, eCut);
      wPrim[k] = tl.primary[k] * rate * tl.h;
      wSec[k] = (tl.electrons[k] + tl.positrons[k] - tl.primary[k]) * rate * tl.h;
      primary += wPrim[k];
      secondary += wSec[k];
    }
  }
  const primaryS = primary > 0 ? TabulatedCdf.fromCells(edges, wPrim) : null;
  const secondaryS = secondary > 0 ? TabulatedCdf.fromCells(edges, wSec) : null;

  // --- resonant annihilation over the positron track length ---
  let annihilation = 0;
  let annihilationE: TabulatedCdf | null = null;
  const eR = resonanceEnergyGeV(mGeV);
  if (opts.includeAnnihilation !== false && eR + ME_GEV > eCut && eR < e0) {
    const model = { mGeV, eps, alphaD, mChiGeV: mChi, spin };
    const gTot = aprimeTotalWidthGeV(mGeV, eps, alphaD, mChi, spin);
    const relWidthE = (2 * gTot) / mGeV; // Γ in E₊ relative to E_R: ΔE/E_R ≈ 2Γ/m
    const nElectrons = comps.reduce((acc, c) => acc + c.cmPerX0 * c.nAtoms * c.material.z, 0); // electrons per cm² per X0 of track
    if (relWidthE < 0.01) {
      // narrow-width limit: ∫σ dE₊ × track length per GeV at E_R
      annihilation = nElectrons * trackLengthPerGeV('positrons', eR, e0) * annihilationIntegralPbGeV(model) * PB_TO_CM2;
      if (annihilation > 0) {
        const lo = eR * (1 - 1e-6);
        annihilationE = TabulatedCdf.fromDensity(new Float64Array([lo, eR]), new Float64Array([1, 1]));
      }
    } else {
      // integrate the Breit–Wigner line over [max(eCut − m_e, E_R/4), E₀] in ln E₊ (step ≤ width/20)
      const lo = Math.max(eCut - ME_GEV, eR / 4, 2 * ME_GEV);
      const dl = Math.min(0.005, relWidthE / 20);
      const n = Math.max(2, Math.ceil(Math.log(e0 / lo) / dl) + 1);
      const grid = new Float64Array(n);
      const dens = new Float64Array(n);
      for (let k = 0; k < n; k++) {
        const e = lo * Math.exp((Math.log(e0 / lo) * k) / (n - 1));
        grid[k] = e;
        dens[k] = nElectrons * trackLengthPerGeV('positrons', e, e0) * annihilationXsecPerElectronPb(e, model) * PB_TO_CM2;
      }
      const cdf = TabulatedCdf.fromDensity(grid, dens);
      annihilation = cdf.total;
      if (annihilation > 0) annihilationE = cdf;
    }
  }
  return {
    massMeV: point.massMeV,
    epsilon: eps,
    beamEnergyGeV: e0,
    eCutGeV: eCut,
    primary,
    secondary,
    annihilation,
    total: (primary + secondary + annihilation) * br,
    invisibleBr: br,
    primaryS,
    secondaryS,
    annihilationE,
    spectrum: spec,
  };
}

// ---------------------------------------------------------------------------------------------
// Z′ per MOT (NA64μ Eq. (6))
// ---------------------------------------------------------------------------------------------

/** Z′ model point: mass and gauge coupling g_Z′. */
export interface ZprimePoint {
  massMeV: number;
  /** Gauge coupling g_Z′ (DMG4 ε = g_Z′/sqrt(4πα)). */
  gZprime: number;
}

export interface ZprimeYield {
  massMeV: number;
  gZprime: number;
  /** Z′ → νν̄ per MOT with E_Z′ > eCut. */
  perMot: number;
  /** Z′ (any decay) per MOT with E_Z′ > eCut. */
  produced: number;
  invisibleBr: number;
  eCutGeV: number;
  /** Mean muon energy at the target exit [GeV]. */
  eMuOutGeV: number;
  /** Distribution of the emission depth over the target in layers (layer index + fraction), for the generator. */
  depthCdf: TabulatedCdf | null;
  /**
   * Distribution of the emission depth [mm from the target face] with one cell per material slab
   * (absorber, active, absorber, …), weight n σ(E_μ) ΔL of that slab, uniform inside a slab: the
   * NA64μ generator's emission point.
   */
  depthMmCdf: TabulatedCdf | null;
}

/**
 * Expected Z′ per MOT (NA64μ Eq. (6), PRD 105 (2022) 052006 via seed 004): the muon crosses the
 * `stack` layer by layer; in each material slab of thickness ΔL the yield is n σ(E_μ) ΔL (with
 * P(E_Z′ > eCut)), and E_μ drops by the mean stopping power (muonLoss.ts continuousDedx with all
 * radiative losses treated as continuous, vCut = 1). Multiplied by Br(Z′ → νν̄).
 */
export function zprimeYieldPerMot(point: ZprimePoint, muonEnergyGeV: number, stack: SamplingStack, opts: { eCutGeV?: number } = {}): ZprimeYield {
  const mGeV = point.massMeV / 1000;
  const eps2 = eps2OfG(point.gZprime);
  const eCut = opts.eCutGeV ?? 0;
  let eMu = muonEnergyGeV;
  let produced = 0;
  const slabs: [Material, number][] = [
    [stack.absorber, stack.absorberMm],
    [stack.active, stack.activeMm],
  ];
  const depthEdges = new Float64Array(stack.layers + 1);
  const layerWeights = new Float64Array(stack.layers);
  const period = stack.absorberMm + stack.activeMm;
  const slabEdges = new Float64Array(2 * stack.layers + 1);
  const slabWeights = new Float64Array(2 * stack.layers);
  for (let l = 0; l < stack.layers; l++) {
    let layerYield = 0;
    slabEdges[2 * l + 1] = l * period + stack.absorberMm;
    slabEdges[2 * l + 2] = (l + 1) * period;
    for (const [k, [mat, dMm]] of slabs.entries()) {
      if (!(dMm > 0) || eMu * 1000 <= MUON_MASS_MEV * 1.01) continue;
      const n = atomsPerCm3(mat.densityGcm3, mat.a);
      const sigma = zprimeXsecPerEps2Pb(eMu, mGeV, mat.z, mat.a) * eps2 * zprimeFractionAbove(eMu, mGeV, mat.z, mat.a, eCut);
      const slabYield = n * sigma * PB_TO_CM2 * (dMm / 10);
      layerYield += slabYield;
      slabWeights[2 * l + k] = slabYield;
      const dedx = continuousDedx(mat, eMu * 1000, 0.999) * mat.densityGcm3 / 10; // MeV/mm
      eMu = Math.max(MUON_MASS_MEV / 1000, eMu - (dedx * dMm) / 1000);
    }
    produced += layerYield;
    depthEdges[l + 1] = l + 1;
    layerWeights[l] = layerYield;
  }
  const br = zprimeInvisibleBr(mGeV, point.gZprime);
  return {
    massMeV: point.massMeV,
    gZprime: point.gZprime,
    perMot: produced * br,
    produced,
    invisibleBr: br,
    eCutGeV: eCut,
    eMuOutGeV: eMu,
    depthCdf: produced > 0 ? TabulatedCdf.fromCells(depthEdges, layerWeights) : null,
    depthMmCdf: produced > 0 ? TabulatedCdf.fromCells(slabEdges, slabWeights) : null,
  };
}
