/**
 * Geometry precomputation of the NA64μ context (context.ts): the setup and its element lookups,
 * the MS1 and MS2 field regions and tracking planes, the nominal trajectory at the MS1 exit, the
 * calorimeter stacks with their properties and the λ-segments for hadron showers.
 */
import { gflashSampling } from '../../emShower';
import { E_OVER_H, type CaloSegment } from '../../hadronShower';
import { COPPER, IRON, LEAD, SCINTILLATOR } from '../../materials';
import { prepareMuonTables } from '../../muonLoss';
import type { RunParams } from '../../params';
import { buildNa64muSetup } from '../../setups/na64mu';
import type { DetectorElement } from '../../setups/types';
import { GeV } from '../../units';
import { stackProperties } from '../../na64e/context';
import type { Na64muContext } from '../context';
import { MUON_V_CUT } from './rates';

/** A magnet as a field region. */
export interface FieldRegion {
  z0: number;
  z1: number;
  fieldT: number;
}

/** A tracking plane: centre, half sizes, z of its middle. */
export interface Plane {
  id: string;
  z: number;
  x: number;
  y: number;
  hw: number;
  hh: number;
}

/** Properties of a sampling stack (na64e/context.ts). */
export type StackProps = ReturnType<typeof stackProperties>;

/**
 * The geometry part of the context, plus the properties of the ECAL (ep), VETO (vp), VHCAL (vhp)
 * and HCAL (hp; null without HCAL) stacks that the rest is built from.
 */
export type Na64muGeometry = Pick<
  Na64muContext,
  | 'setup'
  | 'p0MeV'
  | 'ms1Magnets'
  | 'ms1Up'
  | 'ms1Down'
  | 'ms1FieldIntegralTm'
  | 'ms1ExitZ'
  | 'ms1ExitX'
  | 'ms1ExitTx'
  | 'ms2Magnet'
  | 'ms2Up'
  | 'ms2Down'
  | 'ecal'
  | 'ecalStack'
  | 'ecalG'
  | 'veto'
  | 'vhcal'
  | 'vhcalStack'
  | 'hcals'
  | 'hcalStack'
  | 'segN'
  | 'segPi'
> & { ep: StackProps; vp: StackProps; vhp: StackProps; hp: StackProps | null };

const planeOf = (e: DetectorElement): Plane => ({ id: e.id, z: e.zMm + e.lengthMm / 2, x: e.xMm, y: e.yMm, hw: e.widthMm / 2, hh: e.heightMm / 2 });

/** Build the setup of a run and precompute its geometry (also prepares the muon tables of its materials). */
export function na64muGeometry(params: RunParams): Na64muGeometry {
  const setup = buildNa64muSetup({
    beamEnergyGeV: params.beamEnergyGeV,
    ecalLayers: params.ecalLayers,
    hcalModules: params.hcalModules,
    hadronFraction: params.hadronFraction,
  });
  prepareMuonTables([LEAD, SCINTILLATOR, IRON, COPPER], MUON_V_CUT);
  const byId = (id: string) => {
    const e = setup.elements.find((x) => x.id === id);
    if (!e) throw new Error(`NA64mu setup has no element ${id}`);
    return e;
  };
  const p0MeV = params.beamEnergyGeV * GeV;
  const magnets = setup.elements.filter((e) => e.role === 'magnet').sort((a, b) => a.zMm - b.zMm);
  const ms1Magnets = magnets.filter((m) => m.id.startsWith('MS1')).map((m) => ({ z0: m.zMm, z1: m.zMm + m.lengthMm, fieldT: m.fieldT ?? 0 }));
  const ms2El = byId('MS2');
  const ms2Magnet = { z0: ms2El.zMm, z1: ms2El.zMm + ms2El.lengthMm, fieldT: ms2El.fieldT ?? 0 };
  const ecal = byId('ECAL');
  const trackers = setup.elements.filter((e) => e.role === 'tracker').map(planeOf).sort((a, b) => a.z - b.z);
  const ms1Up = trackers.filter((p) => p.z < ms1Magnets[0].z0);
  const ms1Down = trackers.filter((p) => p.z > ms1Magnets[ms1Magnets.length - 1].z1 && p.z < ecal.zMm);
  const ms2Up = trackers.filter((p) => p.z > ecal.zMm && p.z < ms2Magnet.z0);
  const ms2Down = trackers.filter((p) => p.z > ms2Magnet.z1);
  const ms1FieldIntegralTm = ms1Magnets.reduce((s, m) => s + (m.fieldT * (m.z1 - m.z0)) / 1000, 0);
  const ms1ExitZ = ms1Magnets[ms1Magnets.length - 1].z1;
  // nominal trajectory at the MS1 exit (elements downstream are placed on it)
  const k = (z0: number, z1: number, b: number) => ((0.299792458 * b) / params.beamEnergyGeV / 1000) * (z1 - z0);
  let x = 0;
  let tx = 0;
  let zc = 0;
  for (const m of ms1Magnets) {
    x += tx * (m.z0 - zc);
    const kk = k(m.z0, m.z1, m.fieldT) / (m.z1 - m.z0);
    const l = m.z1 - m.z0;
    x += tx * l + 0.5 * kk * l * l;
    tx += kk * l;
    zc = m.z1;
  }

  const ecalStack = ecal.stack!;
  const ep = stackProperties(ecalStack);
  const ecalG = gflashSampling(ecalStack);
  const veto = byId('VETO');
  const vp = stackProperties(veto.stack!);
  const vhcal = byId('VHCAL');
  const vhcalStack = vhcal.stack!;
  const vhp = stackProperties(vhcalStack);
  const hcals = setup.elements.filter((e) => e.role === 'hcal');
  const hcalStack = hcals[0]?.stack ?? null;
  const hp = hcalStack ? stackProperties(hcalStack) : null;

  const seg = (pion: boolean): CaloSegment[] => {
    const l = (p: ReturnType<typeof stackProperties>) => (pion ? p.lambdaPi : p.lambdaI);
    return [
      { id: 'ECAL', lambda: l(ep), x0PerLambda: ep.x0 / l(ep), hadronResponse: 1 / E_OVER_H },
      { id: 'VHCAL', lambda: l(vhp), x0PerLambda: vhp.x0 / l(vhp), hadronResponse: 1 },
      ...hcals.map((h) => ({ id: h.id, lambda: l(hp!), x0PerLambda: hp!.x0 / l(hp!), hadronResponse: 1 })),
    ];
  };
  return {
    setup,
    p0MeV,
    ms1Magnets,
    ms1Up,
    ms1Down,
    ms1FieldIntegralTm,
    ms1ExitZ,
    ms1ExitX: x,
    ms1ExitTx: tx,
    ms2Magnet,
    ms2Up,
    ms2Down,
    ecal,
    ecalStack,
    ecalG,
    veto,
    vhcal,
    vhcalStack,
    hcals,
    hcalStack,
    segN: seg(false),
    segPi: seg(true),
    ep,
    vp,
    vhp,
    hp,
  };
}
