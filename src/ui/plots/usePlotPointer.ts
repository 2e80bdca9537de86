/**
 * Pointer handling of the hermeticity plot: native listeners on the plot root (attached once,
 * allocation-free per move), hover readout, click-to-select, and box drags coalesced to one
 * onBoxChange per animation frame (committed with flushSync before the frame is painted). Also
 * the keyboard nudge callback of the signal box.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import { flushSync } from 'react-dom';
import type { TFunction } from 'i18next';
import type { AnalysisResult } from '../../analysis/analysis';
import { nearestPosition } from '../../analysis/eventSearch';
import type { PlotAxes, SignalBox } from '../../physics/setups/types';
import { clampBox, copyBox, dragBox, nudgeEdge, sameBox, type DragStart } from './boxGeometry';
import { formatGeV } from './format';
import { showAtPlotPoint, type HoverReadoutHandle } from './HoverReadout';
import { binCountText } from './plotText';
import type { PlotScales } from './scales';
import type { BoxHandle } from './types';

/** The plot props the pointer handling reads (always the latest ones). */
export interface PlotPointerProps {
  analysis: AnalysisResult | null;
  axes: PlotAxes;
  box: SignalBox;
  onBoxChange: (b: SignalBox) => void;
  onSelectEvent: (eventIndex: number, xGeV: number, yGeV: number) => void;
}

export type NudgeEdge = 'left' | 'right' | 'top' | 'bottom';

/** Pointer travel [px] below which a press counts as a click. */
const CLICK_SLOP = 4;
/** Markers within this distance [px] of a click win over the nearest-event search. */
const MARKER_PICK_PX = 7;
/** A click selects the nearest event within this distance [px] (a click farther from every event selects nothing). */
const CLICK_PICK_PX = 80;

interface PointerState {
  pointerId: number;
  /** 'drag': moving the box; 'press': maybe a click, maybe (on the body) the start of a move. */
  mode: 'idle' | 'drag' | 'press';
  start: DragStart;
  onBody: boolean;
}

/**
 * Attaches the pointer handlers to `rootRef`'s element and returns the box's keyboard nudge
 * callback (stable).
 */
export function usePlotPointer(
  rootRef: RefObject<HTMLDivElement | null>,
  readoutRef: RefObject<HoverReadoutHandle | null>,
  props: PlotPointerProps,
  scales: PlotScales,
  t: TFunction,
  locale: string,
  size: { width: number; height: number },
): (edge: NudgeEdge, steps: number) => void {
  // ---- latest values for the native handlers (they are attached once) ----
  const latest = useRef<{ props: PlotPointerProps; scales: PlotScales; t: TFunction; locale: string }>({
    props,
    scales,
    t,
    locale,
  });
  useLayoutEffect(() => {
    latest.current = { props, scales, t, locale };
  });

  // ---- per-gesture state, all preallocated ----
  const pointer = useRef<PointerState>({
    pointerId: -1,
    mode: 'idle',
    start: { handle: 'body', px: 0, py: 0, box: { xMinGeV: 0, xMaxGeV: 0, yMinGeV: 0, yMaxGeV: 0 } },
    onBody: false,
  });
  const pendingBox = useRef<SignalBox>({ xMinGeV: 0, xMaxGeV: 0, yMinGeV: 0, yMaxGeV: 0 });
  const sentBox = useRef<SignalBox>({ xMinGeV: NaN, xMaxGeV: NaN, yMinGeV: NaN, yMaxGeV: NaN });
  const rafId = useRef(0);
  const rootRect = useRef<{ left: number; top: number; valid: boolean }>({ left: 0, top: 0, valid: false });

  const flush = useCallback(() => {
    rafId.current = 0;
    const p = pendingBox.current;
    if (sameBox(p, sentBox.current)) return;
    copyBox(sentBox.current, p);
    const b = { ...p };
    // render and commit the new box (and the parent's count) before this frame is painted
    flushSync(() => latest.current.props.onBoxChange(b));
  }, []);

  useEffect(() => {
    const root = rootRef.current;
    if (!root) return;
    const ptr = pointer.current;
    const rect = rootRect.current;
    const updateRect = () => {
      const r = root.getBoundingClientRect();
      rect.left = r.left;
      rect.top = r.top;
      rect.valid = true;
    };
    const invalidate = () => {
      rect.valid = false;
    };
    const handleOf = (t: EventTarget | null): BoxHandle | null => {
      const el = t instanceof Element ? t.closest('[data-handle]') : null;
      return el ? (el.getAttribute('data-handle') as BoxHandle) : null;
    };
    const showDragReadout = (sc: PlotScales, px: number, py: number) => {
      const b = pendingBox.current;
      const { t: tr, locale: loc } = latest.current;
      showAtPlotPoint(
        readoutRef.current,
        sc.frame,
        px,
        py,
        `${formatGeV(b.xMinGeV, loc)} – ${formatGeV(b.xMaxGeV, loc)} GeV`,
        `${formatGeV(b.yMinGeV, loc)} – ${formatGeV(b.yMaxGeV, loc)} GeV`,
        tr('plot.signalBox'),
      );
    };
    const hover = (sc: PlotScales, px: number, py: number) => {
      const f = sc.frame;
      if (px < 0 || py < 0 || px > f.innerWidth || py > f.innerHeight) {
        readoutRef.current?.hide();
        return;
      }
      const xg = sc.x.invert(px);
      const yg = sc.y.invert(py);
      const { t: tr, locale: loc } = latest.current;
      showAtPlotPoint(
        readoutRef.current,
        f,
        px,
        py,
        `${formatGeV(xg, loc)} GeV`,
        `${formatGeV(yg, loc)} GeV`,
        binCountText(tr, latest.current.props.analysis, xg, yg, loc),
      );
    };
    const toPlot = (e: PointerEvent, sc: PlotScales, out: { px: number; py: number }) => {
      if (!rect.valid) updateRect();
      out.px = e.clientX - rect.left - sc.frame.margin.left;
      out.py = e.clientY - rect.top - sc.frame.margin.top;
    };
    const pos = { px: 0, py: 0 };

    const select = (sc: PlotScales, px: number, py: number) => {
      const { analysis: a, onSelectEvent } = latest.current.props;
      if (!a) return;
      // 1. a visible marker under the cursor (pixel distance)
      const m = a.markers;
      let best = -1;
      let bestD = MARKER_PICK_PX * MARKER_PICK_PX;
      for (let i = 0; i < m.x.length; i++) {
        const dx = sc.x(m.x[i]) - px;
        if (dx > MARKER_PICK_PX || dx < -MARKER_PICK_PX) continue;
        const dy = sc.y(m.y[i]) - py;
        const d = dx * dx + dy * dy;
        if (d <= bestD) {
          bestD = d;
          best = i;
        }
      }
      if (best >= 0) {
        onSelectEvent(m.eventIndex[best], m.x[best], m.y[best]);
        return;
      }
      // 2. the nearest event of the index on the screen (dense regions; same search as the keyboard cursor)
      const k = nearestPosition(a.index, sc, sc.x.invert(px), sc.y.invert(py), CLICK_PICK_PX * CLICK_PICK_PX);
      if (k < 0) return;
      onSelectEvent(a.index.eventIndex[k], a.index.x[k], a.index.y[k]);
    };

    const endDrag = () => {
      if (rafId.current) cancelAnimationFrame(rafId.current);
      flush();
      ptr.mode = 'idle';
      ptr.pointerId = -1;
      delete root.dataset.drag;
    };

    const onDown = (e: PointerEvent) => {
      if (e.button !== 0 || ptr.mode !== 'idle') return;
      // controls drawn on the plot keep their own clicks
      if (e.target instanceof Element && e.target.closest('button, input, select, a')) return;
      const { scales: sc, props: p } = latest.current;
      updateRect();
      toPlot(e, sc, pos);
      const handle = handleOf(e.target);
      const f = sc.frame;
      const inside = pos.px >= 0 && pos.py >= 0 && pos.px <= f.innerWidth && pos.py <= f.innerHeight;
      if (!handle && !inside) return;
      ptr.pointerId = e.pointerId;
      ptr.start.handle = handle ?? 'body';
      ptr.start.px = pos.px;
      ptr.start.py = pos.py;
      copyBox(ptr.start.box, clampBox(p.box, p.axes));
      copyBox(pendingBox.current, ptr.start.box);
      copyBox(sentBox.current, p.box);
      ptr.onBody = handle === 'body';
      if (handle && handle !== 'body') {
        ptr.mode = 'drag';
        root.dataset.drag = handle;
        showDragReadout(sc, pos.px, pos.py);
      } else {
        ptr.mode = 'press';
      }
      root.setPointerCapture(e.pointerId);
      if (handle) e.preventDefault();
    };

    const onMove = (e: PointerEvent) => {
      const sc = latest.current.scales;
      toPlot(e, sc, pos);
      if (ptr.mode === 'idle' || e.pointerId !== ptr.pointerId) {
        if (ptr.mode !== 'idle') return;
        if (e.target instanceof Element && e.target.closest('button')) readoutRef.current?.hide();
        else hover(sc, pos.px, pos.py);
        return;
      }
      if (ptr.mode === 'press') {
        const dx = pos.px - ptr.start.px;
        const dy = pos.py - ptr.start.py;
        if (dx * dx + dy * dy < CLICK_SLOP * CLICK_SLOP) return;
        if (!ptr.onBody) {
          // a drag on empty plot area: neither a click nor a box move
          ptr.mode = 'idle';
          ptr.pointerId = -1;
          return;
        }
        ptr.mode = 'drag';
        root.dataset.drag = 'body';
      }
      dragBox(ptr.start, pos.px, pos.py, sc, pendingBox.current);
      showDragReadout(sc, pos.px, pos.py);
      if (!rafId.current) rafId.current = requestAnimationFrame(flush);
    };

    const onUp = (e: PointerEvent) => {
      if (e.pointerId !== ptr.pointerId) return;
      if (root.hasPointerCapture(e.pointerId)) root.releasePointerCapture(e.pointerId);
      if (ptr.mode === 'drag') {
        const sc = latest.current.scales;
        toPlot(e, sc, pos);
        dragBox(ptr.start, pos.px, pos.py, sc, pendingBox.current);
        endDrag();
        hover(sc, pos.px, pos.py);
      } else if (ptr.mode === 'press') {
        ptr.mode = 'idle';
        ptr.pointerId = -1;
        select(latest.current.scales, ptr.start.px, ptr.start.py);
      }
    };

    const onCancel = (e: PointerEvent) => {
      if (e.pointerId !== ptr.pointerId) return;
      if (ptr.mode === 'drag') endDrag();
      ptr.mode = 'idle';
      ptr.pointerId = -1;
    };

    const onLeave = () => {
      if (ptr.mode === 'idle') readoutRef.current?.hide();
    };

    root.addEventListener('pointerdown', onDown);
    root.addEventListener('pointermove', onMove);
    root.addEventListener('pointerup', onUp);
    root.addEventListener('pointercancel', onCancel);
    root.addEventListener('pointerleave', onLeave);
    root.addEventListener('pointerenter', invalidate);
    window.addEventListener('scroll', invalidate, { passive: true, capture: true });
    window.addEventListener('resize', invalidate, { passive: true });
    return () => {
      root.removeEventListener('pointerdown', onDown);
      root.removeEventListener('pointermove', onMove);
      root.removeEventListener('pointerup', onUp);
      root.removeEventListener('pointercancel', onCancel);
      root.removeEventListener('pointerleave', onLeave);
      root.removeEventListener('pointerenter', invalidate);
      window.removeEventListener('scroll', invalidate, { capture: true });
      window.removeEventListener('resize', invalidate);
      if (rafId.current) cancelAnimationFrame(rafId.current);
      rafId.current = 0;
    };
  }, [rootRef, readoutRef, flush]);

  // the layout moved (resize): cached root position is stale
  useLayoutEffect(() => {
    rootRect.current.valid = false;
  }, [size.width, size.height]);

  const onNudge = useCallback((edge: NudgeEdge, steps: number) => {
    const p = latest.current.props;
    const next = nudgeEdge(clampBox(p.box, p.axes), edge, steps, p.axes);
    if (!sameBox(next, p.box)) p.onBoxChange(next);
  }, []);

  return onNudge;
}
