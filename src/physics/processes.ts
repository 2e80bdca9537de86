/**
 * Process labels: what happened in an event. Codes are stored in a Uint8Array column; labels are
 * written by the CLI (`process` column) and shown in the UI legend.
 * New processes (dark-sector signal, NA64mu) get new codes at the end; codes never change meaning.
 */
export const PROCESSES = [
  { code: 0, label: 'em', name: 'EM shower (beam e⁻)', color: '#4e79a7' },
  { code: 1, label: 'dimuon', name: 'γ → μ⁺μ⁻ (region I)', color: '#f28e2b' },
  { code: 2, label: 'hadron-electroproduction', name: 'hadron electroproduction in ECAL (region II)', color: '#59a14f' },
  { code: 3, label: 'beam-hadron', name: 'beam hadron (π⁻, K⁻, p̄)', color: '#e15759' },
  { code: 4, label: 'punch-through', name: 'leading neutral escaping / punch-through', color: '#b07aa1' },
  { code: 5, label: 'pile-up', name: 'pile-up (region III)', color: '#9c755f' },
  { code: 6, label: 'upstream-interaction', name: 'upstream e⁻ interaction (beam line)', color: '#76b7b2' },
  { code: 7, label: 'beam-decay', name: 'beam μ/π/K decay in flight', color: '#edc948' },
  { code: 8, label: 'signal', name: 'dark-sector signal (A′ / Z′)', color: '#ff00aa' },
  { code: 9, label: 'muon', name: 'beam muon (MIP through the setup)', color: '#1f77b4' },
  { code: 10, label: 'muon-brems', name: 'muon bremsstrahlung / pair / hard scattering', color: '#ff7f0e' },
  { code: 11, label: 'muon-nuclear', name: 'muon-nuclear interaction', color: '#2ca02c' },
] as const;

export type ProcessLabel = (typeof PROCESSES)[number]['label'];
export const PROCESS_CODE = Object.fromEntries(PROCESSES.map((p) => [p.label, p.code])) as Record<ProcessLabel, number>;
export const processLabel = (code: number): string => PROCESSES[code]?.label ?? `unknown-${code}`;
