/**
 * The tracks of one event as polylines and the tracker hits as small spheres. Tracks are batched
 * by drawing style (one fat-line segment set per style), so an event with many particles costs a
 * handful of draw calls; hits are one instanced mesh. Tracks are drawn last (transparent pass,
 * highest render order) so that they stay visible inside the semi-transparent calorimeter cells.
 */
import { useLayoutEffect, useMemo, useRef } from 'react';
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
}

export function EventTracks({ event, scale }: EventTracksProps) {
  const groups = useMemo(() => segmentsByStyle(event.tracks, scale), [event.tracks, scale]);
  return (
    <group name="event">
      {STYLE_ORDER.map((id) => {
        const pts = groups.get(id);
        if (!pts || pts.length === 0) return null;
        const s = TRACK_STYLES[id];
        return (
          <Line
            key={id}
            name={`tracks-${id}`}
            points={pts}
            segments
            color={s.color}
            lineWidth={s.width}
            dashed={s.dashed}
            dashSize={s.dash ?? 1}
            gapSize={s.gap ?? 0}
            toneMapped={false}
            transparent
            renderOrder={4}
          />
        );
      })}
      {event.trackerHits.length > 0 && <TrackerHits hits={event.trackerHits} scale={scale} />}
    </group>
  );
}
