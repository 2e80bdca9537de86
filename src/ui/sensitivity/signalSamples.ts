/**
 * Per-mass signal samples of the sensitivity panel: computed in simulation workers (a pool of its
 * own, so cancelling them never touches a background run) after each finished SM run, once the
 * panel has been opened; cached per mass and parameter set, so changing the model point's mass
 * costs one small sample. A new SM run cancels the computation; it restarts when the run is done.
 */
import { useEffect } from 'react';
import { RunCancelled, SimClient } from '../../sim/client';
import type { SignalSampleData } from '../../sim/protocol';
import { useApp } from '../../state/store';
import type { SetupId } from '../../physics/setups/types';
import { effectivePoint } from './modelPoint';
import { DEFAULT_ALPHA_D, EPS0, SIGNAL_EVENTS_PER_MASS, sampleKey, sampleMasses, sampleSeed } from './sensitivityMath';
import { useSensitivity } from './sensitivityStore';
import { simErrorText } from '../app/simError';

const client = new SimClient(Math.max(1, Math.min(3, (globalThis.navigator?.hardwareConcurrency ?? 2) - 1)));
const cache = new Map<string, SignalSampleData>();
const CACHE_MAX = 64;
const controllers: Partial<Record<SetupId, AbortController>> = {};

function remember(key: string, s: SignalSampleData) {
  cache.delete(key);
  cache.set(key, s);
  while (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value as string);
}

/** Cancel the computation of a setup's samples (status 'cancelled', or 'idle' to let it restart). */
export function cancelSamples(setup: SetupId, status: 'cancelled' | 'idle' = 'cancelled'): void {
  const c = controllers[setup];
  if (!c) return;
  delete controllers[setup];
  c.abort();
  useSensitivity.getState().setSamples(setup, { status });
}

/**
 * Make sure the samples of the current setup's run and model point exist or are being computed.
 * `force` restarts after an error or a cancel.
 */
export function ensureSamples(force = false): void {
  const sens = useSensitivity.getState();
  if (!sens.activated) return;
  const app = useApp.getState();
  const id = app.setupId;
  const run = app.runs[id];
  if (run.status === 'running') {
    cancelSamples(id, 'idle');
    return;
  }
  if (run.status !== 'done' || !run.params) return;
  const base = run.params;
  const e = effectivePoint();
  const alphaD = e.point.alphaD;
  const masses = sampleMasses(e.point.massMeV);
  const keys = masses.map((m) => sampleKey(base, e.model, alphaD, m));
  const key = keys.join('\n');
  const cur = sens.samples[id];
  if (cur.key === key && cur.status !== 'idle' && !(force && (cur.status === 'error' || cur.status === 'cancelled'))) return;
  controllers[id]?.abort();
  const have = () => masses.map((_, i) => cache.get(keys[i]));
  const missing = masses.filter((_, i) => !cache.has(keys[i]));
  if (missing.length === 0) {
    delete controllers[id];
    sens.setSamples(id, { status: 'done', done: masses.length, total: masses.length, error: null, key, samples: have() as SignalSampleData[] });
    return;
  }
  const ctrl = new AbortController();
  controllers[id] = ctrl;
  const already = masses.length - missing.length;
  sens.setSamples(id, { status: 'running', done: already, total: masses.length, error: null, key });
  const missingKeys = missing.map((m) => sampleKey(base, e.model, alphaD, m));
  client
    .signalSamples(
      base,
      missing,
      SIGNAL_EVENTS_PER_MASS,
      { model: e.model, eps0: EPS0, alphaD: e.model === 'aprime' ? alphaD : undefined, seeds: missing.map((m) => sampleSeed(base.seed, m)) },
      (p) => {
        if (controllers[id] === ctrl) useSensitivity.getState().setSamples(id, { done: already + p.done });
      },
      ctrl.signal,
    )
    .then((res) => {
      res.forEach((s, i) => remember(missingKeys[i], s));
      if (controllers[id] !== ctrl) return;
      delete controllers[id];
      const all = have();
      if (all.some((s) => !s)) {
        useSensitivity.getState().setSamples(id, { status: 'idle' });
        ensureSamples();
        return;
      }
      useSensitivity.getState().setSamples(id, { status: 'done', done: masses.length, samples: all as SignalSampleData[] });
    })
    .catch((err: unknown) => {
      if (controllers[id] !== ctrl) return;
      delete controllers[id];
      if (err instanceof RunCancelled) useSensitivity.getState().setSamples(id, { status: 'cancelled' });
      else useSensitivity.getState().setSamples(id, { status: 'error', error: simErrorText(err) });
    });
}

/** Keep the samples in step with the run, the setup and the model point (mount once). */
export function useSignalSamples(): void {
  const activated = useSensitivity((s) => s.activated);
  const setupId = useApp((s) => s.setupId);
  const status = useApp((s) => s.runs[s.setupId].status);
  const params = useApp((s) => s.runs[s.setupId].params);
  const stored = useSensitivity((s) => s.points[setupId]);
  const signal = useApp((s) => s.settings[s.setupId].params.signal);
  const mass = signal?.massMeV ?? stored.massMeV;
  const alphaD = signal ? (signal.alphaD ?? DEFAULT_ALPHA_D) : stored.alphaD;
  useEffect(() => {
    ensureSamples();
  }, [activated, setupId, status, params, mass, alphaD]);
}
