/**
 * Where to put a floating dialog so that it covers as little as possible of the page parts it
 * explains: the viewport corner (or edge centre) with the smallest overlap with the targets.
 * Pure geometry (unit-tested).
 */

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left);
  const h = Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top);
  return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Position of a `w`×`h` box in a viewport `vw`×`vh` (keeping `margin` from the edges and `topInset`
 * from the top) that overlaps the target rectangles least; ties go to the first candidate in the
 * order bottom-right, bottom-left, top-right, top-left, bottom-centre, right-middle, left-middle.
 */
export function placeDialog(
  w: number,
  h: number,
  vw: number,
  vh: number,
  targets: readonly Rect[],
  margin = 8,
  topInset = 0,
): { left: number; top: number } {
  const right = Math.max(margin, vw - w - margin);
  const bottom = Math.max(margin + topInset, vh - h - margin);
  const top = margin + topInset;
  const midY = Math.max(top, (vh - h) / 2);
  const candidates = [
    { left: right, top: bottom },
    { left: margin, top: bottom },
    { left: right, top },
    { left: margin, top },
    { left: Math.max(margin, (vw - w) / 2), top: bottom },
    { left: right, top: midY },
    { left: margin, top: midY },
  ];
  let best = candidates[0];
  let bestScore = Infinity;
  for (const c of candidates) {
    const r = { left: c.left, top: c.top, width: w, height: h };
    let s = 0;
    for (const t of targets) s += overlap(r, t);
    if (s < bestScore - 1) {
      bestScore = s;
      best = c;
    }
  }
  return best;
}

/** The part of `r` inside the viewport (zero size when outside). */
export function clipToViewport(r: Rect, vw: number, vh: number): Rect {
  const left = Math.max(0, r.left);
  const top = Math.max(0, r.top);
  const right = Math.min(vw, r.left + r.width);
  const bottom = Math.min(vh, r.top + r.height);
  return { left, top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
}
