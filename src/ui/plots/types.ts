/**
 * Small shared types of the plot components (no logic, no DOM).
 */
import type { SignalBox } from '../../physics/setups/types';

/** Vertical axis mode: 'symlog' is linear near 0 and logarithmic above ~1 GeV (d3.scaleSymlog). */
export type YScaleMode = 'linear' | 'symlog';

/** A named region of the plot, drawn as a translucent outline with a label (teaching overlay). */
export type PlotRegion = RectRegion | BandRegion;

interface RegionBase {
  id: string;
  /** Short label drawn on the plot, e.g. 'I', 'II'. */
  label: string;
  /** One sentence for the tooltip / screen readers. */
  description?: string;
  /** Where to put the label [GeV]; default: the centre of the drawn shape. */
  labelAt?: { xGeV: number; yGeV: number };
  /** CSS colour of the outline (default: a neutral grey). */
  color?: string;
}

/** An axis-aligned rectangle in plot coordinates [GeV]. */
export interface RectRegion extends RegionBase {
  kind: 'rect';
  box: SignalBox;
}

/**
 * A straight band cMinGeV <= ax·x + ay·y <= cMaxGeV (x, y in GeV), clipped to `within` (default: the
 * whole plot). ax = 0, ay = 1 is a horizontal band; ax = ay = 1 the diagonal E_ECAL + E_HCAL = const.
 * Drawn curved where the y axis is symlog.
 */
export interface BandRegion extends RegionBase {
  kind: 'band';
  ax: number;
  ay: number;
  cMinGeV: number;
  cMaxGeV: number;
  within?: SignalBox;
}

/** Plot-area geometry in CSS pixels. */
export interface PlotFrame {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  /** Inner (plot area) size. */
  innerWidth: number;
  innerHeight: number;
}

/** The event shown selected on the plot (ring) and in the views. */
export interface SelectedEvent {
  eventIndex: number;
  xGeV: number;
  yGeV: number;
}

/** Which part of the signal box a pointer or key acts on. */
export type BoxHandle = 'left' | 'right' | 'top' | 'bottom' | 'tl' | 'tr' | 'bl' | 'br' | 'body';
