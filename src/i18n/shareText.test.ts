/**
 * Messages of the sharing code in every language: the notice about a tampered link (urlText.ts),
 * the reasons an import failed (importText.ts), the crashed-worker lead-in and the exported plot's
 * words. Every kind of problem has its text in all four languages, with its parameters filled; the
 * English import texts read exactly as the importers' English messages (tests, CLI).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInstance, type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import en from './locales/en.json';
import fr from './locales/fr.json';
import de from './locales/de.json';
import it_ from './locales/it.json';
import { addEventFormatters } from './eventText';
import { importExpectedText, importProblemsText } from './importText';
import { urlErrorText, urlFieldName, urlIssueText } from './urlText';
import { DEFAULT_PARAMS } from '../physics/params';
import type { SetupId } from '../physics/setups/types';
import { expectedEnglish, ImportError, type ImportExpected, type ImportProblem } from '../share/importError';
import { parseRunCsv } from '../share/importCsv';
import { parsePhoenixEvent } from '../share/importPhoenix';
import { setupOfParams } from '../share/setupOf';
import {
  readUrlState,
  URL_KEYS,
  type SharedPoint,
  type SharedSettings,
  type UrlIssue,
} from '../share/urlState';

const LOCALES = { en, fr, de, it: it_ } as const;
const CODES = Object.keys(LOCALES);
const ts = Object.fromEntries(
  Object.entries(LOCALES).map(([code, tree]) => {
    const inst = createInstance();
    void inst.init({
      resources: { [code]: { translation: tree } },
      lng: code,
      interpolation: { escapeValue: false },
      initAsync: false,
      showSupportNotice: false,
    });
    addEventFormatters(inst);
    return [code, inst.t];
  }),
) as Record<string, TFunction>;

/** A text in every language: filled, no key shown, four different texts. */
function inEveryLanguage(f: (t: TFunction, lng: string) => string, where: string): Record<string, string> {
  const out = Object.fromEntries(CODES.map((l) => [l, f(ts[l], l)]));
  for (const [l, s] of Object.entries(out)) {
    expect(s, `${where} (${l})`).not.toMatch(
      /\{\{|undefined|NaN|\[object|(?:share|importErrors|paramErrors)\.\w|^run\.\w/,
    );
    expect(s.length, `${where} (${l})`).toBeGreaterThan(3);
  }
  expect(new Set(Object.values(out)).size, `${where}: ${JSON.stringify(out)}`).toBe(CODES.length);
  return out;
}

/** The members of a string-literal union in a source file (`kind: 'a' | 'b' …;` after `marker`). */
function unionMembers(file: string, marker: string): string[] {
  const src = readFileSync(join(__dirname, file), 'utf8');
  const at = src.indexOf(marker);
  expect(at, marker).toBeGreaterThan(0);
  const block = /kind:([^;]+);/.exec(src.slice(at))![1];
  return [...block.matchAll(/'(\w+)'/g)].map((m) => m[1]);
}

describe('notice about a tampered link', () => {
  const defaults: Record<SetupId, SharedSettings> = {
    na64e: {
      params: DEFAULT_PARAMS.na64e,
      box: { xMinGeV: 0, xMaxGeV: 50, yMinGeV: 0, yMaxGeV: 1 },
      appliedCuts: 0,
      nOnTarget: 9.37e11,
    },
    na64mu: {
      params: DEFAULT_PARAMS.na64mu,
      box: { xMinGeV: 0, xMaxGeV: 80, yMinGeV: 0, yMaxGeV: 5 },
      appliedCuts: 0,
      nOnTarget: 1.98e10,
    },
  };
  const points: Record<SetupId, SharedPoint> = {
    na64e: { massMeV: 20, coupling: 1e-4, alphaD: 0.5, fraction: 0.01 },
    na64mu: { massMeV: 50, coupling: 7e-4, alphaD: 0.5, fraction: 0.01 },
  };
  const read = (hash: string) =>
    readUrlState(
      new URLSearchParams(hash),
      {
        setup: 'na64e',
        settings: defaults,
        camera: 'overview',
        language: 'en',
        tourStep: -1,
        showRegions: true,
        presentation: false,
        sensitivity: {
          points,
          couplingInput: 'epsilon',
          curveMode: 'epsilon',
          method: 'cls',
          observed: null,
          tab: 'event',
        },
      },
      defaults,
      points,
    );

  it('every field of a link that is not a run parameter has a name in every language', () => {
    const own = URL_KEYS.filter(
      (k) =>
        !(k in DEFAULT_PARAMS.na64e) &&
        !['massMeV', 'coupling', 'alphaD', 'signalFraction', 'signal'].includes(k),
    );
    expect(own.length).toBeGreaterThan(10);
    for (const k of own) inEveryLanguage((t) => urlFieldName(t, k), `share.urlFields.${k}`);
  });

  it('every kind of URL problem reads in every language', () => {
    const kinds = unionMembers('../share/urlTypes.ts', 'export interface UrlIssue');
    expect(kinds.length).toBeGreaterThanOrEqual(12);
    for (const kind of kinds) {
      const issue = {
        kind,
        limit: 99,
        inclusive: true,
        options: ['side', 'top'],
        axis: 'y',
        model: 'zprime',
        setup: 'na64mu',
      } as UrlIssue;
      inEveryLanguage(
        (t, l) => urlIssueText(t, l, kind.startsWith('signal') ? 'signal' : 'tour', issue),
        kind,
      );
    }
  });

  it('each rejected field of a tampered link is one line in the reader’s language', () => {
    const r = read(
      'setup=lhc&seed=abc&box=10,5,0,1&cuts=2.5&nOnTarget=0&camera=fisheye&lang=klingon&tour=9999&regions=2&event=100000&tab=plots&observed=4&limit=bayes&massMeV=-3&signal=zprime,50,0.0007,0.01',
    );
    expect(r.errors.length).toBe(15);
    const lines = Object.fromEntries(
      r.errors.map((e) => [e.field, inEveryLanguage((t, l) => urlErrorText(t, l, e), e.field)]),
    );
    expect(lines.box.en).toBe(
      "“signal box”: xmin must not be above xmax (got '10,5,0,1'; used the default 0,50,0,1)",
    );
    expect(lines.box.fr).toBe(
      '« boîte de signal » : xmin ne doit pas dépasser xmax (reçu « 10,5,0,1 » ; valeur par défaut 0,50,0,1 utilisée)',
    );
    expect(lines.camera.de).toBe(
      '„Kameraansicht“ muss einer dieser Werte sein: side, top, beam, overview, ecal (erhalten „fisheye“; Standardwert overview verwendet)',
    );
    expect(lines.tour.it).toBe(
      '«passo della visita guidata» deve valere al massimo 99 (ricevuto «9999»; usato il valore predefinito -1)',
    );
    expect(lines.event.fr).toMatch(
      /^« événement sélectionné » doit être inférieur au nombre d'événements du run \(100\s000\) \(reçu « 100000 » ; ignoré\)$/,
    );
    expect(lines.signal.en).toBe(
      "“signal”: the NA64e setup produces the A′, so the model must be aprime (got 'zprime,50,0.0007,0.01'; used the default none)",
    );
    expect(lines.seed.fr).toBe(
      '« graine » doit être un nombre (reçu « abc » ; valeur par défaut 1 utilisée)',
    );
    expect(lines.massMeV.de).toMatch(/^„Signalmasse“ muss mindestens 1 MeV betragen/);
    expect(lines.lang.en).toMatch(/two-letter language code/);
  });
});

describe('reasons an import failed', () => {
  const setup = setupOfParams(DEFAULT_PARAMS.na64e);
  const header = 'eventIndex,process,weight,pInGeV,eEcalGeV,eHcalGeV,eVetoGeV,eSrdGeV,passesCuts';
  const row = (i: number, cells: Partial<Record<number, string>> = {}) =>
    [String(i), 'em', '1', '100', '99.5', '0.1', '0', '0.01', '1'].map((c, k) => cells[k] ?? c).join(',');
  const csv = (...rows: string[]) => [header, ...rows].join('\n') + '\n';

  function errorOf(f: () => unknown): ImportError {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(ImportError);
      return e as ImportError;
    }
    throw new Error('expected an ImportError');
  }
  const ev = (event: unknown) => JSON.stringify({ 'my event': event });
  const errors: [string, ImportError][] = [
    ['cell', errorOf(() => parseRunCsv(csv(row(0), row(1, { 4: 'abc' }))))],
    ['cells', errorOf(() => parseRunCsv(csv(...[0, 1, 2, 3, 4, 5, 6].map((i) => row(i, { 1: 'dark' })))))],
    ['sequence', errorOf(() => parseRunCsv(csv(row(0), row(5))))],
    ['columns', errorOf(() => parseRunCsv(csv(row(0), '1,em,1')))],
    ['header', errorOf(() => parseRunCsv('hello,world\n1,2\n'))],
    ['header missing', errorOf(() => parseRunCsv('eventIndex,process\n1,2\n'))],
    ['header extra', errorOf(() => parseRunCsv(`${header},more\n`))],
    ['empty', errorOf(() => parseRunCsv(''))],
    ['no events', errorOf(() => parseRunCsv(`${header}\n`))],
    ['not JSON', errorOf(() => parsePhoenixEvent('{"oops": ', () => setup))],
    ['not an object', errorOf(() => parsePhoenixEvent('[1]', () => setup))],
    ['no events (JSON)', errorOf(() => parsePhoenixEvent('{}', () => setup))],
    ['no content', errorOf(() => parsePhoenixEvent(ev({ 'event number': 1 }), () => setup))],
    [
      'track',
      errorOf(() =>
        parsePhoenixEvent(
          ev({
            Tracks: {
              e: [
                {
                  pos: [
                    [0, 0, 0],
                    [0, 0, 'far'],
                  ],
                  energy: -1,
                },
                {},
              ],
            },
          }),
          () => setup,
        ),
      ),
    ],
    [
      'plane',
      errorOf(() =>
        parsePhoenixEvent(ev({ PlanarCaloCells: { ECAL: { plane: [1, 0, 0, 5], cells: [] } } }), () => setup),
      ),
    ],
    [
      'cell outside',
      errorOf(() =>
        parsePhoenixEvent(
          ev({
            PlanarCaloCells: { ECAL: { plane: [0, 0, 1, 1000], cells: [{ pos: [5000, 5000], energy: 1 }] } },
          }),
          () => setup,
        ),
      ),
    ],
  ];

  it('every failure is data; the English text is the importer’s message, the other languages differ', () => {
    for (const [where, e] of errors) {
      expect(e.problems.length, where).toBeGreaterThan(0);
      const texts = inEveryLanguage((t, l) => importProblemsText(t, l, e.problems, e.truncated), where);
      expect(texts.en, where).toBe(e.message);
    }
    const fr = (i: number) => {
      const e = errors[i][1];
      return importProblemsText(ts.fr, 'fr', e.problems, e.truncated);
    };
    expect(fr(0)).toBe('ligne 3, colonne eEcalGeV : nombre ≥ 0 ou « nan » attendu, reçu « abc »');
    expect(fr(1)).toMatch(
      /^ligne 2, colonne process : étiquette de processus attendue \(em, dimuon, .*\), reçu « dark » ; ligne 3, .* ; \(lignes suivantes non vérifiées\)$/,
    );
    expect(fr(2)).toBe(
      'ligne 3, colonne eventIndex : 1 attendu (les lignes doivent être des événements consécutifs), reçu « 5 »',
    );
    expect(fr(4)).toMatch(
      /^ligne 1 \(en-tête\) : colonne 1 : « eventIndex » attendu, reçu « hello »\. En-tête attendu : « eventIndex,process,/,
    );
    expect(fr(13)).toMatch(
      /^my event › Tracks › e › 0 › pos › 1 › 2 : nombre attendu, reçu "far" ; .*energy : énergie ≥ 0 MeV attendue, reçu -1 ; my event › Tracks › e › 1 › pos : liste de positions .* attendue, rien reçu$/,
    );
  });

  it('every expectation and every kind of problem has its text in every language', () => {
    const kinds = unionMembers('../share/importError.ts', 'export interface ImportExpected');
    expect(kinds.length).toBeGreaterThan(25);
    const all: ImportExpected[] = kinds.flatMap((kind) =>
      kind === 'min' || kind === 'max'
        ? [true, false].map((inclusive) => ({ kind, limit: 3, inclusive }) as ImportExpected)
        : [{ kind, limit: 3, options: ['a', 'b'] } as ImportExpected],
    );
    for (const e of all) {
      const texts = inEveryLanguage((t, l) => importExpectedText(t, l, e), `expected ${e.kind}`);
      expect(texts.en).toBe(expectedEnglish(e));
    }
    const problems: ImportProblem[] = [
      { kind: 'empty' },
      {
        kind: 'header',
        line: 1,
        column: 2,
        expected: 'process',
        got: null,
        headers: { na64e: 'a,b', na64mu: 'a,c' },
      },
      { kind: 'csvNoEvents', line: 2 },
      { kind: 'tooMany', count: 30000001, limit: 2e7 },
      { kind: 'columnCount', line: 4, expected: 9, columns: 'a,b', got: 3 },
      { kind: 'cell', line: 5, column: 'weight', expected: { kind: 'finite' }, got: '1e999' },
      { kind: 'sequence', line: 6, column: 'eventIndex', expected: 4, got: '9' },
      { kind: 'notJson', detail: 'Unexpected end of JSON input' },
      { kind: 'notObject' },
      { kind: 'noEvents' },
      { kind: 'value', path: '', expected: { kind: 'object' }, got: '3' },
      {
        kind: 'cellOutside',
        path: 'e › PlanarCaloCells › ECAL › cells › 0',
        setup: 'NA64e',
        x: 1,
        y: 2,
        z: 3,
      },
    ];
    const kindsOfProblems = new Set(problems.map((p) => p.kind));
    const src = readFileSync(join(__dirname, '../share/importError.ts'), 'utf8');
    const declared = [
      ...src
        .slice(src.indexOf('export type ImportProblem'))
        .split('\n\n')[0]
        .matchAll(/kind: '(\w+)'/g),
    ].map((m) => m[1]);
    expect(declared.length).toBeGreaterThan(10);
    for (const k of declared) expect(kindsOfProblems.has(k as ImportProblem['kind']), k).toBe(true);
    for (const p of problems) {
      const texts = inEveryLanguage((t, l) => importProblemsText(t, l, [p]), p.kind);
      expect(texts.en).toBe(new ImportError([p]).message);
    }
    // the path of a JSON value at the top of the file: "file" in the reader's language
    expect(importProblemsText(ts.de, 'de', [problems[10]])).toBe(
      'Datei: erwartet ein Objekt { … }, erhalten 3',
    );
  });
});

describe('crashed worker and exported plot', () => {
  it('a crashed worker: a translated lead-in, then the browser’s detail as it is', () => {
    const texts = inEveryLanguage(
      (t) => t('run.workerCrashed', { detail: 'Uncaught Error: out of memory' }) as string,
      'run.workerCrashed',
    );
    for (const s of Object.values(texts)) expect(s.endsWith(': Uncaught Error: out of memory')).toBe(true);
    expect(texts.en).toBe('simulation worker crashed: Uncaught Error: out of memory');
  });

  it('the exported plot’s title, subtitle and legend read in every language', () => {
    inEveryLanguage((t) => t('share.plot.title', { setup: 'NA64e' }) as string, 'title');
    inEveryLanguage(
      (t) => t('share.plot.runSource', { seed: 7, n: '20 000', beamGeV: '100' }) as string,
      'runSource',
    );
    inEveryLanguage(
      (t) => t('share.plot.importedSource', { file: 'run.csv', n: '5 000' }) as string,
      'importedSource',
    );
    inEveryLanguage(
      (t) => t('share.plot.box', { xMin: '0', xMax: '40', yMin: '0', yMax: '2' }) as string,
      'box',
    );
    inEveryLanguage((t) => t('share.plot.legendHeading') as string, 'legendHeading');
    inEveryLanguage((t) => t('share.plot.selectedEvent', { index: 5 }) as string, 'selectedEvent');
    expect(ts.fr('share.plot.title', { setup: 'NA64e' })).toBe("NA64e — diagramme d'herméticité");
  });
});
