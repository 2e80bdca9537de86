/** UI state of the sharing toolbar: the notice about a bad shared link and the import result. */
import { create } from 'zustand';
import type { UrlFieldError } from '../../share/urlState';
import type { ImportProblem } from '../../share/importError';

export interface ImportStatus {
  kind: 'ok' | 'error';
  /** The message (for an error from problems: the English one; the notice words the problems). */
  text: string;
  /** The file that failed to import. */
  file?: string;
  /** Why it failed, as data (worded in the reader's language when shown). */
  problems?: readonly ImportProblem[];
  /** Further lines were not checked. */
  truncated?: boolean;
}

interface ShareUiState {
  /** Fields of the opened link that were invalid and replaced by defaults (null = none). */
  urlErrors: UrlFieldError[] | null;
  importStatus: ImportStatus | null;
  setUrlErrors(e: UrlFieldError[] | null): void;
  setImportStatus(s: ImportStatus | null): void;
}

export const useShareUi = create<ShareUiState>()((set) => ({
  urlErrors: null,
  importStatus: null,
  setUrlErrors: (urlErrors) => set({ urlErrors: urlErrors && urlErrors.length ? urlErrors : null }),
  setImportStatus: (importStatus) => set({ importStatus }),
}));
