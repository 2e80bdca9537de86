/**
 * Per-run precomputation for the NA64μ event generator: geometry lookups, stack properties,
 * λ-segments for hadron showers, the rates of hard muon interactions, and the sampling scheme of
 * the rare processes with their true probabilities per muon on target (p), sampling
 * probabilities (q) and weights. Built once per run (and per worker); never mutated afterwards
 * (tests may build a modified copy).
 *
 * The sampling scheme (the "branches": natural, forced B / D / AC, beam hadrons, decays, pile-up,
 * Z′ signal) and its weights are described in ./context/sampling.ts. This module is the public
 * entry point and holds the context type; the implementation lives in ./context/:
 * - context/geometry.ts: setup, element lookups, MS1/MS2 field regions and planes, stacks, λ-segments;
 * - context/rates.ts: hard-interaction rates and probabilities in a stack, continuous muon deposit,
 *   decay probability;
 * - context/sampling.ts: true probabilities per MOT, sampling probabilities, branches, weights and
 *   the process table.
 */
import type { GFlashSampling } from '../emShower';
import type { CaloSegment } from '../hadronShower';
import type { RunParams } from '../params';
import type { DetectorElement, SamplingStack, Setup } from '../setups/types';
import { PILEUP_RESOLVE_NS, PILEUP_WINDOW_NS, type Category } from '../na64e/context';
import type { Na64muSignalModel } from './signal';
import { na64muGeometry, type FieldRegion, type Plane } from './context/geometry';
import { muonContinuousMeV } from './context/rates';
import { na64muSampling, type Branch } from './context/sampling';

export { type FieldRegion, type Plane } from './context/geometry';
export {
  MUON_V_CUT,
  decayProbability,
  hardProbability,
  hardRatePerStack,
  hardRates,
  muonContinuousMeV,
  newHardRates,
  stackThickness,
  type HardRates,
  type StackThickness,
} from './context/rates';
export { HARD_FRACTION, KAON_DECAY_FORCE, NA64MU_BIAS_Q, type Branch, type BranchKind } from './context/sampling';

/** Published MS1 resolution σp_in/p_in (seed 000). */
export const MS1_RESOLUTION = 0.038;
/** Published MS2 resolution σp_out/p_out (seed 000). */
export const MS2_RESOLUTION = 0.044;

export interface Na64muContext {
  setup: Setup;
  params: RunParams;
  /** Nominal beam momentum [MeV]. */
  p0MeV: number;
  /** Relative beam momentum spread (Gaussian σ); tests may set 0. */
  beamSigma: number;
  ms1Resolution: number;
  ms2Resolution: number;
  /** MS1: magnets, planes upstream / downstream of the magnets, field integral [T·m]. */
  ms1Magnets: FieldRegion[];
  ms1Up: Plane[];
  ms1Down: Plane[];
  ms1FieldIntegralTm: number;
  /** z of the end of the last MS1 magnet (beam state defined there) [mm]. */
  ms1ExitZ: number;
  /** Nominal x and slope at the MS1 exit. */
  ms1ExitX: number;
  ms1ExitTx: number;
  /** MS2: magnet, planes before (MM5–7) and after (ST1, ST11) it. */
  ms2Magnet: FieldRegion;
  ms2Up: Plane[];
  ms2Down: Plane[];
  /** MS2 planes in z order and the MS2 field as a list (for transport). */
  ms2Planes: Plane[];
  ms2Fields: FieldRegion[];
  ecal: DetectorElement;
  ecalStack: SamplingStack;
  ecalG: GFlashSampling;
  ecalDepthX0: number;
  ecalLambdaI: number;
  ecalLambdaPi: number;
  /** Ionization-only MIP deposit in the ECAL [MeV] (dE/dx_min; hadrons). */
  ecalIonMeV: number;
  psLayers: number;
  veto: DetectorElement;
  /** Mean MIP deposit in the VETO [MeV]. */
  vetoMipMeV: number;
  vhcal: DetectorElement;
  vhcalStack: SamplingStack;
  vhcalIonMeV: number;
  hcals: DetectorElement[];
  hcalStack: SamplingStack | null;
  hcalIonMeV: number;
  /** Mean continuous muon deposit per HCAL module at the nominal momentum [MeV]. */
  hcalMuonMipMeV: number;
  /** Mean continuous muon deposit in the ECAL on the electron scale at the nominal momentum [MeV]. */
  ecalMuonMipMeV: number;
  /** Hadron-shower segments: ECAL, VHCAL, HCAL1..n (nucleon λ_I and pion λ_π). */
  segN: CaloSegment[];
  segPi: CaloSegment[];
  /** Hard-interaction threshold ε_H [MeV]. */
  hardMeV: number;
  categories: Category[];
  branches: Branch[];
  cumQ: Float64Array;
  /** Muon class: W_μ = p_μ/q_μ and the branch fractions inside it (natural, B, D, AC). */
  wMuon: number;
  qIn: { nat: number; B: number; D: number; AC: number };
  /** Nominal hard-interaction probabilities (display): ECAL EM, ECAL nuclear, HCAL nuclear. */
  pHardNominal: { B: number; D: number; AC: number };
  /**
   * Beam hadrons: true fractions per MOT of π⁻ and K⁻ (h × mix); z range [mm] of forced decays (BMS1
   * to the ECAL face); q of the hadron and decay classes. Weights are computed per event from the
   * decay probability at the event's momentum: w = h_s P_s(p)/(q κ_s) for a forced decay of species
   * s (κ_K = KAON_DECAY_FORCE); a hadron reaching the ECAL is π or K with probability h_s/h and
   * weight h (1 − P_s(p))/q.
   */
  hadronPi: number;
  hadronK: number;
  decayZ0: number;
  decayZ1: number;
  qHadron: number;
  qDecay: number;
  wPileup: number;
  pileupWindowNs: number;
  pileupResolveNs: number;
  /** Z′ signal of the run (the 'signal' class), or null (params.signal absent). */
  signal: Na64muSignalModel | null;
}

export function makeNa64muContext(params: RunParams): Na64muContext {
  const geometry = na64muGeometry(params);
  const { setup, p0MeV, ms1Magnets, ms1Up, ms1Down, ms1FieldIntegralTm, ms1ExitZ, ms1ExitX, ms1ExitTx, ms2Magnet, ms2Up, ms2Down } = geometry;
  const { ecal, ecalStack, ecalG, ep, veto, vp, vhcal, vhcalStack, vhp, hcals, hcalStack, hp, segN, segPi } = geometry;
  const { hardMeV, categories, branches, cumQ, wMuon, qIn, pHardNominal, hadronPi, hadronK, decayZ0, decayZ1, qHadron, qDecay, wPileup, signal } =
    na64muSampling(params, geometry);

  const ecalMuonMipMeV = muonContinuousMeV(ecalStack, p0MeV) / ecalG.ehat;
  const hcalMuonMipMeV = hcalStack ? muonContinuousMeV(hcalStack, p0MeV) : 0;

  return {
    setup,
    params,
    p0MeV,
    beamSigma: setup.beam.sigmaEOverE,
    ms1Resolution: MS1_RESOLUTION,
    ms2Resolution: MS2_RESOLUTION,
    ms1Magnets,
    ms1Up,
    ms1Down,
    ms1FieldIntegralTm,
    ms1ExitZ,
    ms1ExitX,
    ms1ExitTx,
    ms2Magnet,
    ms2Up,
    ms2Down,
    ms2Planes: [...ms2Up, ...ms2Down],
    ms2Fields: [ms2Magnet],
    ecal,
    ecalStack,
    ecalG,
    ecalDepthX0: ep.x0,
    ecalLambdaI: ep.lambdaI,
    ecalLambdaPi: ep.lambdaPi,
    ecalIonMeV: ep.mipMeV,
    psLayers: ecal.preshowerLayers ?? 0,
    veto,
    vetoMipMeV: vp.mipMeV,
    vhcal,
    vhcalStack,
    vhcalIonMeV: vhp.mipMeV,
    hcals,
    hcalStack,
    hcalIonMeV: hp ? hp.mipMeV : 0,
    hcalMuonMipMeV,
    ecalMuonMipMeV,
    segN,
    segPi,
    hardMeV,
    categories,
    branches,
    cumQ,
    wMuon,
    qIn,
    pHardNominal,
    hadronPi,
    hadronK,
    decayZ0,
    decayZ1,
    qHadron,
    qDecay,
    wPileup,
    pileupWindowNs: PILEUP_WINDOW_NS,
    pileupResolveNs: PILEUP_RESOLVE_NS,
    signal,
  };
}
