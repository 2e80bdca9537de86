import { describe, expect, it } from 'vitest';
import { Simulator } from '../../physics/run';
import { PROCESS_CODE, processLabel } from '../../physics/processes';
import { DEFAULT_PARAMS } from '../../physics/params';
import { DARK_PHOTON_PRESET, PRESETS, runHasPreset, type EventPreset } from './presets';

/** The first event of the preset's run with the preset's process and property (for the message). */
function firstCandidate(sim: Simulator, p: EventPreset, limit = 100000): number {
  const chunk = 5000;
  const nCuts = sim.setup.cuts.length;
  for (let start = 0; start < limit; start += chunk) {
    const c = sim.simulateChunk(start, chunk);
    for (let i = 0; i < c.n; i++) {
      if (c.process[i] !== PROCESS_CODE[p.process]) continue;
      if (p.check({ eEcalGeV: c.eEcalGeV[i], eHcalGeV: c.eHcalGeV[i], cutBits: c.cutBits[i], nCuts })) return start + i;
    }
  }
  return -1;
}

describe('event presets', () => {
  const all = DARK_PHOTON_PRESET ? [...PRESETS, DARK_PHOTON_PRESET] : PRESETS;
  for (const p of all) {
    it(`${p.id}: event ${p.eventIndex} of seed ${p.params.seed} is still '${p.process}' (${p.expect})`, () => {
      const sim = new Simulator(p.params);
      const c = sim.simulateChunk(p.eventIndex, 1);
      const m = { eEcalGeV: c.eEcalGeV[0], eHcalGeV: c.eHcalGeV[0], cutBits: c.cutBits[0], nCuts: sim.setup.cuts.length };
      const ok = c.process[0] === PROCESS_CODE[p.process] && p.check(m);
      if (!ok) {
        const moved = firstCandidate(sim, p);
        throw new Error(
          `preset '${p.id}' moved: event ${p.eventIndex} is now '${processLabel(c.process[0])}' at ` +
            `(E_ECAL ${m.eEcalGeV.toFixed(2)}, E_HCAL ${m.eHcalGeV.toFixed(2)}) GeV; ` +
            `first '${p.process}' event with ${p.expect}: ${moved < 0 ? 'none in 1e5' : moved}. Update presets.ts.`,
        );
      }
      // the detail re-simulation reproduces the same event (what the 3D view shows)
      const d = sim.simulateDetail(p.eventIndex);
      expect(d.process).toBe(PROCESS_CODE[p.process]);
      expect(d.measured.eEcalGeV).toBeCloseTo(m.eEcalGeV, 4);
    });
  }

  it('a run with the preset parameters contains the preset event; other seeds do not', () => {
    const p = PRESETS[0];
    expect(runHasPreset({ ...p.params }, p)).toBe(true);
    expect(runHasPreset({ ...p.params, events: 1_000_000 }, p)).toBe(true);
    expect(runHasPreset({ ...p.params, events: p.eventIndex }, p)).toBe(false);
    expect(runHasPreset({ ...p.params, seed: 2 }, p)).toBe(false);
    expect(runHasPreset({ ...p.params, pileup: false }, p)).toBe(false);
    expect(runHasPreset(null, p)).toBe(false);
  });

  it('the presets come from the default NA64e run (one click, no re-simulation on first visit)', () => {
    for (const p of PRESETS) expect(runHasPreset(DEFAULT_PARAMS.na64e, p)).toBe(true);
  });
});
