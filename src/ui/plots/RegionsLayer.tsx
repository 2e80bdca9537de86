/**
 * Regions mark: translucent outlines with labels of named plot regions (teaching overlay). One
 * region can be highlighted (the guided tour); the labels can be left to an HTML layer of buttons
 * (`hideLabels`, see HermeticityPlot's onRegionClick).
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { SvgLabel } from './AxisLabel';
import { regionLabelPoint, regionPath } from './regionGeometry';
import type { PlotScales } from './scales';
import type { PlotRegion } from './types';

export const RegionsLayer = memo(function RegionsLayer(props: {
  regions: PlotRegion[];
  scales: PlotScales;
  highlight?: string | null;
  hideLabels?: boolean;
}) {
  const { regions, scales, highlight = null, hideLabels = false } = props;
  const { t } = useTranslation();
  return (
    <g className="hp-regions">
      {regions.map((r) => {
        const d = regionPath(r, scales);
        const at = hideLabels ? null : regionLabelPoint(r, scales);
        const color = r.color ?? '#555';
        const description = r.description
          ? t(`regions.${r.id}.short`, { defaultValue: r.description })
          : undefined;
        return (
          <g
            key={r.id}
            className={r.id === highlight ? 'hp-region hp-region-hl' : 'hp-region'}
            data-region={r.id}
            data-highlight={r.id === highlight ? 'true' : undefined}
          >
            {description ? <title>{description}</title> : null}
            {d ? <path d={d} stroke={color} fill={color} /> : null}
            {at ? (
              <text x={at.x} y={at.y} fill={color} className="hp-region-label">
                <SvgLabel label={t(`regions.${r.id}.label`, { defaultValue: r.label })} />
              </text>
            ) : null}
          </g>
        );
      })}
    </g>
  );
});
