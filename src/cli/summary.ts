/** The CLI's printed summary: process counts, cut flow, signal box (raw, weighted, scaled). */
import type { AnalysisResult, BoxSummary } from '../analysis/analysis';
import type { RunColumns } from '../physics/columns';
import { PROCESSES } from '../physics/processes';
import type { Simulator } from '../physics/run';
import type { SignalBox } from '../physics/setups/types';

export function summaryText(
  sim: Simulator,
  c: RunColumns,
  a: AnalysisResult,
  s: BoxSummary,
  box: SignalBox,
  nOnTarget: number,
  seconds: number,
  workers: number,
  out: string | null,
): string {
  const L: string[] = [];
  const setup = sim.setup;
  L.push(`${setup.name}: ${c.n} events, seed ${sim.params.seed}, ${seconds.toFixed(2)} s with ${workers} worker(s) (${(c.n / seconds).toExponential(2)} events/s)`);
  if (out) L.push(`wrote ${out}`);
  L.push('', 'process                        raw      weighted   per ' + setup.onTargetLabel);
  const raw = new Float64Array(PROCESSES.length);
  const w = new Float64Array(PROCESSES.length);
  for (let i = 0; i < c.n; i++) {
    raw[c.process[i]]++;
    w[c.process[i]] += c.weight[i];
  }
  for (const p of PROCESSES) {
    if (raw[p.code] === 0) continue;
    L.push(`${p.label.padEnd(26)} ${String(raw[p.code]).padStart(8)}  ${w[p.code].toExponential(3).padStart(10)}  ${(w[p.code] / a.totalWeight).toExponential(2)}`);
  }
  L.push('', 'cut flow                       raw      weighted');
  for (const r of a.cutFlow) L.push(`${r.label.padEnd(28)} ${String(r.raw).padStart(8)}  ${r.weighted.toExponential(3).padStart(10)}`);
  L.push(
    '',
    `signal box ${setup.axes.xLabel} in [${box.xMinGeV}, ${box.xMaxGeV}), ${setup.axes.yLabel} in [${box.yMinGeV}, ${box.yMaxGeV}) after all cuts:`,
    `  raw ${s.inBox.raw}, weighted ${s.inBox.weighted.toExponential(3)}, scaled to ${nOnTarget.toExponential(3)} ${setup.onTargetLabel}: ${s.scaled.toExponential(3)} ± ${s.scaledError.toExponential(2)} (stat.)`,
    `  published expectation: ${setup.publishedBackground.value} ± ${setup.publishedBackground.error} (${setup.publishedBackground.source})`,
  );
  for (const sb of s.sidebands) L.push(`  ${sb.label}: raw ${sb.count.raw}, weighted ${sb.count.weighted.toExponential(3)}, scaled ${sb.scaled.toExponential(3)}`);
  return L.join('\n') + '\n';
}
