/**
 * The hermeticity plot: x (NA64e: E_ECAL) against y (E_HCAL) of all events of the analysis, as a
 * log-colour density where events are dense and as process-coloured markers where they are sparse,
 * with a draggable signal box, an optional teaching overlay of regions, click-to-select and a hover
 * readout. Props in, callbacks out: no store access here.
 *
 * Layers, bottom to top: density canvas, markers canvas, SVG (axes, regions, colour bar, selection
 * ring; role="img"), SVG overlay with the interactive box, HTML hover readout. Pointer handling is
 * native and allocation-free per move; box drags are coalesced to one onBoxChange per animation
 * frame. The canvases redraw only when the analysis, the size or the y mode change.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { MARKER_BIN_THRESHOLD, type AnalysisResult } from '../../analysis/analysis';
import { countInBox, nearestEvent } from '../../analysis/boxIndex';
import type { PlotAxes, SignalBox } from '../../physics/setups/types';
import { PROCESSES } from '../../physics/processes';
import { HtmlLabel, quantityName } from './AxisLabel';
import { Axes } from './Axes';
import { clampBox, copyBox, dragBox, nudgeEdge, sameBox, type DragStart } from './boxGeometry';
import { ColorBar } from './ColorBar';
import { makeDensityColor } from './densityColor';
import { DensityLayer } from './DensityLayer';
import { formatCount, formatGeV, formatWeighted } from './format';
import { HoverReadout, type HoverReadoutHandle } from './HoverReadout';
import { MarkersLayer } from './MarkersLayer';
import { RegionsLayer } from './RegionsLayer';
import { regionLabelPoint } from './regionGeometry';
import { makeFrame, makeScales, type PlotScales } from './scales';
import { SelectionRing } from './SelectionRing';
import { SignalBoxMark } from './SignalBoxMark';
import type { BoxHandle, PlotRegion, YScaleMode } from './types';
import { useElementSize } from './useElementSize';
import './plots.css';

export type { PlotRegion, YScaleMode } from './types';

export interface SelectedEvent {
  eventIndex: number;
  xGeV: number;
  yGeV: number;
}

export interface HermeticityPlotProps {
  analysis: AnalysisResult | null;
  axes: PlotAxes;
  box: SignalBox;
  onBoxChange: (b: SignalBox) => void;
  selectedEvent: SelectedEvent | null;
  onSelectEvent: (eventIndex: number, xGeV: number, yGeV: number) => void;
  regions?: PlotRegion[];
  showRegions?: boolean;
  /** Text drawn at the box (e.g. its live count); default: the raw count in the box. */
  boxLabel?: string;
  /** Default 'symlog' (needed for NA64e: the 1 GeV tall box is a few pixels on a linear axis). */
  yScale?: YScaleMode;
  /** If given, the plot shows a linear / symlog switch. */
  onYScaleChange?: (mode: YScaleMode) => void;
  /** Id of a region drawn highlighted (shown even when the regions overlay is off). */
  highlightRegion?: string | null;
  /** Draw the signal box highlighted (teaching). */
  highlightBox?: boolean;
  /** If given, the region labels are buttons (keyboard reachable) that report their region id. */
  onRegionClick?: (id: string) => void;
  /** Locale for the numbers (Intl); default: the current i18n language. */
  locale?: string;
}

const PROCESS_COLORS: readonly string[] = (() => {
  const c: string[] = [];
  for (const p of PROCESSES) c[p.code] = p.color;
  return c;
})();

/** Pointer travel [px] below which a press counts as a click. */
const CLICK_SLOP = 4;
/** Markers within this distance [px] of a click win over the nearest-event search. */
const MARKER_PICK_PX = 7;

interface PointerState {
  pointerId: number;
  /** 'drag': moving the box; 'press': maybe a click, maybe (on the body) the start of a move. */
  mode: 'idle' | 'drag' | 'press';
  start: DragStart;
  onBody: boolean;
}

export function HermeticityPlot(props: HermeticityPlotProps) {
  const {
    analysis,
    axes,
    box,
    selectedEvent,
    regions,
    showRegions = false,
    boxLabel,
    yScale = 'symlog',
    onYScaleChange,
    highlightRegion = null,
    highlightBox = false,
    onRegionClick,
  } = props;
  const { t, i18n } = useTranslation();
  const locale = props.locale ?? i18n.resolvedLanguage ?? 'en';

  const rootRef = useRef<HTMLDivElement>(null);
  const readoutRef = useRef<HoverReadoutHandle>(null);
  const size = useElementSize(rootRef);

  const frame = useMemo(() => makeFrame(size.width, size.height), [size.width, size.height]);
  const { xMaxGeV, yMaxGeV, xLabel, yLabel } = axes;
  const scales = useMemo(
    () => makeScales(frame, { xMaxGeV, yMaxGeV, xLabel, yLabel }, yScale),
    [frame, xMaxGeV, yMaxGeV, xLabel, yLabel, yScale],
  );
  const histogram = analysis?.histogram ?? null;
  const markers = analysis?.markers ?? null;
  const maxCount = histogram?.maxCount ?? 0;
  const densityColor = useMemo(() => makeDensityColor(MARKER_BIN_THRESHOLD, maxCount), [maxCount]);
  const xName = quantityName(xLabel);
  const yName = quantityName(yLabel);

  // Box count for the label / aria-label when the parent gives no label (O(perimeter)).
  const ownCount = useMemo(() => {
    if (boxLabel !== undefined || !analysis) return null;
    const b = clampBox(box, axes);
    return countInBox(analysis.index, b);
  }, [boxLabel, analysis, box, axes]);
  const label =
    boxLabel ??
    (ownCount
      ? t('plot.boxLabel', {
          count: ownCount.raw,
          raw: formatCount(ownCount.raw, locale),
          weighted: formatWeighted(ownCount.weighted, locale),
        })
      : undefined);

  // ---- latest values for the native handlers (they are attached once) ----
  const latest = useRef<{ props: HermeticityPlotProps; scales: PlotScales; t: TFunction; locale: string }>({
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
      const m = sc.frame.margin;
      const { t: tr, locale: loc } = latest.current;
      readoutRef.current?.show(
        px + m.left,
        py + m.top,
        `${formatGeV(b.xMinGeV, loc)} – ${formatGeV(b.xMaxGeV, loc)} GeV`,
        `${formatGeV(b.yMinGeV, loc)} – ${formatGeV(b.yMaxGeV, loc)} GeV`,
        tr('plot.signalBox'),
        px > sc.frame.innerWidth - 180,
        py > sc.frame.innerHeight - 70,
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
      const a = latest.current.props.analysis;
      let countText = tr('plot.noEventsYet');
      if (a) {
        const h = a.histogram;
        const ix = Math.min(h.nx - 1, Math.max(0, Math.floor((xg / h.xMaxGeV) * h.nx)));
        const iy = Math.min(h.ny - 1, Math.max(0, Math.floor((yg / h.yMaxGeV) * h.ny)));
        const c = h.counts[iy * h.nx + ix];
        countText = tr('plot.eventsInBin', { count: c, n: formatCount(c, loc) });
      }
      readoutRef.current?.show(
        px + f.margin.left,
        py + f.margin.top,
        `${formatGeV(xg, loc)} GeV`,
        `${formatGeV(yg, loc)} GeV`,
        countText,
        px > f.innerWidth - 180,
        py > f.innerHeight - 70,
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
      // 2. the nearest event of the index (dense regions)
      const ev = nearestEvent(a.index, sc.x.invert(px), sc.y.invert(py));
      if (ev < 0) return;
      const k = a.index.eventIndex.indexOf(ev);
      if (k < 0) return;
      onSelectEvent(ev, a.index.x[k], a.index.y[k]);
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
  }, [flush]);

  // the layout moved (resize): cached root position is stale
  useLayoutEffect(() => {
    rootRect.current.valid = false;
  }, [size.width, size.height]);

  const onNudge = useCallback((edge: 'left' | 'right' | 'top' | 'bottom', steps: number) => {
    const p = latest.current.props;
    const next = nudgeEdge(clampBox(p.box, p.axes), edge, steps, p.axes);
    if (!sameBox(next, p.box)) p.onBoxChange(next);
  }, []);

  const nEvents = analysis ? analysis.index.x.length : 0;
  const ariaLabel = analysis
    ? t('plot.aria', {
        x: xName,
        y: yName,
        selected: formatCount(nEvents, locale),
        total: formatCount(analysis.nEvents, locale),
        markers: formatCount(markers?.x.length ?? 0, locale),
        xMin: formatGeV(box.xMinGeV, locale),
        xMax: formatGeV(box.xMaxGeV, locale),
        yMin: formatGeV(box.yMinGeV, locale),
        yMax: formatGeV(box.yMaxGeV, locale),
      }) + (label ? `: ${label}.` : '.')
    : t('plot.ariaEmpty', { x: xName, y: yName });

  const ready = size.width > 0 && size.height > 0;
  const m = frame.margin;
  const visibleRegions =
    regions && (showRegions || highlightRegion)
      ? showRegions
        ? regions
        : regions.filter((r) => r.id === highlightRegion)
      : null;

  return (
    <div ref={rootRef} className="hp-root" data-testid="hermeticity-plot">
      {ready ? (
        <>
          <div
            className="hp-canvases"
            style={{ left: m.left, top: m.top, width: frame.innerWidth, height: frame.innerHeight }}
          >
            <DensityLayer
              histogram={histogram}
              index={analysis?.index ?? null}
              scales={scales}
              color={densityColor}
              threshold={MARKER_BIN_THRESHOLD}
            />
            <MarkersLayer markers={markers} scales={scales} colors={PROCESS_COLORS} />
          </div>
          <svg className="hp-svg" width={frame.width} height={frame.height} role="img" aria-label={ariaLabel}>
            <g transform={`translate(${m.left},${m.top})`}>
              <Axes scales={scales} xLabel={xLabel} yLabel={yLabel} />
              {visibleRegions ? (
                <RegionsLayer
                  regions={visibleRegions}
                  scales={scales}
                  highlight={highlightRegion}
                  hideLabels={!!onRegionClick}
                />
              ) : null}
              {histogram && histogram.maxCount > MARKER_BIN_THRESHOLD ? (
                <ColorBar color={densityColor} x={frame.innerWidth + 12} height={frame.innerHeight} />
              ) : null}
              {selectedEvent ? (
                <SelectionRing
                  key={selectedEvent.eventIndex}
                  xGeV={selectedEvent.xGeV}
                  yGeV={selectedEvent.yGeV}
                  scales={scales}
                />
              ) : null}
            </g>
          </svg>
          <svg
            className={highlightBox ? 'hp-overlay hp-box-highlight' : 'hp-overlay'}
            width={frame.width}
            height={frame.height}
            role="group"
            aria-label={t('plot.signalBox')}
            data-highlight={highlightBox ? 'true' : undefined}
          >
            <g transform={`translate(${m.left},${m.top})`}>
              <SignalBoxMark
                box={box}
                scales={scales}
                label={label}
                xName={xName}
                yName={yName}
                onNudge={onNudge}
              />
            </g>
          </svg>
          {!analysis ? (
            <div
              className="hp-empty"
              style={{ left: m.left, top: m.top, width: frame.innerWidth, height: frame.innerHeight }}
            >
              {t('plot.empty')}
            </div>
          ) : null}
          {onYScaleChange ? (
            <div
              className="hp-yscale"
              role="group"
              aria-label={t('plot.yScaleAria')}
              style={{ left: m.left + 8, top: m.top + 8 }}
            >
              {(['symlog', 'linear'] as const).map((mode) => (
                <button
                  key={mode}
                  type="button"
                  aria-pressed={yScale === mode}
                  data-testid={`yscale-${mode}`}
                  onClick={() => onYScaleChange(mode)}
                >
                  {t(`plot.yscale.${mode}`)}
                </button>
              ))}
            </div>
          ) : null}
        </>
      ) : null}
      {ready && onRegionClick && visibleRegions ? (
        <div className="hp-region-buttons" role="group" aria-label={t('plot.regionsGroup')}>
          {visibleRegions.map((r) => {
            const at = regionLabelPoint(r, scales);
            if (!at) return null;
            const text = t(`regions.${r.id}.label`, { defaultValue: r.label });
            return (
              <button
                key={r.id}
                type="button"
                className={r.id === highlightRegion ? 'hp-region-btn hp-region-btn-hl' : 'hp-region-btn'}
                data-testid={`region-label-${r.id}`}
                data-region={r.id}
                style={{ left: m.left + at.x, top: m.top + at.y, color: r.color ?? '#555' }}
                title={t('plot.explainRegion')}
                aria-label={t('plot.explainRegionAria', { name: text.replace(/_/g, '') })}
                onClick={() => onRegionClick(r.id)}
              >
                <HtmlLabel label={text} />
              </button>
            );
          })}
        </div>
      ) : null}
      <HoverReadout ref={readoutRef} xName={xName} yName={yName} />
    </div>
  );
}
