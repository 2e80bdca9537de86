/** UI state of the sharing toolbar: the notice about a bad shared link and the import result. */
import { create } from 'zustand';
import type { UrlFieldError } from '../../share/urlState';

export interface ImportStatus {
  kind: 'ok' | 'error';
  text: string;
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
