/**
 * Signal-box mark: the box outline, its body (move), four edges (resize) and four corners, each
 * with a hit area of at least 8 px that grows outwards so a box only a few pixels tall stays
 * grabbable. Pointer dragging is handled by the plot (via `data-handle`); edges are focusable
 * sliders moved with the arrow keys (reported through `onNudge`).
 */
import { memo, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SignalBox } from '../../physics/setups/types';
import { formatGeV } from './format';
import type { PlotScales } from './scales';

/** Hit-area reach outside the box and (at most) inside it [px]. */
const OUT = 8;
const IN = 4;

type Edge = 'left' | 'right' | 'top' | 'bottom';

export const SignalBoxMark = memo(function SignalBoxMark(props: {
  box: SignalBox;
  scales: PlotScales;
  label?: string;
  xName: string;
  yName: string;
  /** Arrow key on an edge: `steps` keyboard steps (±1, ±10 with Shift), positive = larger value. */
  onNudge: (edge: Edge, steps: number) => void;
}) {
  const { box, scales, label, xName, yName, onNudge } = props;
  const { t: tr, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? 'en';
  const { innerWidth: W, innerHeight: H } = scales.frame;
  const clampX = (v: number) => Math.min(W, Math.max(0, v));
  const clampY = (v: number) => Math.min(H, Math.max(0, v));
  const l = clampX(scales.x(box.xMinGeV));
  const r = clampX(scales.x(box.xMaxGeV));
  const t = clampY(scales.y(box.yMaxGeV));
  const b = clampY(scales.y(box.yMinGeV));
  const w = Math.max(0, r - l);
  const h = Math.max(0, b - t);
  const inX = Math.min(IN, w / 2);
  const inY = Math.min(IN, h / 2);

  const keyDown = (edge: Edge) => (e: KeyboardEvent<SVGGElement>) => {
    const big = e.shiftKey ? 10 : 1;
    let dir = 0;
    if (e.key === 'ArrowRight' || e.key === 'ArrowUp') dir = 1;
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') dir = -1;
    else if (e.key === 'PageUp') dir = 10;
    else if (e.key === 'PageDown') dir = -10;
    if (!dir) return;
    e.preventDefault();
    onNudge(edge, dir * big);
  };

  const edge = (
    id: Edge,
    hit: { x: number; y: number; width: number; height: number },
    line: { x1: number; y1: number; x2: number; y2: number },
    value: number,
    min: number,
    max: number,
    name: string,
  ) => (
    <g
      className={`hp-box-edge hp-box-edge-${id}`}
      data-handle={id}
      data-testid={`box-edge-${id}`}
      tabIndex={0}
      role="slider"
      aria-orientation={id === 'left' || id === 'right' ? 'horizontal' : 'vertical'}
      aria-label={tr('plot.edgeAria', { edge: tr(`plot.edge.${id}`), name })}
      aria-valuemin={min}
      aria-valuemax={max}
      aria-valuenow={value}
      aria-valuetext={`${formatGeV(value, locale)} GeV`}
      onKeyDown={keyDown(id)}
    >
      <rect className="hp-hit" {...hit} />
      <line className="hp-box-edge-line" {...line} />
    </g>
  );

  const corner = (id: 'tl' | 'tr' | 'bl' | 'br', cx: number, cy: number) => {
    const left = id === 'tl' || id === 'bl';
    const top = id === 'tl' || id === 'tr';
    return (
      <rect
        key={id}
        className={`hp-hit hp-box-corner hp-box-corner-${id}`}
        data-handle={id}
        x={left ? cx - OUT : cx - inX}
        y={top ? cy - OUT : cy - inY}
        width={OUT + inX}
        height={OUT + inY}
      />
    );
  };

  return (
    <g className="hp-box" data-testid="signal-box">
      <rect className="hp-box-body" data-handle="body" x={l} y={t} width={w} height={h} />
      {edge(
        'left',
        { x: l - OUT, y: t, width: OUT + inX, height: h },
        { x1: l, y1: t, x2: l, y2: b },
        box.xMinGeV,
        0,
        box.xMaxGeV,
        tr('plot.minimumOf', { q: xName }),
      )}
      {edge(
        'right',
        { x: r - inX, y: t, width: OUT + inX, height: h },
        { x1: r, y1: t, x2: r, y2: b },
        box.xMaxGeV,
        box.xMinGeV,
        scales.xMaxGeV,
        tr('plot.maximumOf', { q: xName }),
      )}
      {edge(
        'top',
        { x: l, y: t - OUT, width: w, height: OUT + inY },
        { x1: l, y1: t, x2: r, y2: t },
        box.yMaxGeV,
        box.yMinGeV,
        scales.yMaxGeV,
        tr('plot.maximumOf', { q: yName }),
      )}
      {edge(
        'bottom',
        { x: l, y: b - inY, width: w, height: OUT + inY },
        { x1: l, y1: b, x2: r, y2: b },
        box.yMinGeV,
        0,
        box.yMaxGeV,
        tr('plot.minimumOf', { q: yName }),
      )}
      {corner('tl', l, t)}
      {corner('tr', r, t)}
      {corner('bl', l, b)}
      {corner('br', r, b)}
      {label ? (
        <text className="hp-box-label" x={l + 4} y={Math.max(12, t - 6)}>
          {label}
        </text>
      ) : null}
    </g>
  );
});
