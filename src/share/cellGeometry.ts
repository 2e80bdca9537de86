/**
 * Calorimeter cell geometry in lab millimetres (physics/setups/types.ts frame), shared by the
 * Phoenix export and import: the front plane and transverse centre of a readout cell, and the
 * reverse lookup of a cell from a position. Same convention as the 3D view (scene3d/units.ts
 * cellBox): ix along +x and iy along +y from the −x/−y corner; for an element with a preshower,
 * layer 0 is the front preshowerLayers/layers of its length and layer 1 the rest.
 */
import type { DetectorElement, Setup } from '../physics/setups/types';

export interface CellPlacement {
  /** Transverse centre [mm]. */
  xMm: number;
  yMm: number;
  /** Front face and length of the longitudinal segment [mm]. */
  zFrontMm: number;
  lengthMm: number;
  /** Cell pitch [mm]. */
  pitchXMm: number;
  pitchYMm: number;
}

/** Front z and length of longitudinal segment `layer` of an element. */
export function segmentOf(el: DetectorElement, layer: number): { zFrontMm: number; lengthMm: number } {
  const nLayers = el.stack?.layers ?? 0;
  if (el.preshowerLayers && nLayers > 0 && el.preshowerLayers < nLayers) {
    const front = (el.lengthMm * el.preshowerLayers) / nLayers;
    return layer <= 0 ? { zFrontMm: el.zMm, lengthMm: front } : { zFrontMm: el.zMm + front, lengthMm: el.lengthMm - front };
  }
  return { zFrontMm: el.zMm, lengthMm: el.lengthMm };
}

/** Whether the element is read out in two longitudinal segments (preshower + main). */
export function hasPreshower(el: DetectorElement): boolean {
  const nLayers = el.stack?.layers ?? 0;
  return !!el.preshowerLayers && nLayers > 0 && el.preshowerLayers < nLayers;
}

/** Placement of cell (ix, iy, layer) of an element; null outside its grid. */
export function cellPlacement(el: DetectorElement, ix: number, iy: number, layer: number): CellPlacement | null {
  const nx = el.cells?.nx ?? 1;
  const ny = el.cells?.ny ?? 1;
  if (!(ix >= 0 && iy >= 0 && ix < nx && iy < ny)) return null;
  const pitchXMm = el.widthMm / nx;
  const pitchYMm = el.heightMm / ny;
  const seg = segmentOf(el, layer);
  return {
    xMm: el.xMm - el.widthMm / 2 + (ix + 0.5) * pitchXMm,
    yMm: el.yMm - el.heightMm / 2 + (iy + 0.5) * pitchYMm,
    zFrontMm: seg.zFrontMm,
    lengthMm: seg.lengthMm,
    pitchXMm,
    pitchYMm,
  };
}

/** Roles of elements read out as one cell when they have no cell grid (VETO, SRD, HCAL0, counters). */
const SINGLE_CELL_ROLES = new Set(['ecal', 'hcal', 'hcal0', 'vhcal', 'veto', 'srd', 'counter']);

/** Whether energy deposits of an element are recorded as cells (a grid, or the element as one cell). */
export function hasCells(el: DetectorElement): boolean {
  return !!el.cells || SINGLE_CELL_ROLES.has(el.role);
}

/**
 * The cell of a setup at a transverse position on a front plane z: the element whose segment
 * starts at (or, failing that, contains) z, and whose face contains (x, y). Null if none.
 */
export function cellAt(
  setup: Setup,
  xMm: number,
  yMm: number,
  zPlaneMm: number,
): { detector: string; ix: number; iy: number; layer: number } | null {
  const tol = 0.5;
  let best: { el: DetectorElement; layer: number; exact: boolean } | null = null;
  for (const el of setup.elements) {
    if (!hasCells(el)) continue;
    const layers = hasPreshower(el) ? [0, 1] : [0];
    for (const layer of layers) {
      const seg = segmentOf(el, layer);
      const exact = Math.abs(seg.zFrontMm - zPlaneMm) <= tol;
      const inside = zPlaneMm >= seg.zFrontMm - tol && zPlaneMm <= seg.zFrontMm + seg.lengthMm + tol;
      if (!exact && !inside) continue;
      const fx = (xMm - (el.xMm - el.widthMm / 2)) / el.widthMm;
      const fy = (yMm - (el.yMm - el.heightMm / 2)) / el.heightMm;
      if (!(fx >= 0 && fx < 1 && fy >= 0 && fy < 1)) continue;
      if (!best || (exact && !best.exact)) best = { el, layer, exact };
    }
  }
  if (!best) return null;
  const { el, layer } = best;
  const nx = el.cells?.nx ?? 1;
  const ny = el.cells?.ny ?? 1;
  const ix = Math.min(nx - 1, Math.floor(((xMm - (el.xMm - el.widthMm / 2)) / el.widthMm) * nx));
  const iy = Math.min(ny - 1, Math.floor(((yMm - (el.yMm - el.heightMm / 2)) / el.heightMm) * ny));
  return { detector: el.id, ix, iy, layer };
}
