/** Info panel of the selected event: process, weight, story, true and measured quantities, cuts. */
import { useTranslation } from 'react-i18next';
import type { EventDetail } from '../../physics/detail';
import { PROCESSES } from '../../physics/processes';
import type { Setup } from '../../physics/setups/types';
import { useLocale } from '../../i18n';
import { cutLabel, processName } from '../../i18n/physicsText';
import { storyText, truthLabel, truthValueText } from '../../i18n/eventText';
import { decimalSeparator } from '../plots/format';

const nfCache = new Map<string, Intl.NumberFormat>();
/** `v` with `d` decimals in the locale's style ('—' if not finite). */
function fmtIn(locale: string, v: number, d = 2): string {
  if (!Number.isFinite(v)) return '—';
  const key = `${locale}|${d}`;
  let f = nfCache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, { minimumFractionDigits: d, maximumFractionDigits: d, useGrouping: false });
    nfCache.set(key, f);
  }
  return f.format(v).replace(/^-/, '−');
}

// The concise selected-event summary for screen readers is announced by the teaching layer
// (aria-live there); this panel is not a live region, so the tables are not read out on every change.
export function EventInfo(props: { detail: EventDetail | null; setup: Setup | null; status: string; error: string | null }) {
  const { detail, setup } = props;
  const { t } = useTranslation();
  const locale = useLocale();
  const fmt = (v: number, d = 2) => fmtIn(locale, v, d);
  if (props.status === 'loading') return <section className="panel event-info">{t('event.loading')}</section>;
  if (props.error)
    return (
      <section className="panel event-info error" role="alert">
        {t('event.error', { message: props.error })}
      </section>
    );
  if (!detail)
    return (
      <section className="panel event-info" data-testid="event-info">
        <h2>{t('event.heading')}</h2>
        <p>{t('event.empty')}</p>
      </section>
    );
  const proc = PROCESSES[detail.process];
  const m = detail.measured;
  return (
    <section className="panel event-info" data-testid="event-info" data-process={proc?.label ?? detail.process}>
      <h2>
        {t('event.title', { index: detail.eventIndex })}{' '}
        <span className="proc">
          {/* the process colour as a swatch: coloured text would be unreadable for light colours */}
          <span
            aria-hidden="true"
            style={{
              display: 'inline-block',
              width: '0.75em',
              height: '0.75em',
              borderRadius: '50%',
              marginRight: '0.3em',
              background: proc?.color,
              verticalAlign: 'baseline',
            }}
          />
          {processName(t, detail.process)}
        </span>
      </h2>
      <p className="story" data-testid="event-story">{storyText(t, detail.story)}</p>
      <div className="event-tables">
        <table>
          <caption>{t('event.measured')}</caption>
          <tbody>
            <tr><th>p_in [GeV]</th><td data-testid="event-pin">{fmt(m.pInGeV)}</td></tr>
            {detail.setupId === 'na64mu' && <tr><th>p_out [GeV]</th><td>{fmt(m.pOutGeV)}</td></tr>}
            <tr><th>E_ECAL [GeV]</th><td data-testid="event-eecal">{fmt(m.eEcalGeV)}</td></tr>
            <tr><th>E_PS [GeV]</th><td>{fmt(m.ePreshowerGeV)}</td></tr>
            <tr><th>E_HCAL [GeV]</th><td data-testid="event-ehcal">{fmt(m.eHcalGeV)}</td></tr>
            <tr><th>E_VETO [MeV]</th><td>{fmt(m.eVetoGeV * 1000, 1)}</td></tr>
            {detail.setupId === 'na64mu' ? (
              <tr><th>E_VHCAL [GeV]</th><td>{fmt(m.eVhcalGeV)}</td></tr>
            ) : (
              <tr><th>E_SRD [MeV]</th><td>{fmt(m.eSrdGeV * 1000, 1)}</td></tr>
            )}
            {detail.setupId === 'na64e' && <tr><th>E_HCAL0 [GeV]</th><td>{fmt(m.eHcal0GeV)}</td></tr>}
            <tr><th>{t('event.weight')}</th><td>{detail.weight.toExponential(3).replace('.', decimalSeparator(locale))}</td></tr>
          </tbody>
        </table>
        <table>
          <caption>{t('event.truth')}</caption>
          <tbody>
            {Object.entries(detail.truth).map(([k, v]) => (
              <tr key={k} data-truth={k}><th>{truthLabel(t, k)}</th><td>{truthValueText(t, locale, v)}</td></tr>
            ))}
          </tbody>
        </table>
        {setup && (
          <table>
            <caption>{t('event.cuts')}</caption>
            <tbody>
              {setup.cuts.map((c, i) => (
                <tr key={c.id}>
                  <th>{cutLabel(t, setup.id, c)}</th>
                  <td className={detail.cutsPassed[i] ? 'pass' : 'fail'}>{detail.cutsPassed[i] ? t('event.pass') : t('event.fail')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
