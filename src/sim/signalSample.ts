/**
 * One pure-signal sample of the sensitivity panel (runs in a worker; pure, also in Node): a run of
 * `events` signal events (fraction 1) at one mass based on the SM run's parameters, reduced to the
 * plot coordinates, weights and cut bits of its signal events, and the yield per particle on target
 * at the reference coupling. Same parameters and seeds as the `limit` CLI.
 */
import { plotCoordinates } from '../analysis/analysis';
import { signalRunParams, signalYieldOf } from '../physics/darkSector/sensitivity';
import { parseRunParams, type RunParams } from '../physics/params';
import { PROCESS_CODE } from '../physics/processes';
import { Simulator } from '../physics/run';
import type { SignalSampleData, SignalSampleOptions } from './protocol';

export function simulateSignalSample(params: RunParams, massMeV: number, events: number, opts: SignalSampleOptions, seed: number): SignalSampleData {
  const p = parseRunParams(signalRunParams(params, massMeV, { events, coupling: opts.eps0, alphaD: opts.alphaD, seed, model: opts.model }));
  const sim = new Simulator(p);
  const c = sim.simulateChunk(0, events);
  const { x, y } = plotCoordinates(sim.setup, c);
  const code = PROCESS_CODE.signal;
  let n = 0;
  for (let i = 0; i < c.n; i++) if (c.process[i] === code) n++;
  const s: SignalSampleData = {
    massMeV,
    model: opts.model,
    eps0: opts.eps0,
    alphaD: opts.alphaD ?? null,
    yieldPerOnTargetAtEps0: signalYieldOf(sim.processTable()),
    seed,
    events,
    x: new Float32Array(n),
    y: new Float32Array(n),
    w: new Float64Array(n),
    cutBits: new Uint16Array(n),
    totalWeight: 0,
  };
  for (let i = 0, j = 0; i < c.n; i++) {
    if (c.process[i] !== code) continue;
    s.x[j] = x[i];
    s.y[j] = y[i];
    s.w[j] = c.weight[i];
    s.cutBits[j] = c.cutBits[i];
    s.totalWeight += c.weight[i];
    j++;
  }
  return s;
}
