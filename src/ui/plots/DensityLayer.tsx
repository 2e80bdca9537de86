/**
 * Density mark: the 2D histogram on a canvas, one rectangle per bin with more than `threshold`
 * entries, log colour. Sparser bins are left to the markers layer. Redraws only when the
 * histogram, the scales or the colours change (never during a box drag).
 */
import { memo, useLayoutEffect, useRef } from 'react';
import type { DensityHistogram } from '../../analysis/analysis';
import { prepareCanvas } from './canvas';
import type { DensityColor } from './densityColor';
import type { PlotScales } from './scales';

export const DensityLayer = memo(function DensityLayer(props: {
  histogram: DensityHistogram | null;
  scales: PlotScales;
  color: DensityColor;
  threshold: number;
}) {
  const { histogram, scales, color, threshold } = props;
  const ref = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const { innerWidth, innerHeight } = scales.frame;
    const prepared = prepareCanvas(canvas, innerWidth, innerHeight);
    if (!prepared || !histogram) return;
    const { ctx, dpr } = prepared;
    const { nx, ny, counts } = histogram;
    const bw = histogram.xMaxGeV / nx;
    const bh = histogram.yMaxGeV / ny;
    // bin edges in device pixels (y grows downwards)
    const xe = new Float64Array(nx + 1);
    const ye = new Float64Array(ny + 1);
    for (let i = 0; i <= nx; i++) xe[i] = Math.round(scales.x(i * bw) * dpr);
    for (let j = 0; j <= ny; j++) ye[j] = Math.round(scales.y(j * bh) * dpr);
    const lut = color.lut;
    const last = lut.length - 1;
    const lo = Math.log(color.minCount);
    const span = Math.log(color.maxCount) - lo;
    let prevStyle = -1;
    for (let iy = 0; iy < ny; iy++) {
      const y0 = ye[iy + 1];
      const h = Math.max(1, ye[iy] - y0);
      for (let ix = 0; ix < nx; ix++) {
        const c = counts[iy * nx + ix];
        if (c <= threshold) continue;
        let t = (Math.log(c) - lo) / span;
        t = t < 0 ? 0 : t > 1 ? 1 : t;
        const k = Math.round(t * last);
        if (k !== prevStyle) {
          ctx.fillStyle = lut[k];
          prevStyle = k;
        }
        const x0 = xe[ix];
        ctx.fillRect(x0, y0, Math.max(1, xe[ix + 1] - x0), h);
      }
    }
  }, [histogram, scales, color, threshold]);
  return <canvas ref={ref} className="hp-layer hp-density" data-testid="density-canvas" aria-hidden="true" />;
});
