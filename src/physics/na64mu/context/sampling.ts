/**
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
import type { RunParams } from '../../params';
import { PROCESS_CODE, type ProcessLabel } from '../../processes';
import { CTAU_MM, KAON_MASS_MEV, PION_MASS_MEV } from '../../units';
import { PILEUP_WINDOW_NS, type Category } from '../../na64e/context';
import type { Na64muContext } from '../context';
import { buildNa64muSignalModel } from '../signal';
import type { Na64muGeometry } from './geometry';
import { decayProbability, hardProbability } from './rates';

/** Hard interaction: energy transfer above this fraction of the nominal beam momentum (ε_H = 16 GeV at 160 GeV). */
export const HARD_FRACTION = 0.1;
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

export type BranchKind = 'muon' | 'forceB' | 'forceD' | 'forceAC' | 'beam-hadron' | 'beam-decay' | 'pile-up' | 'signal';

export interface Branch {
  kind: BranchKind;
  q: number;
}

/** The sampling part of the context: branches, weights, the process table and the signal class. */
export type Na64muSampling = Pick<
  Na64muContext,
  | 'hardMeV'
  | 'categories'
  | 'branches'
  | 'cumQ'
  | 'wMuon'
  | 'qIn'
  | 'pHardNominal'
  | 'hadronPi'
  | 'hadronK'
  | 'decayZ0'
  | 'decayZ1'
  | 'qHadron'
  | 'qDecay'
  | 'wPileup'
  | 'signal'
>;

/** True probabilities per MOT, sampling probabilities, branches and weights of a run with geometry `g`. */
export function na64muSampling(params: RunParams, g: Na64muGeometry): Na64muSampling {
  const { setup, p0MeV, ms1Up, ecal, ecalStack, hcals, hcalStack } = g;
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

  return {
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
    signal,
  };
}
