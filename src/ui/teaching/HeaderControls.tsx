/**
 * Header controls of the teaching layer: the language selector (store.language, persisted), the
 * guided-tour button, the presentation-mode toggle and the keyboard-help button.
 */
import { useTranslation } from 'react-i18next';
import { useApp } from '../../state/store';
import { LANGUAGES } from '../../i18n';
import { useTeaching } from './teachingStore';

export function HeaderControls() {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const setLanguage = useApp((s) => s.setLanguage);
  const tourStep = useApp((s) => s.tourStep);
  const setTourStep = useApp((s) => s.setTourStep);
  const presentation = useApp((s) => s.presentation);
  const setPresentation = useApp((s) => s.setPresentation);
  const setKeyboardHelp = useTeaching((s) => s.setKeyboardHelp);
  const current = LANGUAGES.some((l) => l.code === language) ? language : 'en';
  return (
    <div className="teach-header" role="group" aria-label={t('teach.headerGroup')}>
      <button
        type="button"
        data-testid="tour-start"
        aria-pressed={tourStep >= 0}
        title={t('teach.tourTitle')}
        onClick={() => setTourStep(tourStep >= 0 ? -1 : 0)}
      >
        {t('teach.tour')}
      </button>
      <button
        type="button"
        data-testid="presentation-toggle"
        aria-pressed={presentation}
        title={t('teach.presentationTitle')}
        onClick={() => setPresentation(!presentation)}
      >
        {presentation ? t('teach.presentationExit') : t('teach.presentation')}
      </button>
      <button
        type="button"
        data-testid="keyboard-help-open"
        title={t('teach.helpTitle')}
        aria-label={t('teach.helpTitle')}
        aria-haspopup="dialog"
        onClick={() => setKeyboardHelp(true)}
      >
        ?
      </button>
      <label className="teach-lang">
        <span className="sr-only">{t('teach.language')}</span>
        <select
          data-testid="language-select"
          value={current}
          onChange={(e) => setLanguage(e.target.value)}
          aria-label={t('teach.language')}
        >
          {LANGUAGES.map((l) => (
            <option key={l.code} value={l.code} lang={l.code}>
              {l.name}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
