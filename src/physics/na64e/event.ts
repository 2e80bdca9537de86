/**
 * The NA64e event generator: one beam particle from the H4 line to the last HCAL module.
 *  1. process category (rare processes forced with weights, context.ts),
 *  2. beam particle and energy (σ_E/E = 1 %, seed 000),
 *  3. beam line: tracking, SR, forced upstream interaction / decay (beamline.ts),
 *  4. calorimeters (calo.ts), with the forced in-target processes: γ → μ⁺μ⁻ (region I),
 *     electronuclear reactions (region II) and a leading neutral escaping (punch-through),
 *  5. detector response (resolutions, noise) and the selection cuts.
 * Summary and detail use the same random stream for everything measured, so the re-simulated
 * event has exactly the summary's numbers; display-only randomness comes from a second stream.
 */
import { sampleBremFraction, smearResolution, NA64_ECAL_RESOLUTION } from '../emShower';
import { sampleMuonSharing } from '../dimuon';
import type { LogGridTable } from '../math';
import type { ParticleKind, TextLine } from '../detail';
import type { EventOut } from '../eventOut';
import { HCAL_STOCHASTIC } from '../hadronShower';
import type { Rng } from '../rng';
import { GeV, KAON_MASS_MEV, MUON_MASS_MEV, PION_MASS_MEV, PROTON_MASS_MEV, ELECTRON_MASS_MEV } from '../units';
import { detailRngOf, transportBeamline, transportBeamlineReplay, type BeamlineInteraction, type Incident } from './beamline';
import { isCharged } from './beamlineCommon';
import { linearReco, transportLinear } from './beamlineLinear';
import { CaloSums, OUTSIDE_INVISIBLE, OUTSIDE_MISSED, emShowerInEcal, hadronThroughCalos, hitsElement, landau, muonThroughCalos, outsideEcal } from './calo';
import type { Na64eContext } from './context';
import { signalInEcal } from './signal';

/** ASSUME-SRD-WINDOW: SRD "in the SR range" = 20 MeV < E_SRD < 1 GeV. */
export const SRD_MIN_MEV = 20;
export const SRD_MAX_MEV = 1000;
/** Hadron misidentification by an accidental SR tag, 1e-5 (seed 004 "S_π^SRD ~ 1e-5"). */
export const SRD_ACCIDENTAL_PROB = 1e-5;
/** Forced fraction of beam-hadron events given an accidental SR tag (weights keep the rate right). */
const SRD_ACCIDENTAL_FORCE = 0.5;
/** ASSUME-SRD-RES: relative resolution of the SRD energy measurement. */
export const SRD_RESOLUTION = 0.1;
/** ASSUME-HCAL-NOISE: electronic noise per HCAL module [MeV] (zero-suppressed readout, sum ≥ 0). */
export const HCAL_NOISE_MEV = 30;
/** ASSUME-VETO-NOISE [MeV]. */
export const VETO_NOISE_MEV = 0.3;
/** ASSUME-ANGLE-CUT: "small angle" of the incoming track, |θ| < 0.5 mrad. */
export const ANGLE_CUT_RAD = 0.5e-3;
/** ASSUME-SHOWER-SHAPE: preshower energy above 0.5 GeV (an electron shower starts in the PS). */
export const PRESHOWER_MIN_MEV = 500;

const sums = new CaloSums();
const NO_INTERACTION: BeamlineInteraction = { type: 'none' };
/** Fraction of simulated beam-line decays that are kaon decays (biased; weights restore the truth). */
const DECAY_KAON_BIAS = 0.5;

/** Simulate one event into `out` (out.detail set for full detail). */
export function simulateNa64eEvent(ctx: Na64eContext, rng: Rng, out: EventOut): void {
  out.reset();
  const d = out.detail;
  sums.reset();
  // 1. category
  const u = rng.uniform();
  let ci = 0;
  while (ci < ctx.cumQ.length - 1 && u >= ctx.cumQ[ci]) ci++;
  const cat = ctx.categories[ci];
  out.process = cat.code;
  out.weight = cat.w;
  const label = cat.label;

  // 2. beam particle
  let kind: ParticleKind = 'e-';
  let mass = ELECTRON_MASS_MEV;
  if (label === 'beam-hadron') {
    const mix = ctx.setup.beam.hadronMix;
    const v = rng.uniform();
    if (v < mix.pion) [kind, mass] = ['pi-', PION_MASS_MEV];
    else if (v < mix.pion + mix.kaon) [kind, mass] = ['K-', KAON_MASS_MEV];
    else [kind, mass] = ['pbar', PROTON_MASS_MEV];
  } else if (label === 'beam-decay') {
    // Which hadron decayed: true P(K | decay) = mix_K P_K / Σ mix_i P_i (kaons decay ~7× more per
    // metre); kaons are sampled in half of the decays (their e⁻ channels reach the box) and weighted.
    const pK = ctx.decayKaonFraction;
    if (rng.uniform() < DECAY_KAON_BIAS) {
      [kind, mass] = ['K-', KAON_MASS_MEV];
      out.weight *= pK / DECAY_KAON_BIAS;
    } else {
      [kind, mass] = ['pi-', PION_MASS_MEV];
      out.weight *= (1 - pK) / (1 - DECAY_KAON_BIAS);
    }
  }
  const e0 = ctx.params.beamEnergyGeV * GeV * (1 + ctx.setup.beam.sigmaEOverE * rng.normal());
  if (d) {
    d.beamParticle = kind;
    d.trueBeamEnergyGeV = e0 / GeV;
    d.truth.beamParticle = { key: 'truthValue.particle', params: { kind } };
    d.truth.beamEnergyGeV = round(e0 / GeV, 2);
  }

  // 3. beam line
  let inter: BeamlineInteraction = NO_INTERACTION;
  if (label === 'upstream-interaction') {
    let x = rng.uniform() * ctx.slabsX0;
    let z = ctx.slabs[ctx.slabs.length - 1].zMm;
    for (const s of ctx.slabs) {
      if (x < s.x0) {
        z = s.zMm;
        break;
      }
      x -= s.x0;
    }
    inter = { type: 'brem', z, y: sampleBremFraction(rng, ctx.upstreamYMin) };
  } else if (label === 'beam-decay') {
    inter = { type: 'decay', z: ctx.decayZ0 + rng.uniform() * (ctx.decayZ1 - ctx.decayZ0) };
  }
  // without a forced interaction the beam line is linear-Gaussian given e0: 7 normals (beamlineLinear.ts)
  const linear = inter.type === 'none' && isCharged(kind);
  const bl = linear
    ? transportLinear(ctx, rng, kind, mass, e0, d, d ? (z) => transportBeamlineReplay(ctx, kind, mass, e0, z, d) : null, d ? detailRngOf(d) : null)
    : transportBeamline(ctx, rng, kind, mass, e0, inter, d);
  const reco = linear ? linearReco : ctx.spec.reconstruct();
  out.pInMeV = bl.trackOk ? reco.pGeV * GeV : NaN;
  if (d && bl.interactionNote) d.story.push(bl.interactionNote);

  // SRD
  let srd = bl.srMeanMeV > 0 ? Math.max(0, rng.gauss(bl.srMeanMeV, Math.sqrt(bl.srVarMeV2))) : 0;
  if (label === 'beam-hadron' || (label === 'beam-decay' && srd === 0)) {
    if (rng.uniform() < SRD_ACCIDENTAL_FORCE) {
      srd += Math.max(0, rng.gauss(ctx.srAcceptance * 43 * 0.308 * 11.6, 40));
      out.weight *= SRD_ACCIDENTAL_PROB / SRD_ACCIDENTAL_FORCE;
      if (d) d.truth.srd = { key: 'truthValue.srdAccidental' };
    } else out.weight *= (1 - SRD_ACCIDENTAL_PROB) / (1 - SRD_ACCIDENTAL_FORCE);
  }
  out.eSrdMeV = srd * (1 + SRD_RESOLUTION * rng.normal());
  if (out.eSrdMeV < 0) out.eSrdMeV = 0;

  // 4. calorimeters
  let dtNs = 0;
  const main = bl.main;
  if (main) {
    if (hitsElement(main, ctx.ecal)) caloMain(ctx, rng, out, main, label, d);
    else if (d) d.story.push(outsideLine(main.kind, outsideEcal(ctx, rng, sums, main, d), main.e));
    else outsideEcal(ctx, rng, sums, main, d);
  }
  for (const n of bl.neutrals) {
    if (hitsElement(n, ctx.ecal)) {
      if (n.kind === 'gamma') emShowerInEcal(ctx, rng, sums, n, n.e, rng.exponential(9 / 7), d);
      else if (n.kind === 'hadrons') hadronThroughCalos(ctx, rng, sums, n, n.e, false, true, null, d);
      else if (n.kind === 'nu') sums.escapedMeV += n.e;
    } else {
      const where = outsideEcal(ctx, rng, sums, n, d);
      if (d) d.story.push(outsideLine(n.kind, where, n.e));
    }
  }
  if (label === 'pile-up') {
    dtNs = (2 * rng.uniform() - 1) * ctx.pileupWindowNs;
    pileUp(ctx, rng, Math.max(0, 1 - Math.abs(dtNs) / ctx.pileupWindowNs), d);
    if (d) d.truth.pileupDtNs = round(dtNs, 2);
  }

  // 5. response
  detectorResponse(ctx, rng, out);

  // cuts (order = setup.cuts)
  const nominal = ctx.params.beamEnergyGeV * GeV;
  let bits = 0;
  if (!(label === 'pile-up' && Math.abs(dtNs) > ctx.pileupResolveNs)) bits |= 1;
  if (Math.abs(out.pInMeV - nominal) < 0.03 * nominal && Math.abs(reco.slopeInX) < ANGLE_CUT_RAD && Math.abs(reco.slopeInY) < ANGLE_CUT_RAD) bits |= 2;
  if (out.eSrdMeV > SRD_MIN_MEV && out.eSrdMeV < SRD_MAX_MEV) bits |= 4;
  if (out.ePreshowerMeV > PRESHOWER_MIN_MEV) bits |= 8;
  if (out.eVetoMeV < ctx.params.vetoThresholdMeV) bits |= 16;
  if (out.eHcal0MeV < ctx.params.hcal0ThresholdGeV * GeV) bits |= 32;
  out.cutBits = bits;

  if (d) {
    d.truth.escapedGeV = round(sums.escapedMeV / GeV, 3);
    d.truth.srdMeanMeV = round(bl.srMeanMeV, 1);
    d.normaliseCells('ECAL', out.ePreshowerMeV, 0);
    d.normaliseCells('ECAL', Math.max(0, out.eEcalMeV - out.ePreshowerMeV), 1);
  }
}

/**
 * Step 5: resolutions and noise on the accumulated `sums` → the measured energies of `out` [MeV].
 * A function of its own (objects in, fields out): in the large event function V8's inlining budget
 * runs out, and every float passed to or returned from a call that is not inlined is boxed.
 */
function detectorResponse(ctx: Na64eContext, rng: Rng, out: EventOut): void {
  const res = NA64_ECAL_RESOLUTION;
  const ecalEm = smearResolution(rng, sums.ecalEm, res.stochastic, res.constant);
  const ecalHad = sums.ecalHad > 0 ? smearResolution(rng, sums.ecalHad, 0.5, 0.02) : 0;
  out.eEcalMeV = ecalEm + ecalHad + (sums.ecalMip > 0 ? sums.ecalMip * (1 + 0.05 * rng.normal()) : 0);
  out.ePreshowerMeV = Math.max(0, sums.ps > 0 ? smearResolution(rng, sums.ps, res.stochastic, 0.02) : 0);
  const hcalShower = sums.hcalEm + sums.hcalHad;
  let hcal = (hcalShower > 0 ? smearResolution(rng, hcalShower, HCAL_STOCHASTIC, 0.03) : 0) + sums.hcalMip;
  // independent noise of the nMod modules: their sum is one normal deviate with σ·√nMod
  const nMod = ctx.hcals.length;
  if (nMod > 0) hcal += HCAL_NOISE_MEV * Math.sqrt(nMod) * rng.normal();
  out.eHcalMeV = Math.max(0, hcal);
  out.eVetoMeV = Math.max(0, sums.veto + VETO_NOISE_MEV * rng.normal());
  out.eHcal0MeV = Math.max(0, sums.hcal0 + HCAL_NOISE_MEV * rng.normal());
}

/** The charged beam(-line) particle arriving in the ECAL. */
function caloMain(ctx: Na64eContext, rng: Rng, out: EventOut, main: Incident, label: string, d: EventOut['detail']): void {
  const e = main.e;
  if (main.kind === 'e-' || main.kind === 'e+') {
    if (label === 'signal' && ctx.signal) {
      signalInEcal(ctx, rng, sums, main, d);
      return;
    }
    if (label === 'dimuon') {
      const eg = samplePhotonEnergy(rng, e, ctx.dimuonEMinMeV, ctx.dimuonRatio);
      const tConv = Math.min(ctx.ecalDepthX0 - 1, rng.exponential(1) + rng.exponential(9 / 7));
      const xPlus = sampleMuonSharing(rng, eg / GeV);
      emShowerInEcal(ctx, rng, sums, main, e - eg, 0, d);
      const layer = Math.floor((tConv / ctx.ecalDepthX0) * ctx.ecalStack.layers);
      const muIn: Incident = { ...main };
      const eMuPlus = xPlus * eg;
      const left1 = muonThroughCalos(ctx, rng, sums, muIn, eMuPlus, layer, d);
      const left2 = muonThroughCalos(ctx, rng, sums, muIn, eg - eMuPlus, layer, d);
      sums.escapedMeV += left1 + left2;
      if (d) {
        d.truth.dimuonPhotonGeV = round(eg / GeV, 2);
        d.truth.conversionDepthX0 = round(tConv, 2);
        d.truth.muPlusGeV = round(eMuPlus / GeV, 1);
        d.truth.muMinusGeV = round((eg - eMuPlus) / GeV, 1);
        muonTracks(ctx, d, main, tConv, eMuPlus, eg - eMuPlus, left1, left2);
        d.say('story.e.dimuon', { photonGeV: eg / GeV, depthX0: tConv });
      }
      return;
    }
    if (label === 'hadron-electroproduction' || label === 'punch-through') {
      const eg = samplePhotonEnergy(rng, e, ctx.photonuclearEMinMeV, ctx.photonuclearRatio);
      const tInt = Math.min(ctx.ecalDepthX0 - 0.5, rng.exponential(1) + rng.exponential(9 / 7));
      const lambdaStart = tInt / ctx.segmentsN[0].x0PerLambda;
      emShowerInEcal(ctx, rng, sums, main, e - eg, 0, d);
      let eHad = eg;
      if (label === 'punch-through') {
        const xLead = 0.5 + 0.5 * rng.uniform();
        const isK0 = rng.uniform() < 0.5;
        const segs = isK0 ? ctx.segmentsPi : ctx.segmentsN;
        let lambdaLeft = -lambdaStart * (isK0 ? ctx.ecalLambdaPi / ctx.ecalLambdaI : 1);
        for (const s of segs) lambdaLeft += s.lambda;
        const pSurvive = Math.exp(-lambdaLeft);
        out.weight *= pSurvive;
        const eLead = xLead * eg;
        eHad = eg - eLead;
        sums.escapedMeV += eLead;
        if (d) {
          d.truth.leadingNeutral = { key: 'truthValue.particle', params: { kind: isK0 ? 'K0L' : 'n' } };
          d.truth.leadingNeutralGeV = round(eLead / GeV, 2);
          d.truth.pNoInteraction = pSurvive;
          const z0 = ctx.ecal.zMm + (tInt / ctx.ecalDepthX0) * ctx.ecal.lengthMm;
          const last = ctx.hcals[ctx.hcals.length - 1] ?? ctx.veto;
          const z1 = last.zMm + last.lengthMm + 1500;
          d.track(isK0 ? 'K0L' : 'n', eLead, [main.x + main.tx * (z0 - main.z), main.y, z0, main.x + main.tx * (z1 - main.z), main.y, z1], {
            invisible: true,
            note: 'leading neutral hadron escaping without interacting (forced, weighted)',
          });
          d.say(isK0 ? 'story.e.punchThroughK0' : 'story.e.punchThroughNeutron', { photonGeV: eg / GeV, leadGeV: eLead / GeV, probability: pSurvive });
        }
      } else if (d) {
        d.say('story.e.electronuclear', { photonGeV: eg / GeV, depthX0: tInt });
      }
      if (d) {
        d.truth.electronuclearPhotonGeV = round(eg / GeV, 2);
        d.truth.interactionDepthX0 = round(tInt, 2);
      }
      if (eHad > 0) hadronThroughCalos(ctx, rng, sums, main, eHad, true, false, lambdaStart, d);
      return;
    }
    emShowerInEcal(ctx, rng, sums, main, e, 0, d);
    if (d && d.story.length === 0) d.say('story.e.electron', { energyGeV: e / GeV });
    return;
  }
  if (main.kind === 'mu-' || main.kind === 'mu+') {
    const left = muonThroughCalos(ctx, rng, sums, main, e, 0, d);
    sums.escapedMeV += left;
    if (d) {
      extendTrack(ctx, d, main, left);
      d.say('story.e.muon', { energyGeV: e / GeV });
    }
    return;
  }
  // hadron
  const nucleon = main.kind === 'pbar';
  hadronThroughCalos(ctx, rng, sums, main, e, nucleon, true, null, d);
  if (d) {
    extendTrack(ctx, d, main, 0);
    d.say('story.e.hadron', { kind: main.kind, energyGeV: e / GeV });
  }
}

/** Pile-up: a second beam particle whose pulse overlaps by fraction f with the event's window. */
function pileUp(ctx: Na64eContext, rng: Rng, f: number, d: EventOut['detail']): void {
  const isHadron = rng.uniform() < ctx.params.hadronFraction * 20; // enriched; ASSUME-PILEUP-MIX
  const e = ctx.params.beamEnergyGeV * GeV * (1 + ctx.setup.beam.sigmaEOverE * rng.normal());
  const inc: Incident = { kind: isHadron ? 'pi-' : 'e-', e, x: ctx.ecal.xMm + rng.gauss(0, 6), y: rng.gauss(0, 6), z: ctx.ecal.zMm, tx: 0, ty: 0, trackIdx: -1 };
  const before = { em: sums.ecalEm, had: sums.ecalHad, ps: sums.ps, hem: sums.hcalEm, hh: sums.hcalHad, veto: sums.veto };
  if (isHadron) hadronThroughCalos(ctx, rng, sums, inc, e, false, true, null, null);
  else emShowerInEcal(ctx, rng, sums, inc, e, 0, null);
  // only the overlapping fraction of the second pulse is integrated
  sums.ecalEm = before.em + (sums.ecalEm - before.em) * f;
  sums.ecalHad = before.had + (sums.ecalHad - before.had) * f;
  sums.ps = before.ps + (sums.ps - before.ps) * f;
  sums.hcalEm = before.hem + (sums.hcalEm - before.hem) * f;
  sums.hcalHad = before.hh + (sums.hcalHad - before.hh) * f;
  sums.veto = before.veto + (sums.veto - before.veto) * f;
  if (d) d.say('story.e.pileup', { kind: isHadron ? 'pi-' : 'e-', percent: f * 100 });
}

/** Story line of a particle that misses the ECAL (`where` as returned by outsideEcal). */
function outsideLine(kind: ParticleKind, where: string, eMeV: number): TextLine {
  const energyGeV = eMeV / GeV;
  if (where === OUTSIDE_INVISIBLE) return { key: 'story.e.outsideInvisible', params: { kind, energyGeV } };
  if (where === OUTSIDE_MISSED) return { key: 'story.e.outsideMissed', params: { kind, energyGeV } };
  return { key: 'story.e.outsideHits', params: { kind, energyGeV, element: where } };
}

/**
 * Sample a photon energy from the shower's conversion spectrum ∝ R(E)/E² on [eMin, e0]
 * (track length 1/E² × reaction ratio), by rejection against 1/E² with R's maximum (the table's
 * maximum over its grid, which covers [eMin, e0]; 5 % margin for the interpolation).
 */
function samplePhotonEnergy(rng: Rng, e0: number, eMin: number, ratio: LogGridTable): number {
  const rMax = Math.max(ratio.max, ratio.at(e0)) * 1.05;
  for (let i = 0; i < 1000; i++) {
    const inv = 1 / eMin - rng.uniform() * (1 / eMin - 1 / e0);
    const e = 1 / inv;
    if (rng.uniform() * rMax < ratio.at(e)) return e;
  }
  return e0 * 0.5;
}

function extendTrack(ctx: Na64eContext, d: NonNullable<EventOut['detail']>, inc: Incident, leftMeV: number): void {
  if (inc.trackIdx < 0) return;
  const last = ctx.hcals[ctx.hcals.length - 1] ?? ctx.veto;
  const z1 = leftMeV > 0 ? last.zMm + last.lengthMm + 1500 : ctx.ecal.zMm + ctx.ecal.lengthMm * 0.5;
  d.tracks[inc.trackIdx].points.push(inc.x + inc.tx * (z1 - inc.z), inc.y + inc.ty * (z1 - inc.z), z1);
}

function muonTracks(ctx: Na64eContext, d: NonNullable<EventOut['detail']>, main: Incident, tConv: number, e1: number, e2: number, left1: number, left2: number) {
  const z0 = ctx.ecal.zMm + (tConv / ctx.ecalDepthX0) * ctx.ecal.lengthMm;
  const last = ctx.hcals[ctx.hcals.length - 1] ?? ctx.veto;
  const zEnd = last.zMm + last.lengthMm + 1500;
  const x0 = main.x + main.tx * (z0 - main.z);
  const y0 = main.y + main.ty * (z0 - main.z);
  const rng = { a: 0.004 * (MUON_MASS_MEV / Math.max(e1, 1)) * 50 };
  const mk = (kind: 'mu+' | 'mu-', e: number, left: number, sign: number) => {
    const z1 = left > 0 ? zEnd : z0 + 3000;
    const ang = sign * Math.min(0.01, rng.a + 0.3 / Math.max(e / GeV, 1) / 100);
    d.track(kind, e, [x0, y0, z0, x0 + (main.tx + ang) * (z1 - z0), y0, z1], { note: left > 0 ? 'leaves the setup' : 'stops' });
  };
  mk('mu+', e1, left1, 1);
  mk('mu-', e2, left2, -1);
}

export function round(x: number, n: number): number {
  const f = 10 ** n;
  return Math.round(x * f) / f;
}

void landau;
