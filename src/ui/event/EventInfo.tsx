/** Info panel of the selected event: process, weight, story, true and measured quantities, cuts. */
import type { EventDetail } from '../../physics/detail';
import { PROCESSES } from '../../physics/processes';
import type { Setup } from '../../physics/setups/types';

const fmt = (v: number, d = 2) => (Number.isFinite(v) ? v.toFixed(d) : '—');

export function EventInfo(props: { detail: EventDetail | null; setup: Setup | null; status: string; error: string | null }) {
  const { detail, setup } = props;
  if (props.status === 'loading') return <section className="panel event-info">Re-simulating the event…</section>;
  if (props.error)
    return (
      <section className="panel event-info error" role="alert">
        Could not re-simulate the event: {props.error}
      </section>
    );
  if (!detail)
    return (
      <section className="panel event-info" data-testid="event-info">
        <h2>Event</h2>
        <p>Click any point of the hermeticity plot to re-simulate that event in full detail and see it in 3D.</p>
      </section>
    );
  const proc = PROCESSES[detail.process];
  const m = detail.measured;
  return (
    <section className="panel event-info" data-testid="event-info" aria-live="polite">
      <h2>
        Event #{detail.eventIndex} <span className="proc" style={{ color: proc?.color }}>{proc?.name ?? detail.process}</span>
      </h2>
      <p className="story" data-testid="event-story">{detail.story}</p>
      <div className="event-tables">
        <table>
          <caption>measured</caption>
          <tbody>
            <tr><th>p_in [GeV]</th><td data-testid="event-pin">{fmt(m.pInGeV)}</td></tr>
            {detail.setupId === 'na64mu' && <tr><th>p_out [GeV]</th><td>{fmt(m.pOutGeV)}</td></tr>}
            <tr><th>E_ECAL [GeV]</th><td data-testid="event-eecal">{fmt(m.eEcalGeV)}</td></tr>
            <tr><th>E_PS [GeV]</th><td>{fmt(m.ePreshowerGeV)}</td></tr>
            <tr><th>E_HCAL [GeV]</th><td data-testid="event-ehcal">{fmt(m.eHcalGeV)}</td></tr>
            <tr><th>E_VETO [MeV]</th><td>{fmt(m.eVetoGeV * 1000, 1)}</td></tr>
            <tr><th>E_SRD [MeV]</th><td>{fmt(m.eSrdGeV * 1000, 1)}</td></tr>
            {detail.setupId === 'na64e' && <tr><th>E_HCAL0 [GeV]</th><td>{fmt(m.eHcal0GeV)}</td></tr>}
            <tr><th>weight</th><td>{detail.weight.toExponential(3)}</td></tr>
          </tbody>
        </table>
        <table>
          <caption>true</caption>
          <tbody>
            {Object.entries(detail.truth).map(([k, v]) => (
              <tr key={k}><th>{k}</th><td>{typeof v === 'number' ? String(v) : v}</td></tr>
            ))}
          </tbody>
        </table>
        {setup && (
          <table>
            <caption>cuts</caption>
            <tbody>
              {setup.cuts.map((c, i) => (
                <tr key={c.id}>
                  <th>{c.label}</th>
                  <td className={detail.cutsPassed[i] ? 'pass' : 'fail'}>{detail.cutsPassed[i] ? 'pass' : 'fail'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
