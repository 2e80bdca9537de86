/**
 * The hermeticity plot as a self-contained SVG document (a string; pure, no DOM): white background,
 * title, axes with ticks and labels, the density histogram as rectangles (log colour, the same
 * colour table and the same row refinement near y = 0 as the on-screen canvas), the sparse events
 * as process-coloured circles, optional teaching regions, the colour bar, the signal box with its
 * label, the selected event and a process legend. All styles are inline attributes, so the file
 * looks the same in a browser, Inkscape or a slide program. The caller gives the title, subtitle
 * and box label and may give the plot's other words (`text`) in the reader's language; without
 * them the plot is English.
 *
 * The document has a logical size (default 1280 × 720 units, a 16:9 slide) and may be given a
 * different output size in pixels (`pixelWidth` / `pixelHeight`): the PNG export renders the same
 * document at 3840 × 2160.
 */
import { scaleLog } from 'd3';
import { MARKER_BIN_THRESHOLD, type AnalysisResult } from '../analysis/analysis';
import type { PlotAxes, SignalBox } from '../physics/setups/types';
import { PROCESSES } from '../physics/processes';
import { makeDensityColor } from '../ui/plots/densityColor';
import { regionLabelPoint, regionPath } from '../ui/plots/regionGeometry';
import { makeScales, tickLabel, type PlotScales } from '../ui/plots/scales';
import type { PlotFrame, PlotRegion, YScaleMode } from '../ui/plots/types';

export interface PlotSvgInput {
  analysis: AnalysisResult;
  axes: PlotAxes;
  box: SignalBox;
  selected?: { eventIndex: number; xGeV: number; yGeV: number } | null;
  regions?: PlotRegion[] | null;
  /** First title line (e.g. 'NA64e — hermeticity plot'). */
  title?: string;
  /** Second line (run parameters). */
  subtitle?: string;
  /** Text next to the box (e.g. its count). */
  boxLabel?: string;
  /** The plot's own words in the reader's language (default: English). */
  text?: Partial<PlotSvgText>;
  yScale?: YScaleMode;
  /** Logical size of the document. */
  width?: number;
  height?: number;
  /** Output size in pixels (width/height attributes); default: the logical size. */
  pixelWidth?: number;
  pixelHeight?: number;
}

/** The words drawn by the plot itself (the caller words them; this module stays free of i18n). */
export interface PlotSvgText {
  /** Title of the colour bar ('events / bin'). */
  colorbarTitle: string;
  /** Heading of the process legend ('Processes (events)'). */
  legendHeading: string;
  /** Label of the box when `boxLabel` is not given ('signal box'). */
  signalBox: string;
  /** Label of the selected event ('event #17'). */
  selectedEvent: (eventIndex: number) => string;
  /** Name of a process in the legend. */
  processName: (code: number) => string;
  /** Label of a teaching region. */
  regionLabel: (region: PlotRegion) => string;
}

const ENGLISH_TEXT: PlotSvgText = {
  colorbarTitle: 'events / bin',
  legendHeading: 'Processes (events)',
  signalBox: 'signal box',
  selectedEvent: (i) => `event #${i}`,
  processName: (code) => PROCESSES[code]?.name ?? `process ${code}`,
  regionLabel: (r) => r.label,
};

export const SVG_DEFAULT_WIDTH = 1280;
export const SVG_DEFAULT_HEIGHT = 720;

const INK = '#1b1f24';
const MUTED = '#5b6470';
const GRID = '#eceff3';
const ACCENT = '#c2185b';
const FONT = "system-ui, 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif";
/** Rows taller than this [units] are refined into sub-rows of about SUB_PX (as DensityLayer). */
const REFINE_PX = 4;
const SUB_PX = 1.5;

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] ?? c);
}

const n2 = (v: number) => (Math.round(v * 100) / 100).toString();

/** 'E_ECAL [GeV]' as SVG tspans with subscripts. */
export function labelTspans(label: string): string {
  const re = /_([A-Za-z0-9]+)/g;
  let out = '';
  let last = 0;
  let prevSub = false;
  for (let m = re.exec(label); m; m = re.exec(label)) {
    if (m.index > last) {
      out += `<tspan${prevSub ? ' dy="-0.3em"' : ''}>${escapeXml(label.slice(last, m.index))}</tspan>`;
      prevSub = false;
    }
    out += `<tspan dy="${prevSub ? '0' : '0.3em'}" font-size="75%">${escapeXml(m[1])}</tspan>`;
    prevSub = true;
    last = m.index + m[0].length;
  }
  if (last < label.length) out += `<tspan${prevSub ? ' dy="-0.3em"' : ''}>${escapeXml(label.slice(last))}</tspan>`;
  return out;
}

function densityRects(a: AnalysisResult, sc: PlotScales, lut: string[], lo: number, span: number): string {
  const h = a.histogram;
  const index = a.index;
  const { nx, ny, counts } = h;
  const bw = h.xMaxGeV / nx;
  const bh = h.yMaxGeV / ny;
  const xe = new Float64Array(nx + 1);
  const ye = new Float64Array(ny + 1);
  for (let i = 0; i <= nx; i++) xe[i] = sc.x(i * bw);
  for (let j = 0; j <= ny; j++) ye[j] = sc.y(j * bh);
  const last = lut.length - 1;
  const colorIndex = (count: number) => {
    let t = (Math.log(count) - lo) / span;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    return Math.round(t * last);
  };
  const canRefine = !!index && index.nx === nx && index.ny === ny && index.binStart.length === nx * ny + 1;
  const parts: string[] = [];
  // one rectangle per run of equal colour along a (sub-)row
  const emitRow = (y0: number, height: number, colorOf: (ix: number) => number) => {
    let runStart = -1;
    let runColor = -1;
    const flush = (end: number) => {
      if (runStart < 0) return;
      parts.push(
        `<rect x="${n2(xe[runStart])}" y="${n2(y0)}" width="${n2(xe[end] - xe[runStart])}" height="${n2(height)}" fill="${lut[runColor]}"/>`,
      );
      runStart = -1;
    };
    for (let ix = 0; ix < nx; ix++) {
      const c = colorOf(ix);
      if (c !== runColor || c < 0) flush(ix);
      if (c >= 0 && runStart < 0) {
        runStart = ix;
        runColor = c;
      }
    }
    flush(nx);
  };
  for (let iy = 0; iy < ny; iy++) {
    const yTop = ye[iy + 1];
    const yBottom = ye[iy];
    const rowH = Math.max(0.01, yBottom - yTop);
    let dense = false;
    for (let ix = 0; ix < nx; ix++) if (counts[iy * nx + ix] > MARKER_BIN_THRESHOLD) dense = true;
    if (!dense) continue;
    const nSub = canRefine && rowH > REFINE_PX ? Math.max(2, Math.round(rowH / SUB_PX)) : 1;
    if (nSub === 1) {
      emitRow(yTop, rowH, (ix) => {
        const c = counts[iy * nx + ix];
        return c > MARKER_BIN_THRESHOLD ? colorIndex(c) : -1;
      });
      continue;
    }
    const subH = rowH / nSub;
    const sub = new Float64Array(nx * nSub);
    for (let ix = 0; ix < nx; ix++) {
      const b = iy * nx + ix;
      if (counts[b] <= MARKER_BIN_THRESHOLD) continue;
      for (let k = index.binStart[b], e = index.binStart[b + 1]; k < e; k++) {
        let s = Math.floor((yBottom - sc.y(index.y[k])) / subH);
        s = s < 0 ? 0 : s >= nSub ? nSub - 1 : s;
        sub[s * nx + ix]++;
      }
    }
    for (let s = 0; s < nSub; s++) {
      emitRow(yBottom - (s + 1) * subH, subH, (ix) => {
        const b = iy * nx + ix;
        if (counts[b] <= MARKER_BIN_THRESHOLD) return -1;
        const v = sub[s * nx + ix];
        return v > 0 ? colorIndex(v * nSub) : -1;
      });
    }
  }
  return parts.join('');
}

function markerCircles(a: AnalysisResult, sc: PlotScales): string {
  const m = a.markers;
  const n = m.x.length;
  const colors: string[] = [];
  for (const p of PROCESSES) colors[p.code] = p.color;
  const present = new Uint32Array(256);
  for (let i = 0; i < n; i++) present[m.process[i]]++;
  const stroke = n < 20000 ? ' stroke="#ffffff" stroke-opacity="0.85" stroke-width="0.6"' : '';
  const out: string[] = [];
  const { innerWidth: W, innerHeight: H } = sc.frame;
  for (let code = 0; code < 256; code++) {
    if (!present[code]) continue;
    out.push(`<g fill="${colors[code] ?? '#777777'}"${stroke} data-process="${code}">`);
    for (let i = 0; i < n; i++) {
      if (m.process[i] !== code) continue;
      const x = sc.x(m.x[i]);
      const y = sc.y(m.y[i]);
      if (!(x >= -3 && x <= W + 3 && y >= -3 && y <= H + 3)) continue;
      out.push(`<circle cx="${n2(x)}" cy="${n2(y)}" r="2.2"/>`);
    }
    out.push('</g>');
  }
  return out.join('');
}

/** The plot as an SVG document string. */
export function hermeticitySvg(input: PlotSvgInput): string {
  const { analysis: a, axes, box } = input;
  const text: PlotSvgText = { ...ENGLISH_TEXT, ...input.text };
  const width = input.width ?? SVG_DEFAULT_WIDTH;
  const height = input.height ?? SVG_DEFAULT_HEIGHT;
  const pw = input.pixelWidth ?? width;
  const ph = input.pixelHeight ?? height;
  const margin = { top: input.subtitle ? 62 : 44, right: 400, bottom: 56, left: 76 };
  const frame: PlotFrame = {
    width,
    height,
    margin,
    innerWidth: Math.max(10, width - margin.left - margin.right),
    innerHeight: Math.max(10, height - margin.top - margin.bottom),
  };
  const sc = makeScales(frame, axes, input.yScale ?? 'symlog');
  const W = frame.innerWidth;
  const H = frame.innerHeight;
  const color = makeDensityColor(MARKER_BIN_THRESHOLD, a.histogram.maxCount);
  const lo = Math.log(color.minCount);
  const span = Math.log(color.maxCount) - lo;
  const o: string[] = [];

  o.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${pw}" height="${ph}" viewBox="0 0 ${width} ${height}" font-family="${escapeXml(FONT)}" font-size="13" fill="${INK}">`,
  );
  o.push(`<title>${escapeXml(input.title ?? 'Hermeticity plot')}</title>`);
  if (input.subtitle) o.push(`<desc>${escapeXml(input.subtitle)}</desc>`);
  o.push(`<rect width="${width}" height="${height}" fill="#ffffff"/>`);
  if (input.title) o.push(`<text x="${margin.left}" y="26" font-size="19" font-weight="700">${escapeXml(input.title)}</text>`);
  if (input.subtitle) o.push(`<text x="${margin.left}" y="46" font-size="12.5" fill="${MUTED}">${escapeXml(input.subtitle)}</text>`);
  o.push(`<defs><clipPath id="plot-area"><rect width="${W}" height="${H}"/></clipPath></defs>`);
  o.push(`<g transform="translate(${margin.left},${margin.top})">`);

  // grid
  o.push(`<g stroke="${GRID}" stroke-width="1" shape-rendering="crispEdges">`);
  for (const t of sc.xTicks) o.push(`<line x1="${n2(sc.x(t))}" x2="${n2(sc.x(t))}" y1="0" y2="${H}"/>`);
  for (const t of sc.yTicks) o.push(`<line x1="0" x2="${W}" y1="${n2(sc.y(t))}" y2="${n2(sc.y(t))}"/>`);
  o.push('</g>');

  // data
  o.push(`<g clip-path="url(#plot-area)">`);
  o.push(`<g shape-rendering="crispEdges" data-layer="density">${densityRects(a, sc, color.lut, lo, span)}</g>`);
  if (input.regions?.length) {
    o.push('<g data-layer="regions">');
    for (const r of input.regions) {
      const d = regionPath(r, sc);
      const c = r.color ?? '#555555';
      if (d) o.push(`<path d="${d}" stroke="${c}" fill="${c}" fill-opacity="0.06" stroke-opacity="0.85" stroke-width="1.2" stroke-dasharray="5 3"/>`);
    }
    o.push('</g>');
  }
  o.push(`<g data-layer="markers">${markerCircles(a, sc)}</g>`);
  o.push('</g>');
  if (input.regions?.length) {
    for (const r of input.regions) {
      const at = regionLabelPoint(r, sc);
      if (at)
        o.push(
          `<text x="${n2(at.x)}" y="${n2(at.y)}" fill="${r.color ?? '#555555'}" font-size="12" font-weight="600" paint-order="stroke" stroke="#ffffff" stroke-opacity="0.9" stroke-width="3" stroke-linejoin="round">${labelTspans(text.regionLabel(r))}</text>`,
        );
    }
  }

  // frame and axes
  o.push(`<rect width="${W}" height="${H}" fill="none" stroke="${INK}" stroke-width="1" shape-rendering="crispEdges"/>`);
  o.push(`<g transform="translate(0,${H})" font-size="12">`);
  for (const t of sc.xTicks) {
    const x = n2(sc.x(t));
    o.push(`<line x1="${x}" x2="${x}" y2="6" stroke="${INK}"/><text x="${x}" y="20" text-anchor="middle">${tickLabel(t)}</text>`);
  }
  o.push(`<text x="${n2(W / 2)}" y="44" text-anchor="middle" font-size="15" font-weight="600" data-axis="x">${labelTspans(axes.xLabel)}</text>`);
  o.push('</g>');
  o.push('<g font-size="12">');
  for (const t of sc.yTicks) {
    const y = n2(sc.y(t));
    o.push(`<line x1="-6" x2="0" y1="${y}" y2="${y}" stroke="${INK}"/><text x="-9" y="${y}" dy="0.32em" text-anchor="end">${tickLabel(t)}</text>`);
  }
  for (const t of sc.yMinorTicks) o.push(`<line x1="-3" x2="0" y1="${n2(sc.y(t))}" y2="${n2(sc.y(t))}" stroke="${MUTED}"/>`);
  o.push(
    `<text transform="translate(-50,${n2(H / 2)}) rotate(-90)" text-anchor="middle" font-size="15" font-weight="600" data-axis="y">${labelTspans(axes.yLabel)}${sc.yMode === 'symlog' ? `<tspan font-weight="400" font-size="12" fill="${MUTED}"> (symlog)</tspan>` : ''}</text>`,
  );
  o.push('</g>');

  // colour bar
  if (a.histogram.maxCount > MARKER_BIN_THRESHOLD) {
    const cbx = W + 14;
    const stops = 16;
    o.push(`<defs><linearGradient id="colorbar" x1="0" x2="0" y1="1" y2="0">`);
    for (let i = 0; i <= stops; i++) o.push(`<stop offset="${n2(i / stops)}" stop-color="${color.interpolate(i / stops)}"/>`);
    o.push('</linearGradient></defs>');
    o.push(`<g transform="translate(${cbx},0)" font-size="11">`);
    o.push(`<rect width="12" height="${H}" fill="url(#colorbar)" stroke="${INK}" stroke-width="0.5"/>`);
    const ax = scaleLog().domain([color.minCount, color.maxCount]).range([H, 0]);
    const fmt = ax.tickFormat(4, '~s');
    for (const t of ax.ticks(4)) {
      const label = fmt(t);
      const y = n2(ax(t));
      o.push(`<line x1="12" x2="${label ? 16 : 14}" y1="${y}" y2="${y}" stroke="${INK}"/>`);
      if (label) o.push(`<text x="19" y="${y}" dy="0.32em">${escapeXml(label)}</text>`);
    }
    o.push(`<text transform="translate(56,${n2(H / 2)}) rotate(90)" text-anchor="middle" fill="${MUTED}">${escapeXml(text.colorbarTitle)}</text>`);
    o.push('</g>');
  }

  // signal box (clamped to the plot area) and its label
  const cx = (v: number) => Math.min(W, Math.max(0, sc.x(v)));
  const cy = (v: number) => Math.min(H, Math.max(0, sc.y(v)));
  const bl = cx(box.xMinGeV);
  const br = cx(box.xMaxGeV);
  const bt = cy(box.yMaxGeV);
  const bb = cy(box.yMinGeV);
  o.push(
    `<rect data-layer="signal-box" x="${n2(bl)}" y="${n2(bt)}" width="${n2(Math.max(0, br - bl))}" height="${n2(Math.max(0, bb - bt))}" fill="${ACCENT}" fill-opacity="0.07" stroke="${ACCENT}" stroke-width="2"/>`,
  );
  const boxText = input.boxLabel ?? text.signalBox;
  o.push(
    `<text x="${n2(bl + 4)}" y="${n2(Math.max(14, bt - 7))}" fill="${ACCENT}" font-size="13" font-weight="600" paint-order="stroke" stroke="#ffffff" stroke-opacity="0.92" stroke-width="3" stroke-linejoin="round">${escapeXml(boxText)}</text>`,
  );

  // selected event
  if (input.selected) {
    const sx = n2(cx(input.selected.xGeV));
    const sy = n2(cy(input.selected.yGeV));
    o.push(
      `<g data-layer="selection" transform="translate(${sx},${sy})"><circle r="8" fill="none" stroke="#ffffff" stroke-width="5"/><circle r="8" fill="none" stroke="${ACCENT}" stroke-width="2.2"/><circle r="1.8" fill="${ACCENT}"/><text x="11" y="-9" font-size="11" fill="${ACCENT}" paint-order="stroke" stroke="#ffffff" stroke-width="3">${escapeXml(text.selectedEvent(input.selected.eventIndex))}</text></g>`,
    );
  }
  o.push('</g>');

  // process legend (processes present in the plotted selection)
  const counts = a.processCounts.raw;
  const present = PROCESSES.filter((p) => counts[p.code] > 0);
  const lx = margin.left + W + 92;
  let ly = margin.top + 8;
  o.push(`<g font-size="11" data-layer="legend"><text x="${lx}" y="${ly}" font-weight="600">${escapeXml(text.legendHeading)}</text>`);
  for (const p of present) {
    ly += 18;
    o.push(
      `<circle cx="${lx + 5}" cy="${ly - 4}" r="5" fill="${p.color}"/><text x="${lx + 15}" y="${ly}">${escapeXml(text.processName(p.code))} <tspan fill="${MUTED}">${Math.round(counts[p.code]).toLocaleString('en').replace(/,/g, '\u2009')}</tspan></text>`,
    );
  }
  o.push('</g>');
  o.push('</svg>');
  return o.join('\n');
}
