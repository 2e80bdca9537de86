/**
 * Wiring of the URL state (share/urlState.ts) to the store:
 * - on load (and when the hash changes, e.g. a pasted link), a URL with state overrides the stored
 *   settings; invalid fields are replaced by defaults and listed in a notice; the run starts with
 *   those settings (the runner auto-runs an 'idle' setup) and, when it is done, the shared event is
 *   selected again and re-simulated in detail;
 * - afterwards every state change rewrites the hash (history.replaceState, at most every 250 ms),
 *   so the address bar always holds a link to what is on screen (the first change after a quiet
 *   spell is written at once, so a reload right after an edit keeps it).
 */
import type { RunParams } from '../../physics/params';
import type { SetupId } from '../../physics/setups/types';
import { plotPointOf } from '../../share/setupOf';
import { encodeUrlState, readUrlState, urlParamsOf, type ShareState } from '../../share/urlState';
import { defaultSettings, useApp, type AppState } from '../../state/store';
import { showEventDetail } from '../app/useRunner';
import { useShareUi } from './shareUi';

const WRITE_INTERVAL_MS = 250;

/** The event of a shared link, waiting for its run. */
let pending: { setup: SetupId; event: number; armed: boolean } | null = null;
let started = false;
let lastWritten = '';
let timer: ReturnType<typeof setTimeout> | null = null;

export function shareStateOf(st: AppState): ShareState {
  const sel = st.selected?.eventIndex ?? (pending && pending.setup === st.setupId ? pending.event : null);
  return {
    setup: st.setupId,
    settings: st.settings[st.setupId],
    event: sel,
    camera: st.camera,
    language: st.language,
    tourStep: st.tourStep,
    showRegions: st.showRegions,
    presentation: st.presentation,
  };
}

/** The link to the current state. */
export function shareLink(st: AppState = useApp.getState()): string {
  return `${location.origin}${location.pathname}${location.search}#${encodeUrlState(shareStateOf(st))}`;
}

const sameParams = (a: RunParams | null, b: RunParams) => !!a && (Object.keys(b) as (keyof RunParams)[]).every((k) => a[k] === b[k]);

function selectPending(): void {
  if (!pending) return;
  const st = useApp.getState();
  if (st.setupId !== pending.setup) {
    pending = null;
    return;
  }
  const run = st.runs[pending.setup];
  if (run.status === 'running') pending.armed = true;
  if (run.status === 'error' || run.status === 'cancelled') {
    pending = null;
    return;
  }
  if (!pending.armed || run.status !== 'done' || !run.columns || !run.setup) return;
  const ev = pending.event;
  pending = null;
  const pt = plotPointOf(run.setup, run.columns, ev);
  if (!pt) return;
  st.select({ eventIndex: ev, ...pt });
  void showEventDetail(ev);
}

/** Apply the state of the current URL (if it has any). */
export function applyUrlState(): void {
  const st = useApp.getState();
  const res = readUrlState(
    urlParamsOf(location.search, location.hash),
    {
      setup: st.setupId,
      settings: st.settings,
      camera: st.camera,
      language: st.language,
      tourStep: st.tourStep,
      showRegions: st.showRegions,
      presentation: st.presentation,
    },
    defaultSettings(),
  );
  if (!res.found) return;
  useShareUi.getState().setUrlErrors(res.errors);
  const s = res.state;
  const run = st.runs[s.setup];
  const needRun = !sameParams(run.params, s.settings.params) || !!run.importedFrom || run.status === 'error' || run.status === 'cancelled';
  pending = s.event !== null ? { setup: s.setup, event: s.event, armed: !needRun } : null;
  useApp.setState({
    setupId: s.setup,
    settings: { ...st.settings, [s.setup]: s.settings },
    camera: s.camera,
    language: s.language,
    tourStep: s.tourStep,
    showRegions: s.showRegions,
    presentation: s.presentation,
    selected: null,
    detail: null,
    detailStatus: 'idle',
    detailError: null,
  });
  // a setup whose run is 'idle' is run by the runner with the settings just applied
  if (needRun && run.status !== 'idle') useApp.getState().setRun(s.setup, { status: 'idle' });
  selectPending();
}

let lastWriteAt = -Infinity;

function writeNow(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  lastWriteAt = performance.now();
  const hash = encodeUrlState(shareStateOf(useApp.getState()));
  if (hash === lastWritten && location.hash === `#${hash}`) return;
  lastWritten = hash;
  history.replaceState(history.state, '', `${location.pathname}${location.search}#${hash}`);
}

/** Start once: apply the URL, then keep it in sync. Safe to call repeatedly. */
export function startUrlSync(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  applyUrlState();
  useApp.subscribe(() => {
    selectPending();
    // most store changes (run progress, analysis) leave the link as it is
    if (encodeUrlState(shareStateOf(useApp.getState())) === lastWritten) return;
    // throttle: at once if the last write is older than the interval (so a reload right after an
    // edit keeps it), else once at the end of the interval (box drags: at most 4 writes a second)
    if (timer !== null) return;
    const wait = lastWriteAt + WRITE_INTERVAL_MS - performance.now();
    if (wait <= 0) writeNow();
    else timer = setTimeout(writeNow, wait);
  });
  window.addEventListener('hashchange', () => {
    if (location.hash === `#${lastWritten}`) return;
    applyUrlState();
    writeNow();
  });
  writeNow();
}
