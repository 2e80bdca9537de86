/**
 * Colour-bar mark for the density layer: a vertical gradient right of the plot area with log
 * ticks in events per bin.
 */
import { memo, useId } from 'react';
import { scaleLog } from 'd3';
import { useTranslation } from 'react-i18next';
import type { DensityColor } from './densityColor';

export const ColorBar = memo(function ColorBar(props: {
  color: DensityColor;
  /** Left edge and height of the bar, plot-area pixels. */
  x: number;
  height: number;
  width?: number;
}) {
  const { color, x, height, width = 10 } = props;
  const id = useId().replace(/:/g, '');
  const { t } = useTranslation();
  const stops = 16;
  const axis = scaleLog().domain([color.minCount, color.maxCount]).range([height, 0]);
  const ticks = axis.ticks(4);
  const fmt = axis.tickFormat(4, '~s');
  return (
    <g className="hp-colorbar" transform={`translate(${x},0)`} aria-hidden="true">
      <defs>
        <linearGradient id={`cb${id}`} x1="0" x2="0" y1="1" y2="0">
          {Array.from({ length: stops + 1 }, (_, i) => (
            <stop key={i} offset={i / stops} stopColor={color.interpolate(i / stops)} />
          ))}
        </linearGradient>
      </defs>
      <rect width={width} height={height} fill={`url(#cb${id})`} className="hp-colorbar-rect" />
      {ticks.map((t) => {
        const label = fmt(t);
        const yy = axis(t);
        return (
          <g key={t} transform={`translate(${width},${yy})`}>
            <line x2={label ? 4 : 2} />
            {label ? (
              <text x={6} dy="0.32em">
                {label}
              </text>
            ) : null}
          </g>
        );
      })}
      <text
        className="hp-colorbar-title"
        transform={`translate(${width + 40},${height / 2}) rotate(90)`}
        textAnchor="middle"
      >
        {t('plot.colorbarTitle')}
      </text>
    </g>
  );
});
