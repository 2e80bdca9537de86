/**
 * Why a file could not be imported, in the reader's language. The importers (share/importCsv.ts,
 * share/importPhoenix.ts) report their problems as data (`ImportProblem`: line or path in the file,
 * what was expected, what was found); their English `message` stays for tests and the CLI, and the
 * English strings here read the same. Keys: `importErrors.<kind>`, expectations
 * `importErrors.expected.<kind>`. Column names, paths, values from the file and technical details
 * (a JSON parser's message) are shown as they are.
 */
import type { TFunction } from 'i18next';
import type { ImportExpected, ImportProblem } from '../share/importError';
import { limitText } from './paramText';

/** What was expected, as a phrase ("expected a number ≥ 0 or 'nan'"). */
export function importExpectedText(t: TFunction, lng: string, e: ImportExpected): string {
  const limit = e.limit !== undefined && Number.isFinite(e.limit) ? limitText(e.limit, lng) : '';
  const options = (e.options ?? []).join(', ');
  const key = (e.kind === 'min' || e.kind === 'max') && e.inclusive === false ? `${e.kind}Exclusive` : e.kind;
  return t(`importErrors.expected.${key}`, {
    limit,
    options,
    defaultValue: t('importErrors.expected.valid'),
  }) as string;
}

/** One problem as a phrase. */
function importProblemText(t: TFunction, lng: string, p: ImportProblem): string {
  switch (p.kind) {
    case 'header': {
      const hint = t('importErrors.headerHint', { na64e: p.headers.na64e, na64mu: p.headers.na64mu });
      const key = p.expected === null ? 'headerExtra' : p.got === null ? 'headerMissing' : 'header';
      return `${t(`importErrors.${key}`, { line: p.line, column: p.column, expected: p.expected ?? '', got: p.got ?? '' })} ${hint}`;
    }
    case 'tooMany':
      return t('importErrors.tooMany', { count: p.count, limit: p.limit.toExponential(0) }) as string;
    case 'cell':
      return t('importErrors.cell', {
        line: p.line,
        column: p.column,
        expected: importExpectedText(t, lng, p.expected),
        got: p.got,
      }) as string;
    case 'value': {
      const path = p.path || t('importErrors.file');
      const expected = importExpectedText(t, lng, p.expected);
      return (
        p.got === null
          ? t('importErrors.valueMissing', { path, expected })
          : t('importErrors.value', { path, expected, got: p.got })
      ) as string;
    }
    case 'cellOutside':
      return t('importErrors.cellOutside', {
        path: p.path,
        setup: p.setup,
        x: String(p.x),
        y: String(p.y),
        z: String(p.z),
      }) as string;
    case 'csvNoEvents':
      return t('importErrors.csvNoEvents', { line: p.line }) as string;
    case 'columnCount':
      return t('importErrors.columnCount', {
        line: p.line,
        expected: p.expected,
        columns: p.columns,
        got: p.got,
      }) as string;
    case 'sequence':
      return t('importErrors.sequence', {
        line: p.line,
        column: p.column,
        expected: p.expected,
        got: p.got,
      }) as string;
    case 'notJson':
      return t('importErrors.notJson', { detail: p.detail }) as string;
    case 'empty':
    case 'notObject':
    case 'noEvents':
      return t(`importErrors.${p.kind}`) as string;
  }
}

/** The problems of a file as one text ('; '-separated; `truncated`: further lines were not checked). */
export function importProblemsText(
  t: TFunction,
  lng: string,
  problems: readonly ImportProblem[],
  truncated = false,
): string {
  const parts = problems.map((p) => importProblemText(t, lng, p));
  if (truncated) parts.push(t('importErrors.truncated'));
  return parts.join(t('importErrors.separator'));
}
