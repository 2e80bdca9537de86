/**
 * The message of a failed simulation call in the reader's language: a crashed worker gets a
 * translated lead-in before the browser's technical detail; other errors (invalid parameters from
 * the worker, already worded) keep their message.
 */
import { WorkerCrashed } from '../../sim/client';
import { i18n } from '../../i18n';

export function simErrorText(e: unknown): string {
  if (e instanceof WorkerCrashed) return i18n.t('run.workerCrashed', { detail: e.detail });
  return e instanceof Error ? e.message : String(e);
}
