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
import { MECHANISM_TEXT, sampleAprimeEmission } from '../darkSector/signalModel';
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
  d.truth['signal model'] = `A′ → χχ̄ (m_A′ = ${mm} MeV, ε = ${model.signal.coupling.toExponential(2)}, α_D = ${model.alphaD})`;
  d.truth['production'] = MECHANISM_TEXT[em.mechanism];
  d.truth['m_A′ [MeV]'] = mm;
  d.truth['E_A′ [GeV]'] = r(em.eAprimeGeV, 3);
  d.truth[em.mechanism === 'annihilation' ? 'E(e⁺) annihilating [GeV]' : 'emitter energy [GeV]'] = r(em.emitterGeV, 3);
  if (em.mechanism !== 'annihilation') d.truth['x = E_A′/E_emitter'] = r(em.x, 5);
  d.truth['emission depth [X0]'] = r(em.depthX0, 2);
  d.truth['A′ per EOT (this model point)'] = model.pPerEot.toExponential(3);
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
  const how =
    em.mechanism === 'annihilation'
      ? `a shower positron of ${em.emitterGeV.toFixed(1)} GeV annihilated with an atomic electron into an A′ at ${em.depthX0.toFixed(1)} X0 (resonance E_R = m²/2m_e)`
      : `${em.mechanism === 'primary' ? 'the beam electron' : 'a shower e±'} of ${em.emitterGeV.toFixed(1)} GeV radiated an A′ of ${em.eAprimeGeV.toFixed(1)} GeV (x = ${em.x.toFixed(3)}) at ${em.depthX0.toFixed(1)} X0`;
  const visibleGeV = (main.e - (em.mechanism === 'annihilation' ? emitter : eA)) / GeV;
  const boxX = ctx.setup.defaultBox.xMaxGeV;
  const where =
    visibleGeV < boxX
      ? `below ${boxX} GeV: the event lands in the signal-box region (low E_ECAL, E_HCAL ≈ 0)`
      : `above ${boxX} GeV: too little missing energy for the default signal box, like most soft A′`;
  d.story.push(
    `Signal (simulated dark photon, m_A′ = ${mm} MeV): ${how}. The A′ decays at once into a dark-matter pair χχ̄ that crosses everything unseen, so the ECAL measures only ≈ ${visibleGeV.toFixed(1)} GeV and the HCAL nothing — ${where}. Its weight is the A′ yield per EOT divided by the signal fraction.`,
  );
}
