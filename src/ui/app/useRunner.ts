/**
 * Glue between the store and the simulation client: start / cancel runs, re-analyse when the
 * applied cuts change, fetch the detail of a selected event.
 */
import { useCallback, useEffect, useRef } from 'react';
import { RunCancelled, SimClient } from '../../sim/client';
import { clearEventSelection, useApp } from '../../state/store';

export { clearEventSelection };
import { i18n } from '../../i18n';
import type { SetupId } from '../../physics/setups/types';
import { simErrorText } from './simError';

const client = new SimClient();
// start the workers now: they build their tables while the page itself is still being set up
client.prestart();
const analysing = new Set<SetupId>();
const pendingAnalysis = new Set<SetupId>();
// Test hook for the e2e suite (crash reporting and recovery); harmless for users.
(globalThis as { __na64Test?: { crashWorkers(): void } }).__na64Test = { crashWorkers: () => client.crashForTest() };

/**
 * Re-simulate event `eventIndex` of the current setup's run in full detail and put it in the store
 * (also used by the sharing code to re-select the event of a shared link).
 */
export async function showEventDetail(eventIndex: number): Promise<void> {
  const st = useApp.getState();
  const run = st.runs[st.setupId];
  if (!run.params) return;
  if (run.importedFrom) {
    st.setDetail({
      detail: null,
      detailStatus: 'error',
      detailError: i18n.t('run.importedNoDetail', { file: run.importedFrom }),
    });
    return;
  }
  st.setDetail({ detailStatus: 'loading', detailError: null });
  const setupId = st.setupId;
  const params = run.params;
  const paramsKey = JSON.stringify(params);
  // A response is stale if meanwhile the selection was cleared or moved on, the setup switched or
  // a new run replaced this one (keyboard stepping and fast clicks overlap their requests).
  const stillWanted = () => {
    const now = useApp.getState();
    return now.setupId === setupId && now.selected?.eventIndex === eventIndex && JSON.stringify(now.runs[setupId].params) === paramsKey;
  };
  try {
    const detail = await client.detail(params, eventIndex);
    if (stillWanted()) useApp.getState().setDetail({ detail, detailStatus: 'idle' });
  } catch (e) {
    if (stillWanted()) useApp.getState().setDetail({ detailStatus: 'error', detailError: simErrorText(e) });
  }
}

export function useRunner() {
  const abortRef = useRef<AbortController | null>(null);
  const setupId = useApp((s) => s.setupId);
  const appliedCuts = useApp((s) => s.settings[s.setupId].appliedCuts);
  const status = useApp((s) => s.runs[s.setupId].status);

  const analyse = useCallback(async (id: SetupId) => {
    // The columns travel to the worker and back: never start a second analysis meanwhile;
    // remember the request and redo it with the latest cut setting when the first returns.
    if (analysing.has(id)) {
      pendingAnalysis.add(id);
      return;
    }
    analysing.add(id);
    try {
      do {
        pendingAnalysis.delete(id);
        const st = useApp.getState();
        const run = st.runs[id];
        if (!run.columns || !run.params || !run.setup) return;
        const k = Math.min(st.settings[id].appliedCuts, run.setup.cuts.length);
        const mask = (1 << k) - 1;
        st.setRun(id, { status: 'analysing' });
        try {
          const { analysis, columns } = await client.analyse(run.params, run.columns, mask);
          useApp.getState().setRun(id, { status: 'done', analysis, columns });
        } catch (e) {
          useApp.getState().setRun(id, { status: 'error', error: i18n.t('run.analysisFailed', { message: simErrorText(e) }), columns: null, analysis: null });
          return;
        }
      } while (pendingAnalysis.has(id));
    } finally {
      analysing.delete(id);
    }
  }, []);

  const start = useCallback(async () => {
    const st = useApp.getState();
    const id = st.setupId;
    const params = st.settings[id].params;
    abortRef.current?.abort();
    const ctrl = new AbortController();
    abortRef.current = ctrl;
    const t0 = performance.now();
    // keep the last good result visible while running
    st.setRun(id, { status: 'running', progress: 0, error: null });
    clearEventSelection();
    try {
      const res = await client.run(
        params,
        (p) => useApp.getState().setRun(id, { progress: p.done / p.total }),
        ctrl.signal,
      );
      useApp.getState().setRun(id, {
        status: 'analysing',
        setup: res.setup,
        processes: res.processes,
        columns: res.columns,
        params: res.params,
        durationMs: res.durationMs,
        importedFrom: null,
      });
      await analyse(id);
      useApp.getState().setRun(id, { firstPlotMs: performance.now() - t0 });
    } catch (e) {
      if (e instanceof RunCancelled) useApp.getState().setRun(id, { status: 'cancelled', progress: 0 });
      else useApp.getState().setRun(id, { status: 'error', error: simErrorText(e) });
    }
  }, [analyse]);

  const cancel = useCallback(() => abortRef.current?.abort(), []);

  // first visit of a setup: run with the defaults
  useEffect(() => {
    if (status === 'idle') void start();
  }, [setupId, status, start]);

  // cut stepping re-analyses the existing run
  const lastCuts = useRef(appliedCuts);
  useEffect(() => {
    if (lastCuts.current === appliedCuts) return;
    lastCuts.current = appliedCuts;
    const st = useApp.getState();
    const stt = st.runs[setupId].status;
    if (stt === 'done' || stt === 'analysing') void analyse(setupId);
  }, [appliedCuts, setupId, analyse]);

  const showEvent = useCallback((eventIndex: number) => showEventDetail(eventIndex), []);

  return { start, cancel, showEvent };
}
