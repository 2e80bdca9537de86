/**
 * The detector drawn from the same Setup data the simulation uses: one semi-transparent box per
 * element (coloured by role), the readout cell grid of calorimeters as thin edges, the VHCAL as a
 * frame around its central hole. Hovering an element highlights it and reports it upwards (the
 * labels are an HTML layer, see Labels.tsx).
 */
import { useEffect, useMemo } from 'react';
import * as THREE from 'three';
import type { ThreeEvent } from '@react-three/fiber';
import type { DetectorElement, DetectorRole, Setup } from '../../physics/setups/types';
import { elementBox, transverseToWorld, zToWorld, type WorldBox } from './units';

/** Fill and edge colours per role. */
export const ROLE_COLORS: Record<DetectorRole, { fill: string; edge: string; opacity: number }> = {
  magnet: { fill: '#2f5fd0', edge: '#7fa4ff', opacity: 0.16 },
  ecal: { fill: '#5d8a69', edge: '#9fe0b0', opacity: 0.2 },
  hcal: { fill: '#a8412f', edge: '#e98a73', opacity: 0.16 },
  hcal0: { fill: '#a8412f', edge: '#e98a73', opacity: 0.16 },
  vhcal: { fill: '#8c3b22', edge: '#d9805f', opacity: 0.2 },
  veto: { fill: '#d9b526', edge: '#ffe066', opacity: 0.22 },
  srd: { fill: '#8a4fc4', edge: '#c99bff', opacity: 0.3 },
  tracker: { fill: '#c8d4e3', edge: '#e6eef8', opacity: 0.18 },
  counter: { fill: '#3aa3b0', edge: '#8fe3ec', opacity: 0.25 },
};

/** Thin tracker planes are drawn at least this thick [world] so they can be seen and hovered edge-on. */
const MIN_TRACKER_DEPTH = 0.04;

/** Roles whose label is always shown (when labels are on). */
export const BIG_ROLES: ReadonlySet<DetectorRole> = new Set([
  'magnet',
  'srd',
  'ecal',
  'veto',
  'hcal',
  'hcal0',
  'vhcal',
]);

/** The boxes an element is drawn as (four around the hole for an element with a hole). */
export function elementParts(el: DetectorElement, scale: number): WorldBox[] {
  const b = elementBox(el, scale);
  if (el.role === 'tracker') b.sz = Math.max(b.sz, MIN_TRACKER_DEPTH);
  if (!el.hole) return [b];
  const hw = Math.min(transverseToWorld(el.hole.widthMm, scale), b.sx);
  const hh = Math.min(transverseToWorld(el.hole.heightMm, scale), b.sy);
  const side = (b.sx - hw) / 2;
  const cap = (b.sy - hh) / 2;
  return [
    { ...b, cx: b.cx - (hw + side) / 2, sx: side },
    { ...b, cx: b.cx + (hw + side) / 2, sx: side },
    { ...b, cy: b.cy - (hh + cap) / 2, sx: hw, sy: cap },
    { ...b, cy: b.cy + (hh + cap) / 2, sx: hw, sy: cap },
  ].filter((p) => p.sx > 0 && p.sy > 0);
}

/** Thin edges of the readout cell grid (front, back and preshower faces, plus the tower edges). */
function cellGridGeometry(el: DetectorElement, scale: number): THREE.BufferGeometry | null {
  if (!el.cells || (el.cells.nx <= 1 && el.cells.ny <= 1)) return null;
  const { nx, ny } = el.cells;
  const x0 = transverseToWorld(el.xMm - el.widthMm / 2, scale);
  const y0 = transverseToWorld(el.yMm - el.heightMm / 2, scale);
  const px = transverseToWorld(el.widthMm, scale) / nx;
  const py = transverseToWorld(el.heightMm, scale) / ny;
  const x1 = x0 + nx * px;
  const y1 = y0 + ny * py;
  const zf = zToWorld(el.zMm);
  const zb = zToWorld(el.zMm + el.lengthMm);
  const faces = [zf, zb];
  const nLayers = el.stack?.layers ?? 0;
  if (el.preshowerLayers && nLayers > el.preshowerLayers) {
    faces.push(zToWorld(el.zMm + (el.lengthMm * el.preshowerLayers) / nLayers));
  }
  const v: number[] = [];
  for (const z of faces) {
    for (let i = 1; i < nx; i++) v.push(x0 + i * px, y0, z, x0 + i * px, y1, z);
    for (let j = 1; j < ny; j++) v.push(x0, y0 + j * py, z, x1, y0 + j * py, z);
    if (z !== zf && z !== zb)
      v.push(x0, y0, z, x1, y0, z, x1, y0, z, x1, y1, z, x1, y1, z, x0, y1, z, x0, y1, z, x0, y0, z);
  }
  // Tower edges along z on the outer faces.
  for (let i = 1; i < nx; i++) {
    v.push(x0 + i * px, y0, zf, x0 + i * px, y0, zb, x0 + i * px, y1, zf, x0 + i * px, y1, zb);
  }
  for (let j = 1; j < ny; j++) {
    v.push(x0, y0 + j * py, zf, x0, y0 + j * py, zb, x1, y0 + j * py, zf, x1, y0 + j * py, zb);
  }
  const g = new THREE.BufferGeometry();
  g.setAttribute('position', new THREE.Float32BufferAttribute(v, 3));
  return g;
}

interface ElementProps {
  el: DetectorElement;
  scale: number;
  box: THREE.BoxGeometry;
  edges: THREE.EdgesGeometry;
  hovered: boolean;
  onHover(id: string, on: boolean): void;
  onSelect?(id: string): void;
}

/** Pointer travel [px] below which a press on an element counts as a click (not an orbit drag). */
const CLICK_SLOP_PX = 5;

function Element({ el, scale, box, edges, hovered, onHover, onSelect }: ElementProps) {
  const parts = useMemo(() => elementParts(el, scale), [el, scale]);
  const grid = useMemo(() => cellGridGeometry(el, scale), [el, scale]);
  useEffect(() => () => grid?.dispose(), [grid]);
  const c = ROLE_COLORS[el.role];

  const over = (e: ThreeEvent<PointerEvent>) => {
    e.stopPropagation();
    onHover(el.id, true);
  };
  const out = () => onHover(el.id, false);
  const click = (e: ThreeEvent<MouseEvent>) => {
    e.stopPropagation();
    if (onSelect && e.delta <= CLICK_SLOP_PX) onSelect(el.id);
  };

  return (
    <group name={el.id}>
      {parts.map((p, i) => (
        <group key={i} position={[p.cx, p.cy, p.cz]} scale={[p.sx, p.sy, p.sz]}>
          <mesh geometry={box} onPointerOver={over} onPointerOut={out} onClick={onSelect ? click : undefined} renderOrder={1}>
            <meshStandardMaterial
              color={c.fill}
              transparent
              opacity={hovered ? Math.min(0.55, c.opacity * 2.2) : c.opacity}
              depthWrite={false}
              emissive={hovered ? '#ffffff' : '#000000'}
              emissiveIntensity={hovered ? 0.12 : 0}
            />
          </mesh>
          <lineSegments geometry={edges} renderOrder={3}>
            <lineBasicMaterial
              color={hovered ? '#ffffff' : c.edge}
              transparent
              opacity={hovered ? 1 : 0.75}
            />
          </lineSegments>
        </group>
      ))}
      {grid && (
        <lineSegments geometry={grid} renderOrder={3}>
          <lineBasicMaterial color={hovered ? '#ffffff' : c.edge} transparent opacity={hovered ? 0.6 : 0.3} />
        </lineSegments>
      )}
    </group>
  );
}

export interface DetectorElementsProps {
  setup: Setup;
  /** Transverse exaggeration (x, y multiplied). */
  scale: number;
  /** Id of the hovered element (highlighted), or null. */
  hovered: string | null;
  /** Pointer entered (on = true) or left (on = false) an element. */
  onHover(id: string, on: boolean): void;
  /** An element was clicked (a press without dragging the view). */
  onSelect?(id: string): void;
}

export function DetectorElements({ setup, scale, hovered, onHover, onSelect }: DetectorElementsProps) {
  const box = useMemo(() => new THREE.BoxGeometry(1, 1, 1), []);
  const edges = useMemo(() => new THREE.EdgesGeometry(box), [box]);
  useEffect(
    () => () => {
      box.dispose();
      edges.dispose();
    },
    [box, edges],
  );
  return (
    <group name="detector">
      {setup.elements.map((el) => (
        <Element
          key={el.id}
          el={el}
          scale={scale}
          box={box}
          edges={edges}
          hovered={hovered === el.id}
          onHover={onHover}
          onSelect={onSelect}
        />
      ))}
    </group>
  );
}
