/**
 * Density mark: the 2D histogram on a canvas, one rectangle per bin with more than `threshold`
 * entries, log colour. Sparser bins are left to the markers layer. Redraws only when the
 * histogram, the scales or the colours change (never during a box drag).
 *
 * Rows that a non-linear y axis stretches to more than REFINE_PX (the 0.5 GeV rows near
 * E_HCAL = 0 on the symlog axis are ~50 px tall) are split into sub-rows of ~SUB_PX from the
 * events themselves (the box index holds their coordinates), so the electron spot at
 * E_HCAL ≈ 0.05 GeV is drawn where it is instead of as a 0.5 GeV tall block. Sub-row colours are
 * densities in the same unit as the colour bar (events per histogram bin area).
 */
import { memo, useLayoutEffect, useRef } from 'react';
import type { DensityHistogram } from '../../analysis/analysis';
import type { BoxIndex } from '../../analysis/boxIndex';
import { prepareCanvas } from './canvas';
import { lutRgba } from './pixels';
import type { DensityColor } from './densityColor';
import type { PlotScales } from './scales';

/** Rows taller than this [CSS px] are refined … */
const REFINE_PX = 4;
/** … into sub-rows of about this height [CSS px]. */
const SUB_PX = 2;

export const DensityLayer = memo(function DensityLayer(props: {
  histogram: DensityHistogram | null;
  /** Events of the histogram, binned the same way (for refining stretched rows); optional. */
  index?: BoxIndex | null;
  scales: PlotScales;
  color: DensityColor;
  threshold: number;
}) {
  const { histogram, index, scales, color, threshold } = props;
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
    // The rectangles are written into the pixels (one putImageData): as thousands of fillRect calls
    // they cost the browser's rasteriser seconds where it has no GPU (after a run of 1e6 events).
    const rgba = lutRgba(color.lut);
    const last = rgba.length - 1;
    const lo = Math.log(color.minCount);
    const span = Math.log(color.maxCount) - lo;
    const W = canvas.width;
    const H = canvas.height;
    const image = ctx.createImageData(W, H);
    const px = new Uint32Array(image.data.buffer);
    const fill = (count: number, x0: number, y0: number, w: number, h: number) => {
      let t = (Math.log(count) - lo) / span;
      t = t < 0 ? 0 : t > 1 ? 1 : t;
      const v = rgba[Math.round(t * last)];
      const xa = Math.max(0, x0);
      const xb = Math.min(W, x0 + w);
      const ya = Math.max(0, y0);
      const yb = Math.min(H, y0 + h);
      for (let y = ya; y < yb; y++) px.fill(v, y * W + xa, y * W + xb);
    };
    const canRefine = !!index && index.nx === nx && index.ny === ny && index.binStart.length === nx * ny + 1;
    let sub = new Float64Array(64);
    for (let iy = 0; iy < ny; iy++) {
      const yTop = ye[iy + 1];
      const yBottom = ye[iy];
      const h = Math.max(1, yBottom - yTop);
      const nSub = canRefine && h > REFINE_PX * dpr ? Math.max(2, Math.round(h / (SUB_PX * dpr))) : 1;
      if (nSub > sub.length) sub = new Float64Array(nSub);
      const subH = h / nSub;
      for (let ix = 0; ix < nx; ix++) {
        const b = iy * nx + ix;
        const c = counts[b];
        if (c <= threshold) continue;
        const x0 = xe[ix];
        const w = Math.max(1, xe[ix + 1] - x0);
        if (nSub === 1 || !index) {
          fill(c, x0, yTop, w, h);
          continue;
        }
        sub.fill(0, 0, nSub);
        for (let k = index.binStart[b], e = index.binStart[b + 1]; k < e; k++) {
          let s = Math.floor((yBottom - scales.y(index.y[k]) * dpr) / subH);
          s = s < 0 ? 0 : s >= nSub ? nSub - 1 : s;
          sub[s]++;
        }
        for (let s = 0; s < nSub; s++) {
          if (sub[s] === 0) continue;
          const y1 = Math.round(yBottom - s * subH);
          const y0 = Math.round(yBottom - (s + 1) * subH);
          fill(sub[s] * nSub, x0, y0, w, Math.max(1, y1 - y0));
        }
      }
    }
    ctx.putImageData(image, 0, 0);
  }, [histogram, index, scales, color, threshold]);
  return <canvas ref={ref} className="hp-layer hp-density" data-testid="density-canvas" aria-hidden="true" />;
});
