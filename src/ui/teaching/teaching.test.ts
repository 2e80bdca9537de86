import { describe, expect, it } from 'vitest';
import { allocateColumns } from '../../physics/columns';
import { PROCESS_CODE } from '../../physics/processes';
import { buildNa64eSetup } from '../../physics/setups/na64e';
import { NA64E_REGIONS } from '../plots/regions';
import { eventAt, findEvent } from './eventFinder';
import { countPerRegion, regionContains } from './regionCounts';

const region = (id: string) => NA64E_REGIONS.find((r) => r.id === id)!;

describe('region membership', () => {
  it('places the canonical points in their regions', () => {
    expect(regionContains(region('spot'), 99, 0.1)).toBe(true);
    expect(regionContains(region('I'), 85, 10)).toBe(true);
    expect(regionContains(region('I'), 85, 2)).toBe(false);
    expect(regionContains(region('II'), 40, 58)).toBe(true);
    expect(regionContains(region('II'), 40, 20)).toBe(false);
    expect(regionContains(region('III'), 100, 60)).toBe(true);
    expect(regionContains(region('III'), 20, 0.5)).toBe(false);
  });
  it('counts each region on its own', () => {
    const c = countPerRegion(NA64E_REGIONS, [99, 85, 40, 100, 20], [0.1, 10, 58, 60, 0.5]);
    // (99, 0.1) and (85, 10) also lie on the diagonal band II
    expect(c).toEqual({ I: 1, II: 3, III: 1, spot: 1 });
  });
});

describe('event finder', () => {
  const setup = buildNa64eSetup();
  const cols = allocateColumns(4, 100);
  const put = (i: number, proc: number, x: number, y: number, bits: number) => {
    cols.process[i] = proc;
    cols.eEcalGeV[i] = x;
    cols.eHcalGeV[i] = y;
    cols.cutBits[i] = bits;
  };
  put(0, PROCESS_CODE.em, 99, 0.05, 0);
  put(1, PROCESS_CODE.em, 98, 0.01, 0b111111);
  put(2, PROCESS_CODE.dimuon, 88, 9.5, 0b101111);
  put(3, PROCESS_CODE['pile-up'], 120, 40, 0);

  it('finds the first event of a process with a condition, with its run index', () => {
    expect(findEvent(setup, cols, { process: 'em', passesAllCuts: true })?.eventIndex).toBe(101);
    expect(findEvent(setup, cols, { process: 'em' })?.eventIndex).toBe(100);
    const d = findEvent(setup, cols, { process: 'dimuon', where: (_x, y) => y > 7 });
    expect(d).toMatchObject({ eventIndex: 102, process: PROCESS_CODE.dimuon });
    expect(d?.yGeV).toBeCloseTo(9.5, 5);
    expect(findEvent(setup, cols, { process: 'signal' })).toBeNull();
    expect(findEvent(setup, null, { process: 'em' })).toBeNull();
  });
  it('looks events up by index', () => {
    expect(eventAt(setup, cols, 103)?.xGeV).toBe(120);
    expect(eventAt(setup, cols, 99)).toBeNull();
    expect(eventAt(setup, cols, 104)).toBeNull();
  });
});

describe('dialog placement', () => {
  it('avoids the targets when a free corner exists', async () => {
    const { placeDialog } = await import('./placement');
    // plot on the left half, 3D view top right: the free corner is bottom right
    const plot = { left: 0, top: 100, width: 700, height: 600 };
    const scene = { left: 720, top: 100, width: 640, height: 400 };
    const p = placeDialog(400, 200, 1366, 768, [plot, scene]);
    expect(p).toEqual({ left: 1366 - 400 - 8, top: 768 - 200 - 8 });
    // plot on the right: bottom left
    const q = placeDialog(300, 200, 1366, 768, [{ left: 600, top: 0, width: 766, height: 768 }]);
    expect(q.left).toBe(8);
  });
});
