import { describe, expect, it } from 'vitest';
import { tableFromIPC, Type } from 'apache-arrow';
import { DEFAULT_PARAMS } from '../physics/params';
import { Simulator } from '../physics/run';
import { processLabel } from '../physics/processes';
import { runToArrow } from './exportArrow';

describe('Arrow export', () => {
  it('round-trips a run through the IPC file format with typed columns and metadata', () => {
    const params = { ...DEFAULT_PARAMS.na64e, events: 800, seed: 11 };
    const sim = new Simulator(params);
    const c = sim.simulateChunk(0, 800);
    const bytes = runToArrow(sim.setup, c, params);
    // the Arrow file magic at both ends
    expect(new TextDecoder().decode(bytes.slice(0, 6))).toBe('ARROW1');
    const t = tableFromIPC(bytes);
    expect(t.numRows).toBe(800);
    const typeOf = (name: string) => t.schema.fields.find((f) => f.name === name)!.type;
    expect(typeOf('eventIndex').typeId).toBe(Type.Int);
    expect(String(typeOf('process'))).toBe('Uint8');
    expect(String(typeOf('weight'))).toBe('Float64');
    expect(String(typeOf('eEcalGeV'))).toBe('Float32');
    expect(String(typeOf('cutBits'))).toBe('Uint16');
    expect(typeOf('processLabel').typeId).toBe(Type.Dictionary);
    expect(typeOf('passesCuts').typeId).toBe(Type.Bool);
    expect(t.getChild('eEcalGeV')!.toArray()).toEqual(c.eEcalGeV);
    expect(t.getChild('eHcalGeV')!.toArray()).toEqual(c.eHcalGeV);
    expect(t.getChild('weight')!.toArray()).toEqual(c.weight);
    expect(t.getChild('cutBits')!.toArray()).toEqual(c.cutBits);
    expect(t.getChild('eventIndex')!.get(799)).toBe(799);
    expect(t.getChild('processLabel')!.get(3)).toBe(processLabel(c.process[3]));
    const all = (1 << sim.setup.cuts.length) - 1;
    expect(t.getChild('passesCuts')!.get(5)).toBe((c.cutBits[5] & all) === all);
    expect(t.schema.metadata.get('setup')).toBe('na64e');
    expect(JSON.parse(t.schema.metadata.get('params')!)).toEqual(params);
    expect(JSON.parse(t.schema.metadata.get('cuts')!)).toEqual(sim.setup.cuts.map((k) => k.id));
  });
});
