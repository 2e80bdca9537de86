/**
 * The NA64μ event generator: one beam particle from BMS1 to the last HCAL module.
 *  1. branch (rare processes forced with weights, context.ts: balance-heuristic weights),
 *  2. beam particle and momentum (160 GeV μ⁻, or a π⁻/K⁻ of the contamination), position and
 *     slope at the MS1 exit (ASSUME-NA64MU-BEAM), back-tracked to BMS1,
 *  3. MS1 (beamline.ts): bending, a forced decay in flight, the incoming-track quality and the
 *     measured p_in = p_MS1 × (1 + 0.038 N) (published resolution, seed 000),
 *  4. calorimeters and MS2 (calo.ts): the muon crosses the ECAL (continuous + discrete losses,
 *     forced hard brems/pair or photonuclear), the VETO, the VHCAL hole, MS2 (measured
 *     p_out = p × (1 + 0.044 N)), ST11 and the HCAL modules (forced hard photonuclear);
 *  5. detector response (resolutions, Landau, noise) and the selection cuts (order = setup.cuts).
 * Z′ signal events (branch 'signal', signal.ts): a beam muon that emits a Z′ → νν̄ in the ECAL
 * (calo.ts, force 'Z'); weight = Z′ yield per MOT / signal fraction.
 * Summary and detail use the same random stream for everything measured (no draw depends on the
 * detail mode); display-only randomness comes from the detail stream (detailRngOf).
 */
import type { ParticleKind, TextLine } from '../detail';
import type { EventOut } from '../eventOut';
import { NA64_ECAL_RESOLUTION, smearResolution } from '../emShower';
import { HCAL_STOCHASTIC } from '../hadronShower';
import { PROCESS_CODE, type ProcessLabel } from '../processes';
import type { Rng } from '../rng';
import { CTAU_MM, ELECTRON_MASS_MEV, GeV, KAON_MASS_MEV, MUON_MASS_MEV, PION_MASS_MEV } from '../units';
import { landau } from '../na64e/calo';
import { HCAL_NOISE_MEV, VETO_NOISE_MEV, round } from '../na64e/event';
import { beamState, transportMs1, type Ms1Result } from './beamline';
import { MuSums, chargedDownstream, hadronFromEcalFace, neutralToCalos, type Downstream, type Force } from './calo';
import { KAON_DECAY_FORCE, decayProbability, type Na64muContext } from './context';
import { zprimeDetail } from './signal';

/** ASSUME-NA64MU-VHCAL-THR: "no VHCAL activity" = E_VHCAL < 0.5 GeV (noise 30 MeV, a crossing muon ≈ 1 GeV). */
export const VHCAL_THRESHOLD_MEV = 500;
/**
 * ASSUME-NA64MU-MIP-WINDOW: HCAL energy compatible with one MIP = within [0.4, 2.5] × the mean
 * muon deposit at the nominal momentum (Landau tail and the frequent small radiative losses inside).
 */
export const HCAL_MIP_WINDOW = [0.4, 2.5] as const;
/** Incoming-momentum window: 160 ± 20 GeV (seed 000), i.e. ±12.5 % of the nominal momentum. */
export const P_IN_WINDOW = 20 / 160;

const sums = new MuSums();

/** Simulate one event into `out` (out.detail set for full detail). */
export function simulateNa64muEvent(ctx: Na64muContext, rng: Rng, out: EventOut): void {
  out.reset();
  const d = out.detail;
  sums.reset(ctx.hcals.length);
  // 1. branch
  const u = rng.uniform();
  let bi = 0;
  while (bi < ctx.cumQ.length - 1 && u >= ctx.cumQ[bi]) bi++;
  const branch = ctx.branches[bi].kind;

  // 2. beam particle
  const pBeam = ctx.p0MeV * (1 + ctx.beamSigma * rng.normal());
  let kind: ParticleKind = 'mu-';
  let mass = MUON_MASS_MEV;
  let weight = 1;
  let label: ProcessLabel = 'muon';
  let decayZ: number | null = null;
  if (branch === 'beam-hadron' || branch === 'beam-decay') {
    const h = ctx.hadronPi + ctx.hadronK;
    const isK = branch === 'beam-decay' ? rng.uniform() < KAON_DECAY_FORCE : rng.uniform() * h < ctx.hadronK;
    [kind, mass] = isK ? ['K-', KAON_MASS_MEV] : ['pi-', PION_MASS_MEV];
    const hs = isK ? ctx.hadronK : ctx.hadronPi;
    const ctau = isK ? CTAU_MM.kaon : CTAU_MM.pion;
    const L = ctx.decayZ1 - ctx.decayZ0;
    const pDec = decayProbability(mass, ctau, pBeam, L);
    if (branch === 'beam-decay') {
      // decay point: exponential in z truncated to [decayZ0, decayZ1]
      const lam = (pBeam * ctau) / mass;
      decayZ = ctx.decayZ0 - lam * Math.log(1 - rng.uniform() * pDec);
      weight = (hs * pDec) / (ctx.qDecay * (isK ? KAON_DECAY_FORCE : 1 - KAON_DECAY_FORCE));
      label = 'beam-decay';
    } else {
      // species drawn with probability h_s/h: w = (h_s (1 − P_s)) / (q h_s/h)
      weight = (h * (1 - pDec)) / ctx.qHadron;
      label = 'beam-hadron';
    }
  } else if (branch === 'pile-up') {
    weight = ctx.wPileup;
    label = 'pile-up';
  } else if (branch === 'signal' && ctx.signal) {
    weight = ctx.signal.w;
    label = 'signal';
  }
  if (d) {
    d.beamParticle = kind;
    d.trueBeamEnergyGeV = Math.sqrt(pBeam * pBeam + mass * mass) / GeV;
    d.truth.beamParticle = { key: 'truthValue.particle', params: { kind } };
    d.truth.pInTrueGeV = round(pBeam / GeV, 2);
  }

  // 3. MS1
  const st = beamState(ctx, rng, pBeam);
  const ms1 = transportMs1(ctx, rng, kind, mass, st, decayZ, d);
  out.pInMeV = ms1.pEffMeV > 0 ? ms1.pEffMeV * (1 + ctx.ms1Resolution * rng.normal()) : NaN;

  // 4. calorimeters and MS2
  const force: Force = branch === 'forceB' ? 'B' : branch === 'forceD' ? 'D' : branch === 'forceAC' ? 'AC' : branch === 'signal' ? 'Z' : null;
  let ds: Downstream | null = null;
  const ch = ms1.charged;
  if (ch) {
    if (ch.kind === 'mu-') ds = chargedDownstream(ctx, rng, sums, ch.state, 'mu-', force, d, ch.trackIdx);
    else if (ch.kind === 'e-' || ch.kind === 'e+') {
      // K_e3 electron: showers where its line meets the calorimeters (as a neutral: no MS2 track)
      const st = ch.state;
      neutralToCalos(ctx, rng, sums, { kind: 'e-', e: Math.hypot(st.p, ELECTRON_MASS_MEV), x: st.x, y: st.y, z: st.z, tx: st.tx, ty: st.ty, trackIdx: ch.trackIdx }, d);
    }
    else ds = hadronFromEcalFace(ctx, rng, sums, ch.state, ch.kind, d, ch.trackIdx);
  }
  for (const n of ms1.neutrals) neutralToCalos(ctx, rng, sums, n, d);
  let dtNs = 0;
  if (branch === 'pile-up') {
    dtNs = (2 * rng.uniform() - 1) * ctx.pileupWindowNs;
    pileUp(ctx, rng, Math.max(0, 1 - Math.abs(dtNs) / ctx.pileupWindowNs), d);
  }
  const pTrue = ds && ds.alive ? ds.pMs2MeV : 0;
  const pOutDraw = rng.normal();
  out.pOutMeV = pTrue > 0 ? Math.max(0, pTrue * (1 + ctx.ms2Resolution * pOutDraw)) : 0;

  // muon events: label by outcome and the balance-heuristic weight
  if (branch === 'muon' || branch === 'forceB' || branch === 'forceD' || branch === 'forceAC') {
    const h = sums.hard;
    const t = (has: boolean, p: number) => (p > 0 ? (has ? 1 / p : 0) : 1);
    const denom = ctx.qIn.nat + ctx.qIn.B * t(h.ecalEm, h.pB) + ctx.qIn.D * t(h.ecalNucl, h.pD) + ctx.qIn.AC * t(h.hcalNucl, h.pAC);
    weight = ctx.wMuon / denom;
    label = h.ecalNucl || h.hcalNucl || h.otherNucl ? 'muon-nuclear' : h.ecalEm || h.otherEm ? 'muon-brems' : 'muon';
  }
  out.process = PROCESS_CODE[label];
  out.weight = weight;

  // 5. response
  const res = NA64_ECAL_RESOLUTION;
  const ecalMip = sums.ecalMip > 0 ? landau(rng, sums.ecalMip) : 0;
  const ecalEm = smearResolution(rng, sums.ecalEm, res.stochastic, res.constant);
  const ecalHad = smearResolution(rng, sums.ecalHad, 0.5, 0.02);
  out.eEcalMeV = ecalMip + ecalEm + ecalHad;
  const ecalTrue = sums.ecalMip + sums.ecalEm + sums.ecalHad;
  out.ePreshowerMeV = ecalTrue > 0 ? (out.eEcalMeV * sums.ps) / ecalTrue : 0;
  out.eVetoMeV = Math.max(0, sums.veto + VETO_NOISE_MEV * rng.normal());
  const vhMip = sums.vhcalMip > 0 ? landau(rng, sums.vhcalMip) : 0;
  out.eVhcalMeV = Math.max(0, vhMip + smearResolution(rng, sums.vhcalShower, HCAL_STOCHASTIC, 0.03) + HCAL_NOISE_MEV * rng.normal());
  const nMod = ctx.hcals.length;
  let hcal = 0;
  let hcalShower = 0;
  for (let m = 0; m < nMod; m++) {
    if (sums.hcalMip[m] > 0) hcal += landau(rng, sums.hcalMip[m]);
    hcalShower += sums.hcalShower[m];
  }
  hcal += smearResolution(rng, hcalShower, HCAL_STOCHASTIC, 0.03);
  for (let m = 0; m < nMod; m++) hcal += HCAL_NOISE_MEV * rng.normal();
  out.eHcalMeV = Math.max(0, hcal);

  // cuts (order = setup.cuts)
  const p0 = ctx.p0MeV;
  const mipSum = ctx.hcalMuonMipMeV * nMod;
  let bits = 0;
  if (!(branch === 'pile-up' && Math.abs(dtNs) > ctx.pileupResolveNs)) bits |= 1;
  if (ms1.trackOk && branch !== 'pile-up' && Math.abs(out.pInMeV - p0) < P_IN_WINDOW * p0) bits |= 2;
  if (ds && ds.alive && ds.inAcceptance && sums.extraHits === 0 && out.pOutMeV > 0) bits |= 4;
  if (out.eVetoMeV < ctx.vetoMipMeV + ctx.params.vetoThresholdMeV) bits |= 8;
  if (out.eVhcalMeV < VHCAL_THRESHOLD_MEV) bits |= 16;
  if (nMod === 0 || (ds !== null && ds.hitsHcal && out.eHcalMeV > HCAL_MIP_WINDOW[0] * mipSum && out.eHcalMeV < HCAL_MIP_WINDOW[1] * mipSum)) bits |= 32;
  out.cutBits = bits;

  if (d) finishDetail(ctx, d, out, ms1, ds, label, dtNs);
}

const inBox = (b: { xMinGeV: number; xMaxGeV: number; yMinGeV: number; yMaxGeV: number }, x: number, y: number) =>
  x >= b.xMinGeV && x < b.xMaxGeV && y >= b.yMinGeV && y < b.yMaxGeV;

/** Pile-up: a second beam muon whose pulses overlap by fraction f with the event's window (mean MIP deposits). */
function pileUp(ctx: Na64muContext, rng: Rng, f: number, d: EventOut['detail']): void {
  sums.ecalMip += f * ctx.ecalMuonMipMeV;
  sums.ps += (f * ctx.ecalMuonMipMeV * ctx.psLayers) / ctx.ecalStack.layers;
  sums.veto += f * landau(rng, ctx.vetoMipMeV);
  for (let m = 0; m < ctx.hcals.length; m++) sums.hcalMip[m] += f * ctx.hcalMuonMipMeV;
  if (d) {
    d.say('story.mu.pileup', { percent: f * 100 });
  }
}

function finishDetail(
  ctx: Na64muContext,
  d: NonNullable<EventOut['detail']>,
  out: EventOut,
  ms1: Ms1Result,
  ds: Downstream | null,
  label: ProcessLabel,
  dtNs: number,
): void {
  if (label === 'pile-up') d.truth.pileupDtNs = round(dtNs, 2);
  d.truth.pMs1BendGeV = round(ms1.pEffMeV / GeV, 2);
  if (ds) {
    d.truth.pMs2TrueGeV = round(ds.pMs2MeV / GeV, 2);
    d.truth.inMs2Acceptance = { key: ds.inAcceptance ? 'truthValue.yes' : 'truthValue.no' };
  }
  if (sums.extraHits > 0) d.truth.extraTracks = sums.extraHits;
  d.truth.escapedGeV = round(sums.escapedMeV / GeV, 2);
  d.truth.hardInteractions = sums.hardNotes.length > 0 ? sums.hardNotes.slice() : { key: 'truthValue.none' };
  if (ms1.note) d.story.unshift(ms1.note);
  const pIn = out.pInMeV / GeV;
  const pOut = out.pOutMeV / GeV;
  const eSum = (out.eEcalMeV + out.eVhcalMeV + out.eHcalMeV) / GeV;
  // every region sentence ends with where the event lies: p_out = {{pOutGeV}} GeV, E_ECAL + E_VHCAL + E_HCAL = {{caloGeV}} GeV
  const where = { pOutGeV: pOut, caloGeV: eSum };
  const region: Partial<Record<ProcessLabel, TextLine>> = {
    muon: { key: 'story.mu.muon', params: where },
    'muon-brems': { key: sums.hard.ecalEm ? 'story.mu.bremsEcal' : 'story.mu.bremsAfterMs2', params: where },
    'muon-nuclear': sums.hard.hcalNucl
      ? { key: 'story.mu.nuclearHcal', params: where }
      : pIn - pOut - eSum > 2 * Math.hypot(ctx.ms1Resolution * pIn, ctx.ms2Resolution * pOut, 0.5 * Math.sqrt(eSum))
        ? { key: 'story.mu.nuclearEcalBelow', params: { ...where, deficitGeV: pIn - pOut - eSum } }
        : { key: 'story.mu.nuclearEcalNear', params: where },
    'beam-hadron': { key: 'story.mu.beamHadron', params: { ...where, kind: d.beamParticle } },
    'beam-decay': { key: 'story.mu.beamDecay', params: { ...where, kind: d.beamParticle, pInGeV: pIn } },
    'pile-up': { key: 'story.mu.pileupWhere', params: where },
  };
  if (label === 'signal' && ctx.signal) {
    const last = ctx.hcals[ctx.hcals.length - 1] ?? ctx.vhcal;
    zprimeDetail(ctx.signal, d, sums.zprime, {
      zEnd: last.zMm + last.lengthMm + 1500,
      x0PerMm: ctx.ecalDepthX0 / ctx.ecal.lengthMm,
      boxXMaxGeV: ctx.setup.defaultBox.xMaxGeV,
      pOutGeV: pOut,
      caloGeV: eSum,
      inBox: out.cutBits === (1 << ctx.setup.cuts.length) - 1 && inBox(ctx.setup.defaultBox, pOut, eSum),
    });
  } else {
    const line = region[label];
    if (line) d.story.push(line);
  }
  if (label === 'muon' && sums.hardNotes.length === 0 && d.story.length === 1 && out.cutBits === (1 << ctx.setup.cuts.length) - 1) {
    d.say('story.mu.passesAll');
  }
  // cells: normalise to the measured totals
  d.normaliseCells('ECAL', out.ePreshowerMeV, 0);
  d.normaliseCells('ECAL', Math.max(0, out.eEcalMeV - out.ePreshowerMeV), 1);
  d.normaliseCells('VETO', out.eVetoMeV);
  d.normaliseCells('VHCAL', out.eVhcalMeV);
  let hTrue = 0;
  for (let m = 0; m < ctx.hcals.length; m++) hTrue += sums.hcalMip[m] + sums.hcalShower[m];
  for (let m = 0; m < ctx.hcals.length; m++) {
    const share = hTrue > 0 ? (sums.hcalMip[m] + sums.hcalShower[m]) / hTrue : 0;
    d.normaliseCells(ctx.hcals[m].id, out.eHcalMeV * share);
  }
}
