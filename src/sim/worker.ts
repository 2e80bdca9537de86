/**
 * Simulation worker: runs the physics core off the main thread (comlink RPC, protocol.ts).
 * Keeps one prepared Simulator per parameter set.
 */
import * as Comlink from 'comlink';
import { analyse } from '../analysis/analysis';
import { columnBuffers } from '../physics/columns';
import { DEFAULT_PARAMS, parseRunParams, type RunParams } from '../physics/params';
import { COPPER, IRON, SCINTILLATOR } from '../physics/materials';
import { prepareMuonTables } from '../physics/muonLoss';
import { Simulator } from '../physics/run';
import type { SimWorkerApi } from './protocol';
import { simulateSignalSample } from './signalSample';
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
    const out = masses.map((m, k) => simulateSignalSample(params, m, eventsPerMass, opts, opts.seeds?.[k] ?? params.seed + 1000 + k));
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

/**
 * Warm-up at start, while the page is still being built: a short NA64e run builds the one-time
 * tables (muon energy loss in the calorimeter materials, lateral EM-shower tables of the ECAL, which
 * NA64μ shares) and gets the hot code compiled; the muon tables of the NA64μ VHCAL (copper) are
 * built as well. A request arriving meanwhile waits for it, but needs the same work anyway. A failed
 * warm-up only means that the first run pays for it.
 */
const WARM_UP_EVENTS = 3000;
setTimeout(() => {
  try {
    new Simulator(parseRunParams({ ...DEFAULT_PARAMS.na64e, events: WARM_UP_EVENTS })).simulateChunk(0, WARM_UP_EVENTS);
    prepareMuonTables([COPPER, SCINTILLATOR, IRON]);
  } catch (e) {
    console.warn('simulation worker warm-up failed:', e);
  }
}, 0);
