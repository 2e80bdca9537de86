/**
 * Labels with subscripts for the dark-sector UI: '_X' subscripts the following run of letters and
 * digits (Greek included: 'm_χ', 'α_D', 'm_A′' → m with subscript A, then ′).
 */
import { Fragment } from 'react';

/** Only the physics symbols α_D, m_χ, m_A′, m_Z′, a_μ, (g−2)_μ (for free text such as file names). */
const STRICT = /(?<=[αma)])_([Dχμ]|A(?=′)|Z(?=′))/gu;

/** Split a label into plain and subscript runs (`strict`: only the symbols of STRICT). */
export function splitSubs(label: string, strict = false): { text: string; sub: boolean }[] {
  const out: { text: string; sub: boolean }[] = [];
  const re = strict ? new RegExp(STRICT) : /_([\p{L}\p{N}]+)/gu;
  let last = 0;
  for (let m = re.exec(label); m; m = re.exec(label)) {
    if (m.index > last) out.push({ text: label.slice(last, m.index), sub: false });
    out.push({ text: m[1], sub: true });
    last = m.index + m[0].length;
  }
  if (last < label.length) out.push({ text: label.slice(last), sub: false });
  return out;
}

/** As HTML with <sub>. */
export function SubLabel({ label, strict = false }: { label: string; strict?: boolean }) {
  return (
    <>
      {splitSubs(label, strict).map((p, i) => (p.sub ? <sub key={i}>{p.text}</sub> : <Fragment key={i}>{p.text}</Fragment>))}
    </>
  );
}

/** As children of an SVG <text>. */
export function SvgSubLabel({ label }: { label: string }) {
  const parts = splitSubs(label);
  return (
    <>
      {parts.map((p, i) =>
        p.sub ? (
          <tspan key={i} dy="0.3em" fontSize="75%">
            {p.text}
          </tspan>
        ) : (
          <tspan key={i} dy={i > 0 && parts[i - 1].sub ? '-0.3em' : undefined}>
            {p.text}
          </tspan>
        ),
      )}
    </>
  );
}
