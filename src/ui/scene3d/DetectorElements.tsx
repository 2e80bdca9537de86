/**
 * The detector drawn from the same Setup data the simulation uses: one semi-transparent box per
 * element (coloured by role), the readout cell grid of calorimeters as thin edges, the VHCAL as a
 * frame around its central hole, labels for the big elements and a hover label with the element's
 * description.
 */
import { useEffect, useMemo, useState, type CSSProperties } from 'react';
import * as THREE from 'three';
import { Html } from '@react-three/drei';
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
  tracker: { fill: '#c8d4e3', edge: '#e6eef8', opacity: 0.3 },
  counter: { fill: '#3aa3b0', edge: '#8fe3ec', opacity: 0.25 },
};

/** Thin tracker planes are drawn at least this thick [world] so they can be seen and hovered edge-on. */
const MIN_TRACKER_DEPTH = 0.04;

/** Roles whose label is always shown (when `showLabels`). */
const BIG_ROLES: ReadonlySet<DetectorRole> = new Set(['magnet', 'srd', 'ecal', 'veto', 'hcal', 'hcal0', 'vhcal']);

const labelStyle: CSSProperties = {
  transform: 'translate(-50%, calc(-100% - 4px))',
  color: '#e8eef7',
  background: 'rgba(12, 18, 28, 0.7)',
  border: '1px solid rgba(255,255,255,0.15)',
  borderRadius: 3,
  padding: '1px 5px',
  font: '11px/1.3 system-ui, sans-serif',
  whiteSpace: 'nowrap',
  pointerEvents: 'none',
  userSelect: 'none',
};

const hoverStyle: CSSProperties = {
  transform: 'translate(-50%, calc(-100% - 10px))',
  color: '#f3f6fb',
  background: 'rgba(10, 14, 22, 0.94)',
  border: '1px solid rgba(255,255,255,0.35)',
  borderRadius: 4,
  padding: '6px 8px',
  font: '12px/1.4 system-ui, sans-serif',
  width: 280,
  pointerEvents: 'none',
  userSelect: 'none',
  boxShadow: '0 2px 8px rgba(0,0,0,0.5)',
};

/** The boxes an element is drawn as (four around the hole for an element with a hole). */
function elementParts(el: DetectorElement, scale: number): WorldBox[] {
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
    if (z !== zf && z !== zb) v.push(x0, y0, z, x1, y0, z, x1, y0, z, x1, y1, z, x1, y1, z, x0, y1, z, x0, y1, z, x0, y0, z);
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
  showLabel: boolean;
  onHover(id: string, on: boolean): void;
}

function Element({ el, scale, box, edges, hovered, showLabel, onHover }: ElementProps) {
  const parts = useMemo(() => elementParts(el, scale), [el, scale]);
  const grid = useMemo(() => cellGridGeometry(el, scale), [el, scale]);
  useEffect(() => () => grid?.dispose(), [grid]);
  const c = ROLE_COLORS[el.role];
  const outer = elementBox(el, scale);
  const labelPos: [number, number, number] = [outer.cx, outer.cy + outer.sy / 2, outer.cz];

  const over = (e: ThreeEvent<PointerEvent>) => {
    e.stopPropagation();
    onHover(el.id, true);
  };
  const out = () => onHover(el.id, false);

  return (
    <group name={el.id}>
      {parts.map((p, i) => (
        <group key={i} position={[p.cx, p.cy, p.cz]} scale={[p.sx, p.sy, p.sz]}>
          <mesh geometry={box} onPointerOver={over} onPointerOut={out} renderOrder={1}>
            <meshStandardMaterial
              color={c.fill}
              transparent
              opacity={hovered ? Math.min(0.55, c.opacity * 2.2) : c.opacity}
              depthWrite={false}
              side={THREE.DoubleSide}
              emissive={hovered ? '#ffffff' : '#000000'}
              emissiveIntensity={hovered ? 0.12 : 0}
            />
          </mesh>
          <lineSegments geometry={edges} renderOrder={2}>
            <lineBasicMaterial color={hovered ? '#ffffff' : c.edge} transparent opacity={hovered ? 1 : 0.75} />
          </lineSegments>
        </group>
      ))}
      {grid && (
        <lineSegments geometry={grid} renderOrder={2}>
          <lineBasicMaterial color={hovered ? '#ffffff' : c.edge} transparent opacity={hovered ? 0.6 : 0.3} />
        </lineSegments>
      )}
      {hovered ? (
        <Html position={labelPos} zIndexRange={[1000, 900]} pointerEvents="none">
          <div style={hoverStyle} data-testid="scene3d-hover-label">
            <div style={{ fontWeight: 600, fontSize: 13 }}>
              {el.label} <span style={{ fontWeight: 400, opacity: 0.7 }}>({el.role})</span>
            </div>
            <div style={{ marginTop: 2 }}>{el.description}</div>
            <div style={{ marginTop: 4, opacity: 0.6, fontSize: 11 }}>
              z = {(el.zMm / 1000).toFixed(2)} m, {Math.round(el.widthMm)}×{Math.round(el.heightMm)}×
              {Math.round(el.lengthMm)} mm{el.fieldT ? `, B = ${el.fieldT.toFixed(2)} T` : ''}
            </div>
          </div>
        </Html>
      ) : (
        showLabel && (
          <Html position={labelPos} zIndexRange={[100, 0]} pointerEvents="none">
            <div style={labelStyle}>{el.label}</div>
          </Html>
        )
      )}
    </group>
  );
}

export interface DetectorElementsProps {
  setup: Setup;
  /** Transverse exaggeration (x, y multiplied). */
  scale: number;
  /** Show the labels of the big elements (magnets, SRD, calorimeters, VETO) permanently. */
  showLabels: boolean;
}

export function DetectorElements({ setup, scale, showLabels }: DetectorElementsProps) {
  const [hovered, setHovered] = useState<string | null>(null);
  const box = useMemo(() => new THREE.BoxGeometry(1, 1, 1), []);
  const edges = useMemo(() => new THREE.EdgesGeometry(box), [box]);
  useEffect(
    () => () => {
      box.dispose();
      edges.dispose();
    },
    [box, edges],
  );
  const onHover = (id: string, on: boolean) => setHovered((prev) => (on ? id : prev === id ? null : prev));
  return (
    <group name="detector" onPointerMissed={() => setHovered(null)}>
      {setup.elements.map((el) => (
        <Element
          key={el.id}
          el={el}
          scale={scale}
          box={box}
          edges={edges}
          hovered={hovered === el.id}
          showLabel={showLabels && BIG_ROLES.has(el.role)}
          onHover={onHover}
        />
      ))}
    </group>
  );
}
