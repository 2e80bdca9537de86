/**
 * Published NA64 limit curves to draw beside the simulated ones. Only points that could be traced to
 * a public source are included; each curve says where its numbers come from and how they were
 * obtained. Nothing here is invented: where no source was found the point list is empty.
 *
 * 1. NA64e 2016–2018, 2.84e11 EOT, ε(m_A′) at 90 % CL: D. Banerjee et al. (NA64), "Dark matter search
 *    in missing energy events with NA64", PRL 123 (2019) 121801, arXiv:1906.00176, Fig. 3 (blue curve
 *    "NA64"). Digitised by the DARKCAST authors (P. Ilten, Y. Soreq, M. Williams, W. Xue, JHEP 06
 *    (2018) 004, arXiv:1801.04847), file `limits/NA64_NA642019imj.lmt` of DARKCAST ("extracted from
 *    figure 3 (blue curve labeled NA64)", read in a public copy of the DARKCAST repository). We keep
 *    22 of its 95 points (every ~4th, log-spaced in mass), unchanged.
 * 2. NA64e 2016–2022, 9.37e11 EOT, y(m_χ) at 90 % CL: the "NA64e⁻ 2022" curve of the NA64 input to the
 *    European Strategy update (2025), as provided by P. Crivelli to the ESPP 2026 physics preparatory
 *    group (public repository ESPP2026-PPG/Quasi-elastic-DM, file data/Constraints_BC2_NA64e-2022.csv,
 *    columns m_χ [GeV], y). The file does not state α_D; the repository's README gives the convention
 *    "α_D = 0.1 and m_χ = m_A′/3", used here (consistent within 20 % with curve 1 scaled by
 *    sqrt(2.84/9.37); α_D = 0.5 would be off by ×2 in ε). We keep 31 of its 108 points, unchanged;
 *    the data behind it are those of PRL 131 (2023) 161801 (2016–2022 runs), which we could not read.
 * 3. NA64μ Z′ (L_μ − L_τ), PRL 132 (2024) 211803: no digitised points or HEPData record could be found
 *    here (the muons sheet §3.3 marks them UNVERIFIED) → empty.
 * No HEPData record of these papers was accessible.
 */

export interface PublishedCurve<P> {
  id: string;
  label: string;
  /** Paper (and figure) the curve belongs to. */
  reference: string;
  /** How the points were obtained. */
  digitization: string;
  /** Particles on target of the result. */
  nOnTarget: number | null;
  /** α_D and m_χ/m_A′ the curve assumes (y curves). */
  alphaD?: number;
  mChiOverMA?: number;
  points: readonly P[];
  notes: string;
}

/** ε(m_A′) points. */
export interface EpsilonPoint {
  massMeV: number;
  epsilon: number;
}

/** y(m_χ) points. */
export interface YPoint {
  mChiMeV: number;
  y: number;
}

/** g_Z′(m_Z′) points. */
export interface GPoint {
  massMeV: number;
  gZprime: number;
}

const eps = (rows: [number, number][]): EpsilonPoint[] => rows.map(([mGeV, e]) => ({ massMeV: mGeV * 1000, epsilon: e }));
const ys = (rows: [number, number][]): YPoint[] => rows.map(([mGeV, y]) => ({ mChiMeV: mGeV * 1000, y }));

export const NA64E_2019_EPSILON: PublishedCurve<EpsilonPoint> = {
  id: 'na64e-2019',
  label: 'NA64e 2016–2018 (2.84e11 EOT), PRL 123 121801',
  reference: 'D. Banerjee et al. (NA64), PRL 123 (2019) 121801, arXiv:1906.00176, Fig. 3',
  digitization: 'DARKCAST (arXiv:1801.04847) file limits/NA64_NA642019imj.lmt, extracted from Fig. 3; 22 of 95 points kept',
  nOnTarget: 2.84e11,
  points: eps([
    [1.0e-3, 7.544e-6],
    [1.506e-3, 8.485e-6],
    [2.0517e-3, 1.0022e-5],
    [3.1826e-3, 1.3364e-5],
    [4.0392e-3, 1.5887e-5],
    [5.1703e-3, 1.9183e-5],
    [7.2547e-3, 2.5184e-5],
    [1.026e-2, 3.3762e-5],
    [1.46e-2, 4.6174e-5],
    [2.0888e-2, 6.445e-5],
    [3.0028e-2, 9.1937e-5],
    [3.9532e-2, 1.2184e-4],
    [5.2136e-2, 1.6372e-4],
    [7.5512e-2, 2.4817e-4],
    [9.9675e-2, 3.448e-4],
    [1.44e-1, 5.4679e-4],
    [2.0704e-1, 8.8963e-4],
    [2.9587e-1, 1.4846e-3],
    [3.8514e-1, 2.2164e-3],
    [5.0003e-1, 3.3573e-3],
    [7.074e-1, 5.9807e-3],
    [1.0056, 1.098e-2],
  ]),
  notes: 'Invisible A′ (Br(A′ → χχ̄) ≈ 1); the ε limit does not depend on α_D.',
};

export const NA64E_2022_Y: PublishedCurve<YPoint> = {
  id: 'na64e-2022-y',
  label: 'NA64e 2016–2022 (9.37e11 EOT), y for α_D = 0.1',
  reference: 'NA64 input to the European Strategy update 2025 ("NA64e⁻ 2022" curve); data of PRL 131 (2023) 161801',
  digitization: 'ESPP2026-PPG/Quasi-elastic-DM data/Constraints_BC2_NA64e-2022.csv (provided by P. Crivelli); 31 of 108 points kept',
  nOnTarget: 9.37e11,
  alphaD: 0.1,
  mChiOverMA: 1 / 3,
  points: ys([
    [0.0010345907770658936, 1.0679181504079023e-13],
    [0.0020723733180546275, 2.9260980498378363e-13],
    [0.0031520377059782037, 5.515463500412535e-13],
    [0.004168761142262396, 9.378498066022654e-13],
    [0.005146697293063934, 1.3619404332428047e-12],
    [0.007270506009050576, 2.3595544271245885e-12],
    [0.010342076311565786, 4.5017693060113575e-12],
    [0.014647517914437542, 8.2484422256792e-12],
    [0.021070054028092682, 1.9096249005633934e-11],
    [0.03084838180161494, 4.4387680786471565e-11],
    [0.040798856914796046, 8.067131341408233e-11],
    [0.050316416265986375, 1.2714245119243347e-10],
    [0.062054232331540185, 1.8635577302742833e-10],
    [0.066546513878852, 1.770307854267073e-10],
    [0.06979449216745666, 1.4274085658285464e-10],
    [0.07227666459208627, 8.355996376821653e-11],
    [0.07390199498721993, 4.4775680332469524e-11],
    [0.07815185376270004, 2.3973629824449556e-11],
    [0.08438905490454461, 3.7818080634375114e-11],
    [0.08913736846910558, 6.275079005323519e-11],
    [0.09402409283685434, 1.2522159738847542e-10],
    [0.09898984896143839, 3.0065937807854774e-10],
    [0.10450540579975187, 6.026409666263387e-10],
    [0.11761393455594561, 1.2725950035631144e-9],
    [0.1398968653483926, 1.8752352616947407e-9],
    [0.1677353693754715, 3.5142435679963626e-9],
    [0.20360467294259563, 6.597741376044606e-9],
    [0.24714443351101267, 1.2266778799232938e-8],
    [0.2971493308721603, 2.3164923626004158e-8],
    [0.36880424249634863, 5.3642825077444414e-8],
    [0.4254841975694665, 9.785926092057832e-8],
  ]),
  notes:
    'The dip near m_χ ≈ 75 MeV (m_A′ ≈ 225 MeV) is the resonant annihilation of shower positrons (E_R ≈ 50 GeV). α_D = 0.1 is the repository convention, not stated in the file.',
};

export const NA64MU_2024_ZPRIME: PublishedCurve<GPoint> = {
  id: 'na64mu-2024-zprime',
  label: 'NA64μ 2022 (1.98e10 MOT), PRL 132 211803',
  reference: 'Yu. M. Andreev et al. (NA64), PRL 132 (2024) 211803, arXiv:2401.01708',
  digitization: 'none: no digitised points or HEPData record were available',
  nOnTarget: 1.98e10,
  points: [],
  notes: 'Left empty on purpose (muons sheet §3.3: numeric g_Z′ limits UNVERIFIED). Draw the simulated curve and the (g−2)_μ band only.',
};

/** All published curves. */
export const PUBLISHED_CURVES = { NA64E_2019_EPSILON, NA64E_2022_Y, NA64MU_2024_ZPRIME } as const;

/** ε(m_A′) of a published y curve: ε = sqrt(y/(α_D (m_χ/m_A′)⁴)), m_A′ = m_χ/(m_χ/m_A′). */
export function epsilonPointsOfY(curve: PublishedCurve<YPoint>): EpsilonPoint[] {
  const a = curve.alphaD ?? 0.1;
  const r = curve.mChiOverMA ?? 1 / 3;
  return curve.points.map((p) => ({ massMeV: p.mChiMeV / r, epsilon: Math.sqrt(p.y / (a * r ** 4)) }));
}
