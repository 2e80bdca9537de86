/**
 * The hermeticity histogram as a ROOT TH2D in the JSON object format of JSROOT / TBufferJSON, so
 * that it opens in JSROOT (`JSROOT.parse(text)` then `draw(…, 'colz')`) and in ROOT
 * (`TBufferJSON::ConvertFromJSON` / `TBufferJSON::FromJSON<TH2D>`).
 *
 * The layout follows JSROOT's `create('TH2D')` / `createHistogram('TH2D', nx, ny)` in
 * root-project/jsroot modules/core.mjs (TNamed + TAttLine/TAttFill/TAttMarker + TH1 + TH2 members,
 * TAxis objects with the TAttAxis defaults) and ROOT's TH2 conventions:
 * - `fXaxis`/`fYaxis`: TAxis with `fNbins`, `fXmin`, `fXmax` (uniform bins, `fXbins` empty) and the
 *   axis title in `fTitle` (ROOT LaTeX: E_{ECAL} [GeV]); `fZaxis` has 1 bin.
 * - `fArray`: (nx+2)·(ny+2) bin contents including under/overflow; bin (ix, iy), ix = 0 underflow,
 *   1…nx in range, nx+1 overflow (same for iy), is at fArray[ix + (nx+2)·iy] (TH2::GetBin).
 *   `fNcells` = (nx+2)·(ny+2).
 * - `fEntries`: number of fills; `fTsumw`, `fTsumw2`, `fTsumwx`, `fTsumwx2`, `fTsumwy`, `fTsumwy2`,
 *   `fTsumwxy`: statistics over in-range fills only (ROOT's default, fStatOverflows = kNeutral).
 * - `fSumw2`: empty (unit weights), `fMaximum`/`fMinimum` = -1111 (not set).
 *
 * Contents are raw event counts of the plotted selection (events passing the applied cuts), the
 * same quantity the plot shows as "events / bin" (weights are in the CSV and Arrow exports). Unlike
 * the plot, which clamps out-of-range events into the edge bins, events beyond the axes go to the
 * overflow bins here. Events with a NaN coordinate are not filled.
 */
import type { RunColumns } from '../physics/columns';
import type { Setup } from '../physics/setups/types';

export interface TAxisJson {
  _typename: 'TAxis';
  fUniqueID: number;
  fBits: number;
  fName: string;
  fTitle: string;
  fNdivisions: number;
  fAxisColor: number;
  fLabelColor: number;
  fLabelFont: number;
  fLabelOffset: number;
  fLabelSize: number;
  fTickLength: number;
  fTitleOffset: number;
  fTitleSize: number;
  fTitleColor: number;
  fTitleFont: number;
  fNbins: number;
  fXmin: number;
  fXmax: number;
  fXbins: number[];
  fFirst: number;
  fLast: number;
  fBits2: number;
  fTimeDisplay: boolean;
  fTimeFormat: string;
  fLabels: null;
  fModLabs: null;
}

export interface TH2DJson {
  _typename: 'TH2D';
  fUniqueID: number;
  fBits: number;
  fName: string;
  fTitle: string;
  fLineColor: number;
  fLineStyle: number;
  fLineWidth: number;
  fFillColor: number;
  fFillStyle: number;
  fMarkerColor: number;
  fMarkerStyle: number;
  fMarkerSize: number;
  fNcells: number;
  fXaxis: TAxisJson;
  fYaxis: TAxisJson;
  fZaxis: TAxisJson;
  fBarOffset: number;
  fBarWidth: number;
  fEntries: number;
  fTsumw: number;
  fTsumw2: number;
  fTsumwx: number;
  fTsumwx2: number;
  fMaximum: number;
  fMinimum: number;
  fNormFactor: number;
  fContour: number[];
  fSumw2: number[];
  fOption: string;
  fFunctions: { _typename: 'TList'; name: 'TList'; arr: unknown[]; opt: string[] };
  fBufferSize: number;
  fBuffer: number[];
  fBinStatErrOpt: number;
  fStatOverflows: number;
  fScalefactor: number;
  fTsumwy: number;
  fTsumwy2: number;
  fTsumwxy: number;
  fArray: number[];
}

/** 'E_ECAL + E_HCAL [GeV]' → 'E_{ECAL} + E_{HCAL} [GeV]' (ROOT's TLatex subscripts). */
export function rootLatex(label: string): string {
  return label.replace(/_([A-Za-z0-9]+)/g, '_{$1}');
}

function axis(name: string, title: string, nbins: number, xmin: number, xmax: number): TAxisJson {
  return {
    _typename: 'TAxis',
    fUniqueID: 0,
    fBits: 0,
    fName: name,
    fTitle: title,
    fNdivisions: 510,
    fAxisColor: 1,
    fLabelColor: 1,
    fLabelFont: 42,
    fLabelOffset: 0.005,
    fLabelSize: 0.035,
    fTickLength: 0.03,
    fTitleOffset: 1,
    fTitleSize: 0.035,
    fTitleColor: 1,
    fTitleFont: 42,
    fNbins: nbins,
    fXmin: xmin,
    fXmax: xmax,
    fXbins: [],
    fFirst: 0,
    fLast: 0,
    fBits2: 0,
    fTimeDisplay: false,
    fTimeFormat: '',
    fLabels: null,
    fModLabs: null,
  };
}

/** Bin of v on a uniform axis, 0 = underflow, n+1 = overflow. */
function binOf(v: number, max: number, n: number): number {
  if (v < 0) return 0;
  if (v >= max) return n + 1;
  return Math.min(n, Math.floor((v / max) * n) + 1);
}

/**
 * The hermeticity TH2D of the events passing `mask` (same plot coordinates and range as the
 * plot's histogram; nx × ny bins, default 240 × 240 like the analysis).
 */
export function hermeticityTH2D(
  setup: Setup,
  c: RunColumns,
  mask: number,
  opts: { nx?: number; ny?: number; name?: string; title?: string } = {},
): TH2DJson {
  const nx = opts.nx ?? 240;
  const ny = opts.ny ?? 240;
  const { xMaxGeV, yMaxGeV, xLabel, yLabel } = setup.axes;
  const ncells = (nx + 2) * (ny + 2);
  const arr = new Float64Array(ncells);
  let entries = 0;
  let sw = 0;
  let swx = 0;
  let swx2 = 0;
  let swy = 0;
  let swy2 = 0;
  let swxy = 0;
  for (let i = 0; i < c.n; i++) {
    if ((c.cutBits[i] & mask) !== mask) continue;
    let x: number;
    let y: number;
    if (setup.id === 'na64mu') {
      x = c.pOutGeV[i];
      y = c.eEcalGeV[i] + c.eVhcalGeV[i] + c.eHcalGeV[i];
    } else {
      x = c.eEcalGeV[i];
      y = c.eHcalGeV[i];
    }
    if (Number.isNaN(x) || Number.isNaN(y)) continue;
    const bx = binOf(x, xMaxGeV, nx);
    const by = binOf(y, yMaxGeV, ny);
    arr[bx + (nx + 2) * by] += 1;
    entries++;
    if (bx >= 1 && bx <= nx && by >= 1 && by <= ny) {
      sw += 1;
      swx += x;
      swx2 += x * x;
      swy += y;
      swy2 += y * y;
      swxy += x * y;
    }
  }
  return {
    _typename: 'TH2D',
    fUniqueID: 0,
    fBits: 8,
    fName: opts.name ?? 'hermeticity',
    fTitle: opts.title ?? `${setup.name}: hermeticity plot`,
    fLineColor: 602,
    fLineStyle: 1,
    fLineWidth: 1,
    fFillColor: 0,
    fFillStyle: 1001,
    fMarkerColor: 1,
    fMarkerStyle: 1,
    fMarkerSize: 1,
    fNcells: ncells,
    fXaxis: axis('xaxis', rootLatex(xLabel), nx, 0, xMaxGeV),
    fYaxis: axis('yaxis', rootLatex(yLabel), ny, 0, yMaxGeV),
    fZaxis: axis('zaxis', 'events / bin', 1, 0, 1),
    fBarOffset: 0,
    fBarWidth: 1000,
    fEntries: entries,
    fTsumw: sw,
    fTsumw2: sw,
    fTsumwx: swx,
    fTsumwx2: swx2,
    fMaximum: -1111,
    fMinimum: -1111,
    fNormFactor: 0,
    fContour: [],
    fSumw2: [],
    fOption: '',
    fFunctions: { _typename: 'TList', name: 'TList', arr: [], opt: [] },
    fBufferSize: 0,
    fBuffer: [],
    fBinStatErrOpt: 0,
    fStatOverflows: 2,
    fScalefactor: 1,
    fTsumwy: swy,
    fTsumwy2: swy2,
    fTsumwxy: swxy,
    fArray: Array.from(arr),
  };
}

/** Index of bin (ix, iy) in fArray (ROOT's TH2::GetBin). */
export const th2Bin = (h: Pick<TH2DJson, 'fXaxis'>, ix: number, iy: number): number => ix + (h.fXaxis.fNbins + 2) * iy;
