/**
 * The Setup (geometry, cuts, axes) of a parameter set, built the same way as the simulation
 * contexts build it, and the plot point of one event. Pure.
 */
import type { RunColumns } from '../physics/columns';
import type { RunParams } from '../physics/params';
import { buildNa64eSetup } from '../physics/setups/na64e';
import { buildNa64muSetup } from '../physics/setups/na64mu';
import type { Setup } from '../physics/setups/types';

export function setupOfParams(p: RunParams): Setup {
  const cfg = {
    beamEnergyGeV: p.beamEnergyGeV,
    ecalLayers: p.ecalLayers,
    hcalModules: p.hcalModules,
    hadronFraction: p.hadronFraction,
  };
  return p.setup === 'na64mu' ? buildNa64muSetup(cfg) : buildNa64eSetup(cfg);
}

/** Plot coordinates [GeV] (as analysis.plotCoordinates) of event `eventIndex` of a run, or null if the run does not hold it. */
export function plotPointOf(setup: Setup, c: RunColumns, eventIndex: number): { xGeV: number; yGeV: number } | null {
  const i = eventIndex - c.firstIndex;
  if (!(i >= 0 && i < c.n) || c.eEcalGeV.length !== c.n) return null;
  if (setup.id === 'na64mu') return { xGeV: c.pOutGeV[i], yGeV: c.eEcalGeV[i] + c.eVhcalGeV[i] + c.eHcalGeV[i] };
  return { xGeV: c.eEcalGeV[i], yGeV: c.eHcalGeV[i] };
}
