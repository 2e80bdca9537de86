/**
 * Selection mark: a ring (with a white halo) around the selected event; points outside the axes
 * are pinned to the frame.
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
      <circle r={8} className="hp-selection-halo" />
      <circle r={8} className="hp-selection-ring" />
      <circle r={1.8} className="hp-selection-dot" />
    </g>
  );
});
