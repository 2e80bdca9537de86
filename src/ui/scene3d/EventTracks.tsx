/**
 * The tracks of one event as polylines and the tracker hits as small spheres. Tracks are batched
 * by drawing style (one fat-line segment set per style), so an event with many particles costs a
 * handful of draw calls; hits are one instanced mesh. Tracks are drawn last (transparent pass,
 * highest render order) so that they stay visible inside the semi-transparent calorimeter cells.
 *
 * With `progress` (0…1) the event is drawn up to a front that moves along z from the most upstream
 * to the most downstream track point (the slow-beam animation): segments are cut into short pieces
 * sorted by z, and only the pieces behind the front are drawn (instance count of the line geometry,
 * no new geometry per frame). Without it (the default) everything is drawn at once.
 */
import { useLayoutEffect, useMemo, useRef, type ComponentRef } from 'react';
import * as THREE from 'three';
import { Line } from '@react-three/drei';
import { useThree } from '@react-three/fiber';
import type { EventDetail, TrackDetail, TrackerHit } from '../../physics/detail';
import { transverseToWorld, zToWorld } from './units';

export type TrackStyleId = 'eminus' | 'eplus' | 'gamma' | 'muon' | 'hadron' | 'neutral' | 'invisible';

export interface TrackStyle {
  label: string;
  color: string;
  /** Line width in pixels. */
  width: number;
  dashed: boolean;
  /** Dash and gap length in world units. */
  dash?: number;
  gap?: number;
}

export const TRACK_STYLES: Record<TrackStyleId, TrackStyle> = {
  eminus: { label: 'e⁻', color: '#ff4a4a', width: 2.5, dashed: false },
  eplus: { label: 'e⁺', color: '#4d8dff', width: 2.5, dashed: false },
  gamma: { label: 'γ', color: '#ffd84a', width: 1.2, dashed: true, dash: 0.12, gap: 0.06 },
  muon: { label: 'μ±', color: '#3ddc84', width: 2.5, dashed: false },
  hadron: { label: 'hadrons', color: '#ff9a3c', width: 2.2, dashed: false },
  neutral: { label: 'n, K⁰L', color: '#9aa3ad', width: 1.5, dashed: true, dash: 0.2, gap: 0.12 },
  invisible: { label: 'invisible (ν, χ)', color: '#ff4fd8', width: 2, dashed: true, dash: 0.3, gap: 0.15 },
};

const STYLE_ORDER: readonly TrackStyleId[] = [
  'invisible',
  'neutral',
  'gamma',
  'hadron',
  'muon',
  'eplus',
  'eminus',
];

export function trackStyleOf(t: TrackDetail): TrackStyleId {
  if (t.invisible || t.particle === 'nu' || t.particle === 'chi') return 'invisible';
  switch (t.particle) {
    case 'e-':
      return 'eminus';
    case 'e+':
      return 'eplus';
    case 'gamma':
      return 'gamma';
    case 'mu-':
    case 'mu+':
      return 'muon';
    case 'n':
    case 'K0L':
      return 'neutral';
    default:
      return 'hadron';
  }
}

/** Segment pairs [a, b, b, c, ...] of all tracks of one style, in world units. */
function segmentsByStyle(tracks: readonly TrackDetail[], scale: number): Map<TrackStyleId, number[]> {
  const out = new Map<TrackStyleId, number[]>();
  for (const t of tracks) {
    const p = t.points;
    const n = Math.floor(p.length / 3);
    if (n < 2) continue;
    const id = trackStyleOf(t);
    let arr = out.get(id);
    if (!arr) {
      arr = [];
      out.set(id, arr);
    }
    for (let i = 0; i < n - 1; i++) {
      const a = 3 * i;
      const b = a + 3;
      arr.push(
        transverseToWorld(p[a], scale),
        transverseToWorld(p[a + 1], scale),
        zToWorld(p[a + 2]),
        transverseToWorld(p[b], scale),
        transverseToWorld(p[b + 1], scale),
        zToWorld(p[b + 2]),
      );
    }
  }
  return out;
}

/** Longest piece [world units, m] a segment is cut into for the progressive drawing. */
const PIECE_WORLD = 0.15;

/**
 * Progressive variant of segmentsByStyle: segments cut into pieces of at most PIECE_WORLD and
 * sorted by their upstream z [mm], with the sorted start z of every piece.
 */
function piecesByStyle(
  tracks: readonly TrackDetail[],
  scale: number,
): Map<TrackStyleId, { pts: number[]; z: Float64Array }> {
  const acc = new Map<TrackStyleId, { z: number; p: number[] }[]>();
  for (const t of tracks) {
    const p = t.points;
    const n = Math.floor(p.length / 3);
    if (n < 2) continue;
    const id = trackStyleOf(t);
    let arr = acc.get(id);
    if (!arr) {
      arr = [];
      acc.set(id, arr);
    }
    for (let i = 0; i < n - 1; i++) {
      const a = 3 * i;
      const b = a + 3;
      const ax = transverseToWorld(p[a], scale);
      const ay = transverseToWorld(p[a + 1], scale);
      const az = zToWorld(p[a + 2]);
      const bx = transverseToWorld(p[b], scale);
      const by = transverseToWorld(p[b + 1], scale);
      const bz = zToWorld(p[b + 2]);
      const len = Math.hypot(bx - ax, by - ay, bz - az);
      const k = Math.max(1, Math.ceil(len / PIECE_WORLD));
      for (let j = 0; j < k; j++) {
        const u0 = j / k;
        const u1 = (j + 1) / k;
        const z0 = p[a + 2] + u0 * (p[b + 2] - p[a + 2]);
        const z1 = p[a + 2] + u1 * (p[b + 2] - p[a + 2]);
        arr.push({
          z: Math.min(z0, z1),
          p: [
            ax + u0 * (bx - ax),
            ay + u0 * (by - ay),
            az + u0 * (bz - az),
            ax + u1 * (bx - ax),
            ay + u1 * (by - ay),
            az + u1 * (bz - az),
          ],
        });
      }
    }
  }
  const out = new Map<TrackStyleId, { pts: number[]; z: Float64Array }>();
  for (const [id, arr] of acc) {
    arr.sort((u, v) => u.z - v.z);
    const pts: number[] = [];
    const z = new Float64Array(arr.length);
    arr.forEach((piece, i) => {
      z[i] = piece.z;
      for (const c of piece.p) pts.push(c);
    });
    out.set(id, { pts, z });
  }
  return out;
}

/** Number of sorted values ≤ x (binary search). */
function countUpTo(sorted: Float64Array, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** z range [mm] of all track points of an event. */
export function eventZRange(tracks: readonly TrackDetail[]): { zMin: number; zMax: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const t of tracks) {
    for (let i = 2; i < t.points.length; i += 3) {
      if (t.points[i] < lo) lo = t.points[i];
      if (t.points[i] > hi) hi = t.points[i];
    }
  }
  return Number.isFinite(lo) ? { zMin: lo, zMax: hi } : { zMin: 0, zMax: 1 };
}

const HIT_RADIUS = 0.03;

function TrackerHits({ hits, scale }: { hits: readonly TrackerHit[]; scale: number }) {
  const ref = useRef<THREE.InstancedMesh>(null);
  const invalidate = useThree((s) => s.invalidate);
  const capacity = Math.max(1, hits.length);
  useLayoutEffect(() => {
    const mesh = ref.current;
    if (!mesh) return;
    const m = new THREE.Matrix4();
    for (let i = 0; i < hits.length; i++) {
      const h = hits[i];
      m.makeTranslation(transverseToWorld(h.xMm, scale), transverseToWorld(h.yMm, scale), zToWorld(h.zMm));
      mesh.setMatrixAt(i, m);
    }
    mesh.count = hits.length;
    mesh.instanceMatrix.needsUpdate = true;
    mesh.computeBoundingSphere();
    invalidate();
  }, [hits, scale, invalidate]);
  return (
    <instancedMesh key={capacity} ref={ref} args={[undefined, undefined, capacity]} frustumCulled={false}>
      <sphereGeometry args={[HIT_RADIUS, 12, 8]} />
      <meshBasicMaterial color="#e9fbff" toneMapped={false} />
    </instancedMesh>
  );
}

export interface EventTracksProps {
  event: EventDetail;
  scale: number;
  /**
   * Optional drawing progress 0…1: only what lies upstream of a front moving along z is drawn
   * (0 = nothing, 1 = everything). Omitted: the whole event, as before.
   */
  progress?: number;
}

/** One style's pieces, drawn up to the front by limiting the instance count of the line geometry. */
function ProgressiveLine({
  id,
  pts,
  z,
  frontZ,
}: {
  id: TrackStyleId;
  pts: number[];
  z: Float64Array;
  frontZ: number;
}) {
  const ref = useRef<ComponentRef<typeof Line>>(null);
  const invalidate = useThree((s) => s.invalidate);
  const visible = countUpTo(z, frontZ);
  useLayoutEffect(() => {
    const line = ref.current;
    if (!line) return;
    (line.geometry as THREE.InstancedBufferGeometry).instanceCount = visible;
    invalidate();
  }, [visible, pts, invalidate]);
  return (
    <Line
      ref={ref}
      name={`tracks-${id}`}
      points={pts}
      segments
      {...lineStyleProps(id)}
      visible={visible > 0}
    />
  );
}

/** Drawing properties of a track style (shared by the full and the progressive track layers). */
function lineStyleProps(id: TrackStyleId) {
  const s = TRACK_STYLES[id];
  return {
    color: s.color,
    lineWidth: s.width,
    dashed: s.dashed,
    dashSize: s.dash ?? 1,
    gapSize: s.gap ?? 0,
    toneMapped: false,
    transparent: true,
    renderOrder: 4,
  };
}

function ProgressiveTracks({ event, scale, progress }: { event: EventDetail; scale: number; progress: number }) {
  const groups = useMemo(() => piecesByStyle(event.tracks, scale), [event.tracks, scale]);
  const { zMin, zMax } = useMemo(() => eventZRange(event.tracks), [event.tracks]);
  const p = Math.min(1, Math.max(0, progress));
  const frontZ = p >= 1 ? Infinity : zMin + p * (zMax - zMin);
  const hits = useMemo(
    () => (frontZ === Infinity ? event.trackerHits : event.trackerHits.filter((h) => h.zMm <= frontZ)),
    [event.trackerHits, frontZ],
  );
  return (
    <group name="event">
      {STYLE_ORDER.map((id) => {
        const g = groups.get(id);
        if (!g || g.pts.length === 0) return null;
        return <ProgressiveLine key={id} id={id} pts={g.pts} z={g.z} frontZ={frontZ} />;
      })}
      {hits.length > 0 && <TrackerHits hits={hits} scale={scale} />}
    </group>
  );
}

export function EventTracks({ event, scale, progress }: EventTracksProps) {
  if (progress !== undefined) return <ProgressiveTracks event={event} scale={scale} progress={progress} />;
  return <AllTracks event={event} scale={scale} />;
}

function AllTracks({ event, scale }: { event: EventDetail; scale: number }) {
  const groups = useMemo(() => segmentsByStyle(event.tracks, scale), [event.tracks, scale]);
  return (
    <group name="event">
      {STYLE_ORDER.map((id) => {
        const pts = groups.get(id);
        if (!pts || pts.length === 0) return null;
        return (
          <Line
            key={id}
            name={`tracks-${id}`}
            points={pts}
            segments
            {...lineStyleProps(id)}
          />
        );
      })}
      {event.trackerHits.length > 0 && <TrackerHits hits={event.trackerHits} scale={scale} />}
    </group>
  );
}
