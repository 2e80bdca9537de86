/**
 * NA64e invisible-mode setup at the CERN SPS H4 line (100 GeV e-).
 *
 * Sourced (seeds): two MBPL bending magnets with 7 T·m in total (seeds 001, 003); upstream
 * Micromegas (2) and downstream trackers MM/GEM/straw (seed 001 citing NIMA 881 (2018) 72); SRD
 * (seeds 000, 004); ECAL Pb/Sc shashlik 6×6 cells 38×38×490 mm³, 4 X0 preshower + 36 X0 (seeds 003,
 * 004); plastic-scintillator VETO (seed 004); HCAL 4 Fe/Sc modules, 30 λ_I in total, 3×3 cells
 * (seeds 001, 004); zero-degree HCAL0 (seed 004, PRL 123 121801 text).
 * Named assumptions (doc/model.md, "Geometry"): distances along z, magnet field/length split,
 * tracker material budgets and resolutions, VETO and HCAL cell sizes. The NA64 setup figures could
 * not be read; these are chosen to reproduce the published deflection and acceptance, not copied.
 */
import { IRON, LEAD, SCINTILLATOR } from '../materials';
import { BEND_CONSTANT_GEV_PER_T_M } from '../units';
import type { DetectorElement, Setup } from './types';

/** User-adjustable detector parameters of NA64e. */
export interface Na64eDetectorConfig {
  /** Nominal beam energy [GeV]; the downstream line is aligned for this energy. */
  beamEnergyGeV: number;
  /** Number of Pb/Sc layers in the ECAL (150 = 40.6 X0, showers.md §1.2). */
  ecalLayers: number;
  /** Number of HCAL modules (4 in the real setup, seed 004). */
  hcalModules: number;
  /** Beam hadron fraction (0.005 = 0.5 %, seed 000). */
  hadronFraction: number;
}

export const NA64E_DEFAULT_CONFIG: Na64eDetectorConfig = {
  beamEnergyGeV: 100,
  ecalLayers: 150,
  hcalModules: 4,
  hadronFraction: 0.005,
};

/** ECAL layer structure: 1.5 mm Pb + 1.5 mm Sc (showers.md §1.2 / §3.2, UNVERIFIED there; 150 layers = 40.6 X0). */
export const ECAL_PB_MM = 1.5;
export const ECAL_SC_MM = 1.5;
/** 15 preshower layers ≈ 4.06 X0 (showers.md §3.2, derived). */
export const ECAL_PRESHOWER_LAYERS = 15;
/** ECAL cell pitch [mm] (seed 003: cells 38×38×490 mm³). */
export const ECAL_CELL_MM = 38;
/** HCAL module: 48 × (25 mm Fe + 4 mm Sc) ≈ 7.4 λ_I (showers.md §3.2, derived). */
export const HCAL_FE_MM = 25;
export const HCAL_SC_MM = 4;
export const HCAL_LAYERS = 48;
/** HCAL cell pitch [mm] (named assumption ASSUME-HCAL-CELL: 3×3 cells of 194 mm). */
export const HCAL_CELL_MM = 194;

/**
 * The NA64 ECAL (Pb/Sc shashlik, 6×6 cells of 38 mm, preshower + main; seeds 003/004,
 * showers.md §1.2) as a detector element: upstream face at zMm, centred at xMm. Used by both setups.
 */
export function ecalElement(xMm: number, zMm: number, layers: number, description: string, source: string): DetectorElement {
  return {
    id: 'ECAL',
    label: 'ECAL',
    role: 'ecal',
    xMm,
    yMm: 0,
    zMm,
    widthMm: 6 * ECAL_CELL_MM,
    heightMm: 6 * ECAL_CELL_MM,
    lengthMm: layers * (ECAL_PB_MM + ECAL_SC_MM),
    cells: { nx: 6, ny: 6 },
    stack: { absorber: LEAD, active: SCINTILLATOR, absorberMm: ECAL_PB_MM, activeMm: ECAL_SC_MM, layers },
    preshowerLayers: Math.min(ECAL_PRESHOWER_LAYERS, layers),
    description,
    source,
  };
}

/** z positions [mm] (named assumption ASSUME-NA64E-Z: layout distances). */
const Z = {
  MM1: 0,
  MM2: 1000,
  MBPL1: 2000,
  MBPL2: 5000,
  MAGNET_LENGTH: 2000,
  MM3: 14000,
  MM4: 15000,
  GEM1: 16000,
  GEM2: 16500,
  ST1: 17000,
  ST2: 17500,
  MM5: 18000,
  MM6: 18500,
  SRD: 19200,
  ECAL: 20000,
  VETO_GAP: 60,
  HCAL_GAP: 100,
} as const;

/** Total field integral of the two MBPL magnets [T·m] (seeds 001, 003). */
export const NA64E_FIELD_INTEGRAL_TM = 7;

/**
 * Build the NA64e setup for a detector configuration. Throws RangeError for non-physical values
 * (validated earlier by the parameter schema; this is a second line of defence).
 */
export function buildNa64eSetup(cfg: Na64eDetectorConfig = NA64E_DEFAULT_CONFIG): Setup {
  if (!(cfg.ecalLayers >= 1 && cfg.hcalModules >= 0 && cfg.beamEnergyGeV > 0)) {
    throw new RangeError(`invalid NA64e configuration ${JSON.stringify(cfg)}`);
  }
  const fieldT = NA64E_FIELD_INTEGRAL_TM / 2 / (Z.MAGNET_LENGTH / 1000);
  // Deflection of the nominal beam; downstream detectors sit on the deflected line.
  const theta = (BEND_CONSTANT_GEV_PER_T_M * NA64E_FIELD_INTEGRAL_TM) / cfg.beamEnergyGeV;
  // Effective bend point: the middle of the two magnets (thin-lens approximation for placement only).
  const zBend = (Z.MBPL1 + Z.MBPL2 + Z.MAGNET_LENGTH) / 2;
  const xAt = (z: number) => (z > zBend ? theta * (z - zBend) : 0);

  const ecalLength = cfg.ecalLayers * (ECAL_PB_MM + ECAL_SC_MM);
  const vetoZ = Z.ECAL + ecalLength + Z.VETO_GAP;
  const vetoLength = 3 * 20;
  const hcalLength = HCAL_LAYERS * (HCAL_FE_MM + HCAL_SC_MM);
  const hcalZ0 = vetoZ + vetoLength + Z.HCAL_GAP;

  const tracker = (id: string, z: number, kind: 'MM' | 'GEM' | 'ST', upstream: boolean): DetectorElement => ({
    id,
    label: id,
    role: 'tracker',
    xMm: upstream ? 0 : xAt(z),
    yMm: 0,
    zMm: z,
    widthMm: kind === 'ST' ? 200 : 80,
    heightMm: kind === 'ST' ? 200 : 80,
    lengthMm: kind === 'ST' ? 30 : 10,
    x0Fraction: kind === 'ST' ? 0.004 : 0.003,
    resolutionMm: kind === 'ST' ? 0.2 : kind === 'GEM' ? 0.06 : 0.08,
    description:
      kind === 'MM'
        ? 'Micromegas tracking plane: measures the x/y position of the beam particle.'
        : kind === 'GEM'
          ? 'GEM tracking plane downstream of the magnets.'
          : 'Straw-tube chamber downstream of the magnets.',
    source: 'seed 001 (tracker types); size, material and resolution: assumption ASSUME-TRACKERS',
  });

  const elements: DetectorElement[] = [
    tracker('MM1', Z.MM1, 'MM', true),
    tracker('MM2', Z.MM2, 'MM', true),
    {
      id: 'MBPL1',
      label: 'MBPL1',
      role: 'magnet',
      xMm: 0,
      yMm: 0,
      zMm: Z.MBPL1,
      widthMm: 500,
      heightMm: 400,
      lengthMm: Z.MAGNET_LENGTH,
      fieldT,
      description:
        'Bending magnet MBPL: deflects the electron (θ = 0.3·B·L/p) so that the trackers measure its momentum, and makes it emit synchrotron radiation for the SRD.',
      source: 'seeds 001/003: two MBPL, 7 T·m in total; length/field split: ASSUME-NA64E-Z',
    },
    {
      id: 'MBPL2',
      label: 'MBPL2',
      role: 'magnet',
      xMm: 0,
      yMm: 0,
      zMm: Z.MBPL2,
      widthMm: 500,
      heightMm: 400,
      lengthMm: Z.MAGNET_LENGTH,
      fieldT,
      description: 'Second MBPL bending magnet (together 7 T·m).',
      source: 'seeds 001/003; ASSUME-NA64E-Z',
    },
    tracker('MM3', Z.MM3, 'MM', false),
    tracker('MM4', Z.MM4, 'MM', false),
    tracker('GEM1', Z.GEM1, 'GEM', false),
    tracker('GEM2', Z.GEM2, 'GEM', false),
    tracker('ST1', Z.ST1, 'ST', false),
    tracker('ST2', Z.ST2, 'ST', false),
    tracker('MM5', Z.MM5, 'MM', false),
    tracker('MM6', Z.MM6, 'MM', false),
    {
      id: 'SRD',
      label: 'SRD',
      role: 'srd',
      // Sits between the undeflected line and the deflected beam, catching the SR fan.
      xMm: xAt(Z.SRD) / 2 - 10,
      yMm: 0,
      zMm: Z.SRD,
      widthMm: Math.max(60, xAt(Z.SRD) - 60),
      heightMm: 60,
      lengthMm: 120,
      stack: { absorber: LEAD, active: SCINTILLATOR, absorberMm: 1, activeMm: 1, layers: 60 },
      description:
        'Synchrotron Radiation Detector: electrons bent in the MBPL magnets emit an SR photon fan (≈ MeV photons); hadrons and muons do not (SR ∝ 1/m⁴). Tags electrons, suppresses hadrons by ~1e-5.',
      source: 'seeds 000/004, NIMA 866 (2017) 196; position and size: ASSUME-NA64E-Z',
    },
    ecalElement(
      xAt(Z.ECAL),
      Z.ECAL,
      cfg.ecalLayers,
      'Active target: Pb/Sc shashlik calorimeter, 6×6 cells of 38×38 mm², a 4 X0 preshower followed by 36 X0. The electron showers here; missing energy = E_beam − E_ECAL − E_HCAL.',
      'seeds 003/004; layer structure showers.md §1.2',
    ),
    {
      id: 'VETO',
      label: 'VETO',
      role: 'veto',
      xMm: xAt(vetoZ),
      yMm: 0,
      zMm: vetoZ,
      widthMm: 500,
      heightMm: 500,
      lengthMm: vetoLength,
      stack: { absorber: SCINTILLATOR, active: SCINTILLATOR, absorberMm: 0, activeMm: 20, layers: 3 },
      description:
        'Plastic-scintillator VETO: any charged particle leaving the ECAL (muons, charged hadrons) fires it.',
      source: 'seed 004; size/thickness: ASSUME-VETO',
    },
  ];
  for (let i = 0; i < cfg.hcalModules; i++) {
    const z = hcalZ0 + i * (hcalLength + Z.HCAL_GAP);
    elements.push({
      id: `HCAL${i + 1}`,
      label: `HCAL${i + 1}`,
      role: 'hcal',
      xMm: xAt(z),
      yMm: 0,
      zMm: z,
      widthMm: 3 * HCAL_CELL_MM,
      heightMm: 3 * HCAL_CELL_MM,
      lengthMm: hcalLength,
      cells: { nx: 3, ny: 3 },
      stack: { absorber: IRON, active: SCINTILLATOR, absorberMm: HCAL_FE_MM, activeMm: HCAL_SC_MM, layers: HCAL_LAYERS },
      description:
        'Hadron calorimeter module (Fe/Sc, ≈7.4 λ_I): catches hadrons and muons leaving the ECAL; the four modules make the setup hermetic.',
      source: 'seeds 001/004 (4 modules, 30 λ_I); layers showers.md §3.2',
    });
  }
  elements.push({
    id: 'HCAL0',
    label: 'HCAL0',
    role: 'hcal0',
    xMm: 0,
    yMm: 0,
    zMm: hcalZ0,
    widthMm: HCAL_CELL_MM * 1.5,
    heightMm: HCAL_CELL_MM * 1.5,
    lengthMm: hcalLength,
    stack: { absorber: IRON, active: SCINTILLATOR, absorberMm: HCAL_FE_MM, activeMm: HCAL_SC_MM, layers: HCAL_LAYERS },
    description:
      'Zero-degree calorimeter on the undeflected beam line: detects hard neutrals from upstream interactions of the beam electron.',
    source: 'seed 004 (PRL 123 121801); position/size: ASSUME-NA64E-Z',
  });

  return {
    id: 'na64e',
    name: 'NA64e (100 GeV e⁻, missing energy)',
    beam: {
      particle: 'e-',
      energyGeV: cfg.beamEnergyGeV,
      sigmaEOverE: 0.01,
      spotSigmaMm: 15 / 2.3548,
      divergenceMrad: 0.1,
      hadronFraction: cfg.hadronFraction,
      hadronMix: { pion: 0.9, kaon: 0.08, antiproton: 0.02 },
      rateHz: 5e6,
      source:
        'seed 000 (σE/E 1 %, h/e 0.5 %, 5 MHz), seed 003 (spot 1.5 cm FWHM); divergence and hadron mix: ASSUME-BEAM',
    },
    elements,
    cuts: [
      {
        id: 'pileup',
        label: 'single particle in time',
        description: 'Timing: no second beam particle within the ECAL integration window (rejects pile-up, region III).',
        source: 'seed 004 (2016 selection: timing → pile-up suppression)',
      },
      {
        id: 'momentum',
        label: 'track 100 ± 3 GeV, small angle',
        description: 'Clean incoming track: single hit per tracker, momentum 100 ± 3 GeV, small angle to the beam axis.',
        source: 'seed 001 backup, PRL 123 121801 criterion (i)',
      },
      {
        id: 'srd',
        label: 'SRD tag',
        description: 'Energy in the SRD in the synchrotron-radiation range and in time: identifies the electron.',
        source: 'PRL 123 121801 criterion (ii); seed 004 (hadron suppression ~1e-5)',
      },
      {
        id: 'showerShape',
        label: 'EM shower shape',
        description: 'Preshower energy and lateral shape in the ECAL consistent with an electron shower.',
        source: 'PRL 123 121801 criterion (iii); seed 001',
      },
      {
        id: 'veto',
        label: 'no VETO',
        description: 'No charged particle in the VETO behind the ECAL.',
        source: 'seeds 001/004 criterion (iv)',
      },
      {
        id: 'hcal0',
        label: 'no HCAL0',
        description: 'No hard neutral in the zero-degree calorimeter HCAL0 (upstream interactions).',
        source: 'seed 004 (PRL 123 121801 text)',
      },
    ],
    defaultBox: { xMinGeV: 0, xMaxGeV: 50, yMinGeV: 0, yMaxGeV: 1 },
    axes: { xLabel: 'E_ECAL [GeV]', yLabel: 'E_HCAL [GeV]', xMaxGeV: 120, yMaxGeV: 120 },
    defaultNOnTarget: 9.37e11,
    onTargetLabel: 'EOT',
    publishedBackground: { value: 0.51, error: 0.13, source: 'seed 000 (9.37e11 EOT, 2016–2022)' },
  };
}
