/**
 * Keyboard-help dialog (native <dialog>, modal: focus stays inside, Esc closes). Lists the global
 * shortcuts and how to operate the plot, the signal box and the 3D view without a mouse.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useTeaching } from './teachingStore';

const SHORTCUTS: { keys: string[]; what: string }[] = [
  { keys: ['→', 'PageDown'], what: 'next' },
  { keys: ['←', 'PageUp'], what: 'back' },
  { keys: ['T'], what: 'tour' },
  { keys: ['P'], what: 'presentation' },
  { keys: ['B'], what: 'slowBeam' },
  { keys: ['?'], what: 'help' },
  { keys: ['Esc'], what: 'close' },
];

const CONTROLS: { keys: string[]; what: string; translateKeys?: boolean }[] = [
  { keys: ['Tab', 'Shift+Tab'], what: 'tab' },
  { keys: ['←', '→', '↑', '↓'], what: 'boxEdge' },
  { keys: ['Shift+←/→/↑/↓', 'PageUp/PageDown'], what: 'boxEdgeBig' },
  { keys: ['←/→/↑/↓', 'Shift+←/→/↑/↓'], what: 'plotCursor' },
  { keys: ['Enter', 'Space'], what: 'plotPick' },
  { keys: [',', '.'], what: 'plotDistance' },
  { keys: ['N', ']'], what: 'plotBoxNext' },
  { keys: ['Shift+N', '['], what: 'plotBoxPrev' },
  { keys: ['Home'], what: 'plotHome' },
  { keys: ['Esc'], what: 'plotClear' },
  { keys: ['Enter', 'Space'], what: 'activate' },
  { keys: ['help.fingers1', 'help.fingers2'], what: 'touch3d', translateKeys: true },
];

export function KeyboardHelp() {
  const { t } = useTranslation();
  const open = useTeaching((s) => s.keyboardHelp);
  const setOpen = useTeaching((s) => s.setKeyboardHelp);
  const ref = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<Element | null>(null);

  // the dialog can close itself (Esc): keep the store in step
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    const onClose = () => {
      setOpen(false);
      if (returnTo.current instanceof HTMLElement) returnTo.current.focus();
    };
    d.addEventListener('close', onClose);
    return () => d.removeEventListener('close', onClose);
  }, [setOpen]);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      returnTo.current = document.activeElement;
      d.showModal();
    } else if (!open && d.open) {
      d.close();
    }
  }, [open]);

  const row = (r: { keys: string[]; what: string; translateKeys?: boolean }, group: string) => (
    <tr key={r.what}>
      <th scope="row">
        {r.keys.map((k, i) => (
          <span key={k}>
            {i > 0 ? ' / ' : null}
            <kbd>{r.translateKeys ? t(k) : k}</kbd>
          </span>
        ))}
      </th>
      <td>{t(`help.${group}.${r.what}`)}</td>
    </tr>
  );

  return (
    <dialog
      ref={ref}
      className="help-dialog"
      data-testid="keyboard-help"
      aria-labelledby="help-title"
    >
      <div className="explain-head">
        <h2 id="help-title">{t('help.title')}</h2>
        <button type="button" className="tour-x" data-testid="keyboard-help-close" aria-label={t('common.close')} onClick={() => setOpen(false)}>
          ×
        </button>
      </div>
      <table className="help-table">
        <caption>{t('help.shortcutsCaption')}</caption>
        <tbody>{SHORTCUTS.map((r) => row(r, 'shortcut'))}</tbody>
      </table>
      <table className="help-table">
        <caption>{t('help.controlsCaption')}</caption>
        <tbody>{CONTROLS.map((r) => row(r, 'control'))}</tbody>
      </table>
      <p className="help-note">{t('help.note')}</p>
    </dialog>
  );
}
