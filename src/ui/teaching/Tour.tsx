/**
 * The guided tour of the missing-energy technique. Each step drives the real application: it
 * switches the setup, moves the camera, applies the cuts (store.setAppliedCuts), highlights a plot
 * region or the signal box and selects a real event of the current run (re-simulated in 3D). The
 * step text sits in a non-modal dialog placed where it covers least of what the step explains.
 * State: store.tourStep (−1 = closed). Keys: → / PageDown next, ← / PageUp back, Esc closes
 * (handled by TeachingLayer).
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { boxSummaryOf, useApp } from '../../state/store';
import { buildNa64eSetup } from '../../physics/setups/na64e';
import type { SetupId } from '../../physics/setups/types';
import { useLocale } from '../../i18n';
import { cutDescription, cutLabel, processName } from '../../i18n/physicsText';
import { formatCount, formatGeV, formatSci, formatValueError, formatWeighted } from '../plots/format';
import { HtmlLabel } from '../plots/AxisLabel';
import { columnsUsable, findEvent, type FoundEvent } from './eventFinder';
import { clipToViewport, placeDialog, type Rect } from './placement';
import { darkPhotonPatch } from './presets';
import { selectRunEvent } from './selectEvent';
import { useTeaching } from './teachingStore';
import { buildTour, type TourStep, type TourTarget } from './tourSteps';

const TARGET_SELECTOR: Record<TourTarget, string> = {
  plot: '[data-testid="hermeticity-plot"]',
  scene: '[data-testid="scene3d"]',
  cutflow: '[data-testid="cutflow-table"]',
  box: '.sbp',
  event: '[data-testid="event-info"]',
};

/** Mass of the dark photon the tour switches on when the simulation offers the signal option [MeV]. */
const TOUR_DARK_PHOTON_MEV = 20;

type Phase = 'waiting' | 'ready' | 'notFound' | 'error';

/**
 * Take the dark photons the tour mixed in out of the NA64e settings again: re-run now if the tour
 * stays on NA64e, else mark that run for a re-run when NA64e is shown next.
 */
function removeTourSignal(nextSetup: SetupId, onRun: () => void) {
  useApp.setState((s) => ({
    settings: { ...s.settings, na64e: { ...s.settings.na64e, params: { ...s.settings.na64e.params, signal: null } } },
  }));
  const st = useApp.getState();
  if (st.setupId === 'na64e' && nextSetup === 'na64e') onRun();
  else st.setRun('na64e', { status: 'idle' });
}

/** Find the event a step asks for in the current run (null: none in this run). */
function findStepEvent(step: TourStep): FoundEvent | null {
  const st = useApp.getState();
  const run = st.runs[step.setup];
  if (!run.setup || !columnsUsable(run.columns) || step.event === 'keep') return null;
  if ('find' in step.event) {
    for (const q of step.event.find) {
      const f = findEvent(run.setup, run.columns, q);
      if (f) return f;
    }
    return null;
  }
  const b = st.settings[step.setup].box;
  const inside = (x: number, y: number) => x >= b.xMinGeV && x <= b.xMaxGeV && y >= b.yMinGeV && y <= b.yMaxGeV;
  // prefer an event well inside the box (E_ECAL ≥ 5 GeV: something was measured), then any
  const measured = (x: number, y: number) => inside(x, y) && x >= b.xMinGeV + 5;
  for (const where of [measured, inside]) {
    for (const p of step.event.inBox) {
      const f = findEvent(run.setup, run.columns, { process: p, where });
      if (f) return f;
    }
  }
  return null;
}

export function Tour({ onRun, setupIds }: { onRun(): void; setupIds: readonly SetupId[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const stepIndex = useApp((s) => s.tourStep);
  const setTourStep = useApp((s) => s.setTourStep);
  const setupId = useApp((s) => s.setupId);
  const run = useApp((s) => s.runs[s.setupId]);
  const settings = useApp((s) => s.settings[s.setupId]);
  const selected = useApp((s) => s.selected);
  const detail = useApp((s) => s.detail);
  const presentation = useApp((s) => s.presentation);
  const steps = useMemo(() => buildTour(buildNa64eSetup().cuts, setupIds.includes('na64mu')), [setupIds]);
  const open = stepIndex >= 0;
  const index = Math.min(Math.max(stepIndex, 0), steps.length - 1);
  const step = open ? steps[index] : null;

  const [phase, setPhase] = useState<{ index: number; phase: Phase }>({ index: -1, phase: 'waiting' });
  const applied = useRef(-1);
  const darkRequested = useRef(false);
  /** The tour mixed dark photons into the NA64e run (undone when it leaves the dark-photon step). */
  const addedSignal = useRef(false);
  // the parent passes a new callback on every render: effects read the latest one from a ref
  const runRef = useRef(onRun);
  useEffect(() => {
    runRef.current = onRun;
  });
  const run_ = useCallback(() => runRef.current(), []);

  // ---- view effects: immediately on entering a step ----
  useEffect(() => {
    const teach = useTeaching.getState();
    if (addedSignal.current && !step?.darkPhoton) {
      addedSignal.current = false;
      removeTourSignal(step ? step.setup : useApp.getState().setupId, run_);
    }
    if (!step) {
      teach.setHighlight(null, false);
      applied.current = -1;
      return;
    }
    const st = useApp.getState();
    if (step.camera) st.setCamera(step.camera);
    if (step.region) st.setShowRegions(true);
    teach.setHighlight(step.region ?? null, !!step.box);
    if (st.setupId !== step.setup) st.setSetup(step.setup);
    applied.current = -1;
    darkRequested.current = false;
    setPhase({ index, phase: 'waiting' });
  }, [step, index, run_]);

  // ---- data effects: once the run of the step's setup is ready ----
  useEffect(() => {
    if (!step || applied.current === index) return;
    const st = useApp.getState();
    if (st.setupId !== step.setup) return;
    const r = st.runs[step.setup];
    if (r.status === 'error') {
      setPhase({ index, phase: 'error' });
      return;
    }
    if (r.status === 'cancelled') {
      run_();
      return;
    }
    if (r.status !== 'done' || !r.setup || !columnsUsable(r.columns)) return;
    // dark-photon step: mix A′ events into the run (unless it has a signal already), re-run, then
    // select one; without a signal option for this setup the step only explains
    if (step.darkPhoton && r.params && !r.params.signal && !darkRequested.current) {
      const patch = darkPhotonPatch(r.params, TOUR_DARK_PHOTON_MEV);
      darkRequested.current = true;
      if (patch && !st.updateParams(patch)) {
        addedSignal.current = true;
        run_();
        return;
      }
    }
    applied.current = index;
    let ph: Phase = 'ready';
    if (step.event !== 'keep' && (!step.darkPhoton || r.params?.signal)) {
      const f = findStepEvent(step);
      if (f) selectRunEvent(f);
      else ph = 'notFound';
    }
    if (step.cuts !== undefined) {
      const k = Math.min(step.cuts, r.setup.cuts.length);
      if (st.settings[step.setup].appliedCuts !== k) st.setAppliedCuts(k);
    }
    setPhase({ index, phase: ph });
  }, [step, index, setupId, run.status, run.columns, run.setup, run_]);

  // ---- focus: the dialog on opening, the Tour button on closing ----
  const headingRef = useRef<HTMLHeadingElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open && !wasOpen.current) headingRef.current?.focus();
    if (!open && wasOpen.current) (document.querySelector('[data-testid="tour-start"]') as HTMLElement | null)?.focus();
    wasOpen.current = open;
  }, [open]);

  // ---- placement: away from what the step explains ----
  const dialogRef = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null);
  useLayoutEffect(() => {
    if (!step) return;
    const el = dialogRef.current;
    if (!el) return;
    const first = step.targets[0] ? document.querySelector(TARGET_SELECTOR[step.targets[0]]) : null;
    if (first && !presentation) {
      const r = first.getBoundingClientRect();
      if (r.top < 0 || r.bottom > window.innerHeight) {
        const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
        first.scrollIntoView({ block: 'nearest', behavior: reduce ? 'auto' : 'smooth' });
      }
    }
    let raf = 0;
    const place = () => {
      raf = 0;
      const vw = window.innerWidth;
      const vh = window.innerHeight;
      const rects: Rect[] = [];
      for (const tg of step.targets) {
        const node = document.querySelector(TARGET_SELECTOR[tg]);
        if (!node) continue;
        const r = node.getBoundingClientRect();
        rects.push(clipToViewport({ left: r.left, top: r.top, width: r.width, height: r.height }, vw, vh));
      }
      const p = placeDialog(el.offsetWidth, el.offsetHeight, vw, vh, rects);
      setPos((old) => (old && Math.abs(old.left - p.left) < 1 && Math.abs(old.top - p.top) < 1 ? old : p));
    };
    const schedule = () => {
      if (!raf) raf = requestAnimationFrame(place);
    };
    place();
    const ro = new ResizeObserver(schedule);
    ro.observe(el);
    window.addEventListener('resize', schedule);
    window.addEventListener('scroll', schedule, { capture: true, passive: true });
    const timer = window.setTimeout(schedule, 700); // after a smooth scroll
    return () => {
      ro.disconnect();
      window.removeEventListener('resize', schedule);
      window.removeEventListener('scroll', schedule, { capture: true });
      window.clearTimeout(timer);
      if (raf) cancelAnimationFrame(raf);
    };
  }, [step, presentation]);

  if (!step) return null;

  // ---- texts ----
  const summary = boxSummaryOf(run, settings);
  const flow = run.analysis?.cutFlow;
  const k = settings.appliedCuts;
  const ev = selected;
  const det = detail && ev && detail.eventIndex === ev.eventIndex ? detail : null;
  const eEcal = det ? det.measured.eEcalGeV : setupId === 'na64e' ? ev?.xGeV : undefined;
  const eHcal = det ? det.measured.eHcalGeV : setupId === 'na64e' ? ev?.yGeV : undefined;
  const procCode = det?.process;
  const cutSpec = step.cut && run.setup ? run.setup.cuts[step.cut.index] : undefined;
  const vars = {
    index: ev ? ev.eventIndex : '—',
    eEcal: eEcal !== undefined ? formatGeV(eEcal, locale) : '…',
    eHcal: eHcal !== undefined ? formatGeV(eHcal, locale) : '…',
    sum: eEcal !== undefined && eHcal !== undefined ? formatGeV(eEcal + eHcal, locale) : '…',
    pOut: ev && setupId === 'na64mu' ? formatGeV(ev.xGeV, locale) : '…',
    eCalo: ev && setupId === 'na64mu' ? formatGeV(ev.yGeV, locale) : '…',
    process: procCode !== undefined ? processName(t, procCode) : '…',
    inBox: summary ? formatCount(summary.inBox.raw, locale) : '…',
    inBoxWeighted: summary ? formatWeighted(summary.inBox.weighted, locale) : '…',
    left: flow && flow[Math.min(k, flow.length - 1)] ? formatCount(flow[Math.min(k, flow.length - 1)].raw, locale) : '…',
    total: run.analysis ? formatCount(run.analysis.nEvents, locale) : '…',
    nOnTarget: formatSci(settings.nOnTarget, 3, locale),
    expected: summary
      ? summary.inBox.raw === 0
        ? '0'
        : formatValueError(summary.scaled, summary.scaledError, locale)
      : '…',
    published: run.setup
      ? formatValueError(run.setup.publishedBackground.value, run.setup.publishedBackground.error, locale)
      : '…',
    k: step.cut ? step.cut.index + 1 : k,
    n: run.setup?.cuts.length ?? 0,
    label: cutSpec ? cutLabel(t, setupId, cutSpec) : '',
    description: cutSpec ? cutDescription(t, setupId, cutSpec) : '',
    why: step.cut ? t(`tour.cutWhy.${setupId}.${step.cut.id}`, { defaultValue: '' }) : '',
    mass: TOUR_DARK_PHOTON_MEV,
  };
  const darkAvailable = !!run.params?.signal && run.status === 'done';
  const textKey = step.cut ? 'tour.cut' : `tour.steps.${step.id}`;
  const title = t(`${textKey}.title`, vars);
  const body = t(step.darkPhoton && darkAvailable ? `${textKey}.bodySignal` : `${textKey}.body`, vars);
  const ph = phase.index === index ? phase.phase : 'waiting';
  const needsRun = step.event !== 'keep' || step.cuts !== undefined;
  const busy = run.status === 'running' || run.status === 'analysing' || run.status === 'idle';
  const last = index === steps.length - 1;

  const style: CSSProperties = pos ? { left: pos.left, top: pos.top } : { right: 8, bottom: 8 };
  const go = (i: number) => setTourStep(Math.max(0, Math.min(steps.length - 1, i)));

  return (
    <div
      ref={dialogRef}
      className="tour-dialog"
      role="dialog"
      aria-modal="false"
      aria-labelledby="tour-title"
      aria-describedby="tour-body"
      data-testid="tour-dialog"
      data-step={index}
      data-step-id={step.id}
      data-phase={ph}
      style={style}
    >
      <div className="tour-head">
        <span className="tour-count">{t('tour.stepOf', { k: index + 1, n: steps.length })}</span>
        <button
          type="button"
          className="tour-x"
          data-testid="tour-close"
          aria-label={t('tour.close')}
          title={t('tour.closeTitle')}
          onClick={() => setTourStep(-1)}
        >
          ×
        </button>
      </div>
      <h2 id="tour-title" ref={headingRef} tabIndex={-1}>
        <HtmlLabel label={title} />
      </h2>
      <div id="tour-body" className="tour-body" data-testid="tour-body">
        <p>
          <HtmlLabel label={body} />
        </p>
        {needsRun && busy && ph === 'waiting' ? <p className="tour-note">{t('tour.waiting')}</p> : null}
        {ph === 'notFound' ? <p className="tour-note">{t('tour.notFound')}</p> : null}
        {ph === 'error' ? <p className="tour-note error">{t('tour.runError', { message: run.error ?? '' })}</p> : null}
      </div>
      <div className="tour-progress" aria-hidden="true">
        <div style={{ width: `${((index + 1) / steps.length) * 100}%` }} />
      </div>
      <p className="sr-only" aria-live="polite">
        {t('tour.stepOf', { k: index + 1, n: steps.length })}: {title}
      </p>
      <div className="tour-nav">
        <button type="button" data-testid="tour-back" onClick={() => go(index - 1)} disabled={index === 0}>
          {t('tour.back')}
        </button>
        <button
          type="button"
          data-testid="tour-next"
          className="tour-primary"
          onClick={() => (last ? setTourStep(-1) : go(index + 1))}
        >
          {last ? t('tour.finish') : t('tour.next')}
        </button>
      </div>
    </div>
  );
}

