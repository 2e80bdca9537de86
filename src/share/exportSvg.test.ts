import { describe, expect, it } from 'vitest';
import { analyse } from '../analysis/analysis';
import { DEFAULT_PARAMS } from '../physics/params';
import { Simulator } from '../physics/run';
import { NA64E_REGIONS } from '../ui/plots/regions';
import { hermeticitySvg, labelTspans } from './exportSvg';

/** Minimal well-formedness check: every tag closed in order, attributes quoted. */
function checkXml(s: string): void {
  const stack: string[] = [];
  const re = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>/g;
  let last = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const between = s.slice(last, m.index);
    if (between.includes('<') || between.includes('>')) throw new Error(`stray markup near ${between.slice(0, 60)}`);
    last = re.lastIndex;
    if (m[1]) {
      const open = stack.pop();
      if (open !== m[2]) throw new Error(`</${m[2]}> closes <${open}>`);
    } else if (!m[4]) stack.push(m[2]);
  }
  if (stack.length) throw new Error(`unclosed <${stack.join('>, <')}>`);
}

describe('SVG export of the hermeticity plot', () => {
  const params = { ...DEFAULT_PARAMS.na64e, events: 4000, seed: 2 };
  const sim = new Simulator(params);
  const a = analyse(sim.setup, sim.simulateChunk(0, 4000), 0);

  it('is a self-contained, well-formed SVG with axes, labels, density, markers, box and legend', () => {
    const svg = hermeticitySvg({
      analysis: a,
      axes: sim.setup.axes,
      box: { xMinGeV: 0, xMaxGeV: 50, yMinGeV: 0, yMaxGeV: 1 },
      selected: { eventIndex: 17, xGeV: 99, yGeV: 0.1 },
      regions: NA64E_REGIONS,
      title: 'NA64e — hermeticity plot',
      subtitle: 'seed 2, 4000 events',
      boxLabel: '3 events in box',
    });
    checkXml(svg);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="720" viewBox="0 0 1280 720"')).toBe(true);
    expect(svg).not.toMatch(/href=|url\((?!#)/); // nothing external
    expect(svg).not.toMatch(/NaN|undefined/);
    expect(svg).toContain('>ECAL</tspan>');
    expect(svg).toContain('>HCAL</tspan>');
    expect(svg).toContain('data-layer="density"');
    expect(svg).toMatch(/<g data-layer="density"[^>]*>|data-layer="density"><rect /);
    expect(svg).toMatch(/<circle cx=/);
    expect(svg).toContain('data-layer="signal-box"');
    expect(svg).toContain('3 events in box');
    expect(svg).toContain('event #17');
    expect(svg).toContain('events / bin');
    expect(svg).toContain('EM shower');
  });

  it('draws its own words in the language the caller gives (title, legend, colour bar, event, regions)', () => {
    const svg = hermeticitySvg({
      analysis: a,
      axes: sim.setup.axes,
      box: sim.setup.defaultBox,
      selected: { eventIndex: 17, xGeV: 99, yGeV: 0.1 },
      regions: NA64E_REGIONS,
      title: "NA64e — diagramme d'herméticité",
      subtitle: 'graine 2, 4 000 événements',
      text: {
        colorbarTitle: 'événements / case',
        legendHeading: 'Processus (événements)',
        signalBox: 'boîte de signal',
        selectedEvent: (i) => `événement n° ${i}`,
        processName: (code) => `processus ${code}`,
        regionLabel: (r) => `région ${r.id}`,
      },
    });
    checkXml(svg);
    expect(svg).toContain('<title>NA64e — diagramme d&apos;herméticité</title>');
    expect(svg).toContain('graine 2, 4 000 événements');
    for (const s of ['événements / case', 'Processus (événements)', 'boîte de signal', 'événement n° 17', 'processus 0', 'région I']) expect(svg).toContain(s);
    for (const s of ['events / bin', 'Processes (events)', 'signal box', 'event #17', 'EM shower']) expect(svg).not.toContain(s);
  });

  it('can be sized in pixels independently of its layout (for the 3840×2160 PNG)', () => {
    const svg = hermeticitySvg({ analysis: a, axes: sim.setup.axes, box: sim.setup.defaultBox, pixelWidth: 3840, pixelHeight: 2160 });
    expect(svg).toMatch(/^<svg [^>]*width="3840" height="2160" viewBox="0 0 1280 720"/);
    checkXml(svg);
  });

  it('writes subscripts as tspans and escapes markup', () => {
    expect(labelTspans('E_ECAL [GeV]')).toBe('<tspan>E</tspan><tspan dy="0.3em" font-size="75%">ECAL</tspan><tspan dy="-0.3em"> [GeV]</tspan>');
    expect(labelTspans('a<b & c')).toBe('<tspan>a&lt;b &amp; c</tspan>');
  });
});
