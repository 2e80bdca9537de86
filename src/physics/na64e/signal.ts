/**
 * A dark-photon signal event in the NA64e ECAL (category 'signal', doc/model-dark.md): the beam
 * electron arrives at the ECAL face as usual; an A′ is produced at a sampled depth by dark
 * bremsstrahlung of the primary or of a shower e±, or by resonant annihilation of a shower e⁺
 * (darkSector/signalModel.ts); it decays promptly to χχ̄ and escapes. The rest of the energy
 * showers: what was radiated before the emitter got its energy (an EM shower from the front) and
 * what the emitter keeps after the emission (an EM shower from the emission depth). So
 * E_ECAL ≈ E_beam − E_A′ and E_HCAL ≈ 0 (plus leakage and noise).
 * All measured quantities draw from `rng`; nothing display-only is random here.
 */
import { sampleAprimeEmission } from '../darkSector/signalModel';
import type { DetailRecorder } from '../eventOut';
import type { Rng } from '../rng';
import { GeV } from '../units';
import type { Incident } from './beamline';
import { emShowerInEcal, type CaloSums } from './calo';
import type { Na64eContext } from './context';

const r = (x: number, n: number) => Math.round(x * 10 ** n) / 10 ** n;

/** Simulate the ECAL part of a signal event for the electron `main` (energy main.e [MeV]). */
export function signalInEcal(ctx: Na64eContext, rng: Rng, sums: CaloSums, main: Incident, d: DetailRecorder | null): void {
  const model = ctx.signal!;
  const em = sampleAprimeEmission(model, rng, main.e / GeV, ctx.ecalDepthX0);
  const eA = em.eAprimeGeV * GeV;
  const emitter = em.emitterGeV * GeV;
  // energy radiated/shared before the emitter got its energy: from the front
  const eBefore = Math.max(0, main.e - emitter);
  // what the emitter keeps after emitting the A′ (an annihilating positron keeps nothing)
  const eAfter = em.mechanism === 'annihilation' ? 0 : Math.max(0, emitter - eA);
  emShowerInEcal(ctx, rng, sums, main, eBefore, 0, d);
  emShowerInEcal(ctx, rng, sums, main, eAfter, em.depthX0, d);
  sums.escapedMeV += em.mechanism === 'annihilation' ? emitter : eA;
  if (!d) return;
  const mm = model.signal.massMeV;
  d.truth.signalModel = { key: 'truthValue.aprimeModel', params: { massMeV: mm, epsilon: model.signal.coupling, alphaD: model.alphaD } };
  d.truth.production = { key: `truthValue.mechanism.${em.mechanism}` };
  d.truth.aprimeMassMeV = mm;
  d.truth.aprimeEnergyGeV = r(em.eAprimeGeV, 3);
  d.truth[em.mechanism === 'annihilation' ? 'annihilatingPositronGeV' : 'emitterGeV'] = r(em.emitterGeV, 3);
  if (em.mechanism !== 'annihilation') d.truth.aprimeFraction = r(em.x, 5);
  d.truth.emissionDepthX0 = r(em.depthX0, 2);
  d.truth.aprimePerEot = model.pPerEot;
  const mmPerX0 = ctx.ecal.lengthMm / ctx.ecalDepthX0;
  const z0 = ctx.ecal.zMm + em.depthX0 * mmPerX0;
  const last = ctx.hcals[ctx.hcals.length - 1] ?? ctx.veto;
  const z1 = last.zMm + last.lengthMm + 1500;
  const at = (z: number): [number, number, number] => [main.x + main.tx * (z - main.z), main.y + main.ty * (z - main.z), z];
  if (em.mechanism === 'primary' && main.trackIdx >= 0) d.tracks[main.trackIdx].points.push(...at(z0));
  d.track('chi', eA, [...at(z0), ...at(z1)], {
    invisible: true,
    note: `A′ (${mm} MeV) → χχ̄: invisible, carries ${(eA / GeV).toFixed(1)} GeV out of the setup`,
  });
  // story: how the A′ was made (story.e.signal.primary / .secondary / .annihilation), what the ECAL sees, where it lands
  d.say(`story.e.signal.${em.mechanism}`, { massMeV: mm, emitterGeV: em.emitterGeV, aprimeGeV: em.eAprimeGeV, fraction: em.x, depthX0: em.depthX0 });
  const visibleGeV = (main.e - (em.mechanism === 'annihilation' ? emitter : eA)) / GeV;
  const boxX = ctx.setup.defaultBox.xMaxGeV;
  d.say('story.e.signal.invisible', { visibleGeV });
  d.say(visibleGeV < boxX ? 'story.e.signal.belowBox' : 'story.e.signal.aboveBox', { boxGeV: boxX });
  d.say('story.e.signal.weight');
}
