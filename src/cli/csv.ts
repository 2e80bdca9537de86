/** CSV writer for run columns (the CLI format; also read back by the tests). */
import type { RunColumns } from '../physics/columns';
import { processLabel } from '../physics/processes';
import type { Setup } from '../physics/setups/types';

const f4 = (v: number) => (Number.isFinite(v) ? v.toFixed(4) : 'nan');

/** Column headers per setup; NA64e: `eventIndex,process,weight,pInGeV,eEcalGeV,eHcalGeV,eVetoGeV,eSrdGeV,passesCuts`. */
export function csvHeader(setup: Setup): string[] {
  return setup.id === 'na64mu'
    ? ['eventIndex', 'process', 'weight', 'pInGeV', 'pOutGeV', 'eEcalGeV', 'eVetoGeV', 'eVhcalGeV', 'eHcalGeV', 'passesCuts']
    : ['eventIndex', 'process', 'weight', 'pInGeV', 'eEcalGeV', 'eHcalGeV', 'eVetoGeV', 'eSrdGeV', 'passesCuts'];
}

export function columnsToCsv(setup: Setup, c: RunColumns): string {
  const all = (1 << setup.cuts.length) - 1;
  const lines: string[] = [csvHeader(setup).join(',')];
  for (let i = 0; i < c.n; i++) {
    const pass = (c.cutBits[i] & all) === all ? 1 : 0;
    const w = c.weight[i].toPrecision(8);
    lines.push(
      setup.id === 'na64mu'
        ? `${c.firstIndex + i},${processLabel(c.process[i])},${w},${f4(c.pInGeV[i])},${f4(c.pOutGeV[i])},${f4(c.eEcalGeV[i])},${f4(c.eVetoGeV[i])},${f4(c.eVhcalGeV[i])},${f4(c.eHcalGeV[i])},${pass}`
        : `${c.firstIndex + i},${processLabel(c.process[i])},${w},${f4(c.pInGeV[i])},${f4(c.eEcalGeV[i])},${f4(c.eHcalGeV[i])},${f4(c.eVetoGeV[i])},${f4(c.eSrdGeV[i])},${pass}`,
    );
  }
  return lines.join('\n') + '\n';
}
