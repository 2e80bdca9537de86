/**
 * Translated names of things the physics core labels in English (process names, cut labels and
 * descriptions, detector descriptions). The physics data stay the single source of the English
 * text: a missing translation falls back to it.
 */
import type { TFunction } from 'i18next';
import { PROCESSES } from '../physics/processes';
import type { CutSpec, DetectorElement, SetupId } from '../physics/setups/types';

/** Display name of a process code. */
export function processName(t: TFunction, code: number): string {
  const p = PROCESSES[code];
  if (!p) return t('processes.unknown', { code });
  return t(`processes.${p.label}`, { defaultValue: p.name });
}

/** Label of a cut of a setup. */
export function cutLabel(t: TFunction, setupId: SetupId | string, cut: Pick<CutSpec, 'id' | 'label'>): string {
  return t(`cuts.${setupId}.${cut.id}.label`, { defaultValue: cut.label });
}

/** One-sentence description of a cut. */
export function cutDescription(t: TFunction, setupId: SetupId | string, cut: Pick<CutSpec, 'id' | 'description'>): string {
  return t(`cuts.${setupId}.${cut.id}.description`, { defaultValue: cut.description });
}

/**
 * The explanation key of a detector element: one text per kind of detector ('mm', 'gem', 'straw',
 * 'bms', 'magnet', 'srd', 'ecal', 'veto', 'hcal', 'hcal0', 'vhcal', 'counter', 'tracker'), with
 * setup-specific texts where the same kind plays another part (NA64μ magnets and HCAL).
 */
export function detectorKey(setupId: SetupId | string, el: Pick<DetectorElement, 'id' | 'role'>): string {
  const id = el.id.toUpperCase();
  let kind: string;
  switch (el.role) {
    case 'tracker':
      kind = id.startsWith('MM')
        ? 'mm'
        : id.startsWith('GEM')
          ? 'gem'
          : id.startsWith('BMS')
            ? 'bms'
            : id.startsWith('ST')
              ? 'straw'
              : 'tracker';
      break;
    case 'magnet':
      kind = setupId === 'na64mu' ? (id.startsWith('MS2') ? 'ms2' : 'ms1') : 'mbpl';
      break;
    case 'hcal':
      kind = setupId === 'na64mu' ? 'hcalMu' : 'hcal';
      break;
    default:
      kind = el.role;
  }
  return kind;
}

/** Short description for the hover label: the setup's own English text, else the translation. */
export function detectorShort(t: TFunction, lang: string, setupId: SetupId | string, el: DetectorElement): string {
  if (lang === 'en') return el.description;
  return t(`detectors.${detectorKey(setupId, el)}.short`, { defaultValue: el.description });
}
