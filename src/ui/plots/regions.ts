/**
 * Teaching overlays for the NA64e hermeticity plot (after PRL 118 011802 Fig. 2 and PRL 123 121801
 * Fig. 2): region I dimuons, region II hadron electroproduction along the diagonal, region III
 * pile-up above the diagonal, and the spot of ordinary 100 GeV electrons. Extents are drawn for
 * orientation only; they are not cuts.
 */
import type { PlotRegion } from './types';

export const NA64E_REGIONS: PlotRegion[] = [
  {
    id: 'I',
    label: 'I  γ → μ⁺μ⁻',
    kind: 'band',
    ax: 0,
    ay: 1,
    cMinGeV: 7,
    cMaxGeV: 13,
    within: { xMinGeV: 0, xMaxGeV: 95, yMinGeV: 0, yMaxGeV: 120 },
    labelAt: { xGeV: 4, yGeV: 10 },
    description:
      'Region I: dimuon production by a hard bremsstrahlung photon in the ECAL; the two muons leave about 10 GeV in the HCAL.',
    color: '#c05a00',
  },
  {
    id: 'II',
    label: 'II  E_ECAL + E_HCAL ≈ 100 GeV',
    kind: 'band',
    ax: 1,
    ay: 1,
    cMinGeV: 92,
    cMaxGeV: 108,
    labelAt: { xGeV: 3, yGeV: 40 },
    description:
      'Region II: hadron electroproduction in the ECAL; the energy is shared between ECAL and HCAL, summing to the beam energy.',
    color: '#2f7d32',
  },
  {
    id: 'III',
    label: 'III  pile-up',
    kind: 'band',
    ax: 1,
    ay: 1,
    cMinGeV: 112,
    cMaxGeV: 240,
    labelAt: { xGeV: 68, yGeV: 85 },
    description:
      'Region III: pile-up, two beam particles in the readout window, total energy above the beam energy.',
    color: '#6d4c41',
  },
  {
    id: 'spot',
    label: 'e⁻ 100 GeV',
    kind: 'rect',
    box: { xMinGeV: 88, xMaxGeV: 112, yMinGeV: 0, yMaxGeV: 1.5 },
    labelAt: { xGeV: 84, yGeV: 2.6 },
    description:
      'Ordinary beam electrons: the full 100 GeV shower is contained in the ECAL, nothing reaches the HCAL.',
    color: '#1d3f8f',
  },
];

/**
 * Teaching overlays for the NA64μ hermeticity plot, p_out (MS2) vs E_ECAL + E_VHCAL + E_HCAL
 * (seed 000 "Hermeticity plot – NA64μ", regions A–D). Extents for orientation only; not cuts.
 */
export const NA64MU_REGIONS: PlotRegion[] = [
  {
    id: 'A',
    label: 'A  MIP muons',
    kind: 'rect',
    box: { xMinGeV: 130, xMaxGeV: 190, yMinGeV: 0, yMaxGeV: 12 },
    labelAt: { xGeV: 132, yGeV: 12 },
    description:
      'Region A: muons traversing the whole setup as minimum-ionizing particles, with little deflection in MS2 (p_out ≈ 160 GeV).',
    color: '#1d3f8f',
  },
  {
    id: 'B',
    label: 'B  hard brems / scattering',
    kind: 'band',
    ax: 1,
    ay: 1,
    cMinGeV: 135,
    cMaxGeV: 185,
    within: { xMinGeV: 0, xMaxGeV: 130, yMinGeV: 12, yMaxGeV: 200 },
    labelAt: { xGeV: 20, yGeV: 150 },
    description:
      'Region B: a hard bremsstrahlung or scattering in the ECAL; the outgoing muon is soft and the ECAL takes the rest: p_out + E_calo ≈ 160 GeV.',
    color: '#c05a00',
  },
  {
    id: 'C',
    label: 'A→C  μ-nuclear in HCAL',
    kind: 'rect',
    box: { xMinGeV: 130, xMaxGeV: 190, yMinGeV: 12, yMaxGeV: 200 },
    labelAt: { xGeV: 132, yGeV: 60 },
    description:
      'A → C: a muon-nuclear interaction in the HCAL modules after MS2: p_out ≈ 160 GeV but a large, quasi-total deposit in the HCAL.',
    color: '#2f7d32',
  },
  {
    id: 'D',
    label: 'D  μ-nuclear in ECAL',
    kind: 'band',
    ax: 1,
    ay: 1,
    cMinGeV: 20,
    cMaxGeV: 130,
    within: { xMinGeV: 0, xMaxGeV: 130, yMinGeV: 12, yMaxGeV: 200 },
    labelAt: { xGeV: 30, yGeV: 40 },
    description:
      'Region D: a muon-nuclear interaction in the ECAL whose hadrons partly escape: the events fall below the energy-momentum diagonal, towards the signal region.',
    color: '#6d4c41',
  },
];
