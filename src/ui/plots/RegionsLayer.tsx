/**
 * Regions mark: translucent outlines with labels of named plot regions (teaching overlay).
 */
import { memo } from 'react';
import { SvgLabel } from './AxisLabel';
import { regionLabelPoint, regionPath } from './regionGeometry';
import type { PlotScales } from './scales';
import type { PlotRegion } from './types';

export const RegionsLayer = memo(function RegionsLayer(props: { regions: PlotRegion[]; scales: PlotScales }) {
  const { regions, scales } = props;
  return (
    <g className="hp-regions">
      {regions.map((r) => {
        const d = regionPath(r, scales);
        const at = regionLabelPoint(r, scales);
        const color = r.color ?? '#555';
        return (
          <g key={r.id} className="hp-region" data-region={r.id}>
            {r.description ? <title>{r.description}</title> : null}
            {d ? <path d={d} stroke={color} fill={color} /> : null}
            {at ? (
              <text x={at.x} y={at.y} fill={color} className="hp-region-label">
                <SvgLabel label={r.label} />
              </text>
            ) : null}
          </g>
        );
      })}
    </g>
  );
});
