import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import fr from './locales/fr.json';
import de from './locales/de.json';
import it_ from './locales/it.json';
import { PROCESSES } from '../physics/processes';
import { buildNa64eSetup } from '../physics/setups/na64e';
import { buildNa64muSetup } from '../physics/setups/na64mu';
import { detectorKey } from './physicsText';
import { NA64E_REGIONS, NA64MU_REGIONS } from '../ui/plots/regions';

type Tree = { [k: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** key → value of all leaves; plural variants share their base key. */
function leaves(t: Tree, prefix = '', out = new Map<string, string[]>()): Map<string, string[]> {
  for (const [k, v] of Object.entries(t)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') {
      const base = key.replace(PLURAL, '');
      out.set(base, [...(out.get(base) ?? []), v]);
    } else leaves(v, key, out);
  }
  return out;
}

/** The {{placeholders}} of a string with their format ('photonGeV, f1'): translations keep both. */
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*(?:,\s*(\w+)\s*)?\}\}/g)].map((m) => (m[2] ? `${m[1]}, ${m[2]}` : m[1])).sort();
/** Formatters registered by i18n/eventText.ts. */
const FORMATS = new Set(['f0', 'f1', 'f2', 'f3', 'e1', 'e2', 'e3', 'num', 'particle', 'particles']);

const LOCALES: Record<string, Tree> = { fr, de, it: it_ };
const base = leaves(en as Tree);

describe('locale files', () => {
  for (const [code, tree] of Object.entries(LOCALES)) {
    const other = leaves(tree);
    it(`${code} has exactly the keys of en`, () => {
      expect([...other.keys()].filter((k) => !base.has(k))).toEqual([]);
      expect([...base.keys()].filter((k) => !other.has(k))).toEqual([]);
    });
    it(`${code} uses the same {{placeholders}} as en and no empty text`, () => {
      for (const [k, vals] of base) {
        const want = new Set(vals.flatMap(placeholders));
        for (const v of other.get(k) ?? []) {
          expect(v.trim(), `${code}: ${k} is empty`).not.toBe('');
          for (const p of placeholders(v)) expect(want.has(p), `${code}: ${k} has unknown {{${p}}}`).toBe(true);
        }
        const got = new Set((other.get(k) ?? []).flatMap(placeholders));
        for (const p of want) expect(got.has(p), `${code}: ${k} lacks {{${p}}}`).toBe(true);
      }
    });
    it(`${code} has no {{placeholder}} that i18next would not fill ({{name}} or {{name, format}} only)`, () => {
      for (const [k, vals] of other) {
        for (const v of vals) {
          const all = [...v.matchAll(/\{\{([^}]*)\}\}/g)].map((m) => m[1]);
          for (const p of all) {
            const m = /^\s*(\w+)\s*(?:,\s*(\w+)\s*)?$/.exec(p);
            expect(m, `${code}: ${k} has a malformed {{${p}}}`).not.toBeNull();
            if (m?.[2]) expect(FORMATS.has(m[2]), `${code}: ${k} uses an unknown format ${m[2]}`).toBe(true);
          }
        }
      }
    });
    it(`${code} has the plural forms its language needs`, () => {
      const cats = new Intl.PluralRules(code).resolvedOptions().pluralCategories;
      const flat = JSON.stringify(tree);
      for (const k of ['boxLabel', 'eventsInBin']) {
        for (const c of cats) {
          if (c === 'one' || c === 'other' || c === 'many') expect(flat.includes(`"${k}_${c}"`), `${code}: ${k}_${c}`).toBe(true);
        }
      }
    });
  }

  it('English names of processes and cuts are those of the physics core (translations follow them)', () => {
    const e = en as unknown as {
      processes: Record<string, string>;
      cuts: Record<string, Record<string, { label: string; description: string }>>;
      detectors: Record<string, unknown>;
    };
    for (const p of PROCESSES) expect(e.processes[p.label], p.label).toBe(p.name);
    for (const setup of [buildNa64eSetup(), buildNa64muSetup()]) {
      for (const c of setup.cuts) {
        const tr = e.cuts[setup.id]?.[c.id];
        if (!tr) continue; // a cut without translation falls back to the physics text
        expect(tr.label, `${setup.id}.${c.id}`).toBe(c.label);
        expect(tr.description, `${setup.id}.${c.id}`).toBe(c.description);
      }
      for (const r of setup.id === 'na64e' ? NA64E_REGIONS : NA64MU_REGIONS) {
        const tr = (en as unknown as { regions: Record<string, { label: string; short: string }> }).regions[r.id];
        expect(tr?.label, `region ${r.id}`).toBe(r.label);
        expect(tr?.short, `region ${r.id}`).toBe(r.description);
      }
      for (const el of setup.elements) {
        expect(e.detectors[detectorKey(setup.id, el)], `${setup.id} ${el.id}`).toBeDefined();
      }
    }
  });
});
