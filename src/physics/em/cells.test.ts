/**
 * Tests of the EM shower model (../emShower): spot-by-spot `showerCells`: totals against `showerSummary`, the 6×6
 * cell pattern against the radial model (4 standard errors), slopes, spot count, determinism.
 */
import { describe, expect, it } from 'vitest';
import {
  MAX_SPOTS,
  gflashSpotCount,
  lateralContainedFractionExact,
  showerCells,
  showerSummary,
  type ShowerSummary,
} from '../emShower';
import { Rng } from '../rng';
import { ECAL_CELL_MM } from '../setups/na64e';
import { E100, ECAL_DEPTH, HALF, PRE_DEPTH, g, meanSe } from './testFixtures';

describe('showerCells (spot-by-spot)', () => {
  const nCells = 36;

  function runCells(n: number, x: number, y: number, seed: number) {
    const pre = new Float64Array(nCells);
    const main = new Float64Array(nCells);
    const tot = new Float64Array(n);
    const preTot = new Float64Array(n);
    const central = new Float64Array(n); // central 2×2 fraction of the ECAL total
    const cell21 = new Float64Array(n); // fraction in cell (3, 3) (centre x = y = 19 mm)
    const rng = new Rng(seed, 0);
    for (let i = 0; i < n; i++) {
      pre.fill(0);
      main.fill(0);
      rng.reset(seed, i);
      const r = showerCells(
        rng,
        g,
        E100,
        0,
        ECAL_DEPTH,
        PRE_DEPTH,
        x,
        y,
        0,
        0,
        6,
        6,
        ECAL_CELL_MM,
        pre,
        main,
      );
      let s = 0;
      let ps = 0;
      for (let k = 0; k < nCells; k++) {
        s += pre[k] + main[k];
        ps += pre[k];
      }
      expect(s + r.leakBackMeV + r.leakLateralMeV).toBeCloseTo(E100, 6);
      expect(r.spots).toBe(MAX_SPOTS);
      tot[i] = s;
      preTot[i] = ps;
      const c = [14, 15, 20, 21].reduce((acc, k) => acc + pre[k] + main[k], 0);
      central[i] = c / s;
      cell21[i] = (pre[21] + main[21]) / s;
    }
    return { tot, preTot, central, cell21 };
  }

  it('totals and preshower agree with showerSummary within fluctuations', () => {
    const n = 600;
    const cells = runCells(n, 0, 0, 41);
    const out: ShowerSummary = { visibleMeV: 0, preshowerMeV: 0, leakBackMeV: 0, leakLateralMeV: 0 };
    const vis = new Float64Array(n);
    const pre = new Float64Array(n);
    const rng = new Rng(42, 0);
    for (let i = 0; i < n; i++) {
      showerSummary(rng, g, E100, 0, ECAL_DEPTH, PRE_DEPTH, 0, 0, HALF, out);
      vis[i] = out.visibleMeV;
      pre[i] = out.preshowerMeV;
    }
    for (const [a, b] of [
      [cells.tot, vis],
      [cells.preTot, pre],
    ]) {
      const ma = meanSe(a);
      const mb = meanSe(b);
      expect(Math.abs(ma.mean - mb.mean)).toBeLessThan(4 * Math.hypot(ma.se, mb.se));
    }
  });

  it('6×6 pattern: shares of the central 2×2 cells and of one cell match the radial model', () => {
    // The model's face integrals (lateralContainedFractionExact) for the same geometry, normalised
    // to the 6×6 total as the cells are: shower at the ECAL centre → central 2×2 (±2.18 R_M)
    // holds 0.981; shower at a cell centre → that 38 mm cell (±1.09 R_M) holds 0.938 (the part
    // within ~1.2 R_M: 0.93). Tolerance: 4 SE of the per-event fractions + 1e-3 for the shower
    // ensemble (the model averages the radial profile over the median-based tau grid and
    // the alpha distribution, the cells use each shower's own profile).
    const n = 300;
    const atCentre = runCells(n, 0, 0, 43);
    const all = lateralContainedFractionExact(g, E100, 0, 0, HALF);
    const want2x2 = lateralContainedFractionExact(g, E100, 0, 0, ECAL_CELL_MM) / all;
    const m2 = meanSe(atCentre.central);
    expect(Math.abs(m2.mean - want2x2)).toBeLessThan(4 * m2.se + 1e-3);
    expect(m2.mean).toBeGreaterThan(0.97);

    const half = ECAL_CELL_MM / 2;
    const onCell = runCells(n, half, half, 44);
    const allOff = lateralContainedFractionExact(g, E100, half, half, HALF);
    const want1 = lateralContainedFractionExact(g, E100, 0, 0, half) / allOff;
    const m1 = meanSe(onCell.cell21);
    expect(Math.abs(m1.mean - want1)).toBeLessThan(4 * m1.se + 1e-3);
    expect(m1.mean).toBeGreaterThan(0.9);
  });

  it('slopes shift the deposits, the spot count follows Geant4 and the cap, determinism', () => {
    const pre = new Float64Array(nCells);
    const main = new Float64Array(nCells);
    const rng = new Rng(50, 0);
    // a 0.1 rad slope moves the shower by ~10 mm at the maximum: more energy in x > 0 cells
    showerCells(rng, g, E100, 0, ECAL_DEPTH, PRE_DEPTH, 0, 0, 0.1, 0, 6, 6, ECAL_CELL_MM, pre, main);
    let right = 0;
    let left = 0;
    for (let iy = 0; iy < 6; iy++) {
      for (let ix = 0; ix < 6; ix++) {
        const e = pre[ix + 6 * iy] + main[ix + 6 * iy];
        if (ix >= 3) right += e;
        else left += e;
      }
    }
    expect(right).toBeGreaterThan(3 * left);
    expect(gflashSpotCount(100)).toBeCloseTo((93 / 0.11) * 0.1 ** 0.876, 9);
    const r = showerCells(rng, g, 100, 0, ECAL_DEPTH, PRE_DEPTH, 0, 0, 0, 0, 6, 6, ECAL_CELL_MM, pre, main);
    expect(r.spots).toBe(Math.round(gflashSpotCount(100)));
    // determinism
    const a = new Float64Array(nCells);
    const b = new Float64Array(nCells);
    const ma = new Float64Array(nCells);
    const mb = new Float64Array(nCells);
    showerCells(
      new Rng(60, 3),
      g,
      20_000,
      0.5,
      ECAL_DEPTH,
      PRE_DEPTH,
      5,
      -7,
      0.01,
      0,
      6,
      6,
      ECAL_CELL_MM,
      a,
      ma,
    );
    showerCells(
      new Rng(60, 3),
      g,
      20_000,
      0.5,
      ECAL_DEPTH,
      PRE_DEPTH,
      5,
      -7,
      0.01,
      0,
      6,
      6,
      ECAL_CELL_MM,
      b,
      mb,
    );
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(ma)).toEqual(Array.from(mb));
    expect(() =>
      showerCells(
        rng,
        g,
        1000,
        0,
        ECAL_DEPTH,
        PRE_DEPTH,
        0,
        0,
        0,
        0,
        6,
        6,
        ECAL_CELL_MM,
        new Float64Array(10),
        main,
      ),
    ).toThrow(RangeError);
    // low energies and the Geant4 deposit switch conserve energy too
    for (const e of [2, 30, 300]) {
      for (const mode of ['sampling', 'geant4'] as const) {
        pre.fill(0);
        main.fill(0);
        const res = showerCells(
          rng,
          g,
          e,
          0,
          ECAL_DEPTH,
          PRE_DEPTH,
          100,
          0,
          0,
          0,
          6,
          6,
          ECAL_CELL_MM,
          pre,
          main,
          mode,
        );
        let s = res.leakBackMeV + res.leakLateralMeV;
        for (let k = 0; k < nCells; k++) s += pre[k] + main[k];
        expect(s).toBeCloseTo(e, 9);
      }
    }
  });
});
