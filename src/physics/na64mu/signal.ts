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
  d.truth.signalModel = { key: 'truthValue.zprimeModel', params: { massMeV: m, coupling: model.gZprime } };
  d.truth.zprimeMassMeV = m;
  d.truth.zprimeCoupling = model.gZprime;
  d.truth.zprimeInvisibleBr = r(model.yield.invisibleBr, 4);
  d.truth.zprimePerMot = model.pPerMot;
  if (!z) {
    d.truth.zprimeEmission = { key: 'truthValue.zprimeNone' };
    d.say('story.mu.signal.missedEcal', { massMeV: m });
    return;
  }
  d.truth.muonEnergyAtEmissionGeV = r(z.eMuMeV / GeV, 3);
  d.truth.zprimeFraction = r(z.x, 5);
  d.truth.zprimeEnergyGeV = r(z.eZprimeMeV / GeV, 3);
  d.truth.emissionDepthMm = r(z.depthMm, 1);
  d.truth.emissionDepthX0 = r(z.depthMm * opts.x0PerMm, 2);
  d.truth.emissionMaterial = z.material.name;
  d.truth.zprimeThetaMrad = r(z.thetaZprimeRad * 1000, 3);
  d.truth.muonKinkMrad = r(z.psiMuonRad * 1000, 3);
  const tx = z.txIn + z.thetaZprimeRad * Math.cos(z.phiRad);
  const ty = z.tyIn + z.thetaZprimeRad * Math.sin(z.phiRad);
  const dz = opts.zEnd - z.zMm;
  d.track('chi', z.eZprimeMeV, [z.xMm, z.yMm, z.zMm, z.xMm + tx * dz, z.yMm + ty * dz, opts.zEnd], {
    invisible: true,
    note: `Z′ → νν̄ (invisible): m_Z′ = ${m} MeV, carries ${(z.eZprimeMeV / GeV).toFixed(1)} GeV out of the setup`,
  });
  const pOut = opts.pOutGeV;
  d.say('story.mu.signal.emission', {
    massMeV: m,
    coupling: model.gZprime,
    depthMm: z.depthMm,
    material: z.material.name,
    muonGeV: z.eMuMeV / GeV,
    fraction: z.x,
    zprimeGeV: z.eZprimeMeV / GeV,
  });
  d.say('story.mu.signal.invisible', { muonAfterGeV: (z.eMuMeV - z.eZprimeMeV) / GeV, pOutGeV: pOut, caloGeV: opts.caloGeV });
  const verdict = opts.inBox ? 'story.mu.signal.inBox' : pOut > 0 && pOut < opts.boxXMaxGeV ? 'story.mu.signal.failsCut' : 'story.mu.signal.aboveBox';
  d.say(verdict, { boxGeV: opts.boxXMaxGeV });
  d.say('story.mu.signal.weight');
}
