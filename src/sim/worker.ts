/**
 * Simulation worker: runs the physics core off the main thread (comlink RPC, protocol.ts).
 * Keeps one prepared Simulator per parameter set.
 */
import * as Comlink from 'comlink';
import { analyse, plotCoordinates } from '../analysis/analysis';
import { signalRunParams, signalYieldOf } from '../physics/darkSector/sensitivity';
import { PROCESS_CODE } from '../physics/processes';
import { columnBuffers } from '../physics/columns';
import { parseRunParams, type RunParams } from '../physics/params';
import { Simulator } from '../physics/run';
import type { SignalSampleData, SimWorkerApi } from './protocol';
import { buildSimulatorCache } from './simulatorCache';

const cache = buildSimulatorCache((p: RunParams) => new Simulator(parseRunParams(p)));

const api: SimWorkerApi = {
  describe(params) {
    const sim = cache.get(params);
    return { setup: sim.setup, processes: sim.processTable() };
  },
  simulateChunk(params, start, count) {
    const cols = cache.get(params).simulateChunk(start, count);
    return Comlink.transfer(cols, columnBuffers(cols));
  },
  analyse(params, columns, mask) {
    const sim = cache.get(params);
    const analysis = analyse(sim.setup, columns, mask);
    const ix = analysis.index;
    const transfers = [
      ...columnBuffers(columns),
      ix.binStart.buffer,
      ix.x.buffer,
      ix.y.buffer,
      ix.w.buffer,
      ix.eventIndex.buffer,
      ix.satRaw.buffer,
      ix.satW.buffer,
      ix.wCumX.buffer,
      ix.ySorted.buffer,
      ix.wCumY.buffer,
      ix.binSorted.buffer,
      analysis.histogram.counts.buffer,
      analysis.processCounts.raw.buffer,
      analysis.processCounts.weighted.buffer,
    ] as ArrayBuffer[];
    return Comlink.transfer({ analysis, columns }, transfers);
  },
  simulateDetail(params, eventIndex) {
    return cache.get(params).simulateDetail(eventIndex);
  },
  signalSamples(params, masses, eventsPerMass, opts) {
    const out: SignalSampleData[] = masses.map((m, k) => {
      const seed = opts.seeds?.[k] ?? params.seed + 1000 + k;
      const p = parseRunParams(signalRunParams(params, m, { events: eventsPerMass, coupling: opts.eps0, alphaD: opts.alphaD, seed, model: opts.model }));
      const sim = new Simulator(p);
      const c = sim.simulateChunk(0, eventsPerMass);
      const { x, y } = plotCoordinates(sim.setup, c);
      const code = PROCESS_CODE.signal;
      let n = 0;
      for (let i = 0; i < c.n; i++) if (c.process[i] === code) n++;
      const s: SignalSampleData = {
        massMeV: m,
        model: opts.model,
        eps0: opts.eps0,
        alphaD: opts.alphaD ?? null,
        yieldPerOnTargetAtEps0: signalYieldOf(sim.processTable()),
        seed,
        events: eventsPerMass,
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
    });
    return Comlink.transfer(
      out,
      out.flatMap((s) => [s.x.buffer, s.y.buffer, s.w.buffer, s.cutBits.buffer] as ArrayBuffer[]),
    );
  },
  crash() {
    setTimeout(() => {
      throw new Error('simulated worker crash (test hook)');
    }, 0);
  },
};

Comlink.expose(api);
