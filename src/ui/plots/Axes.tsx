/**
 * Axes mark: frame, grid, ticks and labels of the plot area in SVG (plot-area coordinates; the
 * parent translates by the margins).
 */
import { memo } from 'react';
import { SvgLabel } from './AxisLabel';
import { tickLabel, type PlotScales } from './scales';

export const Axes = memo(function Axes(props: { scales: PlotScales; xLabel: string; yLabel: string }) {
  const { scales, xLabel, yLabel } = props;
  const { innerWidth: w, innerHeight: h } = scales.frame;
  const { x, y } = scales;
  return (
    <g className="hp-axes">
      <g className="hp-grid" aria-hidden="true">
        {scales.xTicks.map((t) => (
          <line key={`gx${t}`} x1={x(t)} x2={x(t)} y1={0} y2={h} />
        ))}
        {scales.yTicks.map((t) => (
          <line key={`gy${t}`} x1={0} x2={w} y1={y(t)} y2={y(t)} />
        ))}
      </g>
      <rect className="hp-frame" x={0} y={0} width={w} height={h} />
      <g className="hp-xaxis" transform={`translate(0,${h})`}>
        {scales.xTicks.map((t) => (
          <g key={t} transform={`translate(${x(t)},0)`}>
            <line y2={6} />
            <text y={9} dy="0.71em" textAnchor="middle">
              {tickLabel(t)}
            </text>
          </g>
        ))}
        <text className="hp-axis-label" x={w / 2} y={38} textAnchor="middle">
          <SvgLabel label={xLabel} />
        </text>
      </g>
      <g className="hp-yaxis">
        {scales.yTicks.map((t) => (
          <g key={t} transform={`translate(0,${y(t)})`}>
            <line x2={-6} />
            <text x={-9} dy="0.32em" textAnchor="end">
              {tickLabel(t)}
            </text>
          </g>
        ))}
        {scales.yMinorTicks.map((t) => (
          <line key={`m${t}`} className="hp-minor" x2={-3} y1={y(t)} y2={y(t)} />
        ))}
        <text className="hp-axis-label" transform={`translate(-44,${h / 2}) rotate(-90)`} textAnchor="middle">
          <SvgLabel label={yLabel} />
          {scales.yMode === 'symlog' ? <tspan className="hp-axis-note"> (symlog)</tspan> : null}
        </text>
      </g>
    </g>
  );
});
