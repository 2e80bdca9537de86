/**
 * Application state (zustand). Each setup keeps its own settings (parameters, signal box, applied
 * cuts, N on target) and its own run; settings persist across reloads (localStorage) and the chosen
 * setup is also in the URL hash. Invalid input never replaces the last good settings: actions
 * return an error message instead, which the UI shows.
 */
import { create } from 'zustand';
import { persist, createJSONStorage } from 'zustand/middleware';
import type { AnalysisResult, BoxSummary } from '../analysis/analysis';
import { summariseBox } from '../analysis/analysis';
import type { RunColumns } from '../physics/columns';
import type { EventDetail } from '../physics/detail';
import { DEFAULT_PARAMS, ParamsError, parseRunParams, type ParamIssue, type RunParams } from '../physics/params';
import { buildNa64eSetup } from '../physics/setups/na64e';
import { buildNa64muSetup } from '../physics/setups/na64mu';
import type { Setup, SetupId, SignalBox } from '../physics/setups/types';
import type { ProcessTableRow } from '../sim/protocol';

export interface SetupSettings {
  params: RunParams;
  box: SignalBox;
  /** Number of cuts applied to the plotted sample (0 = none … all). */
  appliedCuts: number;
  nOnTarget: number;
}

export type RunStatus = 'idle' | 'running' | 'analysing' | 'done' | 'error' | 'cancelled';

export interface RunState {
  status: RunStatus;
  progress: number;
  error: string | null;
  setup: Setup | null;
  processes: ProcessTableRow[];
  columns: RunColumns | null;
  analysis: AnalysisResult | null;
  params: RunParams | null;
  durationMs: number;
  firstPlotMs: number;
  /** Set when the run was imported from a file (name): its events cannot be re-simulated. */
  importedFrom?: string | null;
}

export interface SelectedEvent {
  eventIndex: number;
  xGeV: number;
  yGeV: number;
}

export type CameraPreset = 'side' | 'top' | 'beam' | 'overview' | 'ecal';

export interface AppState {
  setupId: SetupId;
  settings: Record<SetupId, SetupSettings>;
  runs: Record<SetupId, RunState>;
  selected: SelectedEvent | null;
  detail: EventDetail | null;
  detailStatus: 'idle' | 'loading' | 'error';
  detailError: string | null;
  camera: CameraPreset;
  showRegions: boolean;
  /** Last validation message for the parameter form (null = all good). */
  paramError: string | null;
  /** The problems of `paramError` as data (the UI words them in the reader's language). */
  paramIssues: ParamIssue[] | null;
  /** UI language (i18n locale code). */
  language: string;
  /** Guided-tour step (-1 = tour closed). */
  tourStep: number;
  /** Presentation mode (large fonts, clean layout for a projector). */
  presentation: boolean;
  /**
   * Per setup, the parameters of the last run simulated (not imported): the run that edits in the
   * form not yet simulated are made on top of. Stored with the form, so that a reload restores such
   * a draft (share/formDraft.ts).
   */
  formBase: Record<SetupId, RunParams | null>;

  setSetup(id: SetupId): void;
  /** Validate and apply a parameter change; returns an error message or null. */
  updateParams(patch: Partial<RunParams>): string | null;
  setBox(box: SignalBox): string | null;
  setAppliedCuts(k: number): void;
  setNOnTarget(n: number): string | null;
  setRun(id: SetupId, patch: Partial<RunState>): void;
  select(e: SelectedEvent | null): void;
  setDetail(patch: { detail?: EventDetail | null; detailStatus?: AppState['detailStatus']; detailError?: string | null }): void;
  setCamera(c: CameraPreset): void;
  setShowRegions(v: boolean): void;
  setLanguage(lang: string): void;
  setTourStep(step: number): void;
  setPresentation(on: boolean): void;
}

/** Same detector description (setups are plain data of a few kB). */
function sameSetup(a: Setup, b: Setup): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const emptyRun = (): RunState => ({
  status: 'idle',
  progress: 0,
  error: null,
  setup: null,
  processes: [],
  columns: null,
  analysis: null,
  params: null,
  durationMs: 0,
  firstPlotMs: 0,
});

/** Default settings of every setup (also the fallback for invalid shared links). */
export const defaultSettings = (): Record<SetupId, SetupSettings> => ({
  na64e: { params: DEFAULT_PARAMS.na64e, box: buildNa64eSetup().defaultBox, appliedCuts: 0, nOnTarget: 9.37e11 },
  na64mu: {
    params: DEFAULT_PARAMS.na64mu,
    box: buildNa64muSetup().defaultBox,
    appliedCuts: 0,
    nOnTarget: 1.98e10,
  },
});

/** Validate a box: finite, min ≤ max, non-negative. Returns a message or null. */
export function boxError(b: SignalBox): string | null {
  const vals = [b.xMinGeV, b.xMaxGeV, b.yMinGeV, b.yMaxGeV];
  if (vals.some((v) => typeof v !== 'number' || !Number.isFinite(v))) return 'signal box edges must be numbers';
  if (vals.some((v) => v < 0)) return 'signal box edges must be ≥ 0 GeV';
  if (b.xMinGeV > b.xMaxGeV) return 'signal box: x min is larger than x max';
  if (b.yMinGeV > b.yMaxGeV) return 'signal box: y min is larger than y max';
  return null;
}

function hashSetup(): SetupId | null {
  if (typeof location === 'undefined') return null;
  const m = /setup=(na64e|na64mu)/.exec(location.hash);
  return m ? (m[1] as SetupId) : null;
}

export const useApp = create<AppState>()(
  persist(
    (set, get) => ({
      setupId: 'na64e',
      settings: defaultSettings(),
      runs: { na64e: emptyRun(), na64mu: emptyRun() },
      selected: null,
      detail: null,
      detailStatus: 'idle',
      detailError: null,
      camera: 'overview',
      showRegions: true,
      paramError: null,
      paramIssues: null,
      language: 'en',
      tourStep: -1,
      presentation: false,
      formBase: { na64e: null, na64mu: null },

      setSetup(id) {
        if (typeof location !== 'undefined' && typeof history !== 'undefined') {
          history.replaceState(null, '', `#setup=${id}`);
        }
        set({ setupId: id, selected: null, detail: null, detailStatus: 'idle', detailError: null });
      },
      updateParams(patch) {
        const id = get().setupId;
        const cur = get().settings[id];
        try {
          const params = parseRunParams({ ...cur.params, ...patch, setup: id });
          set({ settings: { ...get().settings, [id]: { ...cur, params } }, paramError: null, paramIssues: null });
          return null;
        } catch (e) {
          const msg = (e as Error).message;
          set({ paramError: msg, paramIssues: e instanceof ParamsError ? e.issues : null });
          return msg;
        }
      },
      setBox(box) {
        const err = boxError(box);
        if (err) return err;
        const id = get().setupId;
        set({ settings: { ...get().settings, [id]: { ...get().settings[id], box } } });
        return null;
      },
      setAppliedCuts(k) {
        const id = get().setupId;
        set({ settings: { ...get().settings, [id]: { ...get().settings[id], appliedCuts: Math.max(0, Math.round(k)) } } });
      },
      setNOnTarget(n) {
        if (!Number.isFinite(n) || n <= 0) return 'N on target must be a positive number';
        const id = get().setupId;
        set({ settings: { ...get().settings, [id]: { ...get().settings[id], nOnTarget: n } } });
        return null;
      },
      setRun(id, patch) {
        const prev = get().runs[id];
        // A run brings its Setup anew from the worker (a structured clone): keep the old object when
        // it is the same detector, so that the 3D view does not rebuild (and recompile) its scene.
        if (patch.setup && prev.setup && patch.setup !== prev.setup && sameSetup(patch.setup, prev.setup)) {
          patch = { ...patch, setup: prev.setup };
        }
        const run = { ...prev, ...patch };
        const base = patch.params && !run.importedFrom ? { formBase: { ...get().formBase, [id]: patch.params } } : {};
        set({ runs: { ...get().runs, [id]: run }, ...base });
      },
      select(e) {
        set({ selected: e });
      },
      setDetail(patch) {
        set(patch);
      },
      setCamera(c) {
        set({ camera: c });
      },
      setShowRegions(v) {
        set({ showRegions: v });
      },
      setLanguage(lang) {
        set({ language: lang });
      },
      setTourStep(step) {
        set({ tourStep: step });
      },
      setPresentation(on) {
        set({ presentation: on });
      },
    }),
    {
      name: 'na64-explorer-settings',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({
        setupId: s.setupId,
        settings: s.settings,
        camera: s.camera,
        showRegions: s.showRegions,
        language: s.language,
        formBase: s.formBase,
      }),
      // A corrupted or tampered stored state must not break the page: validate, else defaults.
      merge: (persisted, current) => {
        const p = persisted as Partial<AppState> | undefined;
        const out = { ...current };
        try {
          if (p?.settings) {
            const settings = defaultSettings();
            for (const id of ['na64e', 'na64mu'] as SetupId[]) {
              const s = p.settings[id];
              if (!s) continue;
              const params = parseRunParams({ ...settings[id].params, ...s.params, setup: id });
              const box = boxError(s.box) ? settings[id].box : s.box;
              settings[id] = {
                params,
                box,
                appliedCuts: Number.isFinite(s.appliedCuts) ? s.appliedCuts : 0,
                nOnTarget: Number.isFinite(s.nOnTarget) && s.nOnTarget > 0 ? s.nOnTarget : settings[id].nOnTarget,
              };
            }
            out.settings = settings;
          }
          if (p?.setupId === 'na64e' || p?.setupId === 'na64mu') out.setupId = p.setupId;
          if (p?.camera) out.camera = p.camera;
          if (typeof p?.showRegions === 'boolean') out.showRegions = p.showRegions;
          if (typeof p?.language === 'string' && /^[a-z]{2}$/.test(p.language)) out.language = p.language;
          if (p?.formBase) {
            const formBase = { ...current.formBase };
            for (const id of ['na64e', 'na64mu'] as SetupId[]) {
              try {
                const b = p.formBase[id];
                formBase[id] = b ? parseRunParams({ ...b, setup: id }) : null;
              } catch {
                formBase[id] = null;
              }
            }
            out.formBase = formBase;
          }
        } catch {
          // keep defaults
        }
        const fromHash = hashSetup();
        if (fromHash) out.setupId = fromHash;
        return out;
      },
    },
  ),
);

/** Box summary of the current setup's run (O(perimeter); cheap enough to call on every drag). */
/** Clear the selected event and its detail (a detail response still on its way is then dropped). */
export function clearEventSelection(): void {
  const st = useApp.getState();
  st.select(null);
  st.setDetail({ detail: null, detailStatus: 'idle', detailError: null });
}

export function boxSummaryOf(run: RunState, s: SetupSettings): BoxSummary | null {
  if (!run.analysis) return null;
  try {
    return summariseBox(run.analysis, s.box, s.nOnTarget);
  } catch {
    return null;
  }
}
