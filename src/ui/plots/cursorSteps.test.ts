import { describe, expect, it } from 'vitest';
import { makeFrame, makeScales } from './scales';
import { cursorStep, moveAlong, niceFloor, stepValue } from './cursorSteps';

const axes = { xMaxGeV: 120, yMaxGeV: 120, xLabel: 'E_ECAL [GeV]', yLabel: 'E_HCAL [GeV]' };
const frame = makeFrame(1000, 560);

describe('keyboard cursor steps', () => {
  it('rounds steps down to 1, 2 or 5 × 10^k', () => {
    expect(niceFloor(1.3)).toBe(1);
    expect(niceFloor(0.048)).toBe(0.02);
    expect(niceFloor(0.05)).toBe(0.05);
    expect(niceFloor(13)).toBe(10);
    expect(niceFloor(4.9)).toBe(2);
    expect(niceFloor(0)).toBe(0.001);
  });

  it('moves to the next multiple of the step, inside the axis', () => {
    expect(stepValue(0.95, 0.1, 1, 0, 120)).toBe(1);
    expect(stepValue(1, 0.1, 1, 0, 120)).toBe(1.1);
    expect(stepValue(0.3, 0.1, -1, 0, 120)).toBe(0.2);
    expect(stepValue(0.05, 0.1, -1, 0, 120)).toBe(0);
    expect(stepValue(119.5, 1, 1, 0, 120)).toBe(120);
    expect(stepValue(120, 1, 1, 0, 120)).toBe(120);
    expect(stepValue(0, 1, -1, 0, 120)).toBe(0);
  });

  it('takes about 1 % (10 %) of the linear axis per step', () => {
    const s = makeScales(frame, axes, 'linear');
    expect(cursorStep(s.x, 50, 1, 0.01)).toBe(1);
    expect(cursorStep(s.x, 50, 1, 0.1)).toBe(10);
    expect(moveAlong(s.x, 50, 1, false)).toBe(51);
    expect(moveAlong(s.x, 50, -1, true)).toBe(40);
    // y grows upwards on the screen: still +1 = larger value
    expect(moveAlong(s.y, 50, 1, false)).toBe(51);
    expect(moveAlong(s.y, 50, -1, false)).toBe(49);
  });

  it('on the symlog axis, steps are fine near 0 and coarse at large values', () => {
    const s = makeScales(frame, axes, 'symlog');
    const near0 = cursorStep(s.y, 0, 1, 0.01);
    const at100 = cursorStep(s.y, 100, 1, 0.01);
    expect(near0).toBeLessThanOrEqual(0.05);
    expect(at100).toBeGreaterThanOrEqual(2);
    // the signal box height (1 GeV) takes a handful of small steps
    let v = 0;
    let n = 0;
    while (v < 1 && n < 100) {
      v = moveAlong(s.y, v, 1, false);
      n++;
    }
    expect(v).toBe(1);
    expect(n).toBeGreaterThanOrEqual(5);
    expect(n).toBeLessThanOrEqual(30);
    // the whole axis in a few dozen large steps, there and back
    let up = 0;
    for (n = 0; n < 100 && up < 120; n++) up = moveAlong(s.y, up, 1, true);
    expect(up).toBe(120);
    expect(n).toBeLessThan(40);
    let down = 120;
    for (n = 0; n < 100 && down > 0; n++) down = moveAlong(s.y, down, -1, true);
    expect(down).toBe(0);
    expect(n).toBeLessThan(40);
  });
});
