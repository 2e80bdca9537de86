/**
 * Glue between runs and limits, for the sensitivity panel and the `limit` CLI: parameters of a
 * pure-signal run for one mass, the signal sample (events after cuts in plot coordinates) of a run,
 * and the signal yield per particle on target from a run's process table.
 *
 * Typical use (per mass m of DEFAULT_LIMIT_MASSES_MEV):
 *   const p = signalRunParams(params, m, { events: 2000 });   // fraction 1: every event is signal
 *   const cols = <simulate p>;  const table = new Simulator(p).processTable();
 *   const sample = signalSampleFromColumns(setup, cols, allCutsMask);
 *   const input = { massMeV: m, yieldPerOnTargetAtEps0: signalYieldOf(table), efficiency: efficiencyInBox(sample, box) };
 * then limitCurve(inputs, { eps0, nOnTarget, background: summariseBox(bg, box, N).scaled, alphaD }).
 */
import type { RunColumns } from '../columns';
import type { RunParams, SignalParams } from '../params';
import { PROCESS_CODE } from '../processes';
import type { Setup } from '../setups/types';
import type { SignalSample } from './limits';

/** Mass grid of the limit curves [MeV] (the list). */
export const DEFAULT_LIMIT_MASSES_MEV = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] as const;
/** Reference coupling of the signal samples (yields are rescaled with ε², so its value is immaterial). */
export const DEFAULT_EPS0 = 1e-4;

/** Run parameters of a pure-signal sample (fraction 1) of one model point, based on `base`. */
export function signalRunParams(
  base: RunParams,
  massMeV: number,
  opts: { events: number; coupling?: number; alphaD?: number; seed?: number; model?: SignalParams['model'] },
): RunParams {
  const model = opts.model ?? (base.setup === 'na64mu' ? 'zprime' : 'aprime');
  const signal: SignalParams = { model, massMeV, coupling: opts.coupling ?? DEFAULT_EPS0, fraction: 1 };
  if (opts.alphaD !== undefined) signal.alphaD = opts.alphaD;
  return { ...base, events: opts.events, seed: opts.seed ?? base.seed, signal };
}

/** True probability per particle on target of the 'signal' category of a process table (0 if none). */
export function signalYieldOf(table: readonly { label: string; p: number }[]): number {
  return table.find((c) => c.label === 'signal')?.p ?? 0;
}

/**
 * The signal events of a run that pass the cuts in `mask`, in the setup's plot coordinates
 * (NA64e: E_ECAL, E_HCAL; NA64μ: p_out, E_ECAL + E_VHCAL + E_HCAL), with Σw of all signal events.
 */
export function signalSampleFromColumns(setup: Setup, c: RunColumns, mask: number): SignalSample {
  const code = PROCESS_CODE.signal;
  const x: number[] = [];
  const y: number[] = [];
  const w: number[] = [];
  let total = 0;
  for (let i = 0; i < c.n; i++) {
    if (c.process[i] !== code) continue;
    total += c.weight[i];
    if ((c.cutBits[i] & mask) !== mask) continue;
    if (setup.id === 'na64mu') {
      x.push(c.pOutGeV[i]);
      y.push(c.eEcalGeV[i] + c.eVhcalGeV[i] + c.eHcalGeV[i]);
    } else {
      x.push(c.eEcalGeV[i]);
      y.push(c.eHcalGeV[i]);
    }
    w.push(c.weight[i]);
  }
  return { x: Float64Array.from(x), y: Float64Array.from(y), w: Float64Array.from(w), totalWeight: total };
}
