/**
 * A draft of the parameter form: values edited without pressing Simulate. The link holds the
 * displayed run, not the form (doc/sharing.md), so a reload, which opens the address bar's link,
 * would drop the draft. The browser keeps the form together with the run it was edited on top of
 * (store: `settings[setup].params` and `formBase[setup]`); when a link opens that very run (a reload
 * of the page, or the user reopening their own last state), the draft goes back into the form,
 * not run. A link of another run is someone else's state: the draft is not used.
 */
import type { RunParams } from '../physics/params';
import { runParamsText } from './urlState';

export interface StoredForm {
  /** The parameter form as stored in the browser. */
  form: RunParams;
  /** The run the form was edited on top of (null: none known). */
  base: RunParams | null;
}

/**
 * The draft to put back into the form when a link of run `link` opens, or null to show the link's
 * parameters. `linkErrors`: number of fields of the link that were rejected (a tampered link shows
 * what it says, with its notice).
 */
export function draftToRestore(link: RunParams, stored: StoredForm, linkErrors = 0): RunParams | null {
  const { form, base } = stored;
  // the texts hold the setup: a base of another setup is another run
  if (linkErrors > 0 || !base || form.setup !== link.setup) return null;
  const linkText = runParamsText(link);
  if (runParamsText(base) !== linkText) return null;
  return runParamsText(form) === linkText ? null : form;
}
