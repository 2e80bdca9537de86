/**
 * Benchmarks (printed, never asserted): events/s per core of the physics core, time to first plot
 * of 1e5 events, signal-box drag-update time at 1e7 events, memory per 1e6 events.
 *   npm run bench            (BENCH_QUICK=1 for a shorter run)
 */
import { analyse, summariseBox } from '../src/analysis/analysis';
import { allocateColumns, copyColumnsInto, COLUMN_NAMES, type RunColumns } from '../src/physics/columns';
import { DEFAULT_PARAMS, type RunParams } from '../src/physics/params';
import { Simulator } from '../src/physics/run';

const quick = process.env.BENCH_QUICK === '1';
const fmt = (x: number) => x.toExponential(2);

function eventsPerSecond(params: RunParams, n: number): { rate: number; sim: Simulator } {
  const sim = new Simulator(params);
  sim.simulateChunk(0, 2000); // warm-up (JIT, tables)
  const t0 = performance.now();
  sim.simulateChunk(1e6, n);
  const dt = (performance.now() - t0) / 1000;
  return { rate: n / dt, sim };
}

function line(name: string, value: string, target = '') {
  console.log(`${name.padEnd(48)} ${value.padStart(14)}  ${target}`);
}

console.log(`NA64 Explorer benchmarks (node ${process.version}, 1 core per figure)\n`);
for (const setup of ['na64e', 'na64mu'] as const) {
  const params = { ...DEFAULT_PARAMS[setup], events: 1e5 };
  const { rate } = eventsPerSecond(params, quick ? 50000 : 200000);
  line(`[${setup}] summary events/s per core`, fmt(rate), 'target ≥ 1e6');

  // time to first plot of 1e5 events on one core (the app spreads chunks over workers)
  const t0 = performance.now();
  const sim = new Simulator(params);
  const cols = sim.simulateChunk(0, 1e5);
  const a = analyse(sim.setup, cols, 0);
  const tFirst = performance.now() - t0;
  line(`[${setup}] first plot of 1e5 events (1 core)`, `${tFirst.toFixed(0)} ms`, 'target < 1000 ms');
  void a;

  // drag update at 1e7 events: tile a 1e6 simulation 10× (same distribution)
  const nBase = quick ? 2e5 : 1e6;
  const base = sim.simulateChunk(0, nBase);
  const nBig = 1e7;
  const big = allocateColumns(nBig, 0);
  for (let k = 0; k < nBig / nBase; k++) copyColumnsInto(big, base, k * nBase);
  const allCuts = (1 << sim.setup.cuts.length) - 1;
  const tA = performance.now();
  const aBig = analyse(sim.setup, big, allCuts);
  const tAnalyse = performance.now() - tA;
  line(`[${setup}] analysis (index + histogram) of 1e7 events`, `${tAnalyse.toFixed(0)} ms`, '(worker, once per run / cut change)');
  const iters = 2000;
  let worst = 0;
  const tD = performance.now();
  for (let i = 0; i < iters; i++) {
    const t = performance.now();
    const xMax = 20 + (i % 200) * 0.5; // sweep the right edge from 20 to 120 GeV
    summariseBox(aBig, { xMinGeV: 0, xMaxGeV: xMax, yMinGeV: 0, yMaxGeV: 1 + (i % 7) }, 9.37e11);
    worst = Math.max(worst, performance.now() - t);
  }
  const mean = (performance.now() - tD) / iters;
  line(`[${setup}] drag update at 1e7 events (mean)`, `${mean.toFixed(3)} ms`, 'target < 16 ms');
  line(`[${setup}] drag update at 1e7 events (worst)`, `${worst.toFixed(3)} ms`);

  // memory per 1e6 events: columns + box index
  const colBytes = COLUMN_NAMES.reduce((s, n) => s + (big[n] as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT, 0);
  const ix = aBig.index;
  const ixBytesPerEvent = [ix.x, ix.y, ix.w, ix.eventIndex, ix.wCumX, ix.ySorted, ix.wCumY].reduce((s2, a) => s2 + a.BYTES_PER_ELEMENT, 0);
  line(`[${setup}] memory per 1e6 events (columns)`, `${((colBytes * 1e6) / 2 ** 20).toFixed(1)} MiB`);
  line(`[${setup}] memory per 1e6 events (+ box index)`, `${(((colBytes + ixBytesPerEvent) * 1e6) / 2 ** 20).toFixed(1)} MiB`);
  const used = process.memoryUsage();
  line(`[${setup}] process arrayBuffers with 1e7 events`, `${(used.arrayBuffers / 2 ** 20).toFixed(0)} MiB`);
  void (big as RunColumns);
}
