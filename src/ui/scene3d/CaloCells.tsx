/**
 * Calorimeter cell energies of one event: one instanced mesh per calorimeter, a box per hit cell at
 * its (ix, iy, layer) position inside the element, coloured by log10 energy and shrunk
 * transversely for small energies. Matrices and colours are written in a layout effect when the
 * event or the scale changes, never per frame.
 */
import { useLayoutEffect, useMemo, useRef } from 'react';
import * as THREE from 'three';
import { useThree } from '@react-three/fiber';
import { interpolateInferno } from 'd3';
import { useTranslation } from 'react-i18next';
import type { CellHit } from '../../physics/detail';
import type { DetectorElement, Setup } from '../../physics/setups/types';
import { cellBox, elementBox } from './units';

/** Colour scale range [MeV]: 1 MeV … 100 GeV, logarithmic. */
export const CELL_E_MIN_MEV = 1;
export const CELL_E_MAX_MEV = 1e5;

/** Position on the colour scale in [0, 1]. */
export function cellEnergyFraction(energyMeV: number): number {
  const lo = Math.log10(CELL_E_MIN_MEV);
  const hi = Math.log10(CELL_E_MAX_MEV);
  const t = (Math.log10(Math.max(energyMeV, 1e-9)) - lo) / (hi - lo);
  return Math.min(1, Math.max(0, t));
}

/** CSS colour of an energy fraction (the dark end of inferno is skipped: the background is dark). */
export function cellColorCss(t: number): string {
  return interpolateInferno(0.18 + 0.82 * t);
}

function CaloCellMesh({ el, hits, scale }: { el: DetectorElement; hits: readonly CellHit[]; scale: number }) {
  const ref = useRef<THREE.InstancedMesh>(null);
  const invalidate = useThree((s) => s.invalidate);
  const capacity = Math.max(1, hits.length);
  // The mesh sits at the element centre (instances relative to it), so that transparent sorting
  // against the detector boxes uses a sensible distance.
  const centre = elementBox(el, scale);
  useLayoutEffect(() => {
    const mesh = ref.current;
    if (!mesh) return;
    const c = elementBox(el, scale);
    const hadColors = mesh.instanceColor !== null;
    const m = new THREE.Matrix4();
    const pos = new THREE.Vector3();
    const size = new THREE.Vector3();
    const q = new THREE.Quaternion();
    const col = new THREE.Color();
    let n = 0;
    for (const h of hits) {
      if (!(h.energyMeV > 0)) continue;
      const b = cellBox(el, h.ix, h.iy, h.layer, scale);
      if (!b) continue;
      const t = cellEnergyFraction(h.energyMeV);
      // Transverse size grows with energy (35 % of the cell at 1 MeV, 92 % at 100 GeV).
      const f = 0.35 + 0.57 * t;
      pos.set(b.cx - c.cx, b.cy - c.cy, b.cz - c.cz);
      size.set(b.sx * f, b.sy * f, b.sz * 0.96);
      m.compose(pos, q, size);
      mesh.setMatrixAt(n, m);
      mesh.setColorAt(n, col.set(cellColorCss(t)));
      n++;
    }
    mesh.count = n;
    mesh.instanceMatrix.needsUpdate = true;
    if (mesh.instanceColor) mesh.instanceColor.needsUpdate = true;
    // The first colours switch the shader to per-instance colour: recompile.
    if (!hadColors && mesh.instanceColor && mesh.material instanceof THREE.Material)
      mesh.material.needsUpdate = true;
    mesh.computeBoundingSphere();
    invalidate();
  }, [el, hits, scale, invalidate]);
  return (
    <instancedMesh
      key={capacity}
      ref={ref}
      args={[undefined, undefined, capacity]}
      name={`cells-${el.id}`}
      position={[centre.cx, centre.cy, centre.cz]}
      renderOrder={2}
    >
      <boxGeometry args={[1, 1, 1]} />
      <meshBasicMaterial toneMapped={false} transparent opacity={0.8} depthWrite={false} />
    </instancedMesh>
  );
}

export interface CaloCellsProps {
  setup: Setup;
  cells: readonly CellHit[];
  scale: number;
}

export function CaloCells({ setup, cells, scale }: CaloCellsProps) {
  const byDetector = useMemo(() => {
    const map = new Map<string, CellHit[]>();
    for (const c of cells) {
      let arr = map.get(c.detector);
      if (!arr) {
        arr = [];
        map.set(c.detector, arr);
      }
      arr.push(c);
    }
    return map;
  }, [cells]);
  return (
    <group name="calo-cells">
      {setup.elements.map((el) => {
        const hits = byDetector.get(el.id);
        if (!hits || hits.length === 0) return null;
        return <CaloCellMesh key={el.id} el={el} hits={hits} scale={scale} />;
      })}
    </group>
  );
}

const TICKS_GEV = [0.001, 0.01, 0.1, 1, 10, 100];

/** HTML colour bar: "cell energy [GeV]", logarithmic from 1 MeV to 100 GeV. */
export function CellEnergyLegend() {
  const { t } = useTranslation();
  const gradient = useMemo(() => {
    const stops: string[] = [];
    for (let i = 0; i <= 10; i++) stops.push(`${cellColorCss(i / 10)} ${i * 10}%`);
    return `linear-gradient(to right, ${stops.join(', ')})`;
  }, []);
  return (
    <div
      data-testid="scene3d-cell-legend"
      style={{
        background: 'rgba(10,14,22,0.8)',
        color: '#dfe6ef',
        font: '11px/1.2 system-ui, sans-serif',
        padding: '4px 8px 2px',
        borderRadius: 4,
        width: 190,
      }}
    >
      <div style={{ marginBottom: 3 }}>{t('scene.cellEnergy')}</div>
      <div style={{ height: 10, background: gradient, borderRadius: 2 }} />
      <div style={{ position: 'relative', height: 14 }}>
        {TICKS_GEV.map((g, i) => (
          <span
            key={g}
            style={{
              position: 'absolute',
              left: `${(i / (TICKS_GEV.length - 1)) * 100}%`,
              transform:
                i === 0 ? 'none' : i === TICKS_GEV.length - 1 ? 'translateX(-100%)' : 'translateX(-50%)',
              top: 1,
            }}
          >
            {g >= 1 ? g : g.toString().replace(/^0/, '')}
          </span>
        ))}
      </div>
    </div>
  );
}
