import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { _roots } from '@react-three/fiber';
import { buildNa64eSetup } from '../../../physics/setups/na64e';
import type { CellHit, EventDetail, TrackDetail, TrackerHit } from '../../../physics/detail';
import { DetectorScene, type CameraPreset } from '../DetectorScene';

const setup = buildNa64eSetup();
const el = (id: string) => setup.elements.find((e) => e.id === id)!;

// Beam electron through the two magnets: x'' = k inside the magnets.
const k = (0.299792458 * 1.75) / 100 / 1000; // 1/mm
const inMag = (z: number) => (z >= 2000 && z <= 4000) || (z >= 5000 && z <= 7000);
function trajectory(z0: number, z1: number, step = 50) {
  const pts: number[] = [];
  const xs = new Map<number, [number, number]>();
  let x = 0, sx = 0;
  for (let z = z0; z <= z1; z += step) {
    pts.push(x, 0, z);
    xs.set(z, [x, sx]);
    const kk = inMag(z + step / 2) ? k : 0;
    x += sx * step + 0.5 * kk * step * step;
    sx += kk * step;
  }
  return { pts, xs };
}
const beam = trajectory(-1000, 7000, 100);
const [x7, s7] = beam.xs.get(7000)!;
const ecal = el('ECAL');
const zHit = ecal.zMm + 30;
const xAtZ = (z: number) => (z <= 7000 ? (beam.xs.get(Math.round(z / 100) * 100)?.[0] ?? 0) : x7 + s7 * (z - 7000));
const eTrack: TrackDetail = { particle: 'e-', energyMeV: 100000, points: [...beam.pts, xAtZ(zHit), 2, zHit] };

const sr: TrackDetail[] = [2600, 3200, 3800, 5400, 6000, 6600].map((z, i) => {
  const [x, s] = beam.xs.get(z)!;
  const z1 = el('SRD').zMm + 40;
  return { particle: 'gamma', energyMeV: 2 + i, points: [x, 0, z, x + s * (z1 - z), (i - 2.5) * 1.5, z1], note: 'SR photon' };
});

const zEnd = Math.max(...setup.elements.map((e) => e.zMm + e.lengthMm));
const x0 = xAtZ(zHit);
const muon = (sx: number, sy: number, particle: 'mu-' | 'mu+'): TrackDetail => ({
  particle, energyMeV: 15000,
  points: [x0, 2, zHit + 40, x0 + (s7 + sx) * (zEnd + 500 - zHit), 2 + sy * (zEnd + 500 - zHit), zEnd + 500],
});
const tracks = [eTrack, ...sr, muon(0.006, 0.01, 'mu-'), muon(-0.004, -0.022, 'mu+'),
  { particle: 'chi' as const, energyMeV: 1, points: [x0, 2, zHit + 20, x0 + s7 * 9000, 40, zHit + 9000], invisible: true }];

const cells: CellHit[] = [];
const impX = 8, impY = 5;
const nx = 6, pitch = 38;
for (const layer of [0, 1]) {
  const total = layer === 0 ? 3500 : 66000;
  const s1 = layer === 0 ? 5 : 9, s2 = layer === 0 ? 14 : 22;
  const w: number[] = [];
  let sum = 0;
  for (let ix = 0; ix < nx; ix++) for (let iy = 0; iy < nx; iy++) {
    const cx = -114 + (ix + 0.5) * pitch - impX, cy = -114 + (iy + 0.5) * pitch - impY;
    const r2 = cx * cx + cy * cy;
    const v = 0.85 * Math.exp(-r2 / (2 * s1 * s1)) / s1 ** 2 + 0.15 * Math.exp(-Math.sqrt(r2) / s2) / s2 ** 2;
    w.push(v); sum += v;
  }
  let i = 0;
  for (let ix = 0; ix < nx; ix++) for (let iy = 0; iy < nx; iy++) {
    const e = (total * w[i++]) / sum;
    if (e > 0.5) cells.push({ detector: 'ECAL', ix, iy, layer, energyMeV: e });
  }
}
for (const h of ['HCAL1', 'HCAL2', 'HCAL3', 'HCAL4']) {
  cells.push({ detector: h, ix: 1, iy: 1, layer: 0, energyMeV: 3200 });
  cells.push({ detector: h, ix: 1, iy: 0, layer: 0, energyMeV: h === 'HCAL4' ? 1700 : 25 });
  cells.push({ detector: h, ix: 2, iy: 1, layer: 0, energyMeV: 8 });
}
const trackerHits: TrackerHit[] = setup.elements.filter((e) => e.role === 'tracker').map((e) => ({
  detector: e.id, xMm: xAtZ(e.zMm), yMm: 0, zMm: e.zMm,
}));

const event: EventDetail = {
  setupId: 'na64e', seed: 1, eventIndex: 42, process: 0, weight: 1, beamParticle: 'e-', trueBeamEnergyGeV: 100,
  truth: {}, measured: { pInGeV: 100, pOutGeV: 0, eEcalGeV: 69.5, eHcalGeV: 13, eVetoGeV: 0.01, eSrdGeV: 0.02, eVhcalGeV: 0, ePreshowerGeV: 3.5, eHcal0GeV: 0 },
  cutsPassed: [], tracks, cells, trackerHits, story: 'harness',
};

declare global {
  interface Window {
    __bench?: (n: number) => number;
    __project?: (id: string) => [number, number] | null;
  }
}
window.__project = (id: string) => {
  const canvas = document.querySelector('canvas')!;
  const s = _roots.get(canvas)!.store.getState();
  const g = s.scene.getObjectByName(id);
  const child = g?.children[0];
  if (!child) return null;
  const v = child.position.clone().project(s.camera);
  const r = canvas.getBoundingClientRect();
  return [r.left + (v.x * 0.5 + 0.5) * r.width, r.top + (-v.y * 0.5 + 0.5) * r.height];
};
window.__bench = (n: number) => {
  const canvas = document.querySelector('canvas')!;
  const root = _roots.get(canvas)!;
  const s = root.store.getState();
  const gl = s.gl.getContext();
  const px = new Uint8Array(4);
  s.gl.render(s.scene, s.camera);
  gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    s.camera.position.x += 1e-4;
    s.gl.render(s.scene, s.camera);
  }
  gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
  return (performance.now() - t0) / n;
};

const params0 = new URLSearchParams(location.search);
const manySetup = { ...setup, elements: setup.elements.map((e) => (e.id === 'ECAL' ? { ...e, cells: { nx: 60, ny: 60 } } : e)) };
const manyCells: CellHit[] = [];
for (let ix = 0; ix < 60; ix++) for (let iy = 0; iy < 60; iy++) for (const layer of [0, 1]) {
  const r2 = (ix - 29.5) ** 2 + (iy - 29.5) ** 2;
  manyCells.push({ detector: 'ECAL', ix, iy, layer, energyMeV: 50000 * Math.exp(-r2 / 60) + 2 });
}
const manyEvent: EventDetail = { ...event, cells: manyCells };
const useMany = params0.has('many');
(window as unknown as { __effectMs: number }).__effectMs = 0;

function Harness() {
  const params = params0;
  const [preset, setPreset] = useState<CameraPreset>((params.get('preset') as CameraPreset) ?? 'overview');
  const noEvent = params.has('noevent');
  return (
    <DetectorScene
      setup={useMany ? manySetup : setup}
      event={noEvent ? null : useMany ? manyEvent : event}
      cameraPreset={preset}
      onCameraPresetChange={setPreset}
    />
  );
}

createRoot(document.getElementById('root')!).render(<StrictMode><Harness /></StrictMode>);
