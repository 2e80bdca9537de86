/**
 * Turning source citations ("seeds 003/004; PRL 123 121801 criterion (ii)") into text and links.
 * Journal references become links (DOI for Physical Review Letters, an INSPIRE literature search
 * for NIM A and CPC); seed talks and named assumptions stay text (they are documents of this
 * project, described in doc/model.md).
 */

export interface SourcePart {
  text: string;
  href?: string;
}

const PATTERNS: { re: RegExp; href(m: RegExpExecArray): string }[] = [
  // Phys. Rev. Lett. volume page → DOI 10.1103/PhysRevLett.<vol>.<page>
  { re: /PRL\s+(\d{2,3})[ ,]+(\d{6})/g, href: (m) => `https://doi.org/10.1103/PhysRevLett.${m[1]}.${m[2]}` },
  // Phys. Rev. D volume, page (e.g. L091701)
  { re: /Phys\.? Rev\.? D\s+(\d{2,3}),?\s+(L?\d{5,6})/g, href: (m) => `https://doi.org/10.1103/PhysRevD.${m[1]}.${m[2]}` },
  // NIM A volume (year) page → INSPIRE search by journal reference
  {
    re: /NIMA\s+(\d{3})\s+\((\d{4})\)\s+(\d+)/g,
    href: (m) => `https://inspirehep.net/search?p=${encodeURIComponent(`j Nucl.Instrum.Meth.A,${m[1]},${m[3]}`)}`,
  },
  // arXiv identifiers
  { re: /arXiv:(\d{4}\.\d{4,5})/g, href: (m) => `https://arxiv.org/abs/${m[1]}` },
];

/** Split a citation into plain text and linked references. */
export function linkifySource(source: string): SourcePart[] {
  const hits: { start: number; end: number; href: string }[] = [];
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    for (let m = p.re.exec(source); m; m = p.re.exec(source)) {
      hits.push({ start: m.index, end: m.index + m[0].length, href: p.href(m) });
    }
  }
  hits.sort((a, b) => a.start - b.start);
  const out: SourcePart[] = [];
  let at = 0;
  for (const h of hits) {
    if (h.start < at) continue;
    if (h.start > at) out.push({ text: source.slice(at, h.start) });
    out.push({ text: source.slice(h.start, h.end), href: h.href });
    at = h.end;
  }
  if (at < source.length) out.push({ text: source.slice(at) });
  return out;
}

/** Sources of the plot regions (the papers whose hermeticity plots define them, and the seed talks). */
export const REGION_SOURCES: Record<string, string> = {
  I: 'PRL 123 121801 (2019), Fig. 2 and text: region I, QED dimuons (quoted in seed 004; seed 001)',
  II: 'PRL 123 121801 (2019), Fig. 2 and text: region II, hadron electroproduction (quoted in seed 004; seed 001)',
  III: 'PRL 118 011802 (2017), Fig. 2: pile-up above the diagonal; seed 000 (5 MHz beam rate)',
  spot: 'PRL 123 121801 (2019), Fig. 2; seed 003 (ECAL 40 X₀, ~9 %/√E)',
  box: 'PRL 123 121801 (2019): signal box E_ECAL < 50 GeV, E_HCAL < 1 GeV (quoted in seed 004); background table: seed 000',
  A: 'seed 000, "Hermeticity plot – NA64μ" (PRL 132 211803)',
  B: 'seed 000, "Hermeticity plot – NA64μ" (PRL 132 211803)',
  C: 'seed 000, "Hermeticity plot – NA64μ" (PRL 132 211803)',
  D: 'seed 000, "Hermeticity plot – NA64μ" (PRL 132 211803)',
};
