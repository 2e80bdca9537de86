/**
 * What the toolbar buttons do: build each export from the store (the pure builders live in
 * src/share), download it, and import files into the store. Heavy builders (Arrow) are loaded on
 * first use, so they stay out of the main bundle.
 */
import { analyse } from '../../analysis/analysis';
import { PROCESSES } from '../../physics/processes';
import type { SetupId } from '../../physics/setups/types';
import { exportFileName, runBaseName } from '../../share/fileNames';
import { ImportError } from '../../share/importError';
import { setupOfParams } from '../../share/setupOf';
import { boxSummaryOf, clearEventSelection, useApp, type RunState } from '../../state/store';
import { NA64E_REGIONS, NA64MU_REGIONS } from '../plots/regions';
import { downloadBlob, downloadText, sceneToPng, svgToPng } from './dom';
import { i18n } from '../../i18n';
import { processName } from '../../i18n/physicsText';
import { boxCountLabel } from '../plots/plotText';
import { formatCount } from '../plots/format';
import { numberText } from '../../i18n/eventText';
import type { PlotSvgText } from '../../share/exportSvg';
import { hermeticitySvg } from '../../share/exportSvg';
import { runToCsv } from '../../share/exportCsv';
import { hermeticityTH2D } from '../../share/exportRoot';
import { eventToPhoenix } from '../../share/exportPhoenix';

/** Size of the PNG export of the plot (4K, 16:9 for slides). */
export const PNG_WIDTH = 3840;
export const PNG_HEIGHT = 2160;

// Messages shown in the app: in the reader's language (share.* keys).
const UI = {
  noRun: () => i18n.t('share.noRun'),
  busy: () => i18n.t('share.busy'),
  noEvent: () => i18n.t('share.noEvent'),
  csvImported: (n: number, setupName: string, processes: number, file: string) =>
    i18n.t('share.csvImported', { n: n.toLocaleString(i18n.language), setup: setupName, processes, file }),
  eventImported: (which: string, file: string, nEvents: number, tracks: number, cells: number) =>
    i18n.t(nEvents > 1 ? 'share.eventImportedFirst' : 'share.eventImported', { which, file, nEvents, tracks, cells }),
  eventName: (index: number) => i18n.t('share.eventName', { index }),
  eventKeyName: (key: string) => i18n.t('share.eventKeyName', { key }),
};

// The exported plot (SVG / PNG) speaks the reader's language: a slide for the lecture in French.
// The data files (CSV, Arrow, Phoenix JSON, ROOT JSON) stay English.
const plotText = (): PlotSvgText => {
  const t = i18n.t;
  return {
    colorbarTitle: t('plot.colorbarTitle'),
    legendHeading: t('share.plot.legendHeading'),
    signalBox: t('plot.signalBox'),
    selectedEvent: (index) => t('share.plot.selectedEvent', { index }),
    processName: (code) => processName(t, code),
    regionLabel: (r) => t(`regions.${r.id}.label`, { defaultValue: r.label }),
  };
};

function currentRun(): { run: RunState; setupId: SetupId } {
  const st = useApp.getState();
  const run = st.runs[st.setupId];
  if (run.status !== 'done' || !run.columns || !run.analysis || !run.setup) throw new Error(UI.noRun());
  return { run, setupId: st.setupId };
}

function baseName(): string {
  const st = useApp.getState();
  const run = st.runs[st.setupId];
  return run.importedFrom ? `${st.setupId}-imported` : runBaseName(run.params, st.setupId);
}

function plotSvgInput(pixelWidth?: number, pixelHeight?: number) {
  const { run, setupId } = currentRun();
  const st = useApp.getState();
  const settings = st.settings[setupId];
  const setup = run.setup!;
  const a = run.analysis!;
  const k = Math.min(settings.appliedCuts, setup.cuts.length);
  const summary = boxSummaryOf(run, settings);
  const p = run.params;
  const t = i18n.t;
  const lng = i18n.resolvedLanguage ?? i18n.language ?? 'en';
  const cutText = k === 0 ? t('cutflow.none') : t('cutflow.applied', { k, n: setup.cuts.length });
  const source = run.importedFrom
    ? t('share.plot.importedSource', { file: run.importedFrom, n: formatCount(a.nEvents, lng) })
    : p
      ? t('share.plot.runSource', { seed: p.seed, n: formatCount(p.events, lng), beamGeV: numberText(p.beamEnergyGeV, lng) })
      : '';
  const b = settings.box;
  const boxText = t('share.plot.box', { xMin: numberText(b.xMinGeV, lng), xMax: numberText(b.xMaxGeV, lng), yMin: numberText(b.yMinGeV, lng), yMax: numberText(b.yMaxGeV, lng) });
  return {
    analysis: a,
    axes: setup.axes,
    box: b,
    selected: st.selected,
    regions: st.showRegions ? (setupId === 'na64e' ? NA64E_REGIONS : NA64MU_REGIONS) : null,
    title: t('share.plot.title', { setup: setup.name }),
    subtitle: [source, cutText, boxText, t('share.plot.credit')].filter(Boolean).join(' · '),
    boxLabel: summary ? boxCountLabel(t, summary.inBox, lng) : undefined,
    text: plotText(),
    pixelWidth,
    pixelHeight,
  };
}

export async function exportPlotSvg(): Promise<void> {
  const svg = hermeticitySvg(plotSvgInput());
  downloadText(`<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`, exportFileName.svg(baseName()), 'image/svg+xml');
}

export async function exportPlotPng(): Promise<void> {
  const svg = hermeticitySvg(plotSvgInput(PNG_WIDTH, PNG_HEIGHT));
  downloadBlob(await svgToPng(svg, PNG_WIDTH, PNG_HEIGHT), exportFileName.png(baseName()));
}

export async function exportScenePng(): Promise<void> {
  const st = useApp.getState();
  const blob = await sceneToPng();
  const base = st.runs[st.setupId].params ? baseName() : st.setupId;
  downloadBlob(blob, exportFileName.scenePng(base, st.detail?.eventIndex ?? null));
}

export async function exportCsv(): Promise<void> {
  const { run } = currentRun();
  downloadText(runToCsv(run.setup!, run.columns!), exportFileName.csv(baseName()), 'text/csv');
}

export async function exportArrow(): Promise<void> {
  const { run } = currentRun();
  const { runToArrow } = await import('../../share/exportArrow');
  const bytes = runToArrow(run.setup!, run.columns!, run.importedFrom ? null : run.params);
  downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/vnd.apache.arrow.file' }), exportFileName.arrow(baseName()));
}

export async function exportRoot(): Promise<void> {
  const { run } = currentRun();
  const a = run.analysis!;
  const h = hermeticityTH2D(run.setup!, run.columns!, a.mask, { nx: a.histogram.nx, ny: a.histogram.ny });
  downloadText(JSON.stringify(h), exportFileName.root(baseName()), 'application/json');
}

export async function exportPhoenix(): Promise<void> {
  const st = useApp.getState();
  const detail = st.detail;
  if (!detail) throw new Error(UI.noEvent());
  const run = st.runs[st.setupId];
  const setup = run.setup ?? (run.params ? setupOfParams(run.params) : null);
  if (!setup) throw new Error(UI.noRun());
  const base = run.params && !run.importedFrom ? baseName() : `${detail.setupId}-seed${detail.seed}`;
  downloadText(JSON.stringify(eventToPhoenix(detail, setup)), exportFileName.phoenix(base, detail.eventIndex), 'application/json');
}

/** Wait until the run of a setup is no longer starting / running / analysing. */
function whenSettled(id: SetupId): Promise<void> {
  const settled = () => {
    const s = useApp.getState().runs[id].status;
    return s === 'done' || s === 'error' || s === 'cancelled';
  };
  if (settled()) return Promise.resolve();
  return new Promise((resolve) => {
    const unsub = useApp.subscribe(() => {
      if (settled()) {
        unsub();
        resolve();
      }
    });
  });
}

/** Import a CSV run or a Phoenix event; resolves to a one-line summary, rejects with ImportError. */
export async function importFile(file: File): Promise<string> {
  const text = await file.text();
  const isJson = /\.json$/i.test(file.name) || /^\s*[[{]/.test(text);
  return isJson ? importPhoenixText(text, file.name) : importCsvText(text, file.name);
}

async function importCsvText(text: string, name: string): Promise<string> {
  const { parseRunCsv } = await import('../../share/importCsv');
  const { setupId, columns } = parseRunCsv(text);
  const st = useApp.getState();
  const cur = st.runs[setupId].status;
  if (cur === 'running' || cur === 'analysing') throw new ImportError(UI.busy());
  const params = { ...st.settings[setupId].params, events: columns.n };
  const setup = setupOfParams(params);
  const k = Math.min(st.settings[setupId].appliedCuts, setup.cuts.length);
  const analysis = analyse(setup, columns, (1 << k) - 1);
  st.setRun(setupId, {
    status: 'done',
    progress: 1,
    error: null,
    setup,
    processes: [],
    columns,
    analysis,
    params,
    durationMs: 0,
    firstPlotMs: 0,
    importedFrom: name,
  });
  if (useApp.getState().setupId !== setupId) useApp.getState().setSetup(setupId);
  clearEventSelection();
  let present = 0;
  for (const p of PROCESSES) if (analysis.processCounts.raw[p.code] > 0) present++;
  return UI.csvImported(columns.n, setup.name, present, name);
}

async function importPhoenixText(text: string, name: string): Promise<string> {
  const { parsePhoenixEvent } = await import('../../share/importPhoenix');
  const st = useApp.getState();
  const setupFor = (id?: SetupId) => {
    const sid = id ?? st.setupId;
    const run = st.runs[sid];
    return run.setup && run.setup.id === sid ? run.setup : setupOfParams(st.settings[sid].params);
  };
  const { detail, eventKey, nEvents } = parsePhoenixEvent(text, setupFor);
  const id = detail.setupId === 'na64mu' ? 'na64mu' : 'na64e';
  if (useApp.getState().setupId !== id) {
    useApp.getState().setSetup(id);
    // the first visit of a setup starts its run, which clears the event view: show ours after it
    await new Promise((r) => setTimeout(r, 0));
    await whenSettled(id);
  }
  useApp.getState().select(null);
  useApp.getState().setDetail({ detail, detailStatus: 'idle', detailError: null });
  const which = eventKey ? UI.eventKeyName(eventKey) : UI.eventName(detail.eventIndex);
  return UI.eventImported(which, name, nEvents, detail.tracks.length, detail.cells.length);
}
