import { describe, expect, it } from 'vitest';
import { blendStamp, lutRgba } from './pixels';

describe('plot pixel helpers', () => {
  it('turns CSS colours into opaque RGBA words', () => {
    const w = lutRgba(['rgb(255, 0, 0)', '#00ff80', 'steelblue']);
    const b = new Uint8Array(w.buffer);
    expect([...b.slice(0, 4)]).toEqual([255, 0, 0, 255]);
    expect([...b.slice(4, 8)]).toEqual([0, 255, 128, 255]);
    expect([...b.slice(8, 12)]).toEqual([70, 130, 180, 255]);
  });

  it('blends a stamp source-over, clipped at the image edges', () => {
    // 2×2 stamp: opaque red, transparent, half-transparent green, almost transparent white
    const stamp = new Uint8ClampedArray([255, 0, 0, 255, 9, 9, 9, 0, 0, 255, 0, 128, 255, 255, 255, 1]);
    const W = 3;
    const H = 2;
    const dst = new Uint8ClampedArray(W * H * 4);
    // an opaque blue background in pixel (1, 1), transparent elsewhere
    dst.set([0, 0, 255, 255], 4 * (1 * W + 1));
    blendStamp(dst, W, H, stamp, 2, 0, 0);
    const px = (x: number, y: number) => [...dst.slice(4 * (y * W + x), 4 * (y * W + x) + 4)];
    expect(px(0, 0)).toEqual([255, 0, 0, 255]); // opaque: copied
    expect(px(1, 0)).toEqual([0, 0, 0, 0]); // transparent: untouched
    expect(px(0, 1)).toEqual([0, 255, 0, 128]); // over nothing: the source itself
    const over = px(1, 1); // white at alpha 1/255 over opaque blue
    expect(over[3]).toBe(255);
    expect(over[2]).toBe(255);
    expect(over[0]).toBe(1);
    // half-transparent green over opaque blue: (0, 128, 127)
    const d2 = new Uint8ClampedArray([0, 0, 255, 255]);
    blendStamp(d2, 1, 1, new Uint8ClampedArray([0, 255, 0, 128]), 1, 0, 0);
    expect([...d2]).toEqual([0, 128, 127, 255]);
    // a stamp hanging over every edge only touches the pixels inside
    const d3 = new Uint8ClampedArray(4);
    blendStamp(d3, 1, 1, new Uint8ClampedArray(9 * 4).fill(255), 3, -1, -1);
    expect([...d3]).toEqual([255, 255, 255, 255]);
  });
});
