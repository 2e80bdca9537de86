/**
 * The notice about a shared link with invalid fields, in the reader's language. The URL reader
 * (share/urlState.ts) reports each rejected field as data: run parameters and the model point as
 * `ParamIssue`s (worded by paramText.ts), the other fields (box, camera, cuts, language, tour step,
 * event, signal, sensitivity choices) as a `UrlIssue` (kind, limit, options); its English `expected`
 * text is not shown. Field names: `share.urlFields.<field>`.
 */
import type { TFunction } from 'i18next';
import type { UrlFieldError, UrlIssue } from '../share/urlState';
import { limitText, paramFieldName, paramProblemText } from './paramText';

/** The name of a URL field that is not a run parameter (the parameter's own name if it has none). */
export function urlFieldName(t: TFunction, field: string): string {
  return t(`share.urlFields.${field}`, { defaultValue: field }) as string;
}

/** One problem of a URL field as a sentence. */
export function urlIssueText(t: TFunction, lng: string, fieldKey: string, issue: UrlIssue): string {
  const field = fieldKey === 'signal' ? paramFieldName(t, 'signal') : urlFieldName(t, fieldKey);
  const limit =
    issue.limit !== undefined && Number.isFinite(issue.limit) ? limitText(issue.limit, lng) : undefined;
  switch (issue.kind) {
    case 'number':
      return t('paramErrors.type', { field }) as string;
    case 'int':
      return t('paramErrors.int', { field }) as string;
    case 'min':
    case 'max':
      if (limit === undefined) break;
      return t(`paramErrors.${issue.kind}${issue.inclusive === false ? 'Exclusive' : ''}`, {
        field,
        limit,
        unit: '',
      }) as string;
    case 'oneOf':
      return t('share.urlIssue.oneOf', { field, options: (issue.options ?? []).join(', ') }) as string;
    case 'language':
      return t('share.urlIssue.language', { field }) as string;
    case 'boxShape':
      return t('share.urlIssue.boxShape', { field }) as string;
    case 'boxNegative':
      return t('share.urlIssue.boxNegative', { field }) as string;
    case 'boxOrder':
      return t('share.urlIssue.boxOrder', { field, axis: issue.axis ?? 'x' }) as string;
    case 'eventBeyondRun':
      if (limit === undefined) break;
      return t('share.urlIssue.eventBeyondRun', { field, limit }) as string;
    case 'signalShape':
      return t('share.urlIssue.signalShape', {
        field,
        model: issue.model ?? 'aprime',
        alphaD: issue.model === 'zprime' ? '' : '[,α_D]',
      }) as string;
    case 'signalModel':
      return t('share.urlIssue.signalModel', {
        field,
        setup: issue.setup === 'na64mu' ? 'NA64μ' : 'NA64e',
        particle: issue.model === 'zprime' ? 'Z′' : 'A′',
        model: issue.model ?? 'aprime',
      }) as string;
    default:
      break;
  }
  return t('paramErrors.other', { field }) as string;
}

/** One rejected link field as a line of the notice: the problem, the value found and what was used instead. */
export function urlErrorText(t: TFunction, lng: string, e: UrlFieldError): string {
  const problem = (
    e.issues?.length
      ? paramProblemText(t, lng, e.issues)
      : urlIssueText(t, lng, e.field, e.issue ?? { kind: 'other' })
  ).replace(/\.$/, '');
  return e.used === ''
    ? (t('share.urlIgnored', { problem, value: e.value }) as string)
    : (t('share.urlParamDefault', { problem, value: e.value, used: e.used }) as string);
}
