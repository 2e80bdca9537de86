import { describe, expect, it } from 'vitest';
import { clampBox, dragBox, nudgeEdge, type DragStart } from './boxGeometry';
import { regionPolygon } from './regionGeometry';
import { NA64E_REGIONS } from './regions';
import { makeFrame, makeScales } from './scales';

const axes = { xLabel: 'E_ECAL [GeV]', yLabel: 'E_HCAL [GeV]', xMaxGeV: 120, yMaxGeV: 120 };
const box = { xMinGeV: 0, xMaxGeV: 50, yMinGeV: 0, yMaxGeV: 1 };

describe('signal box geometry', () => {
  const sc = makeScales(makeFrame(800, 600), axes, 'symlog');
  const start = (handle: DragStart['handle'], xGeV: number, yGeV: number): DragStart => ({
    handle,
    px: sc.x(xGeV),
    py: sc.y(yGeV),
    box: { ...box },
  });
  const out = { ...box };

  it('moves only the dragged edge, following the pointer', () => {
    const s = start('right', 50, 0.5);
    dragBox(s, sc.x(60), s.py, sc, out);
    expect(out.xMaxGeV).toBeCloseTo(60, 0);
    expect(out.xMinGeV).toBe(0);
    expect(out.yMaxGeV).toBe(1);
  });
  it('stops an edge at the opposite edge and at the axes', () => {
    dragBox(start('right', 50, 0.5), -500, sc.y(0.5), sc, out);
    expect(out.xMaxGeV).toBe(0);
    dragBox(start('top', 25, 1), sc.x(25), -999, sc, out);
    expect(out.yMaxGeV).toBe(120);
    dragBox(start('bottom', 25, 0), sc.x(25), 9999, sc, out);
    expect(out.yMinGeV).toBe(0);
  });
  it('moves the body by the pointer displacement in GeV, keeping its size', () => {
    const s = start('body', 25, 0.5);
    dragBox(s, sc.x(35), sc.y(10.5), sc, out);
    expect(out.xMaxGeV - out.xMinGeV).toBeCloseTo(50, 6);
    expect(out.yMaxGeV - out.yMinGeV).toBeCloseTo(1, 6);
    expect(out.xMinGeV).toBeCloseTo(10, 0);
    expect(out.yMinGeV).toBeCloseTo(10, 0);
  });
  it('nudges edges by keyboard steps and keeps the box valid', () => {
    expect(nudgeEdge(box, 'right', 1, axes).xMaxGeV).toBe(50.5);
    expect(nudgeEdge(box, 'top', 10, axes).yMaxGeV).toBe(2);
    expect(nudgeEdge(box, 'bottom', 100, axes).yMinGeV).toBe(1);
    expect(nudgeEdge(box, 'left', -1, axes).xMinGeV).toBe(0);
  });
  it('clamps boxes into the axes', () => {
    expect(clampBox({ xMinGeV: -5, xMaxGeV: 500, yMinGeV: 2, yMaxGeV: 1 }, axes)).toEqual({
      xMinGeV: 0,
      xMaxGeV: 120,
      yMinGeV: 1,
      yMaxGeV: 2,
    });
  });
});

describe('regions', () => {
  it('clips the diagonal band to the plot', () => {
    const ii = NA64E_REGIONS.find((r) => r.id === 'II')!;
    const poly = regionPolygon(ii, 120, 120);
    expect(poly.length).toBeGreaterThanOrEqual(4);
    for (const [x, y] of poly) {
      expect(x + y).toBeGreaterThanOrEqual(92 - 1e-9);
      expect(x + y).toBeLessThanOrEqual(108 + 1e-9);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(y).toBeGreaterThanOrEqual(0);
    }
  });
  it('defines the four NA64e regions', () => {
    expect(NA64E_REGIONS.map((r) => r.id)).toEqual(['I', 'II', 'III', 'spot']);
  });
});
