/**
 * Hover readout: an HTML overlay with the cursor's x and y and the bin count under it. It is
 * updated imperatively through `ref` (no React render per pointer move).
 */
import { useImperativeHandle, useRef, type Ref } from 'react';
import { HtmlLabel } from './AxisLabel';
import type { PlotFrame } from './types';

export interface HoverReadoutHandle {
  /** Show at (left, top) in root pixels with the given texts. */
  show(
    left: number,
    top: number,
    xText: string,
    yText: string,
    countText: string,
    flipX: boolean,
    flipY: boolean,
  ): void;
  hide(): void;
}

/**
 * Show `readout` next to the plot-area pixel (px, py) of `frame`: to the left of it / above it
 * where it would not fit to the right / below.
 */
export function showAtPlotPoint(
  readout: HoverReadoutHandle | null,
  frame: PlotFrame,
  px: number,
  py: number,
  xText: string,
  yText: string,
  countText: string,
): void {
  readout?.show(
    px + frame.margin.left,
    py + frame.margin.top,
    xText,
    yText,
    countText,
    px > frame.innerWidth - 180,
    py > frame.innerHeight - 70,
  );
}

export function HoverReadout(props: { xName: string; yName: string; ref?: Ref<HoverReadoutHandle> }) {
  const { xName, yName, ref } = props;
  const root = useRef<HTMLDivElement>(null);
  const xv = useRef<HTMLSpanElement>(null);
  const yv = useRef<HTMLSpanElement>(null);
  const cv = useRef<HTMLSpanElement>(null);
  const state = useRef({ visible: false, x: '', y: '', c: '' });
  useImperativeHandle(
    ref,
    () => ({
      show(left, top, xText, yText, countText, flipX, flipY) {
        const el = root.current;
        if (!el || !xv.current || !yv.current || !cv.current) return;
        const s = state.current;
        if (s.x !== xText) xv.current.textContent = s.x = xText;
        if (s.y !== yText) yv.current.textContent = s.y = yText;
        if (s.c !== countText) cv.current.textContent = s.c = countText;
        const dx = flipX ? left - 14 : left + 14;
        const dy = flipY ? top - 14 : top + 14;
        el.style.transform = `translate(${dx}px, ${dy}px) translate(${flipX ? '-100%' : '0'}, ${flipY ? '-100%' : '0'})`;
        if (!s.visible) {
          el.style.visibility = 'visible';
          s.visible = true;
        }
      },
      hide() {
        const el = root.current;
        if (!el || !state.current.visible) return;
        el.style.visibility = 'hidden';
        state.current.visible = false;
      },
    }),
    [],
  );
  return (
    <div
      ref={root}
      className="hp-readout"
      data-testid="hover-readout"
      aria-hidden="true"
      style={{ visibility: 'hidden' }}
    >
      <div>
        <span className="hp-readout-name">
          <HtmlLabel label={xName} />
        </span>
        <span ref={xv} className="hp-readout-value" />
      </div>
      <div>
        <span className="hp-readout-name">
          <HtmlLabel label={yName} />
        </span>
        <span ref={yv} className="hp-readout-value" />
      </div>
      <div className="hp-readout-count">
        <span ref={cv} />
      </div>
    </div>
  );
}
