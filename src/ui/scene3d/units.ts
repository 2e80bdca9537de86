/**
 * The one place where lab coordinates (mm, see physics/setups/types.ts) become 3D world units.
 *
 * World units are metres. The lab frame maps directly onto the three.js frame (x horizontal =
 * bending plane, y up, z along the incoming beam), both right-handed. Because the NA64 setup is
 * ~30 m long but only ~0.5 m wide, x and y are multiplied by a transverse exaggeration factor so
 * that the bend and the calorimeters are visible; z is never scaled. Everything drawn in the
 * scene (detector boxes, tracks, hits, cells) goes through these functions, so it stays consistent.
 */
import type { DetectorElement, Setup } from '../../physics/setups/types';

/** Transverse exaggeration factors offered in the view. */
export const TRANSVERSE_SCALES = [1, 5, 20] as const;
export const DEFAULT_TRANSVERSE_SCALE = 5;

/** mm per world unit (world = metres). */
const MM_PER_WORLD = 1000;

/** Longitudinal (z) position or length: mm → world. */
export function zToWorld(zMm: number): number {
  return zMm / MM_PER_WORLD;
}

/** Transverse (x or y) position or size: mm → world, exaggerated by `scale`. */
export function transverseToWorld(mm: number, scale: number): number {
  return (mm / MM_PER_WORLD) * scale;
}

/**
 * Convert a flat [x,y,z, x,y,z, ...] array in mm into world units, writing into `out`
 * (allocated when not given). Returns `out`.
 */
export function flatPointsToWorld(
  points: ArrayLike<number>,
  scale: number,
  out?: Float32Array,
): Float32Array {
  const n = points.length - (points.length % 3);
  const res = out ?? new Float32Array(n);
  const k = scale / MM_PER_WORLD;
  for (let i = 0; i < n; i += 3) {
    res[i] = points[i] * k;
    res[i + 1] = points[i + 1] * k;
    res[i + 2] = points[i + 2] / MM_PER_WORLD;
  }
  return res;
}

/** An axis-aligned box in world units: centre and full sizes. */
export interface WorldBox {
  cx: number;
  cy: number;
  cz: number;
  sx: number;
  sy: number;
  sz: number;
}

/** World box of a detector element (its centre in z is the upstream face + half the length). */
export function elementBox(el: DetectorElement, scale: number): WorldBox {
  return {
    cx: transverseToWorld(el.xMm, scale),
    cy: transverseToWorld(el.yMm, scale),
    cz: zToWorld(el.zMm + el.lengthMm / 2),
    sx: transverseToWorld(el.widthMm, scale),
    sy: transverseToWorld(el.heightMm, scale),
    sz: zToWorld(el.lengthMm),
  };
}

/** Axis-aligned bounds in world units. */
export interface WorldBounds {
  min: [number, number, number];
  max: [number, number, number];
}

/** Bounds of a set of elements (the whole setup when `ids` is omitted). */
export function setupBounds(setup: Setup, scale: number, ids?: readonly string[]): WorldBounds {
  const min: [number, number, number] = [Infinity, Infinity, Infinity];
  const max: [number, number, number] = [-Infinity, -Infinity, -Infinity];
  for (const el of setup.elements) {
    if (ids && !ids.includes(el.id)) continue;
    const b = elementBox(el, scale);
    const lo = [b.cx - b.sx / 2, b.cy - b.sy / 2, b.cz - b.sz / 2];
    const hi = [b.cx + b.sx / 2, b.cy + b.sy / 2, b.cz + b.sz / 2];
    for (let k = 0; k < 3; k++) {
      min[k] = Math.min(min[k], lo[k]);
      max[k] = Math.max(max[k], hi[k]);
    }
  }
  if (!Number.isFinite(min[0])) return { min: [-1, -1, -1], max: [1, 1, 1] };
  return { min, max };
}

/**
 * World box of one readout cell (ix along +x, iy along +y, counted from the −x/−y corner).
 * Longitudinal segment: for an element with a preshower, layer 0 is the front
 * preshowerLayers/layers of the length and layer 1 the rest; otherwise the whole length.
 * Returns null for a cell outside the element's grid.
 */
export function cellBox(
  el: DetectorElement,
  ix: number,
  iy: number,
  layer: number,
  scale: number,
): WorldBox | null {
  const nx = el.cells?.nx ?? 1;
  const ny = el.cells?.ny ?? 1;
  if (ix < 0 || iy < 0 || ix >= nx || iy >= ny) return null;
  const pitchX = el.widthMm / nx;
  const pitchY = el.heightMm / ny;
  let z0 = el.zMm;
  let len = el.lengthMm;
  const nLayers = el.stack?.layers ?? 0;
  if (el.preshowerLayers && nLayers > 0 && el.preshowerLayers < nLayers) {
    const front = (el.lengthMm * el.preshowerLayers) / nLayers;
    if (layer <= 0) len = front;
    else {
      z0 = el.zMm + front;
      len = el.lengthMm - front;
    }
  }
  return {
    cx: transverseToWorld(el.xMm - el.widthMm / 2 + (ix + 0.5) * pitchX, scale),
    cy: transverseToWorld(el.yMm - el.heightMm / 2 + (iy + 0.5) * pitchY, scale),
    cz: zToWorld(z0 + len / 2),
    sx: transverseToWorld(pitchX, scale),
    sy: transverseToWorld(pitchY, scale),
    sz: zToWorld(len),
  };
}
