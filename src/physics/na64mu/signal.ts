/**
 * The Z′ (L_μ − L_τ) signal of the NA64μ generator (doc/model-zprime.md): μN → μNZ′ in the ECAL
 * (the active target), Z′ → νν̄ invisible.
 *  - per run: the yield per MOT of the model point (NA64μ Eq. (6), darkSector/yield.ts
 *    `zprimeYieldPerMot`, all E_Z′, × Br(Z′ → invisible)) = the true probability p of the 'signal'
 *    category, and the emission-depth distribution ∝ n σ(E_μ) ΔL slab by slab (Pb and Sc separately,
 *    uniform inside a slab, E_μ stepped with the mean energy loss);
 *  - per event: the beam muon crosses the ECAL with its normal stochastic losses; at the sampled
 *    depth it emits a Z′ with x = E_Z′/E_μ drawn from the WW spectrum at its actual energy there
 *    (`sampleZprimeEmission`, conditioned on nothing) and continues with (1 − x)E_μ, kinked by
 *    ψ_μ = xθ_Z′/(1 − x). So p_out ≈ (1 − x) p_in with MIP-like calorimeters: x ≳ 0.5 puts the event
 *    into the signal box (p_out < 80 GeV).
 * Named assumptions: ASSUME-ZPRIME-ANGLE (zprime.ts); ASSUME-ZPRIME-WEIGHT: the weight p/q does not
 * depend on the event's beam momentum (σ changes by < 1 % over the 5 % momentum spread).
 * Everything measured draws from the event stream; the detail (Z′ line, truth, story) draws nothing.
 */
import type { ZprimeEmission } from '../darkSector/zprime';
import { zprimeYieldPerMot, type ZprimeYield } from '../darkSector/yield';
import type { DetailRecorder } from '../eventOut';
import type { Material } from '../materials';
import type { SignalParams } from '../params';
import type { Rng } from '../rng';
import type { SamplingStack } from '../setups/types';
import { GeV } from '../units';

export interface Na64muSignalModel {
  signal: SignalParams;
  massMeV: number;
  gZprime: number;
  /** Z′ → νν̄ per MOT (the 'signal' category's p). */
  pPerMot: number;
  /** Sampling fraction q and weight w = p/q. */
  q: number;
  w: number;
  yield: ZprimeYield;
}

/** Build the Z′ signal model for an NA64μ run (throws for an A′: it is radiated by electrons). */
export function buildNa64muSignalModel(
  signal: SignalParams,
  beamEnergyGeV: number,
  stack: SamplingStack,
): Na64muSignalModel {
  if (signal.model !== 'zprime')
    throw new RangeError(
      `the NA64μ generator produces Z′ (L_μ − L_τ) signal only (got '${signal.model}'): the A′ is radiated by electrons; use the NA64e setup`,
    );
  const y = zprimeYieldPerMot({ massMeV: signal.massMeV, gZprime: signal.coupling }, beamEnergyGeV, stack);
  return {
    signal,
    massMeV: signal.massMeV,
    gZprime: signal.coupling,
    pPerMot: y.perMot,
    q: signal.fraction,
    w: y.perMot / signal.fraction,
    yield: y,
  };
}

/** Where in the stack the Z′ is emitted: layer, absorber or active slab, fraction of the slab crossed. */
export interface ZprimePoint {
  layer: number;
  active: boolean;
  /** Fraction of the slab thickness before the emission point. */
  frac: number;
}

/** Sample the emission point (one uniform from the event stream); null when nothing can be emitted. */
export function sampleZprimePoint(
  model: Na64muSignalModel,
  rng: Rng,
  stack: SamplingStack,
): ZprimePoint | null {
  const cdf = model.yield.depthMmCdf;
  const u = rng.uniform();
  if (!cdf) return null;
  const period = stack.absorberMm + stack.activeMm;
  const depth = cdf.quantile(u);
  const layer = Math.min(stack.layers - 1, Math.max(0, Math.floor(depth / period)));
  const inLayer = depth - layer * period;
  const active = inLayer >= stack.absorberMm && stack.activeMm > 0;
  const frac = active
    ? (inLayer - stack.absorberMm) / stack.activeMm
    : stack.absorberMm > 0
      ? inLayer / stack.absorberMm
      : 0;
  return { layer, active, frac: Math.min(1, Math.max(0, frac)) };
}

/** One Z′ emission of an event, with where it happened (filled by the calorimeter stage). */
export interface ZprimeRecord extends ZprimeEmission {
  /** Muon energy just before the emission [MeV]. */
  eMuMeV: number;
  /** Depth from the ECAL face [mm] and the slab material. */
  depthMm: number;
  material: Material;
  /** Emission point [mm] and the incoming muon direction (lab). */
  xMm: number;
  yMm: number;
  zMm: number;
  txIn: number;
  tyIn: number;
}

const r = (x: number, n: number) => Math.round(x * 10 ** n) / 10 ** n;

/**
 * Detail of a signal event: the invisible Z′ line ('chi', note 'Z′ → νν̄ (invisible)'), the truth
 * fields and the story sentence. `zEnd` is where the line stops; `x0PerMm` converts the depth.
 */
export function zprimeDetail(
  model: Na64muSignalModel,
  d: DetailRecorder,
  z: ZprimeRecord | null,
  opts: {
    zEnd: number;
    x0PerMm: number;
    boxXMaxGeV: number;
    pOutGeV: number;
    caloGeV: number;
    inBox: boolean;
  },
): void {
  const m = model.massMeV;
  d.truth['signal model'] = `Z′ (L_μ − L_τ) → νν̄ (m_Z′ = ${m} MeV, g_Z′ = ${model.gZprime.toExponential(2)})`;
  d.truth['m_Z′ [MeV]'] = m;
  d.truth['g_Z′'] = model.gZprime;
  d.truth['Br(Z′ → νν̄)'] = r(model.yield.invisibleBr, 4);
  d.truth['Z′ → νν̄ per MOT (this model point)'] = model.pPerMot.toExponential(3);
  if (!z) {
    d.truth['Z′ emission'] = 'none (the muon missed the ECAL)';
    d.story.push(
      `Signal (simulated Z′, m_Z′ = ${m} MeV): the beam muon missed the ECAL, so no Z′ was emitted.`,
    );
    return;
  }
  d.truth['E_μ at the emission [GeV]'] = r(z.eMuMeV / GeV, 3);
  d.truth['x = E_Z′/E_μ'] = r(z.x, 5);
  d.truth['E_Z′ [GeV]'] = r(z.eZprimeMeV / GeV, 3);
  d.truth['emission depth [mm]'] = r(z.depthMm, 1);
  d.truth['emission depth [X0]'] = r(z.depthMm * opts.x0PerMm, 2);
  d.truth['emission material'] = z.material.name;
  d.truth['θ_Z′ [mrad]'] = r(z.thetaZprimeRad * 1000, 3);
  d.truth['ψ_μ (muon kink) [mrad]'] = r(z.psiMuonRad * 1000, 3);
  const tx = z.txIn + z.thetaZprimeRad * Math.cos(z.phiRad);
  const ty = z.tyIn + z.thetaZprimeRad * Math.sin(z.phiRad);
  const dz = opts.zEnd - z.zMm;
  d.track('chi', z.eZprimeMeV, [z.xMm, z.yMm, z.zMm, z.xMm + tx * dz, z.yMm + ty * dz, opts.zEnd], {
    invisible: true,
    note: `Z′ → νν̄ (invisible): m_Z′ = ${m} MeV, carries ${(z.eZprimeMeV / GeV).toFixed(1)} GeV out of the setup`,
  });
  const pOut = opts.pOutGeV;
  const verdict = opts.inBox
    ? 'the event passes all cuts and lies in the signal box: a missing-momentum candidate'
    : pOut > 0 && pOut < opts.boxXMaxGeV
      ? `p_out is below ${opts.boxXMaxGeV} GeV, but the event fails a cut or the calorimeter window of the box`
      : `p_out is above ${opts.boxXMaxGeV} GeV (or not measured): too little missing momentum for the signal box, as for most light Z′`;
  d.story.push(
    `Signal (simulated Z′ of L_μ − L_τ, m_Z′ = ${m} MeV, g_Z′ = ${model.gZprime.toExponential(1)}): at ${z.depthMm.toFixed(0)} mm in the ECAL (${z.material.name}) the ${(z.eMuMeV / GeV).toFixed(1)} GeV muon radiated a Z′ taking x = ${z.x.toFixed(3)} of its energy (${(z.eZprimeMeV / GeV).toFixed(1)} GeV). The Z′ decays into neutrinos and leaves unseen; the muon goes on with ≈ ${((z.eMuMeV - z.eZprimeMeV) / GeV).toFixed(1)} GeV, so MS2 measures p_out = ${pOut.toFixed(1)} GeV while the calorimeters see ${opts.caloGeV.toFixed(1)} GeV (a single muon's MIP signals are a few GeV) — ${verdict}. Its weight is the Z′ → νν̄ yield per MOT divided by the signal fraction.`,
  );
}
