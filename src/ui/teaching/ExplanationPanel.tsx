/**
 * Explanation of a plot region or a detector element: the physics in plain words and a link to
 * the source (paper DOI or the seed talk it comes from). Opened by clicking a region label on the
 * plot, a detector in the 3D view, or an entry of the "Explain" bar; non-modal, closed with × or Esc.
 */
import { useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Setup } from '../../physics/setups/types';
import { detectorKey, detectorShort } from '../../i18n/physicsText';
import { HtmlLabel } from '../plots/AxisLabel';
import { placeDialog, clipToViewport } from './placement';
import { linkifySource, REGION_SOURCES } from './sources';
import { useTeaching } from './teachingStore';

/** The paper whose setup figure shows each setup (quoted in the seed talks). */
const SETUP_PAPER: Record<string, string> = {
  na64e: 'PRL 123 121801 (2019), Fig. 1',
  na64mu: 'PRL 132 211803 (2024)',
};

function SourceLine({ source, label, testId }: { source: string; label: string; testId: string }) {
  return (
    <p className="explain-source" data-testid={testId}>
      <span className="explain-source-label">{label}</span>{' '}
      {linkifySource(source).map((p, i) =>
        p.href ? (
          <a key={i} href={p.href} target="_blank" rel="noopener noreferrer">
            {p.text}
          </a>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </p>
  );
}

export function ExplanationPanel({ setup }: { setup: Setup }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const ref = useTeaching((s) => s.explanation);
  const explain = useTeaching((s) => s.explain);
  const panel = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null);

  useLayoutEffect(() => {
    const el = panel.current;
    if (!ref || !el) return;
    const target = document.querySelector(
      ref.kind === 'region' ? '[data-testid="hermeticity-plot"]' : '[data-testid="scene3d"]',
    );
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const rects = target ? [clipToViewport(target.getBoundingClientRect(), vw, vh)] : [];
    setPos(placeDialog(el.offsetWidth, el.offsetHeight, vw, vh, rects));
    el.focus();
  }, [ref]);

  if (!ref) return null;

  let title: string;
  let short: string | null = null;
  let body: string;
  let source: string;
  let setupPaper: string | null = null;
  if (ref.kind === 'region') {
    title = t(`explain.region.${ref.id}.title`, { defaultValue: ref.id });
    body = t(`explain.region.${ref.id}.body`, { defaultValue: '' });
    source = REGION_SOURCES[ref.id] ?? '';
  } else {
    const el = setup.elements.find((e) => e.id === ref.id);
    if (!el) return null;
    const key = detectorKey(setup.id, el);
    const kind = t(`detectors.${key}.title`, { defaultValue: el.role });
    title = kind.includes(el.label) ? kind : `${el.label} — ${kind}`;
    setupPaper = SETUP_PAPER[setup.id] ?? null;
    short = detectorShort(t, lang, setup.id, el);
    body = t(`detectors.${key}.long`, { defaultValue: '' });
    source = el.source;
  }

  const style: CSSProperties = pos ? { left: pos.left, top: pos.top } : { right: 8, bottom: 8 };
  return (
    <div
      ref={panel}
      className="explain-panel"
      role="dialog"
      aria-modal="false"
      aria-labelledby="explain-title"
      data-testid="explanation-panel"
      data-kind={ref.kind}
      data-id={ref.id}
      tabIndex={-1}
      style={style}
    >
      <div className="explain-head">
        <h2 id="explain-title">
          <HtmlLabel label={title} />
        </h2>
        <button
          type="button"
          className="tour-x"
          data-testid="explanation-close"
          aria-label={t('common.close')}
          onClick={() => explain(null)}
        >
          ×
        </button>
      </div>
      {short ? (
        <p className="explain-short">
          <HtmlLabel label={short} />
        </p>
      ) : null}
      {body
        .split('\n\n')
        .filter(Boolean)
        .map((para, i) => (
          <p key={i}>
            <HtmlLabel label={para} />
          </p>
        ))}
      {source ? <SourceLine source={source} label={t('explain.source')} testId="explanation-source" /> : null}
      {setupPaper ? <SourceLine source={setupPaper} label={t('explain.setupPaper')} testId="explanation-setup-paper" /> : null}
    </div>
  );
}
