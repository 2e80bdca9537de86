/**
 * Pure helpers of the sensitivity panel (no DOM, no React): the per-mass signal samples for the
 * current cut mask, the Standard-Model background in the box (the run's own signal events taken
 * out), the model point's expected signal and verdict, the live exclusion curve, the published
 * curves in the panel's units, and the box optimisation for the model point. Everything here runs
 * on the main thread on every box change, so it stays linear in the (small) signal samples.
 *
 * Mirrors the `limit` CLI: SM background once, one pure-signal sample per mass, efficiency = cuts +
 * box, N_up from the background in the box, ε₉₀ = ε₀ sqrt(N_up/(N · yield(ε₀) · eff)).
 */
import { summariseBox, type AnalysisResult } from '../../analysis/analysis';
import type { RunColumns } from '../../physics/columns';
import {
  DEFAULT_EPS0,
  DEFAULT_LIMIT_MASSES_MEV,
  efficiencyInBox,
  epsilonAtLimit,
  epsilonOfY,
  epsilonPointsOfY,
  gMinus2Band,
  MCHI_OVER_MA,
  NA64E_2019_EPSILON,
  NA64E_2022_Y,
  NA64MU_2024_ZPRIME,
  optimiseBox,
  upperLimitCount,
  yOfEpsilon,
  type BoxCandidate,
  type LimitMethod,
  type LimitPoint,
  type SignalSample,
} from '../../physics/darkSector';
import { DEFAULT_ALPHA_D } from '../../physics/darkSector/signalModel';
import { signalParamsSchema, type RunParams, type SignalParams } from '../../physics/params';
import { PROCESS_CODE } from '../../physics/processes';
import type { SetupId, SignalBox } from '../../physics/setups/types';
import type { SignalSampleData } from '../../sim/protocol';

export type SignalModelId = SignalParams['model'];

/** Signal events per mass of the panel's samples (as the CLI's --signal-events default). */
export const SIGNAL_EVENTS_PER_MASS = 2000;
/** Mass grid of the live curve [MeV]. */
export const MASS_GRID_MEV: readonly number[] = DEFAULT_LIMIT_MASSES_MEV;
/** Reference coupling of the samples (ε₀ or g₀; yields are rescaled with coupling²). */
export const EPS0 = DEFAULT_EPS0;
export { DEFAULT_ALPHA_D, MCHI_OVER_MA };

/** The signal model a setup produces: A′ for NA64e (electrons), Z′ (L_μ − L_τ) for NA64μ. */
export const modelOfSetup = (setup: SetupId): SignalModelId => (setup === 'na64mu' ? 'zprime' : 'aprime');

/** The model point of the panel (and of the run's signal when it is mixed in). */
export interface ModelPoint {
  model: SignalModelId;
  massMeV: number;
  /** ε (A′) or g_Z′ (Z′). */
  coupling: number;
  /** α_D (A′ only). */
  alphaD: number;
}

/** A model point with the signal fraction of a run: what the controls edit and params.signal holds. */
export interface StoredPoint {
  massMeV: number;
  /** ε (A′) or g_Z′ (Z′). */
  coupling: number;
  alphaD: number;
  /** Share of the simulated events that are signal events. */
  fraction: number;
}

/** params.signal of a point (α_D only for the A′ and only when it differs from the physics default). */
export function signalOf(model: SignalModelId, p: StoredPoint): SignalParams {
  const s: SignalParams = { model, massMeV: p.massMeV, coupling: p.coupling, fraction: p.fraction };
  if (model === 'aprime' && p.alphaD !== DEFAULT_ALPHA_D) s.alphaD = p.alphaD;
  return s;
}

/** A stored point if it is a valid signal parameter set for the setup's model, else null. */
export function validPoint(setup: SetupId, p: unknown): StoredPoint | null {
  if (!p || typeof p !== 'object') return null;
  const r = signalParamsSchema.safeParse({ ...(p as object), model: modelOfSetup(setup) });
  if (!r.success) return null;
  return pointOfSignal(r.data);
}

/** The point of a params.signal (α_D defaulted). */
export const pointOfSignal = (s: SignalParams): StoredPoint => ({
  massMeV: s.massMeV,
  coupling: s.coupling,
  alphaD: s.alphaD ?? DEFAULT_ALPHA_D,
  fraction: s.fraction,
});

/** y = ε² α_D (m_χ/m_A′)⁴ of an A′ model point. */
export const yOfPoint = (p: ModelPoint): number => yOfEpsilon(p.coupling, p.alphaD, MCHI_OVER_MA);
/** y of a coupling limit ε at α_D (m_χ/m_A′ = 1/3). */
export const yAtLimitOf = (eps: number, alphaD: number): number => yOfEpsilon(eps, alphaD, MCHI_OVER_MA);
/** ε of a y value at α_D (m_χ/m_A′ = 1/3). */
export const epsilonOfYAt = (y: number, alphaD: number): number => epsilonOfY(y, alphaD, MCHI_OVER_MA);

// ---------------------------------------------------------------------------------------------
// Samples and their cache keys
// ---------------------------------------------------------------------------------------------

/** Seed of the sample of a mass: params.seed + 1000 + k for the grid's k-th mass (as the CLI); other masses get their own. */
export function sampleSeed(baseSeed: number, massMeV: number): number {
  const k = MASS_GRID_MEV.indexOf(massMeV);
  const off = k >= 0 ? 1000 + k : 2000 + (Math.round(massMeV * 1000) % 1_000_000);
  return (baseSeed + off) % 4294967296;
}

/** Masses of the samples: the grid and the model point's mass (sorted, unique). */
export function sampleMasses(pointMassMeV: number): number[] {
  const out = new Set<number>(MASS_GRID_MEV);
  if (Number.isFinite(pointMassMeV)) out.add(pointMassMeV);
  return [...out].sort((a, b) => a - b);
}

/**
 * Cache key of one mass's sample: everything of the base run that shapes signal events (all run
 * parameters but the number of events and the run's own signal), the model, α_D, ε₀, mass, size, seed.
 */
export function sampleKey(base: RunParams, model: SignalModelId, alphaD: number, massMeV: number, events = SIGNAL_EVENTS_PER_MASS): string {
  const rest: Record<string, unknown> = { ...base };
  delete rest.events;
  delete rest.signal;
  const sorted = Object.fromEntries(Object.keys(rest).sort().map((k) => [k, rest[k]]));
  const a = model === 'aprime' ? alphaD : null;
  return JSON.stringify([sorted, model, a, EPS0, massMeV, events, sampleSeed(base.seed, massMeV)]);
}

/** The signal sample after the cuts of `mask` (all bits of the mask must pass), in plot coordinates. */
export function sampleForMask(s: Pick<SignalSampleData, 'x' | 'y' | 'w' | 'cutBits' | 'totalWeight'>, mask: number): SignalSample {
  let n = 0;
  for (let i = 0; i < s.x.length; i++) if ((s.cutBits[i] & mask) === mask) n++;
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  const w = new Float64Array(n);
  for (let i = 0, j = 0; i < s.x.length; i++) {
    if ((s.cutBits[i] & mask) !== mask) continue;
    x[j] = s.x[i];
    y[j] = s.y[i];
    w[j] = s.w[i];
    j++;
  }
  return { x, y, w, totalWeight: s.totalWeight };
}

// ---------------------------------------------------------------------------------------------
// Background: the SM part of the run in the box
// ---------------------------------------------------------------------------------------------

/** The run's own signal events of the plotted selection (entries of the analysis' box index). */
export interface RunSignalPart {
  x: Float32Array;
  y: Float32Array;
  w: Float64Array;
}

/** Signal events (process 'signal') among the analysis' selected events; null when there are none. */
export function runSignalPart(a: AnalysisResult, c: RunColumns): RunSignalPart | null {
  const code = PROCESS_CODE.signal;
  if (!(a.processCounts.raw[code] > 0)) return null;
  const ix = a.index;
  const ks: number[] = [];
  for (let k = 0; k < ix.eventIndex.length; k++) {
    const i = ix.eventIndex[k] - c.firstIndex;
    if (i >= 0 && i < c.n && c.process[i] === code) ks.push(k);
  }
  if (ks.length === 0) return null;
  const out = { x: new Float32Array(ks.length), y: new Float32Array(ks.length), w: new Float64Array(ks.length) };
  ks.forEach((k, j) => {
    out.x[j] = ix.x[k];
    out.y[j] = ix.y[k];
    out.w[j] = ix.w[k];
  });
  return out;
}

/** Raw count and Σw of a signal part in a box (xMin ≤ x < xMax, yMin ≤ y < yMax, as countInBox). */
export function partInBox(p: RunSignalPart | null, box: SignalBox): { raw: number; weighted: number } {
  if (!p) return { raw: 0, weighted: 0 };
  let raw = 0;
  let weighted = 0;
  for (let i = 0; i < p.x.length; i++) {
    const x = p.x[i];
    const y = p.y[i];
    if (x >= box.xMinGeV && x < box.xMaxGeV && y >= box.yMinGeV && y < box.yMaxGeV) {
      raw++;
      weighted += p.w[i];
    }
  }
  return { raw, weighted };
}

export interface Background {
  /** Expected SM events in the box at nOnTarget (weighted MC, the run's signal events left out). */
  scaled: number;
  /** Statistical error (scaled/sqrt(raw); 0 when no MC event is in the box). */
  error: number;
  /** SM MC events in the box. */
  raw: number;
}

/** SM background in a box: summariseBox of the run minus its own signal events. */
export function smBackground(a: AnalysisResult, box: SignalBox, nOnTarget: number, part: RunSignalPart | null): Background {
  const s = summariseBox(a, box, nOnTarget);
  const sig = partInBox(part, box);
  const scale = a.totalWeight > 0 ? nOnTarget / a.totalWeight : 0;
  const raw = Math.max(0, s.inBox.raw - sig.raw);
  const scaled = raw > 0 ? Math.max(0, (s.inBox.weighted - sig.weighted) * scale) : 0;
  return { scaled, raw, error: raw > 0 ? scaled / Math.sqrt(raw) : 0 };
}

// ---------------------------------------------------------------------------------------------
// Sensitivity of the model point and the live curve
// ---------------------------------------------------------------------------------------------

/** A sample prepared for the current mask. */
export interface MaskedSample {
  massMeV: number;
  yieldPerOnTargetAtEps0: number;
  eps0: number;
  sample: SignalSample;
}

export interface LimitSettings {
  nOnTarget: number;
  background: number;
  method: LimitMethod;
  /** Observed events; null → the expected (background-only) limit. */
  observed: number | null;
}

export interface PointSensitivity {
  efficiency: number;
  /** Signal yield per particle on target at the model point's coupling. */
  yieldPerOnTarget: number;
  /** Expected signal events at nOnTarget. */
  expectedSignal: number;
  nUp: number;
  /** 90 % CL upper limit on the coupling at the model point's mass. */
  coupling90: number;
  excluded: boolean;
}

/** N_up for the settings (expected or observed, CLs or classical). */
export const nUpOf = (s: LimitSettings): number =>
  upperLimitCount({ background: s.background, method: s.method, observed: s.observed ?? undefined });

/** Efficiency, yield, expected signal, limit and verdict of the model point. */
export function pointSensitivity(point: ModelPoint, sample: MaskedSample, box: SignalBox, s: LimitSettings, nUp = nUpOf(s)): PointSensitivity {
  const efficiency = efficiencyInBox(sample.sample, box);
  const r = point.coupling / sample.eps0;
  const yieldPerOnTarget = sample.yieldPerOnTargetAtEps0 * r * r;
  const expectedSignal = s.nOnTarget * yieldPerOnTarget * efficiency;
  const coupling90 = epsilonAtLimit(nUp, s.nOnTarget * sample.yieldPerOnTargetAtEps0 * efficiency, sample.eps0);
  return { efficiency, yieldPerOnTarget, expectedSignal, nUp, coupling90, excluded: expectedSignal > nUp };
}

/**
 * The live curve: ε₉₀ (or g₉₀) and y₉₀ per mass of the samples — limitCurve's formula, with N_up
 * passed in so that a box drag computes it once.
 */
export function liveCurve(samples: readonly MaskedSample[], box: SignalBox, s: LimitSettings, alphaD: number, nUp = nUpOf(s)): LimitPoint[] {
  return samples.map((g) => {
    const efficiency = efficiencyInBox(g.sample, box);
    const signalAtEps0 = s.nOnTarget * g.yieldPerOnTargetAtEps0 * efficiency;
    const epsilon90 = epsilonAtLimit(nUp, signalAtEps0, g.eps0);
    return { massMeV: g.massMeV, mChiMeV: g.massMeV * MCHI_OVER_MA, efficiency, signalAtEps0, nUp, epsilon90, y90: yOfEpsilon(epsilon90, alphaD, MCHI_OVER_MA) };
  });
}

// ---------------------------------------------------------------------------------------------
// Curves in the plot's units
// ---------------------------------------------------------------------------------------------

/** What the exclusion plot shows: ε(m_A′), y(m_χ) or g_Z′(m_Z′). */
export type CurveMode = 'epsilon' | 'y' | 'g';

export interface XY {
  x: number;
  y: number;
}

/** Our curve in the plot's units (non-finite points are kept: the line breaks there). */
export function curveSeries(points: readonly LimitPoint[], mode: CurveMode): XY[] {
  return points.map((p) => (mode === 'y' ? { x: p.mChiMeV, y: p.y90 } : { x: p.massMeV, y: p.epsilon90 }));
}

export interface PublishedSeries {
  id: string;
  label: string;
  reference: string;
  digitization: string;
  points: XY[];
  /** Unit conversion done for the plot (null when none): ε from y at α_D = a; y at α_D = a; y rescaled from α_D = a to b. */
  conversion: { kind: 'epsFromY' | 'yAt' | 'yRescaled'; a: number; b?: number } | null;
}

/**
 * Published NA64 curves in the plot's units. ε mode: the 2019 ε curve and the 2022 y curve turned
 * into ε (at its own α_D = 0.1); y mode: both as y at the panel's α_D (y ∝ α_D at fixed ε, the ε
 * limit being independent of α_D); g mode: the NA64μ Z′ curve (no digitised points: empty).
 */
export function publishedSeries(mode: CurveMode, alphaD: number): PublishedSeries[] {
  const meta = (c: { id: string; label: string; reference: string; digitization: string }) => ({
    id: c.id,
    label: c.label,
    reference: c.reference,
    digitization: c.digitization,
  });
  if (mode === 'g') return [{ ...meta(NA64MU_2024_ZPRIME), points: NA64MU_2024_ZPRIME.points.map((p) => ({ x: p.massMeV, y: p.gZprime })), conversion: null }];
  const a22 = NA64E_2022_Y.alphaD ?? 0.1;
  const r = NA64E_2022_Y.mChiOverMA ?? MCHI_OVER_MA;
  if (mode === 'epsilon')
    return [
      { ...meta(NA64E_2019_EPSILON), points: NA64E_2019_EPSILON.points.map((p) => ({ x: p.massMeV, y: p.epsilon })), conversion: null },
      { ...meta(NA64E_2022_Y), points: epsilonPointsOfY(NA64E_2022_Y).map((p) => ({ x: p.massMeV, y: p.epsilon })), conversion: { kind: 'epsFromY', a: a22 } },
    ];
  return [
    {
      ...meta(NA64E_2019_EPSILON),
      points: NA64E_2019_EPSILON.points.map((p) => ({ x: p.massMeV * MCHI_OVER_MA, y: yOfEpsilon(p.epsilon, alphaD, MCHI_OVER_MA) })),
      conversion: { kind: 'yAt', a: alphaD },
    },
    {
      ...meta(NA64E_2022_Y),
      points: NA64E_2022_Y.points.map((p) => ({ x: p.mChiMeV * (MCHI_OVER_MA / r), y: p.y * (alphaD / a22) })),
      conversion: alphaD === a22 ? null : { kind: 'yRescaled', a: a22, b: alphaD },
    },
  ];
}

/** The (g−2)_μ ±2σ band on a log mass grid (n points from 1 to 1000 MeV). */
export function gMinus2Series(n = 31): { x: number; lo: number; hi: number; central: number }[] {
  return Array.from({ length: n }, (_, i) => {
    const m = 10 ** ((3 * i) / (n - 1));
    const b = gMinus2Band(m);
    return { x: m, lo: b.gLow, hi: b.gHigh, central: b.gCentral };
  });
}

/** The model point in the plot's units. */
export function pointXY(p: ModelPoint, mode: CurveMode): XY {
  return mode === 'y' ? { x: p.massMeV * MCHI_OVER_MA, y: yOfPoint(p) } : { x: p.massMeV, y: p.coupling };
}

// ---------------------------------------------------------------------------------------------
// Box optimisation for the model point
// ---------------------------------------------------------------------------------------------

/** Search grids of the upper box edges [GeV] (NA64e: the physics defaults; NA64μ: those of the limit CLI). */
export const OPTIMISE_GRIDS: Record<SetupId, { xMaxGrid: number[]; yMaxGrid: number[] }> = {
  na64e: { xMaxGrid: [20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90], yMaxGrid: [0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5] },
  na64mu: { xMaxGrid: [30, 40, 50, 60, 70, 80, 90, 100], yMaxGrid: [6, 8, 10, 12, 15, 20] },
};

export interface OptimiseResult {
  best: BoxCandidate;
  /** The optimum's upper edges sit at the largest value of the grid (x, y). */
  atEdge: { x: boolean; y: boolean };
  candidates: number;
}

/**
 * The box (upper edges on the setup's grid, lower edges kept) that gives the smallest expected
 * coupling limit at the model point's mass, with the background from `backgroundInBox`.
 */
export function optimiseForPoint(
  setup: SetupId,
  sample: MaskedSample,
  current: SignalBox,
  nOnTarget: number,
  method: LimitMethod,
  backgroundInBox: (b: SignalBox) => number,
): OptimiseResult {
  const g = OPTIMISE_GRIDS[setup];
  const xMaxGrid = g.xMaxGrid.filter((v) => v > current.xMinGeV);
  const yMaxGrid = g.yMaxGrid.filter((v) => v > current.yMinGeV);
  const r = optimiseBox({
    signals: [{ massMeV: sample.massMeV, sample: sample.sample, yieldPerOnTargetAtEps0: sample.yieldPerOnTargetAtEps0 }],
    backgroundInBox,
    nOnTarget,
    eps0: sample.eps0,
    xMinGeV: current.xMinGeV,
    yMinGeV: current.yMinGeV,
    xMaxGrid,
    yMaxGrid,
    method,
  });
  const b = r.best.box;
  return {
    best: r.best,
    atEdge: { x: b.xMaxGeV >= Math.max(...xMaxGrid), y: b.yMaxGeV >= Math.max(...yMaxGrid) },
    candidates: r.candidates.length,
  };
}
