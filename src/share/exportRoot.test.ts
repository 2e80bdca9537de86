import { describe, expect, it } from 'vitest';
import { allocateColumns } from '../physics/columns';
import { buildNa64eSetup } from '../physics/setups/na64e';
import { hermeticityTH2D, rootLatex, th2Bin } from './exportRoot';

const setup = buildNa64eSetup();

function columnsOf(points: [number, number, number][]) {
  const c = allocateColumns(points.length, 0);
  points.forEach(([x, y, bits], i) => {
    c.eEcalGeV[i] = x;
    c.eHcalGeV[i] = y;
    c.cutBits[i] = bits;
    c.weight[i] = 1;
  });
  return c;
}

describe('ROOT TH2D JSON', () => {
  it('has the JSROOT object layout with (nx+2)(ny+2) cells', () => {
    const h = hermeticityTH2D(setup, columnsOf([[50, 1, 0]]), 0, { nx: 24, ny: 12 });
    expect(h._typename).toBe('TH2D');
    expect(h.fXaxis._typename).toBe('TAxis');
    expect(h.fXaxis).toMatchObject({ fNbins: 24, fXmin: 0, fXmax: 120, fTitle: 'E_{ECAL} [GeV]' });
    expect(h.fYaxis).toMatchObject({ fNbins: 12, fXmin: 0, fXmax: 120, fTitle: 'E_{HCAL} [GeV]' });
    expect(h.fNcells).toBe(26 * 14);
    expect(h.fArray).toHaveLength(26 * 14);
    expect(h.fFunctions).toEqual({ _typename: 'TList', name: 'TList', arr: [], opt: [] });
    expect(JSON.parse(JSON.stringify(h))).toEqual(h);
  });

  it('puts events in bin ix + (nx+2)·iy with under- and overflow', () => {
    const nx = 24; // 5 GeV bins
    const ny = 12; // 10 GeV bins
    const c = columnsOf([
      [0.1, 0.1, 0], // (1,1)
      [52, 33, 0], // (11,4)
      [52, 33, 0], // (11,4) again
      [119.99, 119.99, 0], // (24,12)
      [120, 5, 0], // x overflow: (25,1)
      [-1, 5, 0], // x underflow: (0,1)
      [7, 500, 0], // y overflow: (2,13)
      [NaN, 5, 0], // not filled
    ]);
    const h = hermeticityTH2D(setup, c, 0, { nx, ny });
    const at = (ix: number, iy: number) => h.fArray[th2Bin(h, ix, iy)];
    expect(th2Bin(h, 1, 1)).toBe(1 + 26);
    expect(at(1, 1)).toBe(1);
    expect(at(11, 4)).toBe(2);
    expect(at(24, 12)).toBe(1);
    expect(at(25, 1)).toBe(1);
    expect(at(0, 1)).toBe(1);
    expect(at(2, 13)).toBe(1);
    expect(h.fArray.reduce((a, b) => a + b, 0)).toBe(7);
    expect(h.fEntries).toBe(7);
    // statistics over in-range fills only
    expect(h.fTsumw).toBe(4);
    expect(h.fTsumwx).toBeCloseTo(0.1 + 52 + 52 + 119.99, 4); // Float32 columns
    expect(h.fTsumwy).toBeCloseTo(0.1 + 33 + 33 + 119.99, 4);
  });

  it('fills only the events passing the cut mask', () => {
    const c = columnsOf([
      [10, 1, 0b11],
      [10, 1, 0b01],
      [10, 1, 0b00],
    ]);
    expect(hermeticityTH2D(setup, c, 0b11).fEntries).toBe(1);
    expect(hermeticityTH2D(setup, c, 0b01).fEntries).toBe(2);
    expect(hermeticityTH2D(setup, c, 0).fEntries).toBe(3);
  });

  it('writes ROOT LaTeX subscripts', () => {
    expect(rootLatex('E_ECAL + E_VHCAL + E_HCAL [GeV]')).toBe('E_{ECAL} + E_{VHCAL} + E_{HCAL} [GeV]');
  });
});
