/**
 * Wiring of the URL state (share/urlState.ts) to the stores (app and sensitivity):
 * - on load (and when the hash changes, e.g. a pasted link), a URL with state overrides the stored
 *   settings; invalid fields are replaced by defaults and listed in a notice; the run starts with
 *   those settings (the runner auto-runs an 'idle' setup) and, when it is done, the shared event is
 *   selected again and re-simulated in detail;
 * - afterwards every state change rewrites the hash (history.replaceState, at most every 250 ms),
 *   so the address bar always holds a link to what is on screen.
 *
 * The link describes what is displayed: the run parameters are those of the run whose results are
 * shown (`runs[setup].params`), not the parameter form; values edited in the form without pressing
 * Simulate are not in the link (doc/sharing.md). Cuts, box, N on target, the selected event, the
 * view and the sensitivity choices act on the display at once and are written as they are.
 *
 * A change is never lost to the throttle: the first change after a quiet spell is written at once,
 * a pending write is flushed when the page is hidden or left (`visibilitychange`, `pagehide`) and
 * before a link is copied. A reload takes its address when it starts, but the page runs on until the
 * new one arrives, so a write in between misses it: each write (and each change still waiting for
 * one) leaves "address A becomes B" in sessionStorage, and a reload that finds address A opens B.
 * Settings persist in localStorage synchronously (zustand persist writes on every change), so
 * nothing there waits.
 *
 * Form edits not simulated yet survive a reload although the link does not hold them: the stored
 * form and the run it was edited on top of (`formBase`) come back when the page opens that very run
 * (share/formDraft.ts). The link's run is started first, then the draft goes into the form, not run.
 */
import type { SetupId } from '../../physics/setups/types';
import { plotPointOf } from '../../share/setupOf';
import type { RunParams } from '../../physics/params';
import { draftToRestore } from '../../share/formDraft';
import { encodeUrlState, readUrlState, runParamsText, urlParamsOf, type ShareState } from '../../share/urlState';
import { defaultSettings, useApp, type AppState } from '../../state/store';
import { showEventDetail } from '../app/useRunner';
import { pointOfSignal } from '../sensitivity/sensitivityMath';
import { DEFAULT_POINTS, useSensitivity } from '../sensitivity/sensitivityStore';
import { useShareUi } from './shareUi';

const WRITE_INTERVAL_MS = 250;
/** sessionStorage key of the last address change (for a reload that started before it). */
const PENDING_KEY = 'na64-explorer-url-pending';

/** The event of a shared link, waiting for its run. */
let pending: { setup: SetupId; event: number; armed: boolean } | null = null;
let started = false;
let lastWritten = '';
let timer: ReturnType<typeof setTimeout> | null = null;
/**
 * A stored form draft on top of the link's run (share/formDraft.ts): `form` goes into the form once
 * the runner has started the run of `base` (the link's); until that run is shown, the link keeps `base`.
 */
let draft: { setup: SetupId; base: RunParams; form: RunParams; applied: boolean } | null = null;

/** The run parameters on display: those of the shown run; before the first result, the ones being run. */
function displayedParams(st: AppState) {
  const run = st.runs[st.setupId];
  // an imported CSV run has no parameters of its own (its events cannot be re-simulated)
  if (run.params && !run.importedFrom) return run.params;
  if (draft && draft.setup === st.setupId && !run.importedFrom) return draft.base;
  return st.settings[st.setupId].params;
}

/** Put a restored draft into the form once its base run has been started (the runner took the link's parameters). */
function applyDraft(): void {
  if (!draft) return;
  const st = useApp.getState();
  const run = st.runs[draft.setup];
  if (draft.applied) {
    if (run.params) draft = null; // the run is shown: its own parameters are on display
    return;
  }
  if (st.setupId !== draft.setup || run.status === 'error' || run.status === 'cancelled') {
    draft = null;
    return;
  }
  if (run.status !== 'running') return;
  draft.applied = true;
  const form = draft.form;
  useApp.setState((s) => ({ settings: { ...s.settings, [form.setup]: { ...s.settings[form.setup], params: form } } }));
}

function shareStateOf(st: AppState): ShareState {
  const sens = useSensitivity.getState();
  const sel = st.selected?.eventIndex ?? (pending && pending.setup === st.setupId ? pending.event : null);
  const params = displayedParams(st);
  const stored = sens.points[st.setupId];
  const signal = params.signal;
  return {
    setup: st.setupId,
    settings: { ...st.settings[st.setupId], params },
    sensitivity: {
      // with a signal in the shown run, the signal controls and the panel share its point (an edit
      // not yet run is, like every form edit, not in the link); a Z′ has no α_D: the tab's stays
      point: !signal ? stored : signal.model === 'aprime' ? pointOfSignal(signal) : { ...pointOfSignal(signal), alphaD: stored.alphaD },
      couplingInput: sens.couplingInput,
      curveMode: sens.curveMode,
      method: sens.method,
      observed: sens.observed,
      tab: sens.tab,
    },
    event: sel,
    camera: st.camera,
    language: st.language,
    tourStep: st.tourStep,
    showRegions: st.showRegions,
    presentation: st.presentation,
  };
}

const currentHash = () => encodeUrlState(shareStateOf(useApp.getState()));

/** The link to the current state (writes a pending change to the address bar first). */
export function shareLink(): string {
  if (started) writeNow();
  return `${location.origin}${location.pathname}${location.search}#${currentHash()}`;
}

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
  const sel = { eventIndex: ev, ...pt };
  // the link's tab stays open (a user's click on an event switches to the event tab)
  useSensitivity.setState({ tabKeptFor: sel });
  st.select(sel);
  void showEventDetail(ev);
}

/**
 * Apply the state of the current URL (if it has any). `onLoad`: the page is opening, and a form draft
 * stored on top of the link's run is restored (share/formDraft.ts).
 */
export function applyUrlState(onLoad = false): void {
  draft = null;
  const st = useApp.getState();
  const sens = useSensitivity.getState();
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
      sensitivity: sens,
    },
    defaultSettings(),
    DEFAULT_POINTS,
  );
  if (!res.found) return;
  useShareUi.getState().setUrlErrors(res.errors);
  const s = res.state;
  const run = st.runs[s.setup];
  const needRun =
    !run.params || runParamsText(run.params) !== runParamsText(s.settings.params) || !!run.importedFrom || run.status === 'error' || run.status === 'cancelled';
  pending = s.event !== null ? { setup: s.setup, event: s.event, armed: !needRun } : null;
  const form =
    onLoad && needRun ? draftToRestore(s.settings.params, { form: st.settings[s.setup].params, base: st.formBase[s.setup] }, res.errors.length) : null;
  if (form) draft = { setup: s.setup, base: s.settings.params, form, applied: false };
  const ss = s.sensitivity;
  sens.setPoint(s.setup, ss.point);
  useSensitivity.setState({ couplingInput: ss.couplingInput, curveMode: ss.curveMode, method: ss.method, observed: ss.observed });
  sens.setTab(ss.tab);
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
  // A setup whose run is 'idle' is run by the runner with the settings just applied. An old result
  // of other parameters is not the link's: it goes, so that the page (and its address) shows the
  // link's run only.
  if (needRun && run.status !== 'idle') {
    useApp.getState().setRun(s.setup, { status: 'idle', params: null, columns: null, analysis: null, processes: [], importedFrom: null });
  }
  selectPending();
}

let lastWriteAt = -Infinity;

function session(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

/**
 * Remember that the address `from` is to become `to`. A reload takes its address when it starts, but
 * the page keeps running until the new one arrives: a write in between (the throttle's, or the flush
 * on leaving) misses the reload. The next load puts `to` in place (restorePending).
 */
function rememberPending(to: string, from = location.hash.replace(/^#/, '')): void {
  if (to === from) return;
  try {
    session()?.setItem(PENDING_KEY, JSON.stringify({ from, to }));
  } catch {
    // storage full or blocked: only the reload guard is lost
  }
}

/** The page was loaded by a reload (where the browser cannot say: assume it was). */
function isReload(): boolean {
  try {
    const nav = performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined;
    return !nav || nav.type === 'reload';
  } catch {
    return true;
  }
}

/**
 * After a reload that started before the last write reached the address bar: put the written state
 * in place before it is read. Only for a reload of that very address (a link opened anew is its own).
 */
function restorePending(): void {
  const store = session();
  const raw = store?.getItem(PENDING_KEY);
  if (!raw) return;
  try {
    store?.removeItem(PENDING_KEY);
    const p = JSON.parse(raw) as { from?: unknown; to?: unknown };
    if (typeof p.from !== 'string' || typeof p.to !== 'string' || !isReload()) return;
    if (location.hash.replace(/^#/, '') !== p.from) return;
    history.replaceState(history.state, '', `${location.pathname}${location.search}#${p.to}`);
  } catch {
    // a damaged record is ignored
  }
}

/** Write the state to the address bar now. */
function writeNow(): void {
  if (timer !== null) clearTimeout(timer);
  timer = null;
  lastWriteAt = performance.now();
  const hash = currentHash();
  if (hash === lastWritten && location.hash === `#${hash}`) return;
  rememberPending(hash);
  lastWritten = hash;
  try {
    history.replaceState(history.state, '', `${location.pathname}${location.search}#${hash}`);
  } catch {
    // a browser that limits replaceState calls: the next write catches up
  }
}

/** Write a pending change now (page hidden or left). */
function flushOnLeave(): void {
  if (started && (timer !== null || currentHash() !== lastWritten)) writeNow();
}

function onChange(): void {
  // most store changes (run progress, analysis, samples) leave the link as it is
  const hash = currentHash();
  if (hash === lastWritten) return;
  // throttle: at once if the last write is older than the interval (so a reload right after an
  // edit keeps it), else once at the end of the interval (box drags: at most 4 writes a second)
  const wait = lastWriteAt + WRITE_INTERVAL_MS - performance.now();
  if (wait <= 0) {
    writeNow();
    return;
  }
  rememberPending(hash);
  if (timer === null) timer = setTimeout(writeNow, wait);
}

/** Start once: apply the URL, then keep it in sync. Safe to call repeatedly. */
export function startUrlSync(): void {
  if (started || typeof window === 'undefined') return;
  started = true;
  restorePending();
  applyUrlState(true);
  useApp.subscribe(() => {
    applyDraft();
    selectPending();
    onChange();
  });
  useSensitivity.subscribe(onChange);
  window.addEventListener('hashchange', () => {
    if (location.hash === `#${lastWritten}`) return;
    applyUrlState();
    writeNow();
  });
  window.addEventListener('pagehide', flushOnLeave);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushOnLeave();
  });
  writeNow();
}
