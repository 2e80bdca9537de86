/**
 * Running events: a chunk of summaries (typed columns) or one event in full detail, for any setup.
 * Event i of a run always uses the random stream (seed, i), so chunking and the number of workers
 * never change results, and the detail of event i reproduces its summary numbers exactly.
 */
import { allocateColumns, type RunColumns } from './columns';
import type { EventDetail } from './detail';
import { DetailRecorder, EventOut } from './eventOut';
import { makeNa64eContext, type Na64eContext } from './na64e/context';
import { simulateNa64eEvent } from './na64e/event';
import { attachDetailRng } from './na64e/beamline';
import { makeNa64muContext, type Na64muContext } from './na64mu/context';
import { simulateNa64muEvent } from './na64mu/event';
import type { RunParams } from './params';
import { Rng } from './rng';
import type { Setup } from './setups/types';
import { GeV } from './units';

/** A setup's simulation model: context built once per run, one event at a time. */
export interface SetupModel<C> {
  makeContext(params: RunParams): C;
  setupOf(ctx: C): Setup;
  simulate(ctx: C, rng: Rng, out: EventOut): void;
}

const na64eModel: SetupModel<Na64eContext> = {
  makeContext: makeNa64eContext,
  setupOf: (c) => c.setup,
  simulate: simulateNa64eEvent,
};

const na64muModel: SetupModel<Na64muContext> = {
  makeContext: makeNa64muContext,
  setupOf: (c) => c.setup,
  simulate: simulateNa64muEvent,
};

const models: Record<string, SetupModel<unknown>> = {
  na64e: na64eModel as SetupModel<unknown>,
  na64mu: na64muModel as SetupModel<unknown>,
};

/** Register another setup's model (NA64mu, POKER, visible mode). */
export function registerModel<C>(id: string, model: SetupModel<C>): void {
  models[id] = model as SetupModel<unknown>;
}

function modelOf(params: RunParams): SetupModel<unknown> {
  const m = models[params.setup];
  if (!m) throw new Error(`no simulation model for setup '${params.setup}'`);
  return m;
}

/** A prepared run: reuse it for many chunks (context construction costs milliseconds). */
export class Simulator {
  readonly params: RunParams;
  readonly setup: Setup;
  private readonly model: SetupModel<unknown>;
  private readonly ctx: unknown;
  private readonly rng = new Rng();
  private readonly out = new EventOut();

  constructor(params: RunParams) {
    this.params = params;
    this.model = modelOf(params);
    this.ctx = this.model.makeContext(params);
    this.setup = this.model.setupOf(this.ctx);
  }

  /** The process table: true probability p per particle on target, sampling probability q, weight w = p/q. */
  processTable(): { label: string; code: number; p: number; q: number; w: number }[] {
    const cats = (this.ctx as { categories?: { label: string; code: number; p: number; q: number; w: number }[] }).categories ?? [];
    return cats.map((c) => ({ label: c.label, code: c.code, p: c.p, q: c.q, w: c.w }));
  }

  /** Simulate events [start, start+count) into new columns. */
  simulateChunk(start: number, count: number): RunColumns {
    const cols = allocateColumns(count, start);
    const out = this.out;
    out.detail = null;
    for (let k = 0; k < count; k++) {
      this.rng.reset(this.params.seed, start + k);
      this.model.simulate(this.ctx, this.rng, out);
      cols.process[k] = out.process;
      cols.weight[k] = out.weight;
      cols.pInGeV[k] = out.pInMeV / GeV;
      cols.pOutGeV[k] = out.pOutMeV / GeV;
      cols.eEcalGeV[k] = out.eEcalMeV / GeV;
      cols.eHcalGeV[k] = out.eHcalMeV / GeV;
      cols.eVetoGeV[k] = out.eVetoMeV / GeV;
      cols.eSrdGeV[k] = out.eSrdMeV / GeV;
      cols.eVhcalGeV[k] = out.eVhcalMeV / GeV;
      cols.cutBits[k] = out.cutBits;
    }
    return cols;
  }

  /** Re-simulate event `index` in full detail. */
  simulateDetail(index: number): EventDetail {
    const out = new EventOut();
    const rec = new DetailRecorder();
    attachDetailRng(rec, new Rng(this.params.seed, index, 1));
    out.detail = rec;
    const rng = new Rng(this.params.seed, index);
    this.model.simulate(this.ctx, rng, out);
    const allBits = (1 << this.setup.cuts.length) - 1;
    return rec.toDetail({
      setupId: this.setup.id,
      seed: this.params.seed,
      eventIndex: index,
      process: out.process,
      weight: out.weight,
      measured: {
        pInGeV: out.pInMeV / GeV,
        pOutGeV: out.pOutMeV / GeV,
        eEcalGeV: out.eEcalMeV / GeV,
        eHcalGeV: out.eHcalMeV / GeV,
        eVetoGeV: out.eVetoMeV / GeV,
        eSrdGeV: out.eSrdMeV / GeV,
        eVhcalGeV: out.eVhcalMeV / GeV,
        ePreshowerGeV: out.ePreshowerMeV / GeV,
        eHcal0GeV: out.eHcal0MeV / GeV,
      },
      cutsPassed: this.setup.cuts.map((_, k) => ((out.cutBits & allBits) >> k) % 2 === 1),
    });
  }
}
