/**
 * Keyboard cursor of the hermeticity plot: a focusable layer over the plot area (role
 * "application", so a screen reader hands the keys over) with a crosshair moved by the arrow keys
 * in data units (cursorSteps), and keys to pick single events through the same path as a click:
 *
 *   arrows (Shift: 10×)  move the cursor          Enter / Space  pick the event nearest to it
 *   .  /  ,              next farther / nearer     N / Shift+N    next / previous event in the box
 *   Home                 cursor to the box         Esc            clear the selection
 *
 * `]` and `[` work like N and Shift+N. Searches use the box index (eventSearch, fast at 1e7 events);
 * what happens is said in an aria-live region (cursor moves after a short pause) and the hover
 * readout follows the cursor.
 */
import { memo, useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { TFunction } from 'i18next';
import type { AnalysisResult } from '../../analysis/analysis';
import { countInBox, type BoxIndex } from '../../analysis/boxIndex';
import {
  inBox,
  nearestPosition,
  nextByDistance,
  pixelDistance2,
  previousByDistance,
  rankInBox,
  stepInBox,
} from '../../analysis/eventSearch';
import { processName } from '../../i18n/physicsText';
import type { SignalBox } from '../../physics/setups/types';
import { moveAlong } from './cursorSteps';
import { formatCount, formatGeV } from './format';
import { showAtPlotPoint, type HoverReadoutHandle } from './HoverReadout';
import { binCountText } from './plotText';
import type { PlotScales } from './scales';
import type { SelectedEvent } from './types';

export interface PlotCursorProps {
  analysis: AnalysisResult | null;
  box: SignalBox;
  scales: PlotScales;
  selectedEvent: SelectedEvent | null;
  onSelectEvent: (eventIndex: number, xGeV: number, yGeV: number) => void;
  onClearSelection?: () => void;
  /** Process code of an event of the run (for the announcement), if known. */
  processOf?: (eventIndex: number) => number | undefined;
  xName: string;
  yName: string;
  readoutRef: RefObject<HoverReadoutHandle | null>;
  t: TFunction;
  locale: string;
}

/** Half size [px] of the open square at the middle of the crosshair. */
const GAP = 12;

/** Pause [ms] after the last cursor move before its position is announced. */
const SPEAK_DELAY_MS = 300;

/** A quantity name read aloud: 'E_ECAL' → 'E ECAL' (no "underscore"). */
const spoken = (name: string) => name.replace(/_/g, ' ');

export const PlotCursor = memo(function PlotCursor(props: PlotCursorProps) {
  const { analysis, box, scales, selectedEvent, onSelectEvent, onClearSelection, processOf } = props;
  const { xName, yName, readoutRef, t, locale } = props;
  const [cursor, setCursor] = useState<{ x: number; y: number } | null>(null);
  const [focused, setFocused] = useState(false);
  const [message, setMessage] = useState('');
  const speakTimer = useRef(0);
  const helpId = useId();
  const { frame } = scales;
  const m = frame.margin;

  useEffect(() => () => window.clearTimeout(speakTimer.current), []);

  const clampToPlot = (x: number, y: number) => ({
    x: Math.min(scales.xMaxGeV, Math.max(0, x)),
    y: Math.min(scales.yMaxGeV, Math.max(0, y)),
  });

  /** The middle of the signal box as drawn (symlog: not the arithmetic mean of y). */
  const boxCentre = () =>
    clampToPlot(
      scales.x.invert((scales.x(box.xMinGeV) + scales.x(box.xMaxGeV)) / 2),
      scales.y.invert((scales.y(box.yMinGeV) + scales.y(box.yMaxGeV)) / 2),
    );

  /** The cursor's position, placed on first use: at the selected event, else in the signal box. */
  const current = () => {
    if (cursor) return clampToPlot(cursor.x, cursor.y);
    if (selectedEvent) return clampToPlot(selectedEvent.xGeV, selectedEvent.yGeV);
    return boxCentre();
  };

  const speak = (text: string, delayed = false) => {
    window.clearTimeout(speakTimer.current);
    // the same words again (e.g. twice "this is the nearest"): change the text so it is read again
    const say = () => setMessage((prev) => (prev === text ? `${text}\u00a0` : text));
    if (delayed) speakTimer.current = window.setTimeout(say, SPEAK_DELAY_MS);
    else say();
  };

  const xy = (x: number, y: number) => ({
    x: spoken(xName),
    xv: formatGeV(x, locale),
    y: spoken(yName),
    yv: formatGeV(y, locale),
  });

  /** The hover readout at (x, y), with `count` (binCountText) under the values. */
  const showReadout = (x: number, y: number, count: string) =>
    showAtPlotPoint(
      readoutRef.current,
      frame,
      scales.x(x),
      scales.y(y),
      `${formatGeV(x, locale)} GeV`,
      `${formatGeV(y, locale)} GeV`,
      count,
    );

  const moveTo = (x: number, y: number, announce: boolean) => {
    const p = clampToPlot(x, y);
    setCursor(p);
    const count = binCountText(t, analysis, p.x, p.y, locale);
    showReadout(p.x, p.y, count);
    if (!announce) return;
    const key = inBox(box, p.x, p.y) ? 'plot.cursor.positionInBox' : 'plot.cursor.position';
    speak(t(key, { ...xy(p.x, p.y), count }), true);
  };

  /** Process code of an event: from the parent, else from the markers (sparse bins only). */
  const processCode = (eventIndex: number): number | undefined => {
    const fromParent = processOf?.(eventIndex);
    if (fromParent !== undefined) return fromParent;
    const mk = analysis?.markers;
    if (!mk) return undefined;
    const j = mk.eventIndex.indexOf(eventIndex);
    return j >= 0 ? mk.process[j] : undefined;
  };

  const pick = (k: number, prefix: string) => {
    const ix = analysis!.index;
    const eventIndex = ix.eventIndex[k];
    const x = ix.x[k];
    const y = ix.y[k];
    onSelectEvent(eventIndex, x, y);
    const code = processCode(eventIndex);
    const what =
      code === undefined
        ? t('plot.cursor.pickedNoProcess', { index: eventIndex, ...xy(x, y) })
        : t('plot.cursor.picked', { index: eventIndex, process: processName(t, code), ...xy(x, y) });
    speak(prefix ? `${prefix} ${what}` : what);
    return { x, y };
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if ((e.ctrlKey || e.metaKey || e.altKey) && !e.getModifierState('AltGraph')) return;
    const key = e.key;
    const here = current();
    const ix = analysis?.index ?? null;
    const selKey = (sel: SelectedEvent) => ({
      d2: pixelDistance2(scales, sel.xGeV, sel.yGeV, scales.x(here.x), scales.y(here.y)),
      eventIndex: sel.eventIndex,
    });
    const noEvents = () => speak(t('plot.empty'));
    const pickNearest = (index: BoxIndex) => {
      const k = nearestPosition(index, scales, here.x, here.y);
      if (k < 0) noEvents();
      else pick(k, t('plot.cursor.nearest'));
    };
    switch (key) {
      case 'ArrowLeft':
      case 'ArrowRight':
        moveTo(moveAlong(scales.x, here.x, key === 'ArrowRight' ? 1 : -1, e.shiftKey), here.y, true);
        break;
      case 'ArrowUp':
      case 'ArrowDown':
        moveTo(here.x, moveAlong(scales.y, here.y, key === 'ArrowUp' ? 1 : -1, e.shiftKey), true);
        break;
      case 'Home': {
        const c = boxCentre();
        moveTo(c.x, c.y, true);
        break;
      }
      case 'Enter':
      case ' ': {
        if (!ix) {
          noEvents();
          break;
        }
        pickNearest(ix);
        break;
      }
      case '.':
      case '>':
      case ',':
      case '<': {
        if (!ix) {
          noEvents();
          break;
        }
        if (!selectedEvent) {
          pickNearest(ix);
          break;
        }
        const farther = key === '.' || key === '>';
        const k = farther
          ? nextByDistance(ix, scales, here.x, here.y, selKey(selectedEvent))
          : previousByDistance(ix, scales, here.x, here.y, selKey(selectedEvent));
        if (k >= 0) pick(k, t(farther ? 'plot.cursor.farther' : 'plot.cursor.nearer'));
        else speak(t(farther ? 'plot.cursor.noFarther' : 'plot.cursor.isNearest'));
        break;
      }
      case 'n':
      case 'N':
      case ']':
      case '[': {
        if (!ix) {
          noEvents();
          break;
        }
        const dir = key === '[' || ((key === 'n' || key === 'N') && e.shiftKey) ? -1 : 1;
        const from = selectedEvent ? { xGeV: selectedEvent.xGeV, eventIndex: selectedEvent.eventIndex } : null;
        let k = stepInBox(ix, box, from, dir);
        if (k < 0 && from) k = stepInBox(ix, box, null, dir); // wrap around
        if (k < 0) {
          speak(t('plot.cursor.boxEmpty'));
          break;
        }
        const n = countInBox(ix, box).raw;
        const pos = Math.min(n, rankInBox(ix, box, k) + 1);
        const at = pick(
          k,
          t('plot.cursor.inBoxStep', { pos: formatCount(pos, locale), n: formatCount(n, locale) }),
        );
        moveTo(at.x, at.y, false);
        break;
      }
      case 'Escape':
        if (!selectedEvent || !onClearSelection) return;
        onClearSelection();
        speak(t('plot.cursor.cleared'));
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  const p = focused ? current() : null;
  const cx = p ? scales.x(p.x) : 0;
  const cy = p ? scales.y(p.y) : 0;
  const { innerWidth: W, innerHeight: H } = frame;
  return (
    <>
      <div
        className="hp-cursor"
        tabIndex={0}
        role="application"
        aria-label={t('plot.cursor.label')}
        aria-describedby={helpId}
        data-testid="plot-cursor"
        data-x={p ? p.x : undefined}
        data-y={p ? p.y : undefined}
        style={{ left: m.left, top: m.top, width: W, height: H }}
        onKeyDown={onKeyDown}
        onFocus={() => {
          setFocused(true);
          const q = current();
          if (!cursor) setCursor(q);
          showReadout(q.x, q.y, binCountText(t, analysis, q.x, q.y, locale));
        }}
        onBlur={() => {
          setFocused(false);
          window.clearTimeout(speakTimer.current);
          readoutRef.current?.hide();
        }}
      >
        {p ? (
          <svg className="hp-cursor-svg" width={W} height={H} aria-hidden="true" data-testid="plot-cursor-mark">
            {/* crosshair with an open square in the middle, so the selection ring stays visible in it */}
            {(['hp-cursor-halo', 'hp-cursor-line'] as const).map((cls) => (
              <g key={cls} className={cls}>
                <line x1={cx} y1={0} x2={cx} y2={Math.max(0, cy - GAP)} />
                <line x1={cx} y1={Math.min(H, cy + GAP)} x2={cx} y2={H} />
                <line x1={0} y1={cy} x2={Math.max(0, cx - GAP)} y2={cy} />
                <line x1={Math.min(W, cx + GAP)} y1={cy} x2={W} y2={cy} />
              </g>
            ))}
            <rect className="hp-cursor-halo" x={cx - GAP} y={cy - GAP} width={2 * GAP} height={2 * GAP} />
            <rect className="hp-cursor-box" x={cx - GAP} y={cy - GAP} width={2 * GAP} height={2 * GAP} />
          </svg>
        ) : null}
      </div>
      <div id={helpId} className="sr-only">
        {t('plot.cursor.help')}
      </div>
      <div className="sr-only" aria-live="polite" aria-atomic="true" data-testid="plot-cursor-live">
        {message}
      </div>
    </>
  );
});
