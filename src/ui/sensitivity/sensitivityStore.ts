/**
 * State of the dark-sector UI (zustand, its own store): the model point per setup (mass, coupling,
 * α_D, signal fraction) used by the sensitivity panel and, when the signal is mixed into the run,
 * written to params.signal; display choices (ε or y, limit method); the side-panel tab; the status
 * of the per-mass signal samples. The model point and choices persist across reloads (localStorage,
 * written on every change) and are part of a shared link (share/urlState.ts; the tab too).
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { LimitMethod } from '../../physics/darkSector';
import type { SetupId } from '../../physics/setups/types';
import { DEFAULT_SENSITIVITY, OBSERVED_CHOICES, type SharedSideTab } from '../../share/urlState';
import type { SignalSampleData } from '../../sim/protocol';
import { DEFAULT_ALPHA_D, validPoint, type StoredPoint } from './sensitivityMath';

export type { StoredPoint };

export type SideTab = SharedSideTab;

export interface SamplesState {
  status: 'idle' | 'running' | 'done' | 'error' | 'cancelled';
  /** Finished masses / masses to do. */
  done: number;
  total: number;
  error: string | null;
  /** Samples of the current run and model point, sorted by mass (null until computed). */
  samples: SignalSampleData[] | null;
  /** Key of the run they belong to (run parameters + model + α_D + masses). */
  key: string;
}

export interface SensitivityState {
  points: Record<SetupId, StoredPoint>;
  /** Coupling input and curve for the A′: ε or y. */
  couplingInput: 'epsilon' | 'y';
  curveMode: 'epsilon' | 'y';
  method: LimitMethod;
  /** Observed events for the limit; null = expected (background only). */
  observed: number | null;
  tab: SideTab;
  /** The panel was opened once this session: from then on samples are computed after each run. */
  activated: boolean;
  samples: Record<SetupId, SamplesState>;
  /** Result note of the last box optimisation (per setup). */
  optimiseNote: Record<SetupId, string | null>;
  /**
   * A selection that must not switch the side panel to the event tab: the event of a shared link,
   * selected again when its run is done, keeps the link's tab open (not persisted).
   */
  tabKeptFor: object | null;

  setPoint(setup: SetupId, patch: Partial<StoredPoint>): void;
  setCouplingInput(m: 'epsilon' | 'y'): void;
  setCurveMode(m: 'epsilon' | 'y'): void;
  setMethod(m: LimitMethod): void;
  setObserved(n: number | null): void;
  setTab(t: SideTab): void;
  setSamples(setup: SetupId, patch: Partial<SamplesState>): void;
  setOptimiseNote(setup: SetupId, note: string | null): void;
}

export const DEFAULT_POINTS: Record<SetupId, StoredPoint> = {
  na64e: { massMeV: 20, coupling: 1e-4, alphaD: DEFAULT_ALPHA_D, fraction: 0.01 },
  na64mu: { massMeV: 50, coupling: 7e-4, alphaD: DEFAULT_ALPHA_D, fraction: 0.01 },
};

const emptySamples = (): SamplesState => ({ status: 'idle', done: 0, total: 0, error: null, samples: null, key: '' });

export const useSensitivity = create<SensitivityState>()(
  persist(
    (set, get) => ({
      points: { ...DEFAULT_POINTS },
      // the tab's choices start at the defaults a link falls back to (share/urlTypes.ts)
      ...DEFAULT_SENSITIVITY,
      activated: false,
      samples: { na64e: emptySamples(), na64mu: emptySamples() },
      optimiseNote: { na64e: null, na64mu: null },
      tabKeptFor: null,

      setPoint(setup, patch) {
        set({ points: { ...get().points, [setup]: { ...get().points[setup], ...patch } } });
      },
      setCouplingInput(m) {
        set({ couplingInput: m });
      },
      setCurveMode(m) {
        set({ curveMode: m });
      },
      setMethod(m) {
        set({ method: m });
      },
      setObserved(n) {
        set({ observed: n });
      },
      setTab(t) {
        set(t === 'sensitivity' ? { tab: t, activated: true } : { tab: t });
      },
      setSamples(setup, patch) {
        set({ samples: { ...get().samples, [setup]: { ...get().samples[setup], ...patch } } });
      },
      setOptimiseNote(setup, note) {
        set({ optimiseNote: { ...get().optimiseNote, [setup]: note } });
      },
    }),
    {
      name: 'na64-explorer-sensitivity',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      partialize: (s) => ({ points: s.points, couplingInput: s.couplingInput, curveMode: s.curveMode, method: s.method, observed: s.observed }),
      merge: (persisted, current) => {
        const p = persisted as Partial<SensitivityState> | undefined;
        const out = { ...current };
        if (p?.points) {
          out.points = {
            na64e: validPoint('na64e', p.points.na64e) ?? DEFAULT_POINTS.na64e,
            na64mu: validPoint('na64mu', p.points.na64mu) ?? DEFAULT_POINTS.na64mu,
          };
        }
        if (p?.couplingInput === 'epsilon' || p?.couplingInput === 'y') out.couplingInput = p.couplingInput;
        if (p?.curveMode === 'epsilon' || p?.curveMode === 'y') out.curveMode = p.curveMode;
        if (p?.method === 'cls' || p?.method === 'classical') out.method = p.method;
        // the choices the panel offers (as a link)
        if (p && (OBSERVED_CHOICES as readonly unknown[]).includes(p.observed)) out.observed = p.observed ?? null;
        return out;
      },
    },
  ),
);
