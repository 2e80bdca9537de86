/**
 * Pixel helpers of the plot layers (DensityLayer, MarkersLayer): they write into an ImageData and
 * put it once, instead of issuing thousands of canvas draw calls (which a browser without a GPU
 * rasterises in seconds after a run of 1e6 events).
 */
import { rgb } from 'd3';

const rgbaCache = new WeakMap<readonly string[], Uint32Array>();

/**
 * The colour table as opaque pixels: each word holds the bytes R, G, B, 255 in memory order (written
 * and read through Uint32Array views over RGBA bytes, so the byte order of the machine does not matter).
 */
export function lutRgba(lut: readonly string[]): Uint32Array {
  let out = rgbaCache.get(lut);
  if (!out) {
    out = new Uint32Array(lut.length);
    const bytes = new Uint8Array(out.buffer);
    lut.forEach((css, i) => {
      const c = rgb(css);
      bytes[4 * i] = Math.round(c.r);
      bytes[4 * i + 1] = Math.round(c.g);
      bytes[4 * i + 2] = Math.round(c.b);
      bytes[4 * i + 3] = 255;
    });
    rgbaCache.set(lut, out);
  }
  return out;
}

/** Source-over blend of a size × size stamp at (x0, y0) into the W × H non-premultiplied RGBA `dst`. */
export function blendStamp(dst: Uint8ClampedArray, W: number, H: number, src: Uint8ClampedArray, size: number, x0: number, y0: number): void {
  for (let sy = 0; sy < size; sy++) {
    const y = y0 + sy;
    if (y < 0 || y >= H) continue;
    for (let sx = 0; sx < size; sx++) {
      const x = x0 + sx;
      if (x < 0 || x >= W) continue;
      const s = 4 * (sy * size + sx);
      const a = src[s + 3];
      if (a === 0) continue;
      const d = 4 * (y * W + x);
      if (a === 255) {
        dst[d] = src[s];
        dst[d + 1] = src[s + 1];
        dst[d + 2] = src[s + 2];
        dst[d + 3] = 255;
        continue;
      }
      const sa = a / 255;
      const da = dst[d + 3] / 255;
      const oa = sa + da * (1 - sa);
      const k = da * (1 - sa);
      dst[d] = (src[s] * sa + dst[d] * k) / oa;
      dst[d + 1] = (src[s + 1] * sa + dst[d + 1] * k) / oa;
      dst[d + 2] = (src[s + 2] * sa + dst[d + 2] * k) / oa;
      dst[d + 3] = oa * 255;
    }
  }
}
