/** Selecting a real event of the current run: the plot ring, then its full re-simulation in 3D. */
import { useApp } from '../../state/store';
import { showEventDetail } from '../app/useRunner';
import type { FoundEvent } from './eventFinder';

export function selectRunEvent(f: FoundEvent): void {
  useApp.getState().select({ eventIndex: f.eventIndex, xGeV: f.xGeV, yGeV: f.yGeV });
  void showEventDetail(f.eventIndex);
}
