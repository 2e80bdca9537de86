/**
 * Exclusion plot (log-log SVG, d3 scales and path generators): our live 90 % CL curve with the
 * region above it shaded, the published NA64 curves, for the Z′ the (g−2)_μ band, and the model
 * point as a marker (filled when excluded). The legend is HTML below the plot.
 */
import { useMemo, useRef } from 'react';
import { area, line, scaleLog } from 'd3';
import { superscript } from '../plots/format';
import { useElementSize } from '../plots/useElementSize';
import { decade, logTicks, plotDomain } from './plotDomain';
import { SubLabel, SvgSubLabel } from './SubLabel';
import type { CurveMode, PublishedSeries, XY } from './sensitivityMath';

export interface ExclusionPlotProps {
  mode: CurveMode;
  curve: XY[];
  published: PublishedSeries[];
  band?: { x: number; lo: number; hi: number; central: number }[] | null;
  marker?: { x: number; y: number; excluded: boolean } | null;
  /** `published`: the legend text of each published curve (default: its label). */
  labels: { x: string; y: string; ours: string; band: string; point: string; excluded: string; title: string; published?: string[] };
  height?: number;
}

const MARGIN = { top: 8, right: 12, bottom: 38, left: 54 };
const OURS = '#d6007f';
const PUBLISHED = [
  { color: '#13294b', dash: '6 3' },
  { color: '#5b6470', dash: '2 3' },
];
const BAND = '#2e7d32';

const tickText = (v: number): string => {
  const e = Math.round(Math.log10(v));
  if (e >= 0 && e <= 3) return String(decade(e));
  return `10${superscript(e)}`;
};

export function ExclusionPlot(props: ExclusionPlotProps) {
  const { mode, curve, published, band, marker, labels } = props;
  const height = props.height ?? 280;
  const ref = useRef<HTMLDivElement>(null);
  const { width: measured } = useElementSize(ref);
  const width = Math.max(240, measured);
  const w = width - MARGIN.left - MARGIN.right;
  const h = height - MARGIN.top - MARGIN.bottom;

  const { x, y, xTicks, yTicks } = useMemo(() => {
    const d = plotDomain(mode, curve, published, band ?? null, marker ?? null);
    const xs = scaleLog().domain(d.x).range([0, w]);
    const ys = scaleLog().domain(d.y).range([h, 0]);
    return { x: xs, y: ys, xTicks: logTicks(d.x), yTicks: logTicks(d.y) };
  }, [mode, curve, published, band, marker, w, h]);

  const ok = (p: XY) => Number.isFinite(p.y) && p.y > 0 && Number.isFinite(p.x) && p.x > 0;
  const ln = line<XY>()
    .defined(ok)
    .x((p) => x(p.x))
    .y((p) => y(p.y));
  const oursPath = ln(curve) ?? '';
  const excludedPath =
    area<XY>()
      .defined(ok)
      .x((p) => x(p.x))
      .y0(0)
      .y1((p) => y(p.y))(curve) ?? '';
  const bandPath = band
    ? (area<{ x: number; lo: number; hi: number }>()
        .defined((p) => p.lo > 0 && p.hi > 0)
        .x((p) => x(p.x))
        .y0((p) => y(p.lo))
        .y1((p) => y(p.hi))(band) ?? '')
    : '';
  const clipId = `excl-clip-${mode}`;

  return (
    <div className="excl-plot" ref={ref}>
      <svg
        data-testid="exclusion-plot"
        data-mode={mode}
        width={width}
        height={height}
        role="img"
        aria-label={labels.title}
        className="excl-svg"
      >
        <defs>
          <clipPath id={clipId}>
            <rect x={0} y={0} width={w} height={h} />
          </clipPath>
        </defs>
        <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
          <g className="excl-grid" aria-hidden="true">
            {xTicks.major.map((t) => (
              <line key={`gx${t}`} x1={x(t)} x2={x(t)} y1={0} y2={h} />
            ))}
            {yTicks.major.map((t) => (
              <line key={`gy${t}`} x1={0} x2={w} y1={y(t)} y2={y(t)} />
            ))}
          </g>
          <g clipPath={`url(#${clipId})`}>
            <path d={excludedPath} fill={OURS} fillOpacity={0.07} stroke="none" />
            {bandPath && <path d={bandPath} fill={BAND} fillOpacity={0.35} stroke={BAND} strokeOpacity={0.8} strokeWidth={1} data-testid="gm2-band" />}
            {published.map((s, i) => (
              <path
                key={s.id}
                d={ln(s.points) ?? ''}
                fill="none"
                stroke={PUBLISHED[i % PUBLISHED.length].color}
                strokeWidth={1.6}
                strokeDasharray={PUBLISHED[i % PUBLISHED.length].dash}
                data-testid={`published-${s.id}`}
              />
            ))}
            <path d={oursPath} fill="none" stroke={OURS} strokeWidth={2.4} data-testid="exclusion-curve" />
            {curve.filter(ok).map((p) => (
              <circle key={p.x} cx={x(p.x)} cy={y(p.y)} r={2.4} fill={OURS} />
            ))}
            {marker && ok(marker) && (
              <g data-testid="exclusion-point" data-excluded={marker.excluded ? 'true' : 'false'} transform={`translate(${x(marker.x)},${y(marker.y)})`}>
                <path d="M0,-7L7,0L0,7L-7,0Z" fill={marker.excluded ? OURS : '#fff'} stroke="#1b1f24" strokeWidth={1.4} />
              </g>
            )}
          </g>
          <rect className="excl-frame" x={0} y={0} width={w} height={h} />
          <g transform={`translate(0,${h})`} className="excl-axis">
            {xTicks.minor.map((t) => (
              <line key={`mx${t}`} x1={x(t)} x2={x(t)} y2={3} />
            ))}
            {xTicks.major.map((t) => (
              <g key={`x${t}`} transform={`translate(${x(t)},0)`}>
                <line y2={6} />
                <text y={9} dy="0.71em" textAnchor="middle">
                  {tickText(t)}
                </text>
              </g>
            ))}
            <text className="excl-axis-label" x={w / 2} y={32} textAnchor="middle">
              <SvgSubLabel label={labels.x} />
            </text>
          </g>
          <g className="excl-axis">
            {yTicks.minor.map((t) => (
              <line key={`my${t}`} x2={-3} y1={y(t)} y2={y(t)} />
            ))}
            {yTicks.major.map((t) => (
              <g key={`y${t}`} transform={`translate(0,${y(t)})`}>
                <line x2={-6} />
                <text x={-8} dy="0.32em" textAnchor="end">
                  {tickText(t)}
                </text>
              </g>
            ))}
            <text className="excl-axis-label" transform={`translate(${-44},${h / 2}) rotate(-90)`} textAnchor="middle">
              <SvgSubLabel label={labels.y} />
            </text>
          </g>
        </g>
      </svg>
      <ul className="excl-legend" data-testid="exclusion-legend">
        <li>
          <svg width="26" height="10" aria-hidden="true">
            <line x1="1" x2="25" y1="5" y2="5" stroke={OURS} strokeWidth="2.4" />
          </svg>
          {labels.ours}
        </li>
        {published.map((s, i) =>
          s.points.length > 0 ? (
            <li key={s.id}>
              <svg width="26" height="10" aria-hidden="true">
                <line x1="1" x2="25" y1="5" y2="5" stroke={PUBLISHED[i % PUBLISHED.length].color} strokeWidth="1.6" strokeDasharray={PUBLISHED[i % PUBLISHED.length].dash} />
              </svg>
              <span>
                <SubLabel label={labels.published?.[i] ?? s.label} />
              </span>
            </li>
          ) : null,
        )}
        {band && (
          <li>
            <svg width="26" height="10" aria-hidden="true">
              <rect x="1" y="1" width="24" height="8" fill={BAND} fillOpacity="0.35" stroke={BAND} />
            </svg>
            <span>
              <SubLabel label={labels.band} />
            </span>
          </li>
        )}
        {marker && (
          <li>
            <svg width="26" height="14" aria-hidden="true">
              <path d="M13,1L19,7L13,13L7,7Z" fill={marker.excluded ? OURS : '#fff'} stroke="#1b1f24" strokeWidth="1.2" />
            </svg>
            <span>
              <SubLabel label={labels.point} />
            </span>
          </li>
        )}
        <li>
          <svg width="26" height="10" aria-hidden="true">
            <rect x="1" y="1" width="24" height="8" fill={OURS} fillOpacity="0.1" />
          </svg>
          {labels.excluded}
        </li>
      </ul>
    </div>
  );
}
