/**
 * Validation messages of the run and signal parameters in the reader's language. The schema
 * (physics/params.ts) reports its problems as `ParamIssue` data (field, kind, limit); the English
 * `message` of each issue is for the CLI only. The field names are those of the run form
 * (`run.fields.<field>.label`) or `paramErrors.fields.<field>`.
 */
import type { TFunction } from 'i18next';
import type { ParamIssue } from '../physics/params';
import { numberText } from './eventText';

/** Units of the fields that have one (appended to the limit). */
const UNITS: Record<string, string> = {
  beamEnergyGeV: 'GeV',
  vetoThresholdMeV: 'MeV',
  hcal0ThresholdGeV: 'GeV',
  'signal.massMeV': 'MeV',
};

/** A problem to show: parameter issues (worded when shown) or an already translated text. */
export type ParamProblem = string | readonly ParamIssue[];

/** The name of a parameter field in the reader's language. */
export function paramFieldName(t: TFunction, field: string): string {
  const own = field === '' ? 'all' : field.replace(/\./g, '_');
  const fallback = t(`paramErrors.fields.${own}`, { defaultValue: field || 'parameters' }) as string;
  if (field && !field.includes('.')) return t(`run.fields.${field}.label`, { defaultValue: fallback }) as string;
  return fallback;
}

/** A limit as text: whole numbers in full (digits grouped from 5 digits on, as the locale does), others as plain numbers. */
export function limitText(v: number, lng: string): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e15) {
    try {
      return new Intl.NumberFormat(lng, { maximumFractionDigits: 0, useGrouping: 'min2' } as Intl.NumberFormatOptions).format(v);
    } catch {
      return String(v);
    }
  }
  return numberText(v, lng);
}

/** One issue as a sentence. */
export function paramIssueText(t: TFunction, lng: string, issue: ParamIssue): string {
  const field = paramFieldName(t, issue.field);
  const unit = UNITS[issue.field] ? ` ${UNITS[issue.field]}` : '';
  if ((issue.code === 'min' || issue.code === 'max') && issue.limit !== undefined && Number.isFinite(issue.limit)) {
    const key = `paramErrors.${issue.code}${issue.inclusive === false ? 'Exclusive' : ''}`;
    return t(key, { field, limit: limitText(issue.limit, lng), unit }) as string;
  }
  const code = issue.code === 'min' || issue.code === 'max' ? 'other' : issue.code;
  return t(`paramErrors.${code}`, { field }) as string;
}

/** A problem as text (issues joined by spaces). */
export function paramProblemText(t: TFunction, lng: string, p: ParamProblem): string {
  if (typeof p === 'string') return p;
  return p.map((i) => paramIssueText(t, lng, i)).join(' ');
}
