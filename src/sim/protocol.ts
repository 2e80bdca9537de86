/**
 * Messages between the UI thread and the simulation workers (comlink RPC). All payloads are plain
 * data or typed arrays (transferred, not copied).
 */
import type { AnalysisResult } from '../analysis/analysis';
import type { RunColumns } from '../physics/columns';
import type { EventDetail } from '../physics/detail';
import type { RunParams } from '../physics/params';
import type { Setup } from '../physics/setups/types';
import type { Category } from '../physics/na64e/context';

export interface ProcessTableRow {
  label: string;
  code: number;
  p: number;
  q: number;
  w: number;
}

/**
 * A pure-signal sample of one mass (sensitivity panel): every generated signal event in the setup's
 * plot coordinates with its weight and cut bits (the panel applies the cut mask and the box itself),
 * and the signal yield per particle on target at the reference coupling `eps0`.
 */
export interface SignalSampleData {
  massMeV: number;
  model: 'aprime' | 'zprime';
  /** Reference coupling of the sample (ε or g_Z′); yields scale with coupling². */
  eps0: number;
  alphaD: number | null;
  /** True probability per particle on target of the 'signal' category at eps0. */
  yieldPerOnTargetAtEps0: number;
  seed: number;
  events: number;
  x: Float32Array;
  y: Float32Array;
  w: Float64Array;
  cutBits: Uint16Array;
  /** Σw over all generated signal events (before any cut). */
  totalWeight: number;
}

export interface SignalSampleOptions {
  model: 'aprime' | 'zprime';
  eps0: number;
  /** α_D of the A′ samples (absent: the physics default). */
  alphaD?: number;
  /** Seed of each mass's run (default params.seed + 1000 + k, as the limit CLI). */
  seeds?: number[];
}

export interface SimWorkerApi {
  /** Setup geometry and process table for these parameters (throws ParamsError on bad input). */
  describe(params: RunParams): { setup: Setup; processes: ProcessTableRow[] };
  /** Simulate events [start, start+count). */
  simulateChunk(params: RunParams, start: number, count: number): RunColumns;
  /** Analyse a whole run for a cut mask; returns the analysis and hands the columns back. */
  analyse(params: RunParams, columns: RunColumns, mask: number): { analysis: AnalysisResult; columns: RunColumns };
  /** Re-simulate one event with full detail. */
  simulateDetail(params: RunParams, eventIndex: number): EventDetail;
  /**
   * Pure-signal runs (fraction 1) based on `params` for each mass: the per-mass signal samples of the
   * sensitivity panel (arrays transferred). Throws (RangeError / ParamsError) when the setup has no
   * such signal model.
   */
  signalSamples(params: RunParams, masses: number[], eventsPerMass: number, opts: SignalSampleOptions): SignalSampleData[];
  /** Test hook: make the worker die with an uncaught error (checks crash reporting and recovery). */
  crash(): void;
}

export type { Category };
