/**
 * Per-run precomputation for the NA64μ event generator: geometry lookups, stack properties,
 * λ-segments for hadron showers, the rates of hard muon interactions, and the sampling scheme of
 * the rare processes with their true probabilities per muon on target (p), sampling
 * probabilities (q) and weights. Built once per run (and per worker); never mutated afterwards
 * (tests may build a modified copy).
 *
 * Sampling scheme (the "branches"). Beam hadrons, hadron decays in flight and pile-up are separate
 * classes of events (as in NA64e): a fraction q of the simulated events is given to each, weight
 * p/q. The muon events are split into a natural branch and three *forced* branches, each forcing one
 * kind of hard interaction (energy transfer ε > ε_H = 0.1 × nominal beam momentum):
 *   B  brems or e⁺e⁻ pair in the ECAL (region B of the hermeticity plot),
 *   D  photonuclear in the ECAL (region D),
 *   AC photonuclear in the HCAL modules (region A→C).
 * A forced branch draws the event from the natural distribution conditioned on "at least one such
 * interaction" (interaction point uniform in the rate-weighted thickness, transfer from the
 * spectrum above ε_H, everything else natural). The natural branch can produce the same
 * interactions by itself, so each event gets the balance-heuristic (one-sample multiple-importance)
 * weight
 *     w = W_μ / (q₀ + Σ_k q_k · t_k),   t_k = 1_k(event)/p_k   (t_k = 1 where p_k = 0, forcing impossible),
 * with q's the branch fractions inside the muon class, 1_k whether the event contains a hard
 * interaction of kind k (natural or forced), p_k its natural probability evaluated for this event
 * (muon energy at the calorimeter entrance) and W_μ = p_μ/q_μ of the muon class. For an event with
 * one hard interaction this is W_μ·p/((1−q)p + q); for the others W_μ/(1−q). It does not depend
 * on which branch produced the event, so nothing is double counted and Σw/N → 1. The forced
 * sampling is exact up to O(p_k) ≲ 0.5 % (a second hard interaction before the forced one, and the
 * slow change of the rate with the muon energy inside one calorimeter).
 *
 * Z′ signal (params.signal.model 'zprime', signal.ts, doc/model-zprime.md): one more class of its
 * own, 'signal', with p = Z′ → νν̄ yield per MOT and q = params.signal.fraction; every other q
 * (natural, forced, hadron, decay, pile-up) is multiplied by (1 − q) and the muon class's p loses p
 * of the signal, so Σp = Σq = 1 and the balance heuristic inside the muon class is unchanged (its
 * branch ratios q_k/q_μ do not change). Signal events carry w = p/q and keep any natural hard
 * interaction on top of the emission. Without a signal every number is exactly what it was.
 */
import { gflashSampling, type GFlashSampling } from '../emShower';
import { E_OVER_H, type CaloSegment } from '../hadronShower';
import { COPPER, IRON, LEAD, SCINTILLATOR, type Material } from '../materials';
import { continuousDedx, discreteRatePerMm, prepareMuonTables } from '../muonLoss';
import type { RunParams } from '../params';
import { PROCESS_CODE, type ProcessLabel } from '../processes';
import { buildNa64muSetup } from '../setups/na64mu';
import type { DetectorElement, SamplingStack, Setup } from '../setups/types';
import { CTAU_MM, GeV, KAON_MASS_MEV, PION_MASS_MEV } from '../units';
import { PILEUP_RESOLVE_NS, PILEUP_WINDOW_NS, stackProperties, type Category } from '../na64e/context';
import { buildNa64muSignalModel, type Na64muSignalModel } from './signal';

/** Published MS1 resolution σp_in/p_in (seed 000). */
export const MS1_RESOLUTION = 0.038;
/** Published MS2 resolution σp_out/p_out (seed 000). */
export const MS2_RESOLUTION = 0.044;
/** Hard interaction: energy transfer above this fraction of the nominal beam momentum (ε_H = 16 GeV at 160 GeV). */
export const HARD_FRACTION = 0.1;
/** v-cut of the muon propagation (muons sheet §1.4: continuous below v = 0.01). */
export const MUON_V_CUT = 0.01;
/** Sampling probabilities q of the forced branches and event classes. */
export const NA64MU_BIAS_Q = {
  brems: 0.05,
  ecalNuclear: 0.03,
  hcalNuclear: 0.03,
  hadron: 0.01,
  decay: 0.03,
  pileup: 0.01,
} as const;
/** Fraction of forced decays given to kaons (the K → μν soft muons matter most; weights restore the true mix). */
export const KAON_DECAY_FORCE = 0.5;

/** A magnet as a field region. */
export interface FieldRegion {
  z0: number;
  z1: number;
  fieldT: number;
}

/** A tracking plane: centre, half sizes, z of its middle. */
export interface Plane {
  id: string;
  z: number;
  x: number;
  y: number;
  hw: number;
  hh: number;
}

export type BranchKind = 'muon' | 'forceB' | 'forceD' | 'forceAC' | 'beam-hadron' | 'beam-decay' | 'pile-up' | 'signal';

export interface Branch {
  kind: BranchKind;
  q: number;
}

/** Thicknesses [mm] of absorber and active material in a stack, and the materials. */
export interface StackThickness {
  stack: SamplingStack;
  absMm: number;
  actMm: number;
}

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

const planeOf = (e: DetectorElement): Plane => ({ id: e.id, z: e.zMm + e.lengthMm / 2, x: e.xMm, y: e.yMm, hw: e.widthMm / 2, hh: e.heightMm / 2 });

/** Absorber and active thicknesses of a stack [mm]. */
export function stackThickness(stack: SamplingStack): StackThickness {
  return { stack, absMm: stack.layers * stack.absorberMm, actMm: stack.layers * stack.activeMm };
}

/**
 * Probability that a muon of energy eMeV makes at least one interaction with transfer ε > hardMeV
 * of the given kind ('em' = brems + pair, 'nucl' = photonuclear) in `modules` copies of a stack.
 * Rates from the muon tables (muonLoss.ts), evaluated at eMeV.
 */
export function hardProbability(stack: SamplingStack, eMeV: number, hardMeV: number, kind: 'em' | 'nucl', modules = 1): number {
  const r = hardRatePerStack(stack, eMeV, hardMeV, kind);
  return r.total > 0 ? 1 - Math.exp(-r.total * modules) : 0;
}

/** Expected numbers of hard interactions in one copy of a stack (absorber / active part, EM = brems + pair, nuclear). */
export interface HardRates {
  em: { abs: number; act: number; total: number };
  nucl: { abs: number; act: number; total: number };
}

/** Hard-interaction expectations of a muon of energy eMeV in a stack (fills and returns `out`). */
export function hardRates(stack: SamplingStack, eMeV: number, hardMeV: number, out: HardRates = newHardRates()): HardRates {
  const vMin = hardMeV / eMeV;
  out.em.abs = out.em.act = out.nucl.abs = out.nucl.act = 0;
  if (vMin < 0.999) {
    if (stack.absorberMm > 0) {
      const r = discreteRatePerMm(stack.absorber, eMeV, vMin);
      const l = stack.absorberMm * stack.layers;
      out.em.abs = (r.brems + r.pair) * l;
      out.nucl.abs = r.nucl * l;
    }
    if (stack.activeMm > 0) {
      const r = discreteRatePerMm(stack.active, eMeV, vMin);
      const l = stack.activeMm * stack.layers;
      out.em.act = (r.brems + r.pair) * l;
      out.nucl.act = r.nucl * l;
    }
  }
  out.em.total = out.em.abs + out.em.act;
  out.nucl.total = out.nucl.abs + out.nucl.act;
  return out;
}

export function newHardRates(): HardRates {
  return { em: { abs: 0, act: 0, total: 0 }, nucl: { abs: 0, act: 0, total: 0 } };
}

/** Expected number of hard interactions of one kind per stack, split into absorber and active parts. */
export function hardRatePerStack(stack: SamplingStack, eMeV: number, hardMeV: number, kind: 'em' | 'nucl'): { abs: number; act: number; total: number } {
  return hardRates(stack, eMeV, hardMeV)[kind];
}

/** Mean continuous muon deposit [MeV] in a stack at energy eMeV (a(E) + b_restricted(E)·E, v < MUON_V_CUT). */
export function muonContinuousMeV(stack: SamplingStack, eMeV: number): number {
  const s = (m: Material, mm: number) => (mm > 0 ? (continuousDedx(m, eMeV, MUON_V_CUT) * m.densityGcm3 * mm) / 10 : 0);
  return stack.layers * (s(stack.absorber, stack.absorberMm) + s(stack.active, stack.activeMm));
}

/** P(decay within L [mm]) of a particle of mass m [MeV], cτ [mm] and momentum p [MeV]. */
export function decayProbability(massMeV: number, ctauMm: number, pMeV: number, lMm: number): number {
  return 1 - Math.exp(-(lMm * massMeV) / (pMeV * ctauMm));
}

export function makeNa64muContext(params: RunParams): Na64muContext {
  const setup = buildNa64muSetup({
    beamEnergyGeV: params.beamEnergyGeV,
    ecalLayers: params.ecalLayers,
    hcalModules: params.hcalModules,
    hadronFraction: params.hadronFraction,
  });
  prepareMuonTables([LEAD, SCINTILLATOR, IRON, COPPER], MUON_V_CUT);
  const byId = (id: string) => {
    const e = setup.elements.find((x) => x.id === id);
    if (!e) throw new Error(`NA64mu setup has no element ${id}`);
    return e;
  };
  const p0MeV = params.beamEnergyGeV * GeV;
  const magnets = setup.elements.filter((e) => e.role === 'magnet').sort((a, b) => a.zMm - b.zMm);
  const ms1Magnets = magnets.filter((m) => m.id.startsWith('MS1')).map((m) => ({ z0: m.zMm, z1: m.zMm + m.lengthMm, fieldT: m.fieldT ?? 0 }));
  const ms2El = byId('MS2');
  const ms2Magnet = { z0: ms2El.zMm, z1: ms2El.zMm + ms2El.lengthMm, fieldT: ms2El.fieldT ?? 0 };
  const ecal = byId('ECAL');
  const trackers = setup.elements.filter((e) => e.role === 'tracker').map(planeOf).sort((a, b) => a.z - b.z);
  const ms1Up = trackers.filter((p) => p.z < ms1Magnets[0].z0);
  const ms1Down = trackers.filter((p) => p.z > ms1Magnets[ms1Magnets.length - 1].z1 && p.z < ecal.zMm);
  const ms2Up = trackers.filter((p) => p.z > ecal.zMm && p.z < ms2Magnet.z0);
  const ms2Down = trackers.filter((p) => p.z > ms2Magnet.z1);
  const ms1FieldIntegralTm = ms1Magnets.reduce((s, m) => s + (m.fieldT * (m.z1 - m.z0)) / 1000, 0);
  const ms1ExitZ = ms1Magnets[ms1Magnets.length - 1].z1;
  // nominal trajectory at the MS1 exit (elements downstream are placed on it)
  const k = (z0: number, z1: number, b: number) => ((0.299792458 * b) / params.beamEnergyGeV / 1000) * (z1 - z0);
  let x = 0;
  let tx = 0;
  let zc = 0;
  for (const m of ms1Magnets) {
    x += tx * (m.z0 - zc);
    const kk = k(m.z0, m.z1, m.fieldT) / (m.z1 - m.z0);
    const l = m.z1 - m.z0;
    x += tx * l + 0.5 * kk * l * l;
    tx += kk * l;
    zc = m.z1;
  }

  const ecalStack = ecal.stack!;
  const ep = stackProperties(ecalStack);
  const ecalG = gflashSampling(ecalStack);
  const veto = byId('VETO');
  const vp = stackProperties(veto.stack!);
  const vhcal = byId('VHCAL');
  const vhcalStack = vhcal.stack!;
  const vhp = stackProperties(vhcalStack);
  const hcals = setup.elements.filter((e) => e.role === 'hcal');
  const hcalStack = hcals[0]?.stack ?? null;
  const hp = hcalStack ? stackProperties(hcalStack) : null;

  const seg = (pion: boolean): CaloSegment[] => {
    const l = (p: ReturnType<typeof stackProperties>) => (pion ? p.lambdaPi : p.lambdaI);
    return [
      { id: 'ECAL', lambda: l(ep), x0PerLambda: ep.x0 / l(ep), hadronResponse: 1 / E_OVER_H },
      { id: 'VHCAL', lambda: l(vhp), x0PerLambda: vhp.x0 / l(vhp), hadronResponse: 1 },
      ...hcals.map((h) => ({ id: h.id, lambda: l(hp!), x0PerLambda: hp!.x0 / l(hp!), hadronResponse: 1 })),
    ];
  };

  // --- true probabilities per MOT ---
  const h = params.hadronFraction;
  const mix = setup.beam.hadronMix;
  const decayZ0 = ms1Up[0].z;
  const decayZ1 = ecal.zMm;
  const L = decayZ1 - decayZ0;
  const pDecPi = h * mix.pion * decayProbability(PION_MASS_MEV, CTAU_MM.pion, p0MeV, L);
  const pDecK = h * mix.kaon * decayProbability(KAON_MASS_MEV, CTAU_MM.kaon, p0MeV, L);
  const pDecay = pDecPi + pDecK;
  const pHadron = h - pDecay;
  const pPileup = params.pileup ? 1 - Math.exp(-setup.beam.rateHz * 2 * PILEUP_WINDOW_NS * 1e-9) : 0;
  const pMuonPU = (1 - h) * pPileup;
  // Z′ signal: its own class; without a signal pSig = 0 and keep = 1 leave every number bit-identical
  const signal = params.signal ? buildNa64muSignalModel(params.signal, params.beamEnergyGeV, ecalStack) : null;
  const qSig = signal ? signal.q : 0;
  const pSig = signal ? signal.pPerMot : 0;
  const keep = 1 - qSig;
  const pMuon = (1 - h) * (1 - pPileup) - pSig;

  const hardMeV = HARD_FRACTION * p0MeV;
  const pB = hardProbability(ecalStack, p0MeV, hardMeV, 'em');
  const pD = hardProbability(ecalStack, p0MeV, hardMeV, 'nucl');
  const pAC = hcalStack ? hardProbability(hcalStack, p0MeV, hardMeV, 'nucl', hcals.length) : 0;

  const Q = NA64MU_BIAS_Q;
  const qB0 = pB > 0 ? Q.brems : 0;
  const qD0 = pD > 0 ? Q.ecalNuclear : 0;
  const qAC0 = pAC > 0 ? Q.hcalNuclear : 0;
  const qHad0 = pHadron > 0 ? Math.max(Q.hadron, pHadron) : 0;
  const qDec0 = pDecay > 0 ? Math.max(Q.decay, pDecay) : 0;
  const qPU0 = pMuonPU > 0 ? Math.max(Q.pileup, pMuonPU) : 0;
  const qNat0 = 1 - qB0 - qD0 - qAC0 - qHad0 - qDec0 - qPU0;
  const [qB, qD, qAC, qHad, qDec, qPU, qNat] = [qB0, qD0, qAC0, qHad0, qDec0, qPU0, qNat0].map((q) => q * keep);
  const qMu = qNat + qB + qD + qAC;
  // (qMu = 0 only for a pure-signal run, fraction 1: no muon-class event is generated)
  const wMuon = qMu > 0 ? pMuon / qMu : 0;
  const qIn = qMu > 0 ? { nat: qNat / qMu, B: qB / qMu, D: qD / qMu, AC: qAC / qMu } : { nat: 1, B: 0, D: 0, AC: 0 };

  const branches: Branch[] = [
    { kind: 'muon', q: qNat },
    { kind: 'forceB', q: qB },
    { kind: 'forceD', q: qD },
    { kind: 'forceAC', q: qAC },
    { kind: 'beam-hadron', q: qHad },
    { kind: 'beam-decay', q: qDec },
    { kind: 'pile-up', q: qPU },
  ];
  if (signal) branches.push({ kind: 'signal', q: qSig });
  const cumQ = new Float64Array(branches.length);
  let acc = 0;
  branches.forEach((b, i) => {
    acc += b.q;
    cumQ[i] = acc;
  });
  // the last branch with q > 0 ends at exactly 1 (branches after it, q = 0, are never chosen)
  let lastQ = branches.length - 1;
  while (lastQ > 0 && branches[lastQ].q === 0) lastQ--;
  for (let i = lastQ; i < cumQ.length; i++) cumQ[i] = 1;

  // Display table (nominal): effective q of a hard class = natural share + forced share.
  const cat = (label: ProcessLabel, p: number, q: number): Category => ({ label, code: PROCESS_CODE[label], p, q, w: q > 0 ? p / q : 0 });
  // labels are given by outcome: hard brems/pair in the HCAL (natural, not forced) also count as 'muon-brems'
  const pEmHcal = hcalStack ? hardProbability(hcalStack, p0MeV, hardMeV, 'em', hcals.length) : 0;
  const pNuc = pD + pAC - pD * pAC;
  const pEm = pB + pEmHcal - pB * pEmHcal;
  const categories: Category[] = [
    cat('muon', pMuon * (1 - pEm) * (1 - pNuc), qNat * (1 - pEm) * (1 - pNuc)),
    cat('muon-brems', pMuon * pEm * (1 - pNuc), qB * (1 - pNuc) + qNat * pEm * (1 - pNuc)),
    cat('muon-nuclear', pMuon * pNuc, qD + qAC + qNat * pNuc),
    cat('beam-hadron', pHadron, qHad),
    cat('beam-decay', pDecay, qDec),
  ];
  if (qPU > 0) categories.push(cat('pile-up', pMuonPU, qPU));
  if (signal) categories.push(cat('signal', pSig, qSig));

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
    ms1ExitX: x,
    ms1ExitTx: tx,
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
    segN: seg(false),
    segPi: seg(true),
    hardMeV,
    categories,
    branches,
    cumQ,
    wMuon,
    qIn,
    pHardNominal: { B: pB, D: pD, AC: pAC },
    hadronPi: h * mix.pion,
    hadronK: h * mix.kaon,
    decayZ0,
    decayZ1,
    qHadron: qHad,
    qDecay: qDec,
    wPileup: qPU > 0 ? pMuonPU / qPU : 0,
    pileupWindowNs: PILEUP_WINDOW_NS,
    pileupResolveNs: PILEUP_RESOLVE_NS,
    signal,
  };
}
