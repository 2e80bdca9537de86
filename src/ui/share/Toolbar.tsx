/**
 * Header toolbar for sharing: "Copy link" (the URL holds the whole state; where the clipboard is
 * unavailable the link is shown in a text field), an "Export" menu (plot as SVG / 4K PNG, 3D view as
 * PNG, run as CSV / Arrow, event as Phoenix JSON, histogram as ROOT JSON) and "Import" (a CSV run
 * or a Phoenix event). It also shows the notice about an invalid shared link and the import result.
 * The URL sync starts here (before the runner's first run, so a link's settings are the ones run).
 */
import { useEffect, useLayoutEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../../state/store';
import { ImportError } from '../../share/importError';
import { useLocale } from '../../i18n';
import { importProblemsText } from '../../i18n/importText';
import { urlErrorText } from '../../i18n/urlText';
import {
  exportArrow,
  exportCsv,
  exportPhoenix,
  exportPlotPng,
  exportPlotSvg,
  exportRoot,
  exportScenePng,
  importFile,
} from './actions';
import { copyText } from './dom';
import { useShareUi } from './shareUi';
import { shareLink, startUrlSync } from './urlSync';
import './share.css';

type ExportId = 'svg' | 'png' | '3d' | 'csv' | 'arrow' | 'phoenix' | 'root';

/** The export menu; `label` is the translation key share.<label>. */
const EXPORTS: { id: ExportId; testId: string; label: string; run: () => Promise<void>; needs: 'run' | 'event' | 'scene' }[] = [
  { id: 'svg', testId: 'export-svg', label: 'exportSvg', run: exportPlotSvg, needs: 'run' },
  { id: 'png', testId: 'export-png', label: 'exportPng', run: exportPlotPng, needs: 'run' },
  { id: '3d', testId: 'export-3d-png', label: 'export3d', run: exportScenePng, needs: 'scene' },
  { id: 'csv', testId: 'export-csv', label: 'exportCsv', run: exportCsv, needs: 'run' },
  { id: 'arrow', testId: 'export-arrow', label: 'exportArrow', run: exportArrow, needs: 'run' },
  { id: 'phoenix', testId: 'export-phoenix', label: 'exportPhoenix', run: exportPhoenix, needs: 'event' },
  { id: 'root', testId: 'export-root', label: 'exportRoot', run: exportRoot, needs: 'run' },
];

function UrlNotice() {
  const { t } = useTranslation();
  const locale = useLocale();
  const errors = useShareUi((s) => s.urlErrors);
  const setUrlErrors = useShareUi((s) => s.setUrlErrors);
  if (!errors) return null;
  return (
    <div className="share-notice" role="alert" data-testid="url-notice">
      <p>{t('share.urlNotice')}</p>
      <ul>
        {errors.map((e) => (
          <li key={e.field} data-field={e.field}>
            {urlErrorText(t, locale, e)}
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => setUrlErrors(null)} data-testid="url-notice-dismiss">
        {t('share.dismiss')}
      </button>
    </div>
  );
}

function ImportNotice() {
  const { t } = useTranslation();
  const locale = useLocale();
  const status = useShareUi((s) => s.importStatus);
  const setImportStatus = useShareUi((s) => s.setImportStatus);
  if (!status) return null;
  const error = status.kind === 'error';
  // the problems of a file are worded in the reader's language (also after a language switch)
  const text = status.problems?.length
    ? t('share.importFileProblem', { file: status.file, problem: importProblemsText(t, locale, status.problems, status.truncated) })
    : status.text;
  return (
    <div
      className={`share-notice ${error ? 'share-error' : 'share-ok'}`}
      role={error ? 'alert' : 'status'}
      data-testid={error ? 'import-error' : 'import-status'}
    >
      <p>
        {error ? <strong>{t('share.importFailed')} </strong> : null}
        {text}
      </p>
      <button type="button" onClick={() => setImportStatus(null)} data-testid="import-dismiss">
        {t('share.dismiss')}
      </button>
    </div>
  );
}

export function Toolbar() {
  // Apply a shared link before the runner's first (passive) effect starts the run.
  useLayoutEffect(() => startUrlSync(), []);
  const { t } = useTranslation();

  const runDone = useApp((s) => s.runs[s.setupId].status === 'done' && !!s.runs[s.setupId].analysis);
  const hasEvent = useApp((s) => !!s.detail);
  const setImportStatus = useShareUi((s) => s.setImportStatus);

  const [linkText, setLinkText] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const linkRef = useRef<HTMLInputElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (linkText !== null) linkRef.current?.select();
  }, [linkText]);

  useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(t);
  }, [copied]);

  // close the menu on Escape or a click elsewhere
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setMenuOpen(false);
    };
    const onDown = (e: PointerEvent) => {
      if (menuRef.current && e.target instanceof Node && !menuRef.current.contains(e.target)) setMenuOpen(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('pointerdown', onDown);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pointerdown', onDown);
    };
  }, [menuOpen]);

  const copyLink = async () => {
    const link = shareLink();
    if (await copyText(link)) {
      setCopied(true);
      setLinkText(null);
    } else setLinkText(link);
  };

  const runExport = async (id: ExportId) => {
    const ex = EXPORTS.find((e) => e.id === id);
    if (!ex) return;
    setBusy(id);
    setExportError(null);
    try {
      await ex.run();
      setMenuOpen(false);
    } catch (e) {
      setExportError(t('share.exportFailed', { message: (e as Error).message }));
    } finally {
      setBusy(null);
    }
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    setImportStatus({ kind: 'ok', text: t('share.importing') });
    try {
      setImportStatus({ kind: 'ok', text: await importFile(file) });
    } catch (err) {
      const problems = err instanceof ImportError && err.problems.length ? { problems: err.problems, truncated: err.truncated } : {};
      const text = t('share.importFileProblem', { file: file.name, problem: (err as Error).message });
      setImportStatus({ kind: 'error', text, file: file.name, ...problems });
    } finally {
      // the same file may be chosen again after a fix
      if (fileRef.current) fileRef.current.value = '';
    }
  };

  const enabled = (needs: 'run' | 'event' | 'scene') => (needs === 'run' ? runDone : needs === 'event' ? hasEvent : true);

  return (
    <div className="share-toolbar" role="toolbar" aria-label={t('share.toolbar')} data-testid="share-toolbar">
      <button type="button" className="share-btn" data-testid="copy-link" title={t('share.copyLinkTitle')} onClick={() => void copyLink()}>
        {copied ? t('share.copied') : t('share.copyLink')}
      </button>
      <div className="share-menu" ref={menuRef}>
        <button
          type="button"
          className="share-btn"
          data-testid="export-menu"
          title={t('share.exportTitle')}
          aria-expanded={menuOpen}
          aria-controls="share-export-list"
          onClick={() => setMenuOpen((o) => !o)}
        >
          {t('share.export')} ▾
        </button>
        {menuOpen ? (
          <div className="share-menu-list" id="share-export-list" role="group" aria-label={t('share.exportMenu')}>
            {EXPORTS.map((ex) => (
              <button
                key={ex.id}
                type="button"
                data-testid={ex.testId}
                disabled={!enabled(ex.needs) || busy !== null}
                aria-busy={busy === ex.id}
                onClick={() => void runExport(ex.id)}
              >
                {t(`share.${ex.label}`)}
                {busy === ex.id ? <span className="share-busy"> — {t('share.exporting')}</span> : null}
              </button>
            ))}
            {exportError ? (
              <p className="share-menu-error" role="alert" data-testid="export-error">
                {exportError}
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
      <label className="share-btn share-file" title={t('share.importTitle')}>
        {t('share.import')}
        <input
          ref={fileRef}
          type="file"
          accept=".csv,.json,text/csv,application/json"
          data-testid="import-file"
          onChange={(e) => void onFile(e)}
        />
      </label>
      {linkText !== null ? (
        <div className="share-link" data-testid="share-link">
          <label>
            <span className="share-sr">{t('share.linkLabel')}</span>
            <input ref={linkRef} readOnly value={linkText} data-testid="share-link-field" onFocus={(e) => e.target.select()} />
          </label>
          <button type="button" onClick={() => setLinkText(null)} aria-label={t('share.close')}>
            ×
          </button>
        </div>
      ) : null}
      <div className="share-notices">
        <UrlNotice />
        <ImportNotice />
      </div>
    </div>
  );
}
