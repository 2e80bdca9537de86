/**
 * The 3D view: the detector of a Setup and one selected event (tracks, tracker hits, calorimeter
 * cells), with orbit controls, animated camera presets and a transverse exaggeration selector.
 *
 * Rendering is on demand (frameloop="demand"): a frame is drawn only when the controls move, a
 * camera preset is animating, or the data changes. Per-frame state (the camera tween) lives in refs.
 *
 * Presets: 'side' shows the bending plane x–z (camera on +y, beam left to right, +x up on the
 * screen); 'top' is the orthogonal y–z projection (camera on −x). With y vertical in the lab these
 * names are swapped relative to the lab; 'side' is the view in which the bend is visible.
 * 'beam' looks along +z from just behind the magnets, centred on the ECAL, with a narrowed field
 * of view (close to an x–y projection); 'overview' is a 3/4 view; 'ecal' a close-up of the ECAL.
 */
import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import * as THREE from 'three';
import { Canvas, useFrame, useThree } from '@react-three/fiber';
import { Line, OrbitControls } from '@react-three/drei';
import { useTranslation } from 'react-i18next';
import type { EventDetail } from '../../physics/detail';
import type { Setup } from '../../physics/setups/types';
import { CaloCells, CellEnergyLegend } from './CaloCells';
import { BIG_ROLES, DetectorElements } from './DetectorElements';
import { LabelOverlay, LabelProjector, type LabelItem, type LabelRegistry } from './Labels';
import { EventTracks, TRACK_STYLES, eventZRange, type TrackStyleId } from './EventTracks';
import {
  DEFAULT_TRANSVERSE_SCALE,
  TRANSVERSE_SCALES,
  elementBox,
  setupBounds,
  zToWorld,
  type WorldBounds,
} from './units';

export type CameraPreset = 'side' | 'top' | 'beam' | 'overview' | 'ecal';

export interface DetectorSceneProps {
  setup: Setup;
  event: EventDetail | null;
  cameraPreset: CameraPreset;
  onCameraPresetChange?(p: CameraPreset): void;
  /** Transverse (x, y) exaggeration; default 5. The on-screen selector changes it locally. */
  transverseScale?: number;
  /** Called when the user picks another transverse exaggeration in the view. */
  onTransverseScaleChange?(s: number): void;
  /** A detector element was clicked (not dragged): e.g. open its explanation. */
  onElementClick?(id: string): void;
  /**
   * If set, the tracks of every new event are drawn progressively over this many milliseconds
   * (particles flying through the detector; the calorimeter cells light up when the front reaches
   * them). Unset: the whole event is drawn at once.
   */
  animateTracksMs?: number;
}

/** Camera presets; texts and titles are i18n keys scene.preset.<id>.text / .title. */
const PRESETS: { id: CameraPreset }[] = [
  { id: 'side' },
  { id: 'top' },
  { id: 'beam' },
  { id: 'overview' },
  { id: 'ecal' },
];

const FOV_DEG = 35;
const TWEEN_MS = 650;

interface Pose {
  position: [number, number, number];
  target: [number, number, number];
  /** Vertical field of view [deg]. */
  fov: number;
}

const fitCamera = new THREE.PerspectiveCamera(FOV_DEG, 1, 0.02, 1000);
const fitPoint = new THREE.Vector3();

/**
 * Smallest distance along `dir` from `target` at which all corners of `b` are in front of the
 * camera and inside `margin` of the view (NDC). Bisection on a scratch camera.
 */
function allInView(points: Float32Array, margin: number): boolean {
  fitCamera.updateMatrixWorld();
  for (let i = 0; i < points.length; i += 3) {
    fitPoint.set(points[i], points[i + 1], points[i + 2]);
    fitPoint.applyMatrix4(fitCamera.matrixWorldInverse);
    if (fitPoint.z > -fitCamera.near) return false;
    fitPoint.applyMatrix4(fitCamera.projectionMatrix);
    if (Math.abs(fitPoint.x) > margin || Math.abs(fitPoint.y) > margin) return false;
  }
  return true;
}

function fitDistance(
  points: Float32Array,
  target: THREE.Vector3,
  dir: THREE.Vector3,
  aspect: number,
  margin = 0.9,
): number {
  fitCamera.aspect = aspect;
  fitCamera.fov = FOV_DEG;
  fitCamera.updateProjectionMatrix();
  const fits = (d: number) => {
    fitCamera.position.copy(target).addScaledVector(dir, d);
    fitCamera.up.set(0, 1, 0);
    fitCamera.lookAt(target);
    return allInView(points, margin);
  };
  let lo = 0.05;
  let hi = 1000;
  if (!fits(hi)) return hi;
  for (let k = 0; k < 40; k++) {
    const mid = Math.sqrt(lo * hi);
    if (fits(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

function poseAlong(
  points: Float32Array,
  target: [number, number, number],
  dir: [number, number, number],
  aspect: number,
  margin?: number,
): Pose {
  const t = new THREE.Vector3(...target);
  const d = new THREE.Vector3(...dir).normalize();
  const dist = fitDistance(points, t, d, aspect, margin);
  return { position: [t.x + d.x * dist, t.y + d.y * dist, t.z + d.z * dist], target, fov: FOV_DEG };
}

/** Smallest field of view [deg] from a fixed position at which all points fit (5°…60°). */
function fitFov(
  points: Float32Array,
  position: THREE.Vector3,
  target: THREE.Vector3,
  aspect: number,
  margin: number,
): number {
  fitCamera.aspect = aspect;
  fitCamera.position.copy(position);
  fitCamera.up.set(0, 1, 0);
  fitCamera.lookAt(target);
  const fits = (fov: number) => {
    fitCamera.fov = fov;
    fitCamera.updateProjectionMatrix();
    return allInView(points, margin);
  };
  let lo = 5;
  let hi = 60;
  if (fits(lo)) return lo;
  if (!fits(hi)) return hi;
  for (let k = 0; k < 30; k++) {
    const mid = (lo + hi) / 2;
    if (fits(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The 8 corners of every element box (of the given ids, or all) as a flat xyz list. */
function elementCorners(setup: Setup, scale: number, ids?: readonly string[]): Float32Array {
  const els = ids ? setup.elements.filter((el) => ids.includes(el.id)) : setup.elements;
  const out = new Float32Array(els.length * 24);
  els.forEach((el, n) => {
    const b = elementBox(el, scale);
    for (let i = 0; i < 8; i++) {
      out[n * 24 + 3 * i] = b.cx + (i & 1 ? 0.5 : -0.5) * b.sx;
      out[n * 24 + 3 * i + 1] = b.cy + (i & 2 ? 0.5 : -0.5) * b.sy;
      out[n * 24 + 3 * i + 2] = b.cz + (i & 4 ? 0.5 : -0.5) * b.sz;
    }
  });
  return out;
}

function centre(b: WorldBounds): [number, number, number] {
  return [(b.min[0] + b.max[0]) / 2, (b.min[1] + b.max[1]) / 2, (b.min[2] + b.max[2]) / 2];
}

/** Camera pose of a preset, framed on the setup (world units for the given scale and aspect). */
export function presetPose(preset: CameraPreset, setup: Setup, scale: number, aspect: number): Pose {
  const b = setupBounds(setup, scale);
  const c = centre(b);
  const all = elementCorners(setup, scale);
  const ecal = setup.elements.find((el) => el.role === 'ecal') ?? setup.elements.find((el) => el.cells);
  switch (preset) {
    case 'side':
      // Looking along −y; a tiny tilt towards −x puts +x up on the screen and z to the right.
      return poseAlong(all, c, [-1e-3, 1, 0], aspect, 0.94);
    case 'top':
      // Looking along +x from the −x side: y up on the screen, z to the right.
      return poseAlong(all, c, [-1, 0, 0], aspect, 0.94);
    case 'beam': {
      // Looking along +z from upstream, on the deflected beam line through the ECAL, from just
      // behind the last magnet (or the upstream end), with the field of view narrowed to frame the
      // ECAL and everything behind it: close to a projection onto the x–y plane.
      if (!ecal) return poseAlong(all, [0, 0, c[2]], [0, 0, -1], aspect, 0.9);
      const ec = elementBox(ecal, scale);
      const magnets = setup.elements.filter((el) => el.role === 'magnet');
      const zCam = magnets.length
        ? Math.max(...magnets.map((el) => zToWorld(el.zMm + el.lengthMm))) + 0.5
        : b.min[2] - 1;
      const behind = setup.elements.filter((el) => el.zMm >= ecal.zMm).map((el) => el.id);
      const position = new THREE.Vector3(ec.cx, ec.cy, Math.min(zCam, ec.cz - 1));
      const target = new THREE.Vector3(ec.cx, ec.cy, ec.cz);
      const fov = fitFov(elementCorners(setup, scale, behind), position, target, aspect, 0.85);
      return { position: position.toArray(), target: target.toArray(), fov };
    }
    case 'ecal': {
      if (!ecal) return presetPose('overview', setup, scale, aspect);
      const near = setup.elements.filter((el) => el.role === 'ecal' || el.role === 'srd').map((el) => el.id);
      const ec = elementBox(ecal, scale);
      return poseAlong(
        elementCorners(setup, scale, near),
        [ec.cx, ec.cy, ec.cz],
        [-0.8, 0.55, -0.9],
        aspect,
        0.75,
      );
    }
    case 'overview':
    default:
      return poseAlong(all, [c[0], c[1], c[2]], [-1, 0.55, -0.4], aspect, 0.95);
  }
}

interface ControlsLike {
  target: THREE.Vector3;
  update(): void;
}

function isControls(x: unknown): x is ControlsLike {
  return typeof x === 'object' && x !== null && 'target' in x && 'update' in x;
}

/** Tweens the camera and the orbit target to a preset whenever a new one is requested. */
function CameraRig({
  preset,
  nonce,
  setup,
  scale,
}: {
  preset: CameraPreset;
  nonce: number;
  setup: Setup;
  scale: number;
}) {
  const get = useThree((s) => s.get);
  const invalidate = useThree((s) => s.invalidate);
  const tween = useRef({
    active: false,
    start: 0,
    duration: 0,
    fromPos: new THREE.Vector3(),
    fromTarget: new THREE.Vector3(),
    toPos: new THREE.Vector3(),
    toTarget: new THREE.Vector3(),
    fromFov: FOV_DEG,
    toFov: FOV_DEG,
    first: true,
  });

  useEffect(() => {
    const state = get();
    const tw = tween.current;
    const pose = presetPose(preset, setup, scale, state.size.width / Math.max(1, state.size.height));
    const controls = isControls(state.controls) ? state.controls : null;
    tw.fromPos.copy(state.camera.position);
    if (controls) tw.fromTarget.copy(controls.target);
    else tw.fromTarget.set(...pose.target);
    tw.toPos.set(...pose.position);
    tw.toTarget.set(...pose.target);
    tw.fromFov = state.camera instanceof THREE.PerspectiveCamera ? state.camera.fov : pose.fov;
    tw.toFov = pose.fov;
    tw.start = performance.now();
    tw.duration = tw.first ? 0 : TWEEN_MS;
    tw.first = false;
    tw.active = true;
    invalidate();
  }, [preset, nonce, setup, scale, get, invalidate]);

  // A drag or zoom by the user ends a running tween (instead of fighting it).
  const controls = useThree((s) => s.controls);
  useEffect(() => {
    if (!controls) return;
    const stop = () => {
      tween.current.active = false;
    };
    const target = controls as THREE.EventDispatcher<{ start: object }>;
    target.addEventListener('start', stop);
    return () => target.removeEventListener('start', stop);
  }, [controls]);

  useFrame((state) => {
    const tw = tween.current;
    if (!tw.active) return;
    const u = tw.duration > 0 ? Math.min(1, (performance.now() - tw.start) / tw.duration) : 1;
    const k = u < 0.5 ? 4 * u * u * u : 1 - Math.pow(-2 * u + 2, 3) / 2;
    const cam = state.camera;
    cam.position.lerpVectors(tw.fromPos, tw.toPos, k);
    if (cam instanceof THREE.PerspectiveCamera && tw.fromFov !== tw.toFov) {
      cam.fov = tw.fromFov + (tw.toFov - tw.fromFov) * k;
      cam.updateProjectionMatrix();
    }
    const controls = isControls(state.controls) ? state.controls : null;
    if (controls) {
      controls.target.lerpVectors(tw.fromTarget, tw.toTarget, k);
      controls.update();
    } else {
      cam.lookAt(tw.toTarget);
    }
    if (u < 1) state.invalidate();
    else tw.active = false;
  });
  return null;
}

function BeamAxis({ zStart, zEnd }: { zStart: number; zEnd: number }) {
  return (
    <Line
      points={[0, 0, zStart, 0, 0, zEnd]}
      color="#7d8794"
      lineWidth={1}
      dashed
      dashSize={0.25}
      gapSize={0.15}
      transparent
      opacity={0.6}
    />
  );
}

const overlayBox: CSSProperties = {
  position: 'absolute',
  zIndex: 2,
  display: 'flex',
  gap: 4,
  alignItems: 'center',
  font: '12px/1.2 system-ui, sans-serif',
  color: '#dfe6ef',
};

const buttonStyle = (active: boolean): CSSProperties => ({
  font: 'inherit',
  padding: '3px 8px',
  borderRadius: 4,
  border: `1px solid ${active ? '#8fb8ff' : 'rgba(255,255,255,0.25)'}`,
  background: active ? 'rgba(70,110,190,0.85)' : 'rgba(20,26,38,0.8)',
  color: '#eef3fa',
  cursor: 'pointer',
});

const TRACK_KEY_ORDER: TrackStyleId[] = [
  'eminus',
  'eplus',
  'gamma',
  'muon',
  'hadron',
  'neutral',
  'invisible',
];

function TrackKey() {
  const { t } = useTranslation();
  return (
    <div
      style={{
        background: 'rgba(10,14,22,0.8)',
        borderRadius: 4,
        padding: '4px 8px',
        display: 'flex',
        flexWrap: 'wrap',
        gap: '2px 10px',
        maxWidth: 300,
        font: '11px/1.3 system-ui, sans-serif',
      }}
    >
      {TRACK_KEY_ORDER.map((id) => {
        const s = TRACK_STYLES[id];
        return (
          <span key={id} style={{ display: 'inline-flex', alignItems: 'center', gap: 4 }}>
            <span
              style={{
                display: 'inline-block',
                width: 16,
                borderTop: `${Math.max(1, Math.round(s.width))}px ${s.dashed ? 'dashed' : 'solid'} ${s.color}`,
              }}
            />
            {t(`scene.track.${id}`, { defaultValue: s.label })}
          </span>
        );
      })}
    </div>
  );
}

/**
 * The event drawn progressively: the front of the event moves from the most upstream to the most
 * downstream track point in `durationMs`; the calorimeter cells appear once the front has reached
 * the first calorimeter. Restarts for every new event. Progress lives in a ref and state of this
 * small subtree only (the rest of the scene does not re-render).
 */
function AnimatedEvent({
  event,
  setup,
  scale,
  durationMs,
}: {
  event: EventDetail;
  setup: Setup;
  scale: number;
  durationMs: number;
}) {
  const invalidate = useThree((s) => s.invalidate);
  const [progress, setProgress] = useState(0);
  const [prevEvent, setPrevEvent] = useState(event);
  if (prevEvent !== event) {
    setPrevEvent(event);
    setProgress(0);
  }
  const start = useRef<number | null>(null);
  useEffect(() => {
    start.current = null;
    invalidate();
  }, [event, invalidate]);
  const { zMin, zMax } = useMemo(() => eventZRange(event.tracks), [event]);
  const caloZ = useMemo(() => {
    const calos = setup.elements.filter((el) => el.cells);
    return calos.length ? Math.min(...calos.map((el) => el.zMm)) : zMin;
  }, [setup, zMin]);
  useFrame((state) => {
    if (progress >= 1) return;
    const now = performance.now();
    if (start.current === null) start.current = now;
    const p = Math.min(1, (now - start.current) / Math.max(1, durationMs));
    // re-render this subtree at most ~30 times per second
    if (p >= 1 || p - progress > 1 / 45) setProgress(p);
    state.invalidate();
  });
  const frontZ = zMin + progress * (zMax - zMin);
  return (
    <>
      {frontZ >= caloZ && <CaloCells setup={setup} cells={event.cells} scale={scale} />}
      <EventTracks event={event} scale={scale} progress={progress} />
    </>
  );
}

export function DetectorScene(props: DetectorSceneProps) {
  const { setup, event, cameraPreset, onCameraPresetChange, onTransverseScaleChange, onElementClick, animateTracksMs } =
    props;
  const { t } = useTranslation();
  const propScale = props.transverseScale ?? DEFAULT_TRANSVERSE_SCALE;

  // Local copies so that the view works uncontrolled too; a new prop value wins.
  const [preset, setPreset] = useState<CameraPreset>(cameraPreset);
  const [prevPresetProp, setPrevPresetProp] = useState<CameraPreset>(cameraPreset);
  const [nonce, setNonce] = useState(0);
  if (cameraPreset !== prevPresetProp) {
    setPrevPresetProp(cameraPreset);
    setPreset(cameraPreset);
  }
  const [scale, setScale] = useState(propScale);
  const [prevScaleProp, setPrevScaleProp] = useState(propScale);
  if (propScale !== prevScaleProp) {
    setPrevScaleProp(propScale);
    setScale(propScale);
  }

  const choosePreset = (p: CameraPreset) => {
    setPreset(p);
    setNonce((n) => n + 1); // re-frame even when the same preset is clicked again
    onCameraPresetChange?.(p);
  };
  const chooseScale = (s: number) => {
    setScale(s);
    onTransverseScaleChange?.(s);
  };

  const [hovered, setHovered] = useState<string | null>(null);
  const onHover = (id: string, on: boolean) => setHovered((prev) => (on ? id : prev === id ? null : prev));
  const labelItems = useMemo<LabelItem[]>(
    () =>
      setup.elements.map((el) => ({
        id: el.id,
        el,
        box: elementBox(el, scale),
        big: BIG_ROLES.has(el.role),
      })),
    [setup, scale],
  );
  const registry = useRef<LabelRegistry>({ nodes: new Map(), hover: null });

  const bounds = setupBounds(setup, 1);
  const zStart = bounds.min[2] - 1;
  const zEnd = bounds.max[2] + 1;
  const showLabels = preset === 'overview' || preset === 'side' || preset === 'top';

  return (
    <div
      data-testid="scene3d"
      style={{
        position: 'relative',
        width: '100%',
        height: '100%',
        minHeight: 240,
        background: '#0b1018',
        overflow: 'hidden',
      }}
    >
      <div
        style={{ position: 'absolute', inset: 0, zIndex: 0 }}
        aria-label={t('scene.aria', { name: t(`setups.${setup.id}`, { defaultValue: setup.name }) })}
        role="img"
      >
        <Canvas
          frameloop="demand"
          dpr={[1, 2]}
          gl={{ preserveDrawingBuffer: true, antialias: true }}
          camera={{ fov: FOV_DEG, near: 0.02, far: 400, position: [-20, 12, -8] }}
        >
          <color attach="background" args={['#0b1018']} />
          <ambientLight intensity={0.7} />
          <directionalLight position={[-10, 20, -15]} intensity={1.4} />
          <directionalLight position={[10, -5, 30]} intensity={0.4} />
          <BeamAxis zStart={zStart} zEnd={zEnd} />
          <DetectorElements setup={setup} scale={scale} hovered={hovered} onHover={onHover} onSelect={onElementClick} />
          {event && animateTracksMs ? (
            <AnimatedEvent event={event} setup={setup} scale={scale} durationMs={animateTracksMs} />
          ) : (
            <>
              {event && <CaloCells setup={setup} cells={event.cells} scale={scale} />}
              {event && <EventTracks event={event} scale={scale} />}
            </>
          )}
          <OrbitControls makeDefault enableDamping dampingFactor={0.15} maxDistance={200} minDistance={0.2} />
          <CameraRig preset={preset} nonce={nonce} setup={setup} scale={scale} />
          <LabelProjector items={labelItems} hovered={hovered} showLabels={showLabels} registry={registry} />
        </Canvas>
      </div>
      <div style={{ position: 'absolute', inset: 0, zIndex: 1, pointerEvents: 'none' }}>
        <LabelOverlay
          items={labelItems}
          hovered={hovered}
          showLabels={showLabels}
          registry={registry}
          setupId={setup.id}
          clickable={!!onElementClick}
        />
      </div>

      <div style={{ ...overlayBox, top: 8, left: 8 }} role="toolbar" aria-label={t('scene.presetsAria')}>
        {PRESETS.map((p) => (
          <button
            key={p.id}
            type="button"
            data-testid={`camera-${p.id}`}
            title={t(`scene.preset.${p.id}.title`)}
            aria-pressed={preset === p.id}
            style={buttonStyle(preset === p.id)}
            onClick={() => choosePreset(p.id)}
          >
            {t(`scene.preset.${p.id}.text`)}
          </button>
        ))}
      </div>

      <div style={{ ...overlayBox, top: 8, right: 8 }} data-testid="scene3d-transverse">
        <span style={{ background: 'rgba(10,14,22,0.8)', padding: '3px 6px', borderRadius: 4 }}>
          {t('scene.transverse', { scale })}
        </span>
        {TRANSVERSE_SCALES.map((s) => (
          <button
            key={s}
            type="button"
            data-testid={`transverse-${s}`}
            title={t('scene.transverseTitle', { scale: s })}
            aria-pressed={scale === s}
            style={buttonStyle(scale === s)}
            onClick={() => chooseScale(s)}
          >
            ×{s}
          </button>
        ))}
      </div>

      <div style={{ ...overlayBox, bottom: 8, left: 8 }}>{event && <TrackKey />}</div>
      <div style={{ ...overlayBox, bottom: 8, right: 8 }}>
        {event ? (
          <CellEnergyLegend />
        ) : (
          <span style={{ background: 'rgba(10,14,22,0.8)', padding: '3px 6px', borderRadius: 4 }}>
            {t('scene.noEvent')}
          </span>
        )}
      </div>
    </div>
  );
}
