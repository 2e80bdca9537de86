/**
 * The 3D view: the detector of a Setup and one selected event (tracks, tracker hits, calorimeter
 * cells), with orbit controls, animated camera presets and a transverse exaggeration selector.
 *
 * Rendering is on demand (frameloop="demand"): a frame is drawn only when the controls move, a
 * camera preset is animating, or the data changes. Per-frame state (the camera tween) lives in refs.
 *
 * Camera presets and their poses: cameraPresets.ts; the camera tween: CameraRig.tsx; the HTML
 * controls over the view: SceneOverlay.tsx.
 */
import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { Canvas, useFrame, useThree } from '@react-three/fiber';
import { Line, OrbitControls } from '@react-three/drei';
import { useTranslation } from 'react-i18next';
import type { EventDetail } from '../../physics/detail';
import type { Setup } from '../../physics/setups/types';
import { CaloCells } from './CaloCells';
import { CameraRig } from './CameraRig';
import { FOV_DEG, type CameraPreset } from './cameraPresets';
import { BIG_ROLES, DetectorElements } from './DetectorElements';
import { LabelOverlay, LabelProjector, type LabelItem, type LabelRegistry } from './Labels';
import { EventTracks, eventZRange } from './EventTracks';
import { SceneOverlay } from './SceneOverlay';
import { DEFAULT_TRANSVERSE_SCALE, elementBox, setupBounds } from './units';

export { presetPose, type CameraPreset } from './cameraPresets';

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

function BeamAxis({ zStart, zEnd }: { zStart: number; zEnd: number }) {
  // a stable array: drei's Line rebuilds its geometry for a new `points` array and disposes its
  // material with the old geometry, which recompiles the shader on the next frame (every re-render)
  const points = useMemo(() => [0, 0, zStart, 0, 0, zEnd], [zStart, zEnd]);
  return (
    <Line
      points={points}
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

/**
 * The 3D view, memoised: a parent re-render with the same props (e.g. the progress updates of a
 * run) does not re-render the scene, so no frame is drawn (on a software-rendered GL that frame
 * would take CPU from the simulation workers).
 */
export const DetectorScene = memo(DetectorSceneView);

function DetectorSceneView(props: DetectorSceneProps) {
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

      <SceneOverlay
        preset={preset}
        scale={scale}
        hasEvent={!!event}
        choosePreset={choosePreset}
        chooseScale={chooseScale}
      />
    </div>
  );
}
