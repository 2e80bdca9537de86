/**
 * NA64μ missing-momentum setup at the CERN SPS M2 line (160 GeV μ⁻).
 *
 * Sourced (seed 000, PRL 132 211803 as quoted there): MS1 with three 5 T·m bending magnets, four
 * 8×8 cm² Micromegas MM1–4, two 20×20 cm² straw chambers ST5/ST4 and the beam momentum stations
 * BMS1–6, σp_in/p_in ≃ 3.8 %; the ECAL as active target; a 55×55 cm² VETO; a 5 λ_int Cu/Sc VHCAL
 * with a hole in its middle; MS2 (magnet, MM5–7, ST1), σp_out/p_out ≃ 4.4 %; two 120×60 cm² HCAL
 * modules (λ_int ≃ 15 together) and the 120×60 cm² straw chamber ST11. Beam: 160 GeV μ⁻,
 * 1–2e6 μ/s (seed 002); π/μ ~ 1e-6, K/π ~ 0.03 (seed 004, NIMA 343 (1994) 351).
 * Named assumptions (doc/model-na64mu.md): ASSUME-NA64MU-Z (z layout, magnet lengths and fields,
 * bend direction), ASSUME-NA64MU-BEAM, ASSUME-NA64MU-VETO, ASSUME-NA64MU-VHCAL,
 * ASSUME-NA64MU-HCAL-CELL, ASSUME-TRACKERS (shared with NA64e). The setup figures of the NA64μ
 * papers could not be read: distances are chosen to give the sourced field integrals and
 * acceptances, not copied.
 */
import { COPPER, IRON, SCINTILLATOR } from '../materials';
import { BEND_CONSTANT_GEV_PER_T_M } from '../units';
import { ECAL_PB_MM, ECAL_SC_MM, HCAL_FE_MM, HCAL_LAYERS, HCAL_SC_MM, ecalElement } from './na64e';
import type { DetectorElement, Setup } from './types';

/** User-adjustable detector parameters of NA64μ. */
export interface Na64muDetectorConfig {
  /** Nominal beam momentum [GeV]; the downstream lines are aligned for it. */
  beamEnergyGeV: number;
  /** Number of Pb/Sc layers of the ECAL (same stack as NA64e; 150 = 40.6 X0). */
  ecalLayers: number;
  /** Number of HCAL modules behind MS2 (2 in the real setup, seed 000). */
  hcalModules: number;
  /** Beam hadron fraction (π + K per muon; π/μ ~ 1e-6, seed 004). */
  hadronFraction: number;
}

export const NA64MU_DEFAULT_CONFIG: Na64muDetectorConfig = {
  beamEnergyGeV: 160,
  ecalLayers: 150,
  hcalModules: 2,
  hadronFraction: 1e-6,
};

/** Field integral of one MS1 bending magnet [T·m] (seed 000: three 5 T·m magnets). */
export const MS1_MAGNET_TM = 5;
/** ASSUME-NA64MU-Z: each MS1 magnet 3 m long (field 5/3 T). */
export const MS1_MAGNET_LENGTH_MM = 3000;
/** ASSUME-NA64MU-Z: the MS2 magnet is an MBPL-type dipole like NA64e's, 2 m × 1.75 T = 3.5 T·m. */
export const MS2_MAGNET_LENGTH_MM = 2000;
export const MS2_FIELD_T = 1.75;
/** ASSUME-NA64MU-VETO: 2 × 10 mm plastic scintillator, 550×550 mm² (size: seed 000). */
export const VETO_LAYERS = 2;
export const VETO_SC_MM = 10;
/** ASSUME-NA64MU-VHCAL: 30 × (25 mm Cu + 4 mm Sc) = 5.05 λ_I (seed 000: 5 λ_int Cu/Sc). */
export const VHCAL_CU_MM = 25;
export const VHCAL_SC_MM = 4;
export const VHCAL_LAYERS = 30;
/** ASSUME-NA64MU-VHCAL: 5×5 cells of 120 mm (600×600 mm²); the central cell is the 120×120 mm² hole. */
export const VHCAL_CELL_MM = 120;
export const VHCAL_CELLS = 5;
/** ASSUME-NA64MU-HCAL-CELL: 6×3 cells of 200 mm (120×60 cm², seed 000). */
export const NA64MU_HCAL_CELL_MM = 200;
/**
 * ASSUME-NA64MU-Z: the HCAL and ST11 are centred 300 mm on the +x side (the side MS2 bends μ⁻ to) of
 * the nominal 160 GeV line, so that soft scattered muons stay inside; the nominal muon hits cell ix = 1.
 */
export const HCAL_OFFSET_X_MM = 300;

/** z positions [mm] (ASSUME-NA64MU-Z). */
export const NA64MU_Z = {
  BMS1: 0,
  BMS2: 5000,
  BMS3: 10000,
  MS1: [12000, 15500, 19000],
  BMS4: 24000,
  BMS5: 29000,
  BMS6: 34000,
  ST5: 36000,
  MM1: 36800,
  MM2: 37400,
  ST4: 38000,
  MM3: 38400,
  MM4: 38800,
  ECAL: 39500,
  VETO_GAP: 100,
  VHCAL_GAP: 150,
  MM5_GAP: 300,
  MM_STEP: 400,
  MS2_GAP: 400,
  ST1_GAP: 500,
  ST11_GAP: 2500,
  HCAL_GAP: 200,
  HCAL_BETWEEN: 100,
} as const;

/**
 * x of the nominal beam trajectory (momentum p0 [GeV], starting on the axis with zero slope at BMS1)
 * through the given magnets (all bend μ⁻ towards +x): exact parabolas inside, straight lines outside.
 */
export function nominalX(z: number, p0GeV: number, magnets: { z0: number; z1: number; fieldT: number }[]): { x: number; tx: number } {
  let x = 0;
  let tx = 0;
  let zc = 0;
  for (const m of magnets) {
    if (z <= m.z0) break;
    x += tx * (m.z0 - zc);
    zc = m.z0;
    const k = (BEND_CONSTANT_GEV_PER_T_M * m.fieldT) / p0GeV / 1000; // 1/mm
    const l = Math.min(z, m.z1) - m.z0;
    x += 0.5 * k * l * l + tx * l;
    tx += k * l;
    zc = m.z0 + l;
  }
  x += tx * (z - zc);
  return { x, tx };
}

/**
 * Build the NA64μ setup. Throws RangeError for non-physical values (validated earlier by the
 * parameter schema; a second line of defence).
 */
export function buildNa64muSetup(cfg: Na64muDetectorConfig = NA64MU_DEFAULT_CONFIG): Setup {
  if (!(cfg.ecalLayers >= 1 && cfg.hcalModules >= 0 && cfg.beamEnergyGeV > 0)) {
    throw new RangeError(`invalid NA64mu configuration ${JSON.stringify(cfg)}`);
  }
  const Z = NA64MU_Z;
  const ms1Field = MS1_MAGNET_TM / (MS1_MAGNET_LENGTH_MM / 1000);
  const ms1 = Z.MS1.map((z0) => ({ z0, z1: z0 + MS1_MAGNET_LENGTH_MM, fieldT: ms1Field }));

  const ecalLength = cfg.ecalLayers * (ECAL_PB_MM + ECAL_SC_MM);
  const vetoZ = Z.ECAL + ecalLength + Z.VETO_GAP;
  const vetoLength = VETO_LAYERS * VETO_SC_MM;
  const vhcalZ = vetoZ + vetoLength + Z.VHCAL_GAP;
  const vhcalLength = VHCAL_LAYERS * (VHCAL_CU_MM + VHCAL_SC_MM);
  const mm5Z = vhcalZ + vhcalLength + Z.MM5_GAP;
  const mm6Z = mm5Z + Z.MM_STEP;
  const mm7Z = mm6Z + Z.MM_STEP;
  const ms2Z = mm7Z + Z.MS2_GAP;
  const st1Z = ms2Z + MS2_MAGNET_LENGTH_MM + Z.ST1_GAP;
  const st11Z = st1Z + Z.ST11_GAP;
  const hcalLength = HCAL_LAYERS * (HCAL_FE_MM + HCAL_SC_MM);
  const hcalZ0 = st11Z + 30 + Z.HCAL_GAP;
  const magnets = [...ms1, { z0: ms2Z, z1: ms2Z + MS2_MAGNET_LENGTH_MM, fieldT: MS2_FIELD_T }];
  // Elements downstream of a spectrometer sit on the deflected nominal line.
  const xAt = (z: number) => nominalX(z, cfg.beamEnergyGeV, magnets).x;

  const tracker = (id: string, z: number, kind: 'MM' | 'ST' | 'BMS' | 'ST11', xShift = 0): DetectorElement => {
    const w = kind === 'ST11' ? 1200 : kind === 'ST' ? 200 : kind === 'BMS' ? 120 : 80;
    const h = kind === 'ST11' ? 600 : kind === 'ST' ? 200 : kind === 'BMS' ? 120 : 80;
    return {
      id,
      label: id,
      role: 'tracker',
      xMm: xAt(z) + xShift,
      yMm: 0,
      zMm: z,
      widthMm: w,
      heightMm: h,
      lengthMm: kind === 'MM' ? 10 : kind === 'BMS' ? 20 : 30,
      x0Fraction: kind === 'MM' ? 0.003 : kind === 'BMS' ? 0.012 : 0.004,
      resolutionMm: kind === 'MM' ? 0.08 : kind === 'BMS' ? 1 : 0.2,
      description:
        kind === 'BMS'
          ? 'Beam momentum station (scintillator hodoscope) of the M2 line: with BMS1–6 around the three bending magnets it measures the incoming muon momentum.'
          : kind === 'MM'
            ? 'Micromegas tracking plane (8×8 cm²): measures the muon position.'
            : kind === 'ST11'
              ? 'Large straw-tube chamber (120×60 cm²) in front of the HCAL: tracks the scattered muon to its expected HCAL cell.'
              : 'Straw-tube chamber: measures the muon position.',
      source:
        kind === 'BMS'
          ? 'seed 000 (BMS1–6, six hodoscopes); size, resolution, z: ASSUME-TRACKERS, ASSUME-NA64MU-Z'
          : `seed 000 (${kind === 'ST11' ? 'ST11 120×60 cm²' : kind === 'MM' ? 'MM 8×8 cm²' : 'straws 20×20 cm²'}); material, resolution, z: ASSUME-TRACKERS, ASSUME-NA64MU-Z`,
    };
  };

  const elements: DetectorElement[] = [
    tracker('BMS1', Z.BMS1, 'BMS'),
    tracker('BMS2', Z.BMS2, 'BMS'),
    tracker('BMS3', Z.BMS3, 'BMS'),
    ...ms1.map(
      (m, i): DetectorElement => ({
        id: `MS1-B${i + 1}`,
        label: `MS1 B${i + 1}`,
        role: 'magnet',
        xMm: xAt(m.z0),
        yMm: 0,
        zMm: m.z0,
        widthMm: 500,
        heightMm: 400,
        lengthMm: MS1_MAGNET_LENGTH_MM,
        fieldT: m.fieldT,
        description:
          'Bending magnet of the incoming-muon spectrometer MS1 (5 T·m): the deflection θ = 0.3·∫B dl/p (28 mrad at 160 GeV for the three magnets) measured by the BMS, Micromegas and straws gives p_in.',
        source: 'seed 000 (three 5 T·m magnets); length/field split: ASSUME-NA64MU-Z',
      }),
    ),
    tracker('BMS4', Z.BMS4, 'BMS'),
    tracker('BMS5', Z.BMS5, 'BMS'),
    tracker('BMS6', Z.BMS6, 'BMS'),
    tracker('ST5', Z.ST5, 'ST'),
    tracker('MM1', Z.MM1, 'MM'),
    tracker('MM2', Z.MM2, 'MM'),
    tracker('ST4', Z.ST4, 'ST'),
    tracker('MM3', Z.MM3, 'MM'),
    tracker('MM4', Z.MM4, 'MM'),
    ecalElement(
      xAt(Z.ECAL),
      Z.ECAL,
      cfg.ecalLayers,
      'Active target: the Pb/Sc shashlik ECAL (6×6 cells, ≈40 X0). A muon crosses it as a MIP; a dark boson radiated here carries away momentum: p_out < p_in with only a MIP in the calorimeters.',
      'seed 000 (ECAL active target); same stack as NA64e (seeds 003/004) — no NA64μ-specific source found',
    ),
    {
      id: 'VETO',
      label: 'VETO',
      role: 'veto',
      xMm: xAt(vetoZ),
      yMm: 0,
      zMm: vetoZ,
      widthMm: 550,
      heightMm: 550,
      lengthMm: vetoLength,
      stack: { absorber: SCINTILLATOR, active: SCINTILLATOR, absorberMm: 0, activeMm: VETO_SC_MM, layers: VETO_LAYERS },
      description:
        'Large high-efficiency veto counter: the muon leaves one MIP; charged secondaries of an interaction in the ECAL add more.',
      source: 'seed 000 (55×55 cm²); thickness: ASSUME-NA64MU-VETO',
    },
    {
      id: 'VHCAL',
      label: 'VHCAL',
      role: 'vhcal',
      xMm: xAt(vhcalZ),
      yMm: 0,
      zMm: vhcalZ,
      widthMm: VHCAL_CELLS * VHCAL_CELL_MM,
      heightMm: VHCAL_CELLS * VHCAL_CELL_MM,
      lengthMm: vhcalLength,
      cells: { nx: VHCAL_CELLS, ny: VHCAL_CELLS },
      hole: { widthMm: VHCAL_CELL_MM, heightMm: VHCAL_CELL_MM },
      stack: { absorber: COPPER, active: SCINTILLATOR, absorberMm: VHCAL_CU_MM, activeMm: VHCAL_SC_MM, layers: VHCAL_LAYERS },
      description:
        'Veto hadron calorimeter (Cu/Sc, 5 λ_int) with a hole for the beam: the muon passes through the hole; hadrons and photons from the ECAL at large angle are absorbed and seen.',
      source: 'seed 000 (5 λ_int Cu/Sc, hole in the middle); size, hole, layers: ASSUME-NA64MU-VHCAL',
    },
    tracker('MM5', mm5Z, 'MM'),
    tracker('MM6', mm6Z, 'MM'),
    tracker('MM7', mm7Z, 'MM'),
    {
      id: 'MS2',
      label: 'MS2 magnet',
      role: 'magnet',
      xMm: xAt(ms2Z),
      yMm: 0,
      zMm: ms2Z,
      widthMm: 500,
      heightMm: 400,
      lengthMm: MS2_MAGNET_LENGTH_MM,
      fieldT: MS2_FIELD_T,
      description:
        'Magnet of the outgoing-muon spectrometer MS2: the bend between MM5–7 and ST1/ST11 measures p_out (σ/p ≃ 4.4 %). A soft outgoing muon (p_out < 80 GeV) is the signature of missing momentum.',
      source: 'seed 000 (MS2, σp_out/p_out 4.4 %); field and length: ASSUME-NA64MU-Z',
    },
    tracker('ST1', st1Z, 'ST'),
    tracker('ST11', st11Z, 'ST11', HCAL_OFFSET_X_MM),
  ];
  for (let i = 0; i < cfg.hcalModules; i++) {
    const z = hcalZ0 + i * (hcalLength + Z.HCAL_BETWEEN);
    elements.push({
      id: `HCAL${i + 1}`,
      label: `HCAL${i + 1}`,
      role: 'hcal',
      xMm: xAt(z) + HCAL_OFFSET_X_MM,
      yMm: 0,
      zMm: z,
      widthMm: 1200,
      heightMm: 600,
      lengthMm: hcalLength,
      cells: { nx: 6, ny: 3 },
      stack: { absorber: IRON, active: SCINTILLATOR, absorberMm: HCAL_FE_MM, activeMm: HCAL_SC_MM, layers: HCAL_LAYERS },
      description:
        'Large hadron calorimeter module (Fe/Sc, ≈7.4 λ_I, 120×60 cm²) at the end: the muon must leave a MIP in its expected cell; anything else produced upstream is caught here (hermeticity).',
      source: 'seed 000 (two 120×60 cm² modules, λ_int ≃ 15 together); layers as NA64e (showers.md §3.2); cells: ASSUME-NA64MU-HCAL-CELL',
    });
  }

  const E = cfg.beamEnergyGeV;
  return {
    id: 'na64mu',
    name: 'NA64μ (160 GeV μ⁻, missing momentum)',
    beam: {
      particle: 'mu-',
      energyGeV: E,
      sigmaEOverE: 0.05,
      spotSigmaMm: 10,
      divergenceMrad: 0.1,
      hadronFraction: cfg.hadronFraction,
      hadronMix: { pion: 1 / 1.03, kaon: 0.03 / 1.03, antiproton: 0 },
      rateHz: 1.5e6,
      source:
        'seeds 000/004 (160 GeV μ⁻; π/μ ~ 1e-6, K/π ~ 0.03), seed 002 (1–2e6 μ/s in 2023; the 1.98e10 MOT of 2022 were taken at ~6e5 μ/s); momentum spread 5 %, spot σ 10 mm, divergence 0.1 mrad: ASSUME-NA64MU-BEAM',
    },
    elements,
    cuts: [
      {
        id: 'pileup',
        label: 'single muon in time',
        description: 'Timing: no second beam particle resolved in time within the ECAL window (rejects pile-up).',
        source: 'seed 000 ("single incoming muon"); window and resolution: ASSUME-PILEUP',
      },
      {
        id: 'pIn',
        label: `MS1: p_in ${E} ± ${Math.round((20 * E) / 160)} GeV`,
        description:
          'A single, kink-free incoming track in MS1 (BMS1–6, MM1–4, ST5/ST4) with reconstructed momentum within ±20 GeV of 160 GeV.',
        source: 'seed 000 (p_in 160 ± 20 GeV/c, single incoming muon in MS1); kink tolerance: ASSUME-NA64MU-KINK',
      },
      {
        id: 'ms2',
        label: 'single track in MS2',
        description:
          'One outgoing track reconstructed in MS2 inside its acceptance (MM5–7, ST1, ST11), with at most one hit per plane in MM5–7 and ST1.',
        source: 'seed 000 (single muon through MS2; at most one hit in MM5–7 and ST1)',
      },
      {
        id: 'veto',
        label: 'VETO: one MIP',
        description: 'VETO energy compatible with the single muon: E_VETO < E_MIP + threshold (the VETO-threshold parameter).',
        source: 'seed 000 (veto MIP-compatible)',
      },
      {
        id: 'vhcal',
        label: 'no VHCAL activity',
        description: 'No energy in the VHCAL above threshold: nothing left the ECAL at large angle.',
        source: 'seed 000 (calorimeters MIP-compatible; VHCAL against large-angle secondaries); threshold: ASSUME-NA64MU-VHCAL-THR',
      },
      {
        id: 'hcalMip',
        label: 'HCAL: MIP in expected cell',
        description:
          'The MS2 track extrapolated to the HCAL face hits it, and the HCAL energy is compatible with one MIP (no shower from upstream interactions).',
        source: 'seed 000 (HCAL deposit MIP-compatible in the expected cell); window: ASSUME-NA64MU-MIP-WINDOW',
      },
    ],
    // y window: MIP peak of E_ECAL + E_VHCAL + E_HCAL for 160 GeV muons (doc/model-na64mu.md, "signal box").
    defaultBox: { xMinGeV: 0, xMaxGeV: E / 2, yMinGeV: 2, yMaxGeV: 12 },
    axes: { xLabel: 'p_out (MS2) [GeV]', yLabel: 'E_ECAL + E_VHCAL + E_HCAL [GeV]', xMaxGeV: 200, yMaxGeV: 200 },
    defaultNOnTarget: 1.98e10,
    onTargetLabel: 'MOT',
    publishedBackground: { value: 0.07, error: 0.03, source: 'seed 000 / seed 002 (1.98e10 MOT)' },
  };
}
