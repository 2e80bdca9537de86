/**
 * The exported ROOT JSON read back by the real JSROOT (the `jsroot` npm package, devDependency):
 * `parse` (TBufferJSON reader) must give a TH2D with jsroot's own methods, the same members as
 * jsroot's `createHistogram('TH2D', …)`, and the bin contents that jsroot's own `Fill` gives for the
 * same events; `makeSVG` must draw it with 'colz' (in Node, through jsroot's jsdom).
 *
 * jsroot lists node-canvas as a dependency for PNG output; package.json replaces it by the stub in
 * test/stubs/canvas (overrides), as canvas needs a native build. Nothing here draws to a canvas.
 */
import { beforeAll, describe, expect, it } from 'vitest';
// jsroot ships only `declare module` stubs (any); the functions used here are typed below.
import * as jsroot from 'jsroot';
import * as jsrootCore from 'jsroot/core';
import { allocateColumns, firstCutsMask, type RunColumns } from '../physics/columns';
import { DEFAULT_PARAMS, type RunParams } from '../physics/params';
import { Simulator } from '../physics/run';
import { buildNa64eSetup } from '../physics/setups/na64e';
import type { Setup } from '../physics/setups/types';
import { hermeticityTH2D, type TH2DJson } from './exportRoot';

/** A TH2 as jsroot holds it: the JSON members plus the methods jsroot attaches to the class. */
type JsrootTH2 = TH2DJson & {
  getBin(ix: number, iy: number): number;
  getBinContent(ix: number, iy: number): number;
  Fill(x: number, y: number, w?: number): void;
};

const core = jsrootCore as {
  version: string;
  parse(json: string): JsrootTH2 | null;
  createHistogram(typename: 'TH2D', nx: number, ny: number): JsrootTH2;
  toJSON(obj: object): string;
};
const draw = jsroot as {
  makeSVG(args: { object: object; option: string; width: number; height: number }): Promise<string>;
};

interface Case {
  setup: Setup;
  columns: RunColumns;
  mask: number;
  text: string;
}

function simulate(params: RunParams, events: number, cuts: number): Case {
  const sim = new Simulator({ ...params, events, seed: 11 });
  const columns = sim.simulateChunk(0, events);
  const mask = firstCutsMask(cuts);
  const text = JSON.stringify(hermeticityTH2D(sim.setup, columns, mask, { nx: 60, ny: 40 }));
  return { setup: sim.setup, columns, mask, text };
}

/** (x, y) of event i in the plot coordinates, as documented in exportRoot.ts. */
function xy(c: Case, i: number): [number, number] {
  const col = c.columns;
  return c.setup.id === 'na64mu'
    ? [col.pOutGeV[i], col.eEcalGeV[i] + col.eVhcalGeV[i] + col.eHcalGeV[i]]
    : [col.eEcalGeV[i], col.eHcalGeV[i]];
}

const selected = (c: Case, i: number) => (c.columns.cutBits[i] & c.mask) === c.mask;

let cases: Record<string, Case>;

beforeAll(() => {
  cases = {
    'NA64e, no cut': simulate(DEFAULT_PARAMS.na64e, 4000, 0),
    'NA64e, two cuts': simulate(DEFAULT_PARAMS.na64e, 4000, 2),
    'NA64mu, no cut': simulate(DEFAULT_PARAMS.na64mu, 4000, 0),
  };
});

describe('ROOT JSON read by jsroot', () => {
  it('is jsroot 7', () => {
    expect(core.version).toMatch(/^7\./);
  });

  for (const name of ['NA64e, no cut', 'NA64e, two cuts', 'NA64mu, no cut']) {
    describe(name, () => {
      it('parses to a TH2D with jsroot methods, axes and titles', () => {
        const c = cases[name];
        const h = core.parse(c.text)!;
        expect(h._typename).toBe('TH2D');
        expect(typeof h.getBinContent).toBe('function'); // jsroot recognised the class
        const ax = c.setup.axes;
        expect(h.fXaxis).toMatchObject({
          _typename: 'TAxis',
          fNbins: 60,
          fXmin: 0,
          fXmax: ax.xMaxGeV,
          fXbins: [],
        });
        expect(h.fYaxis).toMatchObject({
          _typename: 'TAxis',
          fNbins: 40,
          fXmin: 0,
          fXmax: ax.yMaxGeV,
          fXbins: [],
        });
        expect(h.fXaxis.fTitle).toBe(ax.xLabel.replace(/_([A-Za-z0-9]+)/g, '_{$1}'));
        expect(h.fYaxis.fTitle).toBe(ax.yLabel.replace(/_([A-Za-z0-9]+)/g, '_{$1}'));
        expect(h.fXaxis.fTitle).toContain('_{');
        expect(h.fNcells).toBe(62 * 42);
        expect(h.fArray).toHaveLength(62 * 42);
      });

      it("has every member of jsroot's createHistogram('TH2D'), of the same type", () => {
        const h = core.parse(cases[name].text)!;
        const ref = core.createHistogram('TH2D', 60, 40);
        const kind = (v: unknown) =>
          ArrayBuffer.isView(v) || Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
        const shape = (o: object) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, kind(v)]));
        expect(shape(h)).toEqual(shape(ref));
        for (const a of ['fXaxis', 'fYaxis', 'fZaxis'] as const) expect(shape(h[a])).toEqual(shape(ref[a]));
        // the drawing attributes are jsroot's (= ROOT's) defaults
        for (const k of [
          'fBits',
          'fLineColor',
          'fFillStyle',
          'fMarkerStyle',
          'fBarWidth',
          'fMaximum',
          'fMinimum',
          'fStatOverflows',
        ] as const) {
          expect(h[k]).toBe(ref[k]);
        }
      });

      it("has the bin contents of jsroot's own Fill, including under- and overflow", () => {
        const c = cases[name];
        const h = core.parse(c.text)!;
        const ref = core.createHistogram('TH2D', 60, 40);
        ref.fXaxis.fXmax = c.setup.axes.xMaxGeV;
        ref.fYaxis.fXmax = c.setup.axes.yMaxGeV;
        let filled = 0;
        for (let i = 0; i < c.columns.n; i++) {
          const [x, y] = xy(c, i);
          if (!selected(c, i) || Number.isNaN(x) || Number.isNaN(y)) continue;
          ref.Fill(x, y);
          filled++;
        }
        expect(filled).toBeGreaterThan(100);
        let nonEmpty = 0;
        for (let iy = 0; iy <= 41; iy++) {
          for (let ix = 0; ix <= 61; ix++) {
            expect(h.getBinContent(ix, iy), `bin (${ix}, ${iy})`).toBe(ref.getBinContent(ix, iy));
            if (h.getBinContent(ix, iy) > 0) nonEmpty++;
          }
        }
        expect(nonEmpty).toBeGreaterThan(3);
        expect(h.fEntries).toBe(ref.fEntries);
        expect(h.fEntries).toBe(filled);
      });

      it('has the integral and statistics of the in-range events', () => {
        const c = cases[name];
        const h = core.parse(c.text)!;
        let integral = 0;
        for (let iy = 1; iy <= 40; iy++) for (let ix = 1; ix <= 60; ix++) integral += h.getBinContent(ix, iy);
        let n = 0;
        let sx = 0;
        let sy = 0;
        const { xMaxGeV, yMaxGeV } = c.setup.axes;
        for (let i = 0; i < c.columns.n; i++) {
          const [x, y] = xy(c, i);
          if (!selected(c, i) || !(x >= 0 && x < xMaxGeV && y >= 0 && y < yMaxGeV)) continue;
          n++;
          sx += x;
          sy += y;
        }
        expect(integral).toBe(n);
        expect(h.fTsumw).toBe(n);
        expect(h.fTsumw2).toBe(n);
        expect(h.fTsumwx).toBeCloseTo(sx, 6);
        expect(h.fTsumwy).toBeCloseTo(sy, 6);
        expect(h.fArray.reduce((a, b) => a + b, 0)).toBe(h.fEntries);
      });

      it('survives jsroot toJSON → parse unchanged', () => {
        const h = core.parse(cases[name].text)!;
        const again = core.parse(core.toJSON(h))!;
        expect(JSON.parse(JSON.stringify(again))).toEqual(JSON.parse(cases[name].text));
      });
    });
  }

  it("bins edge values (0, bin edges, the axis maximum, negative, huge) as jsroot's Fill does", () => {
    const setup = buildNa64eSetup();
    const { xMaxGeV, yMaxGeV } = setup.axes;
    const vx = [0, -1e-3, -50, xMaxGeV / 8, xMaxGeV / 2, xMaxGeV - 1e-3, xMaxGeV, xMaxGeV + 1e-3, 1e9];
    const vy = [0, -2, yMaxGeV / 5, yMaxGeV * 0.999, yMaxGeV, 7e3];
    const points = vx.flatMap((x) => vy.map((y) => [x, y] as const));
    const columns = allocateColumns(points.length, 0);
    points.forEach(([x, y], i) => {
      columns.eEcalGeV[i] = x;
      columns.eHcalGeV[i] = y;
    });
    const h = core.parse(JSON.stringify(hermeticityTH2D(setup, columns, 0, { nx: 8, ny: 5 })))!;
    const ref = core.createHistogram('TH2D', 8, 5);
    ref.fXaxis.fXmax = xMaxGeV;
    ref.fYaxis.fXmax = yMaxGeV;
    // the same Float32 values as the columns hold
    for (let i = 0; i < points.length; i++) ref.Fill(columns.eEcalGeV[i], columns.eHcalGeV[i]);
    expect(Array.from(h.fArray)).toEqual(Array.from(ref.fArray));
    expect(h.fEntries).toBe(points.length);
  });

  it("is drawn by jsroot with 'colz': axis titles, palette and statistics box", async () => {
    const c = cases['NA64e, no cut'];
    const h = core.parse(c.text)!;
    const svg = await draw.makeSVG({ object: h, option: 'colz', width: 800, height: 600 });
    expect(svg.startsWith('<svg')).toBe(true);
    // the TLatex subscripts of the axis titles, rendered as text
    expect(svg).toMatch(/ECAL/);
    expect(svg).toMatch(/HCAL/);
    // the statistics box: jsroot takes entries from fEntries and the means and standard
    // deviations from fTsumw, fTsumwx, fTsumwx2, fTsumwy, fTsumwy2 (unzoomed histogram)
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)</g)].map((m) => m[1]);
    const stat = (label: string) => Number(texts[texts.indexOf(label) + 1]);
    expect(stat('Entries')).toBe(h.fEntries);
    const mx = h.fTsumwx / h.fTsumw;
    const my = h.fTsumwy / h.fTsumw;
    // printed with 4 significant digits
    const near = (printed: number, v: number) =>
      expect(Math.abs(printed - v)).toBeLessThanOrEqual(5e-4 * Math.abs(v));
    near(stat('Mean x'), mx);
    near(stat('Mean y'), my);
    near(stat('Std Dev x'), Math.sqrt(h.fTsumwx2 / h.fTsumw - mx * mx));
    near(stat('Std Dev y'), Math.sqrt(h.fTsumwy2 / h.fTsumw - my * my));
    // filled bins are drawn (colz draws one path per colour level of the palette)
    expect((svg.match(/<path/g) ?? []).length).toBeGreaterThan(20);
  });
});
