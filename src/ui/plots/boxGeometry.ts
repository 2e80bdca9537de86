/**
 * Signal-box geometry for dragging and keyboard nudges: pure functions over plain numbers (no DOM),
 * writing into caller-owned objects so pointer-move handlers allocate nothing.
 */
import type { PlotAxes, SignalBox } from '../../physics/setups/types';
import type { BoxHandle } from './types';
import { dragStep, roundTo, type PlotScales } from './scales';

/** Pointer-down state of a drag. */
export interface DragStart {
  handle: BoxHandle;
  /** Pointer position at pointer-down, plot-area pixels. */
  px: number;
  py: number;
  /** Box at pointer-down. */
  box: SignalBox;
}

const clamp = (v: number, lo: number, hi: number) => (v < lo ? lo : v > hi ? hi : v);

/** Copy `src` into `dst` and return `dst`. */
export function copyBox(dst: SignalBox, src: SignalBox): SignalBox {
  dst.xMinGeV = src.xMinGeV;
  dst.xMaxGeV = src.xMaxGeV;
  dst.yMinGeV = src.yMinGeV;
  dst.yMaxGeV = src.yMaxGeV;
  return dst;
}

export const sameBox = (a: SignalBox, b: SignalBox): boolean =>
  a.xMinGeV === b.xMinGeV && a.xMaxGeV === b.xMaxGeV && a.yMinGeV === b.yMinGeV && a.yMaxGeV === b.yMaxGeV;

/** A valid box inside the axes: 0 <= min <= max <= axis maximum (a new object). */
export function clampBox(b: SignalBox, axes: Pick<PlotAxes, 'xMaxGeV' | 'yMaxGeV'>): SignalBox {
  const xMin = clamp(Math.min(b.xMinGeV, b.xMaxGeV), 0, axes.xMaxGeV);
  const xMax = clamp(Math.max(b.xMinGeV, b.xMaxGeV), 0, axes.xMaxGeV);
  const yMin = clamp(Math.min(b.yMinGeV, b.yMaxGeV), 0, axes.yMaxGeV);
  const yMax = clamp(Math.max(b.yMinGeV, b.yMaxGeV), 0, axes.yMaxGeV);
  return { xMinGeV: xMin, xMaxGeV: xMax, yMinGeV: yMin, yMaxGeV: yMax };
}

const movesLeft = (h: BoxHandle) => h === 'left' || h === 'tl' || h === 'bl';
const movesRight = (h: BoxHandle) => h === 'right' || h === 'tr' || h === 'br';
const movesTop = (h: BoxHandle) => h === 'top' || h === 'tl' || h === 'tr';
const movesBottom = (h: BoxHandle) => h === 'bottom' || h === 'bl' || h === 'br';

/** Edge value after moving its pixel position by d, rounded to about one pixel, in [lo, hi]. */
function dragEdge(scale: PlotScales['x'], v0: number, d: number, lo: number, hi: number): number {
  const v = scale.invert(scale(v0) + d);
  return clamp(roundTo(v, dragStep(scale, v)), lo, hi);
}

/**
 * The box while dragging `s.handle` with the pointer at (px, py) (plot-area pixels), written into
 * `out`. Edges follow the pointer (keeping the grab offset) and stop at the opposite edge and at the
 * axes; the body moves by the pointer displacement in GeV, keeping the box size.
 */
export function dragBox(s: DragStart, px: number, py: number, sc: PlotScales, out: SignalBox): SignalBox {
  const b = s.box;
  copyBox(out, b);
  const dx = px - s.px;
  const dy = py - s.py;
  const h = s.handle;
  if (h === 'body') {
    const cx = clamp(px, 0, sc.frame.innerWidth);
    const cy = clamp(py, 0, sc.frame.innerHeight);
    let ddx = sc.x.invert(cx) - sc.x.invert(clamp(s.px, 0, sc.frame.innerWidth));
    let ddy = sc.y.invert(cy) - sc.y.invert(clamp(s.py, 0, sc.frame.innerHeight));
    ddx = roundTo(ddx, dragStep(sc.x, b.xMinGeV));
    ddy = roundTo(ddy, dragStep(sc.y, Math.max(0, b.yMinGeV + ddy)));
    ddx = clamp(ddx, -b.xMinGeV, sc.xMaxGeV - b.xMaxGeV);
    ddy = clamp(ddy, -b.yMinGeV, sc.yMaxGeV - b.yMaxGeV);
    out.xMinGeV = b.xMinGeV + ddx;
    out.xMaxGeV = b.xMaxGeV + ddx;
    out.yMinGeV = b.yMinGeV + ddy;
    out.yMaxGeV = b.yMaxGeV + ddy;
    return out;
  }
  if (movesLeft(h)) out.xMinGeV = dragEdge(sc.x, b.xMinGeV, dx, 0, b.xMaxGeV);
  if (movesRight(h)) out.xMaxGeV = dragEdge(sc.x, b.xMaxGeV, dx, b.xMinGeV, sc.xMaxGeV);
  if (movesBottom(h)) out.yMinGeV = dragEdge(sc.y, b.yMinGeV, dy, 0, b.yMaxGeV);
  if (movesTop(h)) out.yMaxGeV = dragEdge(sc.y, b.yMaxGeV, dy, b.yMinGeV, sc.yMaxGeV);
  return out;
}

/** Keyboard steps [GeV]: x edges 0.5, y edges 0.1; Shift multiplies by 10. */
export const KEY_STEP_X_GEV = 0.5;
export const KEY_STEP_Y_GEV = 0.1;

/**
 * The box after nudging one edge by `steps` keyboard steps (positive = towards larger values),
 * kept valid and inside the axes (a new object).
 */
export function nudgeEdge(
  box: SignalBox,
  edge: 'left' | 'right' | 'top' | 'bottom',
  steps: number,
  axes: Pick<PlotAxes, 'xMaxGeV' | 'yMaxGeV'>,
): SignalBox {
  const out = { ...box };
  if (edge === 'left')
    out.xMinGeV = clamp(roundTo(box.xMinGeV + steps * KEY_STEP_X_GEV, 0.001), 0, box.xMaxGeV);
  if (edge === 'right')
    out.xMaxGeV = clamp(roundTo(box.xMaxGeV + steps * KEY_STEP_X_GEV, 0.001), box.xMinGeV, axes.xMaxGeV);
  if (edge === 'bottom')
    out.yMinGeV = clamp(roundTo(box.yMinGeV + steps * KEY_STEP_Y_GEV, 0.001), 0, box.yMaxGeV);
  if (edge === 'top')
    out.yMaxGeV = clamp(roundTo(box.yMaxGeV + steps * KEY_STEP_Y_GEV, 0.001), box.yMinGeV, axes.yMaxGeV);
  return out;
}
