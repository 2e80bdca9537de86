/**
 * Every translation key the code uses exists, in all four languages, with the parameters its
 * strings need: the keys of the event detail emitted by the physics core (story sentences, truth
 * labels and text values, collected from simulated events of every process and by reading the
 * sources), the literal keys of t() calls in the UI, the published-curve texts and the parameter
 * validation messages. (i18n.test.ts checks that fr/de/it have exactly the keys and placeholders of en.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInstance, type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import fr from './locales/fr.json';
import de from './locales/de.json';
import it_ from './locales/it.json';
import { addEventFormatters, lineText, truthLabel, truthLines, truthValueText } from './eventText';
import { paramFieldName, paramIssueText } from './paramText';
import type { EventDetail, TextLine } from '../physics/detail';
import { DEFAULT_PARAMS, ParamsError, parseRunParams, runParamsSchema, type RunParams } from '../physics/params';
import { PROCESSES } from '../physics/processes';
import { Simulator } from '../physics/run';
import { MECHANISM_TEXT } from '../physics/darkSector/signalModel';
import { PUBLISHED_CURVES } from '../physics/darkSector/published';

type Tree = { [k: string]: string | Tree };
const LOCALES: Record<string, Tree> = { en, fr, de, it: it_ };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function leaves(t: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [k, v] of Object.entries(t)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else leaves(v, key, out);
  }
  return out;
}
const LEAVES = Object.fromEntries(Object.entries(LOCALES).map(([code, tree]) => [code, leaves(tree)]));
const EN = LEAVES.en;
const EN_BASE = new Set([...EN.keys()].map((k) => k.replace(PLURAL, '')));
const has = (key: string) => EN.has(key) || EN_BASE.has(key);
const names = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*(?:,\s*\w+\s*)?\}\}/g)].map((m) => m[1]);

const ts = Object.fromEntries(
  Object.entries(LOCALES).map(([code, tree]) => {
    const inst = createInstance();
    void inst.init({ resources: { [code]: { translation: tree } }, lng: code, interpolation: { escapeValue: false }, initAsync: false, showSupportNotice: false });
    addEventFormatters(inst);
    return [code, inst.t];
  }),
) as Record<string, TFunction>;

/** A line's key exists, its parameters fill every placeholder in every language, and it renders. */
function checkLine(line: TextLine, where: string) {
  expect(has(line.key), `${where}: missing key ${line.key}`).toBe(true);
  for (const code of Object.keys(LOCALES)) {
    const s = LEAVES[code].get(line.key) ?? '';
    for (const n of names(s)) expect(line.params && n in line.params, `${where}: ${code} ${line.key} needs {{${n}}}`).toBe(true);
    const text = lineText(ts[code], line);
    expect(text, `${where}: ${code} ${line.key}`).not.toMatch(/\{\{|undefined|NaN/);
    expect(text).not.toBe(line.key);
  }
  for (const [k, v] of Object.entries(line.params ?? {})) {
    if (k === 'kind') expect(has(`particles.${v}`), `${where}: no particles.${v}`).toBe(true);
    if (k === 'daughters') for (const p of String(v).split(' ')) expect(has(`particles.${p}`), `${where}: no particles.${p}`).toBe(true);
  }
}

function checkDetail(d: EventDetail, where: string) {
  expect(d.story.length, `${where}: empty story`).toBeGreaterThan(0);
  for (const l of d.story) checkLine(l, `${where} story`);
  for (const [k, v] of Object.entries(d.truth)) {
    expect(has(`truth.${k}`), `${where}: missing truth.${k}`).toBe(true);
    for (const l of truthLines(v)) checkLine(l, `${where} truth.${k}`);
    for (const code of Object.keys(LOCALES)) {
      expect(truthLabel(ts[code], k)).toBe(LEAVES[code].get(`truth.${k}`));
      expect(truthValueText(ts[code], code, v)).not.toMatch(/\{\{|undefined|\[object/);
    }
  }
}

/** Detail of up to `perProcess` events of every process code that occurs in a run. */
function detailsOf(params: RunParams, perProcess: number): [string, EventDetail][] {
  const sim = new Simulator(params);
  const cols = sim.simulateChunk(0, params.events);
  const seen = new Map<number, number>();
  const out: [string, EventDetail][] = [];
  for (let i = 0; i < cols.n; i++) {
    const p = cols.process[i];
    const k = seen.get(p) ?? 0;
    if (k >= perProcess) continue;
    seen.set(p, k + 1);
    out.push([`${params.setup} event ${i} (${PROCESSES[p]?.label})`, sim.simulateDetail(i)]);
  }
  return out;
}

describe('keys of the event detail', () => {
  const runs: RunParams[] = [
    { ...DEFAULT_PARAMS.na64e, events: 6000, seed: 3 },
    { ...DEFAULT_PARAMS.na64e, events: 3000, seed: 4, signal: { model: 'aprime', massMeV: 20, coupling: 1e-4, fraction: 0.3 } },
    { ...DEFAULT_PARAMS.na64e, events: 3000, seed: 5, signal: { model: 'aprime', massMeV: 225, coupling: 1e-4, fraction: 0.3 } },
    { ...DEFAULT_PARAMS.na64mu, events: 6000, seed: 3 },
    { ...DEFAULT_PARAMS.na64mu, events: 3000, seed: 4, signal: { model: 'zprime', massMeV: 100, coupling: 1e-3, fraction: 0.3 } },
  ];
  it('simulated events of every process: story and truth keys exist with their parameters in all languages', () => {
    const processes = new Set<string>();
    const keys = new Set<string>();
    for (const params of runs) {
      for (const [where, d] of detailsOf(params, 6)) {
        processes.add(`${params.setup}/${PROCESSES[d.process]?.label}`);
        for (const l of d.story) keys.add(l.key);
        checkDetail(d, where);
      }
    }
    // the runs reach every process of both setups (so every generator branch wrote its story)
    expect(processes.size).toBeGreaterThanOrEqual(16);
    expect(keys.size).toBeGreaterThanOrEqual(20);
  }, 60_000);

  it('lines written outside the generators (imported events) read in every language', () => {
    checkLine({ key: 'story.literal', params: { text: 'A story from an older file.' } }, 'literal');
    checkLine({ key: 'story.importedNoMeta' }, 'import');
    checkLine({ key: 'story.importedNoMetaKey', params: { eventKey: 'event 7' } }, 'import');
  });

  /** Source files of the physics core (no tests). */
  const physicsSources = (() => {
    const out: string[] = [];
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (p.endsWith('.ts') && !p.endsWith('.test.ts')) out.push(readFileSync(p, 'utf8'));
      }
    };
    walk(join(__dirname, '../physics'));
    return out.join('\n');
  })();

  it('every key written in the physics core exists (literal and template keys)', () => {
    const literal = [...physicsSources.matchAll(/'((?:story|truthValue)\.[\w.-]+)'/g)].map((m) => m[1]);
    expect(literal.length).toBeGreaterThan(30);
    for (const k of literal) expect(has(k), k).toBe(true);
    // template keys: `story.e.signal.${em.mechanism}`, `truthValue.hard.${l.process}Ecal`, `${prefix}Hits`
    const templates = [...physicsSources.matchAll(/`((?:story|truthValue)\.[^`]*\$\{[^`]*)`/g)].map((m) => m[1]);
    expect(templates.length).toBeGreaterThan(2);
    for (const tpl of templates) {
      const re = new RegExp(`^${tpl.replace(/\./g, '\\.').replace(/\$\{[^}]*\}/g, '[\\w-]+')}$`);
      expect([...EN.keys()].some((k) => re.test(k)), tpl).toBe(true);
    }
    for (const m of Object.keys(MECHANISM_TEXT)) expect(has(`truthValue.mechanism.${m}`), m).toBe(true);
    for (const p of ['brems', 'pair', 'nucl']) for (const w of ['Ecal', 'In']) expect(has(`truthValue.hard.${p}${w}`), p + w).toBe(true);
    for (const o of ['Invisible', 'Missed', 'Hits']) expect(has(`story.e.outside${o}`), o).toBe(true);
    // truth keys: d.truth.key = …, d.truth[cond ? 'a' : 'b'] = …
    const truthKeys = [...physicsSources.matchAll(/\bd\.truth\.(\w+)\s*=/g)].map((m) => m[1]);
    for (const m of physicsSources.matchAll(/\bd\.truth\[([^\]]+)\]\s*=/g)) truthKeys.push(...[...m[1].matchAll(/[?:]\s*'(\w+)'/g)].map((x) => x[1]));
    expect(truthKeys.length).toBeGreaterThan(40);
    for (const k of truthKeys) expect(has(`truth.${k}`), `truth.${k}`).toBe(true);
  });

  it('every particle kind has a name', () => {
    const src = readFileSync(join(__dirname, '../physics/detail.ts'), 'utf8');
    const block = /export type ParticleKind =([^;]+);/.exec(src)![1];
    const kinds = [...block.matchAll(/'([^']+)'/g)].map((m) => m[1]);
    expect(kinds.length).toBeGreaterThan(10);
    for (const k of kinds) expect(has(`particles.${k}`), k).toBe(true);
  });

  it('English texts follow the physics core (mechanisms, published curves)', () => {
    const e = en as unknown as { truthValue: { mechanism: Record<string, string> }; published: Record<string, Record<string, string>> };
    for (const [m, text] of Object.entries(MECHANISM_TEXT)) expect(e.truthValue.mechanism[m]).toBe(text);
    for (const c of Object.values(PUBLISHED_CURVES)) {
      expect(e.published[c.id], c.id).toBeDefined();
      for (const f of ['label', 'reference', 'digitization'] as const) expect(e.published[c.id][f], `${c.id}.${f}`).toBe(c[f]);
    }
  });
});

describe('literal keys of the UI', () => {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.tsx?$/.test(p) && !/\.test\.tsx?$/.test(p)) files.push(p);
    }
  };
  walk(join(__dirname, '../ui'));
  walk(join(__dirname, '.'));

  it('every t(…) / i18n.t(…) key exists (template keys: some key matches)', () => {
    let n = 0;
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      for (const m of src.matchAll(/\bt\(\s*'([\w.-]+)'/g)) {
        n++;
        expect(has(m[1]), `${f}: ${m[1]}`).toBe(true);
      }
      for (const m of src.matchAll(/\bt\(\s*`([\w.-]*\$\{[^`]*)`/g)) {
        const re = new RegExp(`^${m[1].replace(/\./g, '\\.').replace(/\$\{[^}]*\}/g, '[\\w-]+')}(_\\w+)?$`);
        expect([...EN.keys()].some((k) => re.test(k)), `${f}: ${m[1]}`).toBe(true);
      }
    }
    expect(n).toBeGreaterThan(200);
  });
});

describe('parameter validation messages', () => {
  const fields = Object.keys(runParamsSchema.shape).filter((k) => k !== 'signal');
  const issuesOf = (patch: Record<string, unknown>) => {
    try {
      parseRunParams({ ...DEFAULT_PARAMS.na64e, ...patch });
    } catch (e) {
      return (e as ParamsError).issues;
    }
    return [];
  };
  it('every run and signal field has a name in every language', () => {
    for (const code of Object.keys(LOCALES)) {
      for (const f of [...fields, 'signal.model', 'signal.massMeV', 'signal.coupling', 'signal.alphaD', 'signal.fraction', '']) {
        const name = paramFieldName(ts[code], f);
        expect(name, `${code} ${f}`).not.toMatch(/\.|^$/);
      }
    }
  });
  it('issues carry field, kind and limit, and read in every language; the English message stays for the CLI', () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ events: 1.5 }, 'events', 'int'],
      [{ events: NaN }, 'events', 'type'],
      [{ beamEnergyGeV: 5 }, 'beamEnergyGeV', 'min'],
      [{ hadronFraction: 0.9 }, 'hadronFraction', 'max'],
      [{ signal: { model: 'x', massMeV: 10, coupling: 1e-4, fraction: 0.1 } }, 'signal.model', 'enum'],
      [{ signal: { model: 'aprime', massMeV: 10, coupling: 0, fraction: 0.1 } }, 'signal.coupling', 'min'],
    ];
    for (const [patch, field, code] of cases) {
      const issues = issuesOf(patch);
      expect(issues.length, JSON.stringify(patch)).toBe(1);
      expect(issues[0]).toMatchObject({ field, code });
      expect(issues[0].message.length).toBeGreaterThan(3);
      const texts = Object.keys(LOCALES).map((l) => paramIssueText(ts[l], l, issues[0]));
      for (const s of texts) expect(s).not.toMatch(/\{\{|undefined|paramErrors/);
      expect(new Set(texts).size, JSON.stringify(texts)).toBe(4);
    }
    const [beam] = issuesOf({ beamEnergyGeV: 5 });
    expect(beam).toMatchObject({ limit: 10, inclusive: true });
    expect(paramIssueText(ts.fr, 'fr', beam)).toBe('« énergie du faisceau » doit valoir au moins 10 GeV.');
    expect(paramIssueText(ts.en, 'en', beam)).toBe('“beam energy” must be at least 10 GeV.');
    const [eps] = issuesOf({ signal: { model: 'aprime', massMeV: 10, coupling: 0, fraction: 0.1 } });
    expect(paramIssueText(ts.de, 'de', eps)).toBe('„Signalkopplung (ε oder g_Z′)“ muss größer als 0 sein.');
    const [events] = issuesOf({ events: 3e7 });
    expect(paramIssueText(ts.fr, 'fr', events)).toMatch(/^« événements » doit valoir au plus 20\s000\s000\.$/);
    expect(() => parseRunParams({ ...DEFAULT_PARAMS.na64e, beamEnergyGeV: 5 })).toThrow('beamEnergyGeV: beam energy must be ≥ 10 GeV');
  });
});
