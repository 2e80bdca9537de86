/**
 * Markers mark: events of sparse bins as dots coloured by process, on a canvas. The common
 * 'em' process is drawn first so rarer processes stay on top. Redraws only when the markers, the
 * scales or the colours change. The dots are blended into the layer's pixels from one anti-aliased
 * stamp per colour.
 */
import { memo, useLayoutEffect, useRef } from 'react';
import type { Markers } from '../../analysis/analysis';
import { prepareCanvas } from './canvas';
import { blendStamp } from './pixels';
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
    const present = new Uint32Array(256);
    for (let i = 0; i < n; i++) present[markers.process[i]]++;
    // One pre-drawn dot per colour, blended into the pixels of the layer (one putImageData): a path
    // of thousands of arcs, or thousands of draw calls, cost the browser's rasteriser seconds where
    // it has no GPU (after a run of 1e6 events).
    const W = canvas.width;
    const H = canvas.height;
    const image = ctx.createImageData(W, H);
    const dst = image.data;
    const outline = n < 20000;
    for (let code = 0; code < 256; code++) {
      if (!present[code]) continue;
      const dot = dotStamp(colors[code] ?? '#777', radius * dpr, outline ? 0.6 * dpr : 0);
      if (!dot) continue;
      const { size, rgba } = dot;
      const half = size / 2;
      for (let i = 0; i < n; i++) {
        if (markers.process[i] !== code) continue;
        const x0 = Math.round(scales.x(markers.x[i]) * dpr - half);
        const y0 = Math.round(scales.y(markers.y[i]) * dpr - half);
        blendStamp(dst, W, H, rgba, size, x0, y0);
      }
    }
    ctx.putImageData(image, 0, 0);
  }, [markers, scales, colors, radius]);
  return <canvas ref={ref} className="hp-layer hp-markers" data-testid="markers-canvas" aria-hidden="true" />;
});

interface Stamp {
  size: number;
  /** Non-premultiplied RGBA pixels, size × size. */
  rgba: Uint8ClampedArray;
}

const stamps = new Map<string, Stamp | null>();

/**
 * A filled dot of radius r [device px] in `color` with a white outline of width `line` (0: none),
 * centred in a small square of even size, drawn once by the canvas API (anti-aliased) and kept as
 * pixels (cached per colour and size).
 */
function dotStamp(color: string, r: number, line: number): Stamp | null {
  const key = `${color}|${r}|${line}`;
  if (stamps.has(key)) return stamps.get(key)!;
  const size = 2 * Math.ceil(r + line + 1);
  const c = document.createElement('canvas');
  c.width = c.height = size;
  const g = c.getContext('2d');
  let out: Stamp | null = null;
  if (g) {
    g.beginPath();
    g.arc(size / 2, size / 2, r, 0, 2 * Math.PI);
    g.fillStyle = color;
    if (line > 0) {
      g.lineWidth = line;
      g.strokeStyle = 'rgba(255,255,255,0.85)';
      g.stroke();
    }
    g.fill();
    out = { size, rgba: g.getImageData(0, 0, size, size).data };
  }
  stamps.set(key, out);
  return out;
}
