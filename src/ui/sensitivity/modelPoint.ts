/**
 * The model point shared by the signal controls and the sensitivity panel: the run's params.signal
 * when a signal is mixed in, else the point kept in the sensitivity store. Edits go to both (the
 * run parameters through the app store's updateParams, so their validation applies).
 */
import { useApp } from '../../state/store';
import { paramIssuesOf, signalParamsSchema } from '../../physics/params';
import type { ParamProblem } from '../../i18n/paramText';
import type { SetupId } from '../../physics/setups/types';
import { modelOfSetup, pointOfSignal, signalOf, type ModelPoint, type SignalModelId, type StoredPoint } from './sensitivityMath';
import { useSensitivity } from './sensitivityStore';

export { signalOf };

export interface EffectivePoint {
  setupId: SetupId;
  /** The model of the setup (A′ for NA64e, Z′ for NA64μ). */
  model: SignalModelId;
  /** A signal is mixed into the run parameters. */
  enabled: boolean;
  /** The model of the run's signal (may differ from `model` only through a stale or hand-made setting). */
  runModel: SignalModelId | null;
  point: StoredPoint;
}

const fromSignal = pointOfSignal;

/** The effective model point of the current setup (re-renders on change). */
export function useEffectivePoint(): EffectivePoint {
  const setupId = useApp((s) => s.setupId);
  const signal = useApp((s) => s.settings[s.setupId].params.signal);
  const stored = useSensitivity((s) => s.points[setupId]);
  return {
    setupId,
    model: modelOfSetup(setupId),
    enabled: !!signal,
    runModel: signal?.model ?? null,
    point: signal ? fromSignal(signal) : stored,
  };
}

/** The same, outside React. */
export function effectivePoint(): EffectivePoint {
  const app = useApp.getState();
  const id = app.setupId;
  const signal = app.settings[id].params.signal;
  return {
    setupId: id,
    model: modelOfSetup(id),
    enabled: !!signal,
    runModel: signal?.model ?? null,
    point: signal ? fromSignal(signal) : useSensitivity.getState().points[id],
  };
}

/** The panel's ModelPoint of an effective point. */
export const modelPointOf = (e: EffectivePoint): ModelPoint => ({
  model: e.model,
  massMeV: e.point.massMeV,
  coupling: e.point.coupling,
  alphaD: e.point.alphaD,
});

/** The problems of a signal-parameter set (fields as in the run parameters: 'signal.massMeV'), or null. */
function validationMessage(p: StoredPoint, model: SignalModelId): ParamProblem | null {
  const r = signalParamsSchema.safeParse(signalOf(model, p));
  return r.success ? null : paramIssuesOf(r.error).map((i) => ({ ...i, field: `signal.${i.field}` }));
}

/** updateParams with its problems as data (worded in the reader's language when shown). */
function updateParams(patch: Parameters<ReturnType<typeof useApp.getState>['updateParams']>[0]): ParamProblem | null {
  const err = useApp.getState().updateParams(patch);
  if (!err) return null;
  const issues = useApp.getState().paramIssues;
  return issues && issues.length > 0 ? issues : err;
}

/**
 * Change the model point. With a signal mixed in the change goes through updateParams (its error
 * shows with the run parameters); returns the validation problem or null. The last good point stays.
 */
export function applyPoint(patch: Partial<StoredPoint>): ParamProblem | null {
  const e = effectivePoint();
  const next = { ...e.point, ...patch };
  const msg = validationMessage(next, e.model);
  if (msg) {
    if (e.enabled) useApp.getState().updateParams({ signal: { ...signalOf(e.model, next) } });
    return msg;
  }
  if (e.enabled) {
    const err = updateParams({ signal: signalOf(e.runModel ?? e.model, next) });
    if (err) return err;
  }
  useSensitivity.getState().setPoint(e.setupId, next);
  return null;
}

/** Mix the signal into the run parameters (or take it out); returns the problem or null. */
export function setSignalEnabled(on: boolean): ParamProblem | null {
  const e = effectivePoint();
  if (!on) {
    if (e.enabled) useSensitivity.getState().setPoint(e.setupId, e.point);
    return updateParams({ signal: null });
  }
  const msg = validationMessage(e.point, e.model);
  if (msg) return msg;
  return updateParams({ signal: signalOf(e.model, e.point) });
}

/** Change the run signal's model (only models the setup produces are offered). */
export function setSignalModel(model: SignalModelId): ParamProblem | null {
  const e = effectivePoint();
  if (!e.enabled) return null;
  return updateParams({ signal: signalOf(model, e.point) });
}
