/**
 * The hermeticity plot: x (NA64e: E_ECAL) against y (E_HCAL) of all events of the analysis, as a
 * log-colour density where events are dense and as process-coloured markers where they are sparse,
 * with a draggable signal box, an optional teaching overlay of regions, click-to-select, a keyboard
 * cursor that selects events the same way (PlotCursor) and a hover readout. Props in, callbacks
 * out: no store access here.
 *
 * Layers, bottom to top: density canvas, markers canvas, SVG (axes, regions, colour bar, selection
 * ring; role="img"), SVG overlay with the interactive box, HTML hover readout; the keyboard cursor
 * is a focusable layer over the plot area, first in the tab order of the plot. Pointer handling is
 * native and allocation-free per move; box drags are coalesced to one onBoxChange per animation
 * frame (usePlotPointer). The canvases redraw only when the analysis, the size or the y mode change.
 */
import { useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { MARKER_BIN_THRESHOLD, type AnalysisResult } from '../../analysis/analysis';
import { countInBox } from '../../analysis/boxIndex';
import type { PlotAxes, SignalBox } from '../../physics/setups/types';
import { PROCESSES } from '../../physics/processes';
import { HtmlLabel, quantityName } from './AxisLabel';
import { Axes } from './Axes';
import { clampBox } from './boxGeometry';
import { ColorBar } from './ColorBar';
import { makeDensityColor } from './densityColor';
import { DensityLayer } from './DensityLayer';
import { HoverReadout, type HoverReadoutHandle } from './HoverReadout';
import { MarkersLayer } from './MarkersLayer';
import { PlotCursor } from './PlotCursor';
import { boxCountLabel, plotAriaLabel } from './plotText';
import { RegionsLayer } from './RegionsLayer';
import { regionLabelPoint } from './regionGeometry';
import { makeFrame, makeScales } from './scales';
import { SelectionRing } from './SelectionRing';
import { SignalBoxMark } from './SignalBoxMark';
import type { PlotRegion, SelectedEvent, YScaleMode } from './types';
import { useElementSize } from './useElementSize';
import { usePlotPointer } from './usePlotPointer';
import './plots.css';

export type { PlotRegion, SelectedEvent, YScaleMode } from './types';

export interface HermeticityPlotProps {
  analysis: AnalysisResult | null;
  axes: PlotAxes;
  box: SignalBox;
  onBoxChange: (b: SignalBox) => void;
  selectedEvent: SelectedEvent | null;
  onSelectEvent: (eventIndex: number, xGeV: number, yGeV: number) => void;
  /** Escape on the plot's keyboard cursor: clear the selected event (no clearing without it). */
  onClearSelection?: () => void;
  /** Process code of an event of the run, for what the keyboard cursor announces. */
  processOf?: (eventIndex: number) => number | undefined;
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
    onSelectEvent,
    onClearSelection,
    processOf,
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
  const label = boxLabel ?? boxCountLabel(t, ownCount, locale);

  const onNudge = usePlotPointer(rootRef, readoutRef, props, scales, t, locale, size);

  const ariaLabel = plotAriaLabel(t, analysis, box, label, xName, yName, locale);

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
          <PlotCursor
            analysis={analysis}
            box={box}
            scales={scales}
            selectedEvent={selectedEvent}
            onSelectEvent={onSelectEvent}
            onClearSelection={onClearSelection}
            processOf={processOf}
            xName={xName}
            yName={yName}
            readoutRef={readoutRef}
            t={t}
            locale={locale}
          />
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
