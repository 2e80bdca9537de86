/**
 * Renders a label like 'E_ECAL [GeV]' with its subscripts: as SVG tspans (`SvgLabel`) or HTML
 * (`HtmlLabel`). '_X' subscripts the following run of letters/digits.
 */
import { Fragment } from 'react';

/** Split 'E_ECAL + E_HCAL [GeV]' into [{text:'E'},{sub:'ECAL'},{text:' + E'},{sub:'HCAL'},{text:' [GeV]'}]. */
export function splitSubscripts(label: string): { text: string; sub: boolean }[] {
  const out: { text: string; sub: boolean }[] = [];
  const re = /_([A-Za-z0-9]+)/g;
  let last = 0;
  for (let m = re.exec(label); m; m = re.exec(label)) {
    if (m.index > last) out.push({ text: label.slice(last, m.index), sub: false });
    out.push({ text: m[1], sub: true });
    last = m.index + m[0].length;
  }
  if (last < label.length) out.push({ text: label.slice(last), sub: false });
  return out;
}

/** Label as children of an SVG <text>. */
export function SvgLabel({ label }: { label: string }) {
  const parts = splitSubscripts(label);
  return (
    <>
      {parts.map((p, i) =>
        p.sub ? (
          <tspan key={i} className="hp-sub" dy="0.3em" fontSize="75%">
            {p.text}
          </tspan>
        ) : (
          // undo the subscript shift on the following run
          <tspan key={i} dy={i > 0 && parts[i - 1].sub ? '-0.3em' : undefined}>
            {p.text}
          </tspan>
        ),
      )}
    </>
  );
}

/** Label as HTML with <sub>. */
export function HtmlLabel({ label }: { label: string }) {
  return (
    <>
      {splitSubscripts(label).map((p, i) =>
        p.sub ? <sub key={i}>{p.text}</sub> : <Fragment key={i}>{p.text}</Fragment>,
      )}
    </>
  );
}

/** 'E_ECAL [GeV]' → 'E_ECAL' (the quantity without its unit). */
export const quantityName = (label: string): string => label.replace(/\s*\[[^\]]*\]\s*$/, '');
