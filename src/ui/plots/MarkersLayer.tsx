/**
 * Markers mark: events of sparse bins as dots coloured by process, on a canvas. The common
 * 'em' process is drawn first so rarer processes stay on top. Redraws only when the markers, the
 * scales or the colours change.
 */
import { memo, useLayoutEffect, useRef } from 'react';
import type { Markers } from '../../analysis/analysis';
import { prepareCanvas } from './canvas';
import type { PlotScales } from './scales';

export const MarkersLayer = memo(function MarkersLayer(props: {
  markers: Markers | null;
  scales: PlotScales;
  /** Colour per process code. */
  colors: readonly string[];
  radius?: number;
}) {
  const { markers, scales, colors, radius = 2.2 } = props;
  const ref = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const { innerWidth, innerHeight } = scales.frame;
    const prepared = prepareCanvas(canvas, innerWidth, innerHeight);
    if (!prepared || !markers) return;
    const { ctx, dpr } = prepared;
    const n = markers.x.length;
    const r = radius * dpr;
    const present = new Uint32Array(256);
    for (let i = 0; i < n; i++) present[markers.process[i]]++;
    ctx.lineWidth = 0.6 * dpr;
    ctx.strokeStyle = 'rgba(255,255,255,0.85)';
    for (let code = 0; code < 256; code++) {
      if (!present[code]) continue;
      ctx.beginPath();
      for (let i = 0; i < n; i++) {
        if (markers.process[i] !== code) continue;
        const px = scales.x(markers.x[i]) * dpr;
        const py = scales.y(markers.y[i]) * dpr;
        ctx.moveTo(px + r, py);
        ctx.arc(px, py, r, 0, 2 * Math.PI);
      }
      ctx.fillStyle = colors[code] ?? '#777';
      if (n < 20000) ctx.stroke();
      ctx.fill();
    }
  }, [markers, scales, colors, radius]);
  return <canvas ref={ref} className="hp-layer hp-markers" data-testid="markers-canvas" aria-hidden="true" />;
});
