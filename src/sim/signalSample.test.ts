import { describe, expect, it } from 'vitest';
import { efficiencyInBox, signalRunParams, signalSampleFromColumns, signalYieldOf } from '../physics/darkSector';
import { DEFAULT_PARAMS, parseRunParams } from '../physics/params';
import { Simulator } from '../physics/run';
import { sampleForMask } from '../ui/sensitivity/sensitivityMath';
import { simulateSignalSample } from './signalSample';

describe('signal samples of the sensitivity panel', () => {
  it('NA64e A′: the same events, yield and efficiency as the limit CLI path', () => {
    const base = { ...DEFAULT_PARAMS.na64e, events: 123456 };
    const s = simulateSignalSample(base, 20, 300, { model: 'aprime', eps0: 1e-4 }, 1005);
    expect(s.x.length).toBe(300); // fraction 1: every event is signal
    expect(s.totalWeight).toBeGreaterThan(0);
    // the CLI: signalRunParams + Simulator + signalSampleFromColumns after all cuts
    const p = parseRunParams(signalRunParams(base, 20, { events: 300, coupling: 1e-4, seed: 1005 }));
    const sim = new Simulator(p);
    const cols = sim.simulateChunk(0, 300);
    const all = (1 << sim.setup.cuts.length) - 1;
    const cli = signalSampleFromColumns(sim.setup, cols, all);
    expect(s.yieldPerOnTargetAtEps0).toBe(signalYieldOf(sim.processTable()));
    const ours = sampleForMask(s, all);
    expect(Array.from(ours.x)).toEqual(Array.from(cli.x, (v) => Math.fround(v)));
    expect(ours.totalWeight).toBeCloseTo(cli.totalWeight, 12);
    const box = sim.setup.defaultBox;
    expect(efficiencyInBox(ours, box)).toBeCloseTo(efficiencyInBox(cli, box), 12);
    expect(efficiencyInBox(ours, box)).toBeGreaterThan(0.05);
  });

  it('NA64μ Z′: plot coordinates p_out and the calorimeter sum; an A′ there is refused', () => {
    const base = DEFAULT_PARAMS.na64mu;
    const s = simulateSignalSample(base, 50, 200, { model: 'zprime', eps0: 1e-4 }, 1005);
    expect(s.x.length).toBe(200);
    expect(s.yieldPerOnTargetAtEps0).toBeGreaterThan(0);
    const meanX = s.x.reduce((a, v) => a + v, 0) / s.x.length;
    expect(meanX).toBeLessThan(160);
    expect(() => simulateSignalSample(base, 50, 10, { model: 'aprime', eps0: 1e-4 }, 1)).toThrow();
  });
});
