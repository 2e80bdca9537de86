/**
 * Per-run precomputation for the NA64e event generator: geometry lookups, GFlash constants of the
 * ECAL, λ-segments for hadron showers, SR acceptance of the SRD, and the table of processes with
 * their true probabilities per EOT (p), biased sampling probabilities (q) and weights w = p/q.
 * Built once per run (and per worker); never mutated afterwards.
 */
import { gflashSampling, type GFlashSampling } from '../emShower';
import { E_OVER_H, type CaloSegment } from '../hadronShower';
import { lambdaIMm, lambdaPiMm, mipDedxMeVPerMm, x0Mm, type Material } from '../materials';
import type { RunParams } from '../params';
import { PROCESS_CODE, type ProcessLabel } from '../processes';
import { Rng } from '../rng';
import { LogGridTable } from '../math';
import { buildNa64eSetup } from '../setups/na64e';
import type { DetectorElement, SamplingStack, Setup } from '../setups/types';
import { spectrometerOf, type Spectrometer } from '../tracking';
import { CTAU_MM, GeV, KAON_MASS_MEV, PION_MASS_MEV } from '../units';
import { srSpectrumMoments } from '../synchrotron';
import { muMuConversionRatio } from '../dimuon';
import { photonuclearRatio } from './rates';
import { bremPhotonsPerX0 } from '../emShower';
import { buildNa64eSignalModel, type Na64eSignalModel } from '../darkSector/signalModel';

export interface Category {
  label: ProcessLabel;
  code: number;
  /** True probability per beam particle on target. */
  p: number;
  /** Sampling probability in the simulation (biased). */
  q: number;
  /** Weight p/q. */
  w: number;
}

/** Thickness of a sampling stack in X0 and in λ (nucleon and pion) and MIP deposit [MeV]. */
export function stackProperties(s: SamplingStack): { x0: number; lambdaI: number; lambdaPi: number; mipMeV: number; lengthMm: number } {
  const per = (f: (m: Material) => number) => s.absorberMm / f(s.absorber) + s.activeMm / f(s.active);
  return {
    x0: s.layers * per(x0Mm),
    lambdaI: s.layers * per(lambdaIMm),
    lambdaPi: s.layers * per(lambdaPiMm),
    mipMeV: s.layers * (s.absorberMm * mipDedxMeVPerMm(s.absorber) + s.activeMm * mipDedxMeVPerMm(s.active)),
    lengthMm: s.layers * (s.absorberMm + s.activeMm),
  };
}

/** Upstream material a beam electron crosses before the ECAL: thin planes plus air (ASSUME-AIR). */
export interface MaterialSlab {
  zMm: number;
  x0: number;
}

export interface Na64eContext {
  setup: Setup;
  params: RunParams;
  spec: Spectrometer;
  ecal: DetectorElement;
  ecalStack: SamplingStack;
  ecalG: GFlashSampling;
  ecalDepthX0: number;
  psDepthX0: number;
  ecalLambdaPi: number;
  ecalLambdaI: number;
  ecalMipMeV: number;
  veto: DetectorElement;
  vetoMipMeV: number;
  hcals: DetectorElement[];
  hcalStack: SamplingStack | null;
  hcalMipMeV: number;
  hcal0: DetectorElement;
  srd: DetectorElement;
  /** λ-segments for hadrons: ECAL, VETO, HCAL1..n (measured-scale response). */
  segmentsPi: CaloSegment[];
  segmentsN: CaloSegment[];
  categories: Category[];
  cumQ: Float64Array;
  /** SR: mean photon count × acceptance, critical energy [MeV] for the nominal beam; moments of x. */
  srAcceptance: number;
  srMoments: { mean: number; meanSq: number };
  /** Upstream slabs for beam-line interactions; total X0. */
  slabs: MaterialSlab[];
  slabsX0: number;
  /** Minimum y of a beam-line bremsstrahlung counted as an "upstream interaction". */
  upstreamYMin: number;
  /** Region where beam hadrons may decay: z from the first plane to the ECAL face. */
  decayZ0: number;
  decayZ1: number;
  /** P(K⁻ | a beam hadron decayed in the beam line) = mix_K P_K / Σ mix_i P_i. */
  decayKaonFraction: number;
  /** Minimum photon energy [MeV] of forced electro-/photo-nuclear reactions. */
  photonuclearEMinMeV: number;
  /** γ → μ⁺μ⁻: lowest photon energy [MeV] and σ_μμ/σ_pair tabulated in E_γ [MeV] (sampling). */
  dimuonEMinMeV: number;
  dimuonRatio: LogGridTable;
  /** σ_γA/σ_pair tabulated in E_γ [MeV] (sampling of the electronuclear photon energy). */
  photonuclearRatio: LogGridTable;
  /** Probability of pile-up of a second beam particle in the ECAL window. */
  pileupWindowNs: number;
  pileupResolveNs: number;
  /** Dark-sector (A′) signal of the run, or null (params.signal absent). */
  signal: Na64eSignalModel | null;
}

/** ASSUME-AIR: air over the beam line in the experimental area (x/X0 per metre = 1000/303900). */
export const AIR_X0_PER_M = 1000 / 303900;
/** ASSUME-AIR: fraction of the beam line in air (the rest in vacuum/helium). */
export const AIR_FRACTION = 0.5;
/** ASSUME-PILEUP: ECAL integration window half-width and time resolution separating two pulses [ns]. */
export const PILEUP_WINDOW_NS = 10;
export const PILEUP_RESOLVE_NS = 2;
/** Forced electronuclear reactions: only photons above this energy (lower ones stay inside the ECAL). */
export const PHOTONUCLEAR_EMIN_MEV = 5 * GeV;
/** "Upstream interaction" = bremsstrahlung with y > 0.05 in the beam line (softer ones are kept in em). */
export const UPSTREAM_YMIN = 0.05;

/** Lowest photon energy for γ → μ⁺μ⁻ (5 % above threshold 2 m_μ). */
export const DIMUON_EMIN_MEV = 2 * 105.66 * 1.05;
/** The sampled-ratio tables reach this multiple of the beam energy (beyond: direct evaluation). */
const RATIO_TABLE_EMAX = 1.2;

/** Biased sampling probabilities q (fractions of simulated events) per rare process. */
export const BIAS_Q: Partial<Record<ProcessLabel, number>> = {
  'beam-hadron': 0.02,
  'beam-decay': 0.01,
  dimuon: 0.02,
  'hadron-electroproduction': 0.03,
  'punch-through': 0.005,
  'upstream-interaction': 0.02,
};

export function makeNa64eContext(params: RunParams): Na64eContext {
  const setup = buildNa64eSetup({
    beamEnergyGeV: params.beamEnergyGeV,
    ecalLayers: params.ecalLayers,
    hcalModules: params.hcalModules,
    hadronFraction: params.hadronFraction,
  });
  const byId = (id: string) => setup.elements.find((e) => e.id === id)!;
  const ecal = byId('ECAL');
  const ecalStack = ecal.stack!;
  const ecalG = gflashSampling(ecalStack);
  const ep = stackProperties(ecalStack);
  const psStack = { ...ecalStack, layers: ecal.preshowerLayers ?? 0 };
  const veto = byId('VETO');
  const vp = stackProperties(veto.stack!);
  const hcals = setup.elements.filter((e) => e.role === 'hcal');
  const hcalStack = hcals[0]?.stack ?? null;
  const hp = hcalStack ? stackProperties(hcalStack) : null;
  const hcal0 = byId('HCAL0');
  const srd = byId('SRD');

  const seg = (pion: boolean): CaloSegment[] => [
    { id: 'ECAL', lambda: pion ? ep.lambdaPi : ep.lambdaI, x0PerLambda: ep.x0 / (pion ? ep.lambdaPi : ep.lambdaI), hadronResponse: 1 / E_OVER_H },
    { id: 'VETO', lambda: vp.lambdaI, x0PerLambda: vp.x0 / vp.lambdaI, hadronResponse: 1 },
    ...hcals.map((h) => ({
      id: h.id,
      lambda: pion ? hp!.lambdaPi : hp!.lambdaI,
      x0PerLambda: hp!.x0 / (pion ? hp!.lambdaPi : hp!.lambdaI),
      hadronResponse: 1,
    })),
  ];

  // --- SR acceptance of the SRD for the nominal beam (small deterministic MC) ---
  const spec = spectrometerOf(setup);
  const srAcceptance = srdAcceptance(setup, spec, params.beamEnergyGeV * GeV);

  // --- beam-line material ---
  const planes = setup.elements.filter((e) => e.role === 'tracker');
  const zEcal = ecal.zMm;
  const slabs: MaterialSlab[] = planes.map((p) => ({ zMm: p.zMm + p.lengthMm / 2, x0: p.x0Fraction ?? 0 }));
  const z0 = planes[0].zMm - 1000;
  for (let z = z0 + 500; z < zEcal; z += 1000) slabs.push({ zMm: z, x0: AIR_X0_PER_M * AIR_FRACTION * Math.min(1, (zEcal - z + 500) / 1000) });
  slabs.sort((a, b) => a.zMm - b.zMm);
  const slabsX0 = slabs.reduce((s, x) => s + x.x0, 0);

  // --- true probabilities per EOT ---
  const E0 = params.beamEnergyGeV * GeV;
  const h = params.hadronFraction;
  const mix = setup.beam.hadronMix;
  const L = zEcal - z0;
  const pDecayPi = 1 - Math.exp(-(L * PION_MASS_MEV) / (E0 * CTAU_MM.pion));
  const pDecayK = 1 - Math.exp(-(L * KAON_MASS_MEV) / (E0 * CTAU_MM.kaon));
  const pDecay = h * (mix.pion * pDecayPi + mix.kaon * pDecayK);
  const pHadron = h - pDecay;
  const pe = 1 - h;
  const pDimuon = pe * showerConversionIntegral(E0, DIMUON_EMIN_MEV, (e) => muMuConversionRatio(e / GeV, ecalStack.absorber));
  const pPhotoNuc = pe * showerConversionIntegral(E0, PHOTONUCLEAR_EMIN_MEV, (e) => photonuclearRatio(e, ecalStack.absorber));
  const pPunch = pPhotoNuc * LEADING_NEUTRAL_FRACTION;
  const pUpstream = pe * (1 - Math.exp(-slabsX0 * bremPhotonsPerX0(UPSTREAM_YMIN, 1)));
  const rare: [ProcessLabel, number][] = [
    ['beam-hadron', pHadron],
    ['beam-decay', pDecay],
    ['dimuon', pDimuon],
    ['hadron-electroproduction', pPhotoNuc - pPunch],
    ['punch-through', pPunch],
    ['upstream-interaction', pUpstream],
  ];
  const categories: Category[] = [];
  let sumP = 0;
  let sumQ = 0;
  for (const [label, p] of rare) {
    const q = p > 0 ? Math.max(BIAS_Q[label] ?? p, p) : 0;
    categories.push({ label, code: PROCESS_CODE[label], p, q, w: q > 0 ? p / q : 0 });
    sumP += p;
    sumQ += q;
  }
  if (params.pileup) {
    const p = 1 - Math.exp(-setup.beam.rateHz * 2 * PILEUP_WINDOW_NS * 1e-9);
    categories.push({ label: 'pile-up', code: PROCESS_CODE['pile-up'], p: p * (1 - sumP), q: p, w: 1 - sumP });
    sumP += p * (1 - sumP);
    sumQ += p;
  }
  // Dark-sector signal (doc/model-dark.md): a category of its own with p = A′ yield per EOT and
  // q = params.signal.fraction; the other sampling fractions shrink by (1 − q). Without a signal the
  // table is exactly the one above.
  const signal = params.signal ? buildNa64eSignalModel(params.signal, params.beamEnergyGeV, ecalStack) : null;
  if (signal) {
    const f = params.signal!.fraction;
    for (const c of categories) {
      c.q *= 1 - f;
      c.w = c.q > 0 ? c.p / c.q : 0;
    }
    const pSig = signal.pPerEot;
    categories.push({ label: 'signal', code: PROCESS_CODE.signal, p: pSig, q: f, w: pSig / f });
    const pEm = 1 - sumP - pSig;
    const qEm = (1 - sumQ) * (1 - f);
    categories.unshift({ label: 'em', code: PROCESS_CODE.em, p: pEm, q: qEm, w: qEm > 0 ? pEm / qEm : 0 });
  } else categories.unshift({ label: 'em', code: PROCESS_CODE.em, p: 1 - sumP, q: 1 - sumQ, w: (1 - sumP) / (1 - sumQ) });
  const cumQ = new Float64Array(categories.length);
  let acc = 0;
  categories.forEach((c, i) => {
    acc += c.q;
    cumQ[i] = acc;
  });
  cumQ[cumQ.length - 1] = 1;

  return {
    setup,
    params,
    spec,
    ecal,
    ecalStack,
    ecalG,
    ecalDepthX0: ep.x0,
    psDepthX0: stackProperties(psStack).x0,
    ecalLambdaPi: ep.lambdaPi,
    ecalLambdaI: ep.lambdaI,
    ecalMipMeV: ep.mipMeV,
    veto,
    vetoMipMeV: vp.mipMeV,
    hcals,
    hcalStack,
    hcalMipMeV: hp ? hp.mipMeV : 0,
    hcal0,
    srd,
    segmentsPi: seg(true),
    segmentsN: seg(false),
    categories,
    cumQ,
    srAcceptance,
    srMoments: srSpectrumMoments(),
    slabs,
    slabsX0,
    upstreamYMin: UPSTREAM_YMIN,
    decayZ0: z0,
    decayKaonFraction: (mix.kaon * pDecayK) / (mix.pion * pDecayPi + mix.kaon * pDecayK),
    decayZ1: zEcal,
    photonuclearEMinMeV: PHOTONUCLEAR_EMIN_MEV,
    dimuonEMinMeV: DIMUON_EMIN_MEV,
    dimuonRatio: new LogGridTable((e) => muMuConversionRatio(e / GeV, ecalStack.absorber), DIMUON_EMIN_MEV, RATIO_TABLE_EMAX * E0),
    photonuclearRatio: new LogGridTable((e) => photonuclearRatio(e, ecalStack.absorber), PHOTONUCLEAR_EMIN_MEV, Math.max(RATIO_TABLE_EMAX * E0, 2 * PHOTONUCLEAR_EMIN_MEV)),
    pileupWindowNs: PILEUP_WINDOW_NS,
    pileupResolveNs: PILEUP_RESOLVE_NS,
    signal,
  };
}

/**
 * ASSUME-LEADING-NEUTRAL: fraction of electronuclear reactions (E_γ > 5 GeV) in which a single
 * neutral hadron (n, K0_L) takes more than half of the photon energy. Order of magnitude from the
 * seeds' ALP analysis (seed 001: leading neutrons 0.02, leading K0 0.14 events in 2.84e11 EOT, for a
 * different selection); no direct source — shown as an assumption in doc/model.md.
 */
export const LEADING_NEUTRAL_FRACTION = 0.05;

/**
 * Expected number of photon conversions of a given kind in a full EM shower of energy E0 [MeV] for
 * photon energies above eMin [MeV]: ∫ (dℓ_γ/dE) (7/9)/X0 · R(E) dE with the Rossi approximation-B
 * photon track length dℓ_γ/dE = 0.572 X0 E0/E² (Rossi, High-Energy Particles (1952); PDG §34.5
 * uses the same approximation-B for the track length). R(E) = σ_kind/σ_pair.
 */
export function showerConversionIntegral(e0MeV: number, eMinMeV: number, ratio: (eMeV: number) => number): number {
  if (eMinMeV >= e0MeV) return 0;
  const n = 200;
  const l0 = Math.log(eMinMeV);
  const l1 = Math.log(e0MeV);
  let s = 0;
  for (let i = 0; i < n; i++) {
    const l = l0 + ((i + 0.5) * (l1 - l0)) / n;
    const e = Math.exp(l);
    // dE = e dl ;  0.572 * (7/9) * E0 / E^2 * R * E dl
    s += ((0.572 * 7) / 9) * (e0MeV / e) * ratio(e) * ((l1 - l0) / n);
  }
  return s;
}

/** Fraction of SR photons of the nominal beam electron that hit the SRD (deterministic MC, 4000 photons). */
function srdAcceptance(setup: Setup, spec: Spectrometer, e0MeV: number): number {
  const rng = new Rng(12345, 0, 7);
  const srd = setup.elements.find((e) => e.role === 'srd');
  if (!srd) return 0;
  const zS = srd.zMm;
  let hit = 0;
  const n = 4000;
  const k = (0.299792458 * spec.magnets[0].fieldT) / (e0MeV / 1000) / 1000;
  for (let i = 0; i < n; i++) {
    // emission point uniform in field length; slope before = sum of earlier bends
    const totalLen = spec.magnets.reduce((s, m) => s + (m.z1 - m.z0), 0);
    let u = rng.uniform() * totalLen;
    let slope = 0;
    let x = 0;
    let zPrev = spec.magnets[0].z0;
    let zEmit = zPrev;
    for (const m of spec.magnets) {
      x += slope * (m.z0 - zPrev);
      const len = m.z1 - m.z0;
      const kk = (0.299792458 * m.fieldT) / (e0MeV / 1000) / 1000;
      if (u <= len) {
        x += slope * u + 0.5 * kk * u * u;
        slope += kk * u;
        zEmit = m.z0 + u;
        break;
      }
      x += slope * len + 0.5 * kk * len * len;
      slope += kk * len;
      zPrev = m.z1;
      u -= len;
    }
    void k;
    const xS = x + slope * (zS - zEmit) + rng.gauss(0, setup.beam.spotSigmaMm);
    const yS = rng.gauss(0, setup.beam.spotSigmaMm);
    if (Math.abs(xS - srd.xMm) < srd.widthMm / 2 && Math.abs(yS - srd.yMm) < srd.heightMm / 2) hit++;
  }
  return hit / n;
}
