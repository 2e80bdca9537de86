/**
 * View state of the teaching layer that the main store does not need to persist: the region
 * highlighted on the plot, the open explanation, the keyboard-help dialog and the slow beam.
 * The tour step and presentation mode live in the main store (tourStep, presentation).
 */
import { create } from 'zustand';

export type ExplanationRef = { kind: 'region'; id: string } | { kind: 'detector'; id: string };

export interface TeachingState {
  /** Id of the plot region drawn highlighted ('I', 'II', 'III', 'spot', 'A' … 'D'), or null. */
  highlightRegion: string | null;
  /** Highlight the signal box (tour). */
  highlightBox: boolean;
  explanation: ExplanationRef | null;
  keyboardHelp: boolean;
  /** Slow beam running: events fired one by one, tracks drawn progressively. */
  slowBeam: boolean;
  /** Next event index the slow beam fires (relative to the run's first event). */
  slowBeamNext: number;
  setHighlight(region: string | null, box?: boolean): void;
  explain(ref: ExplanationRef | null): void;
  setKeyboardHelp(open: boolean): void;
  setSlowBeam(on: boolean): void;
  advanceSlowBeam(): number;
}

export const useTeaching = create<TeachingState>()((set, get) => ({
  highlightRegion: null,
  highlightBox: false,
  explanation: null,
  keyboardHelp: false,
  slowBeam: false,
  slowBeamNext: 0,
  setHighlight(region, box = false) {
    set({ highlightRegion: region, highlightBox: box });
  },
  explain(ref) {
    set({ explanation: ref });
  },
  setKeyboardHelp(open) {
    set({ keyboardHelp: open });
  },
  setSlowBeam(on) {
    set({ slowBeam: on });
  },
  advanceSlowBeam() {
    const i = get().slowBeamNext;
    set({ slowBeamNext: i + 1 });
    return i;
  },
}));
