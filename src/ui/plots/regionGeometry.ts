/**
 * Outlines of plot regions as SVG paths in plot-area pixels. Shapes are clipped in data space
 * (GeV) and their edges subdivided before mapping, so a straight band bends correctly on a symlog
 * axis. Pure functions.
 */
import type { SignalBox } from '../../physics/setups/types';
import type { PlotScales } from './scales';
import type { PlotRegion } from './types';

type Pt = [number, number];

/** Sutherland–Hodgman: keep the part of a convex polygon with f(p) >= 0 (f affine). */
function clipHalfPlane(poly: Pt[], f: (p: Pt) => number): Pt[] {
  const out: Pt[] = [];
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i];
    const b = poly[(i + 1) % poly.length];
    const fa = f(a);
    const fb = f(b);
    if (fa >= 0) out.push(a);
    if (fa >= 0 !== fb >= 0) {
      const t = fa / (fa - fb);
      out.push([a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]);
    }
  }
  return out;
}

function rectPoly(b: SignalBox): Pt[] {
  return [
    [b.xMinGeV, b.yMinGeV],
    [b.xMaxGeV, b.yMinGeV],
    [b.xMaxGeV, b.yMaxGeV],
    [b.xMinGeV, b.yMaxGeV],
  ];
}

/** The region as a polygon in GeV, clipped to the plot range. */
export function regionPolygon(r: PlotRegion, xMaxGeV: number, yMaxGeV: number): Pt[] {
  const plot: SignalBox = { xMinGeV: 0, xMaxGeV, yMinGeV: 0, yMaxGeV };
  const base = r.kind === 'rect' ? r.box : (r.within ?? plot);
  let poly = rectPoly({
    xMinGeV: Math.max(0, base.xMinGeV),
    xMaxGeV: Math.min(xMaxGeV, base.xMaxGeV),
    yMinGeV: Math.max(0, base.yMinGeV),
    yMaxGeV: Math.min(yMaxGeV, base.yMaxGeV),
  });
  if (r.kind === 'band') {
    poly = clipHalfPlane(poly, (p) => r.ax * p[0] + r.ay * p[1] - r.cMinGeV);
    poly = clipHalfPlane(poly, (p) => r.cMaxGeV - (r.ax * p[0] + r.ay * p[1]));
  }
  return poly;
}

/** SVG path of the region in plot-area pixels ('' if it lies outside the plot). */
export function regionPath(r: PlotRegion, sc: PlotScales, segments = 32): string {
  const poly = regionPolygon(r, sc.xMaxGeV, sc.yMaxGeV);
  if (poly.length < 3) return '';
  const parts: string[] = [];
  for (let i = 0; i < poly.length; i++) {
    const a = poly[i];
    const b = poly[(i + 1) % poly.length];
    // straight in pixels if the edge is vertical or horizontal (or the y axis is linear)
    const n = sc.yMode === 'linear' || a[0] === b[0] || a[1] === b[1] ? 1 : segments;
    for (let k = 0; k < n; k++) {
      const t = k / n;
      const x = sc.x(a[0] + t * (b[0] - a[0]));
      const y = sc.y(a[1] + t * (b[1] - a[1]));
      parts.push(`${parts.length === 0 ? 'M' : 'L'}${x.toFixed(1)},${y.toFixed(1)}`);
    }
  }
  return `${parts.join('')}Z`;
}

/** Label anchor of the region in plot-area pixels. */
export function regionLabelPoint(r: PlotRegion, sc: PlotScales): { x: number; y: number } | null {
  if (r.labelAt) return { x: sc.x(r.labelAt.xGeV), y: sc.y(r.labelAt.yGeV) };
  const poly = regionPolygon(r, sc.xMaxGeV, sc.yMaxGeV);
  if (poly.length < 3) return null;
  let x = 0;
  let y = 0;
  for (const p of poly) {
    x += sc.x(p[0]);
    y += sc.y(p[1]);
  }
  return { x: x / poly.length, y: y / poly.length };
}
