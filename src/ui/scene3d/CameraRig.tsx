/**
 * The camera rig of the 3D view (DetectorScene.tsx): tweens the camera and the orbit target to a
 * preset pose (cameraPresets.ts). Per-frame state (the camera tween) lives in a ref; a frame is
 * requested only while the tween runs.
 */
import { useEffect, useRef } from 'react';
import * as THREE from 'three';
import { useFrame, useThree } from '@react-three/fiber';
import type { Setup } from '../../physics/setups/types';
import { FOV_DEG, presetPose, type CameraPreset } from './cameraPresets';

const TWEEN_MS = 650;

interface ControlsLike {
  target: THREE.Vector3;
  update(): void;
}

function isControls(x: unknown): x is ControlsLike {
  return typeof x === 'object' && x !== null && 'target' in x && 'update' in x;
}

/** Tweens the camera and the orbit target to a preset whenever a new one is requested. */
export function CameraRig({
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
