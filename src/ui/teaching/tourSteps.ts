/**
 * The guided tour as data: what each step shows (setup, camera, applied cuts, highlighted region,
 * which real event of the run to select) and which parts of the page it explains (the dialog is
 * placed so as not to cover them). Texts are i18n keys tour.steps.<id>.title / .body.
 */
import type { CameraPreset } from '../../state/store';
import type { CutSpec, SetupId } from '../../physics/setups/types';
import type { EventQuery } from './eventFinder';

export type TourTarget = 'plot' | 'scene' | 'cutflow' | 'box' | 'event';

export type TourEvent =
  /** Select the first event of the run matching one of the queries (tried in order). */
  | { find: EventQuery[] }
  /** Select an event inside the current signal box (tried by process, in order). */
  | { inBox: EventQuery['process'][] }
  /** Keep the selection of the previous step. */
  | 'keep';

export interface TourStep {
  /** Key of the texts: tour.steps.<id> (cut steps use tour.cut with the cut's own texts). */
  id: string;
  setup: SetupId;
  targets: TourTarget[];
  camera?: CameraPreset;
  /** Cuts applied while the step is shown (number of the setup's cuts, in order). */
  cuts?: number;
  /** Region highlighted on the plot (null: none). */
  region?: string | null;
  /** Highlight the signal box. */
  box?: boolean;
  event: TourEvent;
  /** Cut steps: which cut (0-based) and its id. */
  cut?: { index: number; id: string };
  /** The dark-photon step (simulates the signal when the option exists). */
  darkPhoton?: boolean;
}

const CLEAN_ELECTRON: EventQuery[] = [
  { process: 'em', passesAllCuts: true, where: (x, y) => Math.abs(x - 100) < 2 && y < 0.05 },
  { process: 'em', where: (x) => Math.abs(x - 100) < 5 },
  { process: 'em' },
];

/** The steps of the tour (NA64e; NA64μ steps appended when that setup is offered). */
export function buildTour(na64eCuts: readonly Pick<CutSpec, 'id'>[], withNa64mu: boolean): TourStep[] {
  const n = na64eCuts.length;
  const steps: TourStep[] = [
    { id: 'welcome', setup: 'na64e', targets: [], camera: 'overview', cuts: 0, region: null, event: 'keep' },
    { id: 'beam', setup: 'na64e', targets: ['scene'], camera: 'side', cuts: 0, region: null, event: { find: CLEAN_ELECTRON } },
    { id: 'shower', setup: 'na64e', targets: ['scene'], camera: 'ecal', cuts: 0, region: null, event: 'keep' },
    { id: 'plot', setup: 'na64e', targets: ['plot'], camera: 'overview', cuts: 0, region: null, event: 'keep' },
    { id: 'spot', setup: 'na64e', targets: ['plot', 'scene'], camera: 'ecal', cuts: 0, region: 'spot', event: { find: CLEAN_ELECTRON } },
    {
      id: 'regionI',
      setup: 'na64e',
      targets: ['plot', 'scene'],
      camera: 'overview',
      cuts: 0,
      region: 'I',
      event: {
        find: [
          { process: 'dimuon', where: (x, y) => y > 7 && y < 13 && x > 60 },
          { process: 'dimuon', where: (_x, y) => y > 2 },
          { process: 'dimuon' },
        ],
      },
    },
    {
      id: 'regionII',
      setup: 'na64e',
      targets: ['plot', 'scene'],
      camera: 'overview',
      cuts: 0,
      region: 'II',
      event: {
        find: [
          { process: 'hadron-electroproduction', where: (x, y) => x > 30 && x < 75 && Math.abs(x + y - 100) < 8 },
          { process: 'hadron-electroproduction', where: (x, y) => y > 3 && Math.abs(x + y - 100) < 10 },
          { process: 'hadron-electroproduction' },
        ],
      },
    },
    {
      id: 'regionIII',
      setup: 'na64e',
      targets: ['plot', 'scene'],
      camera: 'overview',
      cuts: 0,
      region: 'III',
      event: {
        find: [
          { process: 'pile-up', where: (x, y) => x + y > 125 && y > 10 && x < 110 },
          { process: 'pile-up', where: (x, y) => x + y > 115 },
          { process: 'pile-up' },
        ],
      },
    },
    {
      id: 'box',
      setup: 'na64e',
      targets: ['plot', 'box'],
      camera: 'overview',
      cuts: 0,
      region: null,
      box: true,
      event: { inBox: ['upstream-interaction', 'beam-decay', 'punch-through', 'beam-hadron', 'hadron-electroproduction', 'dimuon', 'em', 'pile-up'] },
    },
    ...na64eCuts.map(
      (c, i): TourStep => ({
        id: `cut-${c.id}`,
        setup: 'na64e',
        targets: ['plot', 'cutflow'],
        camera: 'overview',
        cuts: i + 1,
        region: null,
        box: true,
        event: 'keep',
        cut: { index: i, id: c.id },
      }),
    ),
    { id: 'result', setup: 'na64e', targets: ['plot', 'box'], camera: 'overview', cuts: n, region: null, box: true, event: 'keep' },
    {
      id: 'darkPhoton',
      setup: 'na64e',
      targets: ['plot', 'box'],
      camera: 'ecal',
      cuts: n,
      region: null,
      box: true,
      event: {
        find: [
          { process: 'signal', passesAllCuts: true, where: (x, y) => x > 5 && x < 40 && y < 0.5 },
          { process: 'signal', where: (x, y) => x < 50 && y < 1 },
          { process: 'signal' },
        ],
      },
      darkPhoton: true,
    },
  ];
  if (withNa64mu) {
    steps.push(
      { id: 'muIntro', setup: 'na64mu', targets: ['scene'], camera: 'side', cuts: 0, region: null, event: { find: [{ process: 'muon', passesAllCuts: true }, { process: 'muon' }] } },
      // regions of the NA64μ plot (x = p_out, y = E_ECAL + E_VHCAL + E_HCAL), as drawn in plots/regions.ts
      {
        id: 'muA',
        setup: 'na64mu',
        targets: ['plot', 'scene'],
        camera: 'overview',
        cuts: 0,
        region: 'A',
        event: { find: [{ process: 'muon', where: (x, y) => x > 140 && x < 180 && y < 12 }, { process: 'muon' }] },
      },
      {
        id: 'muB',
        setup: 'na64mu',
        targets: ['plot', 'scene'],
        camera: 'overview',
        cuts: 0,
        region: 'B',
        event: {
          find: [
            { process: 'muon-brems', where: (x, y) => x < 100 && y > 12 && x + y > 135 && x + y < 185 },
            { process: 'muon-brems', where: (x) => x < 130 },
            { process: 'muon-brems' },
          ],
        },
      },
      {
        id: 'muC',
        setup: 'na64mu',
        targets: ['plot', 'scene'],
        camera: 'overview',
        cuts: 0,
        region: 'C',
        event: { find: [{ process: 'muon-nuclear', where: (x, y) => x >= 130 && y > 30 }, { process: 'muon-nuclear' }] },
      },
      {
        id: 'muD',
        setup: 'na64mu',
        targets: ['plot', 'scene'],
        camera: 'overview',
        cuts: 0,
        region: 'D',
        event: {
          find: [
            { process: 'muon-nuclear', where: (x, y) => x < 120 && y > 12 && x + y < 130 },
            { process: 'muon-nuclear', where: (x) => x < 130 },
            { process: 'muon-nuclear' },
          ],
        },
      },
    );
  }
  steps.push({ id: 'end', setup: withNa64mu ? 'na64mu' : 'na64e', targets: [], cuts: 0, region: null, event: 'keep' });
  return steps;
}
