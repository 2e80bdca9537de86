/**
 * Camera presets of the 3D view (DetectorScene.tsx): the pose (position, orbit target, field of
 * view) of each preset, framed on the setup by bisection on a scratch camera.
 *
 * Presets: 'side' shows the bending plane x–z (camera on +y, beam left to right, +x up on the
 * screen); 'top' is the orthogonal y–z projection (camera on −x). With y vertical in the lab these
 * names are swapped relative to the lab; 'side' is the view in which the bend is visible.
 * 'beam' looks along +z from just behind the magnets, centred on the ECAL, with a narrowed field
 * of view (close to an x–y projection); 'overview' is a 3/4 view; 'ecal' a close-up of the ECAL.
 */
import * as THREE from 'three';
import type { Setup } from '../../physics/setups/types';
import { elementBox, setupBounds, zToWorld, type WorldBounds } from './units';

export type CameraPreset = 'side' | 'top' | 'beam' | 'overview' | 'ecal';

export const FOV_DEG = 35;

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
