/**
 * Selection mark: a ring (with a white halo) around the selected event, with a short pulse when it
 * appears (the slow beam lights up each fired event); points outside the axes are pinned to the frame.
 */
import { memo } from 'react';
import type { PlotScales } from './scales';

export const SelectionRing = memo(function SelectionRing(props: {
  xGeV: number;
  yGeV: number;
  scales: PlotScales;
}) {
  const { xGeV, yGeV, scales } = props;
  const { innerWidth: w, innerHeight: h } = scales.frame;
  const cx = Math.min(w, Math.max(0, scales.x(xGeV)));
  const cy = Math.min(h, Math.max(0, scales.y(yGeV)));
  return (
    <g className="hp-selection" data-testid="selection-ring" transform={`translate(${cx},${cy})`}>
      {/* a short pulse when an event is selected (restarted by a new key from the parent) */}
      <circle r={8} className="hp-selection-pulse" />
      <circle r={8} className="hp-selection-halo" />
      <circle r={8} className="hp-selection-ring" />
      <circle r={1.8} className="hp-selection-dot" />
    </g>
  );
});
