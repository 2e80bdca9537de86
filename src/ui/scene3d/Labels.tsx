/**
 * Element labels as one plain HTML layer over the canvas. React renders the label elements once
 * (outside the canvas, in the page's own React tree); the projector inside the canvas writes their
 * screen positions straight into the DOM on every rendered frame (no React state per frame).
 * A label sits above the screen-space bounding box of its element; static labels that would
 * overlap an already placed one are pushed upwards.
 */
import { useEffect, useRef, type CSSProperties, type RefObject } from 'react';
import * as THREE from 'three';
import { useFrame, useThree } from '@react-three/fiber';
import { useTranslation } from 'react-i18next';
import type { DetectorElement } from '../../physics/setups/types';
import { detectorShort } from '../../i18n/physicsText';
import type { WorldBox } from './units';

export interface LabelItem {
  id: string;
  el: DetectorElement;
  box: WorldBox;
  /** Shown permanently (when labels are on); otherwise only on hover. */
  big: boolean;
}

/** DOM nodes of the labels, filled by the overlay's callback refs and read by the projector. */
export interface LabelRegistry {
  nodes: Map<string, HTMLDivElement>;
  hover: HTMLDivElement | null;
}

const labelStyle: CSSProperties = {
  position: 'absolute',
  left: 0,
  top: 0,
  visibility: 'hidden',
  color: '#e8eef7',
  background: 'rgba(12, 18, 28, 0.72)',
  border: '1px solid rgba(255,255,255,0.15)',
  borderRadius: 3,
  padding: '1px 5px',
  font: '11px/1.3 system-ui, sans-serif',
  whiteSpace: 'nowrap',
  willChange: 'transform',
};

const hoverStyle: CSSProperties = {
  position: 'absolute',
  left: 0,
  top: 0,
  visibility: 'hidden',
  color: '#f3f6fb',
  background: 'rgba(10, 14, 22, 0.94)',
  border: '1px solid rgba(255,255,255,0.35)',
  borderRadius: 4,
  padding: '6px 8px',
  font: '12px/1.4 system-ui, sans-serif',
  width: 280,
  boxShadow: '0 2px 8px rgba(0,0,0,0.5)',
  zIndex: 1,
};

/** The HTML layer (render it next to the <Canvas>, inside a positioned wrapper). */
export function LabelOverlay({
  items,
  hovered,
  showLabels,
  registry,
  setupId = '',
  clickable = false,
}: {
  items: readonly LabelItem[];
  hovered: string | null;
  showLabels: boolean;
  registry: RefObject<LabelRegistry>;
  /** Setup of the elements (for the translated descriptions). */
  setupId?: string;
  /** Elements open an explanation when clicked: the hover label says so. */
  clickable?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? 'en';
  const hoveredItem = hovered ? items.find((it) => it.id === hovered) : undefined;
  const el = hoveredItem?.el;
  return (
    <div
      style={{
        position: 'absolute',
        inset: 0,
        pointerEvents: 'none',
        overflow: 'hidden',
        userSelect: 'none',
      }}
      data-testid="scene3d-labels"
    >
      {showLabels &&
        items
          .filter((it) => it.big && it.id !== hovered)
          .map((it) => (
            <div
              key={it.id}
              style={labelStyle}
              ref={(node) => {
                if (node) registry.current.nodes.set(it.id, node);
                else registry.current.nodes.delete(it.id);
              }}
            >
              {it.el.label}
            </div>
          ))}
      {el && (
        <div
          key={`hover-${el.id}`}
          style={hoverStyle}
          data-testid="scene3d-hover-label"
          ref={(node) => {
            registry.current.hover = node;
          }}
        >
          <div style={{ fontWeight: 600, fontSize: 13 }}>
            {el.label} <span style={{ fontWeight: 400, opacity: 0.7 }}>({t(`scene.role.${el.role}`, { defaultValue: el.role })})</span>
          </div>
          <div style={{ marginTop: 2 }}>{detectorShort(t, lang, setupId, el)}</div>
          <div style={{ marginTop: 4, opacity: 0.6, fontSize: 11 }}>
            z = {(el.zMm / 1000).toFixed(2)} m, {Math.round(el.widthMm)}×{Math.round(el.heightMm)}×
            {Math.round(el.lengthMm)} mm{el.fieldT ? `, B = ${el.fieldT.toFixed(2)} T` : ''}
          </div>
          {clickable ? (
            <div style={{ marginTop: 4, color: '#9cc3ff', fontSize: 11 }}>{t('scene.clickForMore')}</div>
          ) : null}
        </div>
      )}
    </div>
  );
}

/** Max. labels placed per frame (the scratch buffers are sized for this). */
const MAX_LABELS = 256;
/** Keep the hover label clear of the toolbar row. */
const TOP_RESERVED = 40;

/** Inside the <Canvas>: projects the label anchors and moves the label nodes. */
export function LabelProjector({
  items,
  hovered,
  showLabels,
  registry,
}: {
  items: readonly LabelItem[];
  hovered: string | null;
  showLabels: boolean;
  registry: RefObject<LabelRegistry>;
}) {
  const invalidate = useThree((s) => s.invalidate);
  // Re-render once when the set of visible labels changes, so that new nodes get placed.
  useEffect(() => invalidate(), [items, hovered, showLabels, invalidate]);

  const scratch = useRef({
    v: new THREE.Vector3(),
    rect: new Float32Array(4),
    placed: new Float32Array(MAX_LABELS * 4),
    sizes: new WeakMap<HTMLElement, [number, number]>(),
  });

  /** Screen bounding box of a world box into scratch.rect; false if any corner is behind the camera. */
  const project = (b: WorldBox, camera: THREE.Camera, w: number, h: number): boolean => {
    const s = scratch.current;
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (let i = 0; i < 8; i++) {
      s.v.set(
        b.cx + (i & 1 ? 0.5 : -0.5) * b.sx,
        b.cy + (i & 2 ? 0.5 : -0.5) * b.sy,
        b.cz + (i & 4 ? 0.5 : -0.5) * b.sz,
      );
      s.v.applyMatrix4(camera.matrixWorldInverse);
      if (s.v.z > -1e-3) return false;
      s.v.applyMatrix4(camera.projectionMatrix);
      const sx = (s.v.x * 0.5 + 0.5) * w;
      const sy = (-s.v.y * 0.5 + 0.5) * h;
      if (sx < x0) x0 = sx;
      if (sx > x1) x1 = sx;
      if (sy < y0) y0 = sy;
      if (sy > y1) y1 = sy;
    }
    s.rect[0] = x0;
    s.rect[1] = y0;
    s.rect[2] = x1;
    s.rect[3] = y1;
    return true;
  };

  const sizeOf = (node: HTMLElement): [number, number] => {
    const sizes = scratch.current.sizes;
    let sz = sizes.get(node);
    if (!sz) {
      sz = [node.offsetWidth, node.offsetHeight];
      if (sz[0] > 0) sizes.set(node, sz);
    }
    return sz;
  };

  const place = (node: HTMLElement, x: number, y: number) => {
    node.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
    node.style.visibility = 'visible';
  };

  useFrame((state) => {
    const reg = registry.current;
    const { camera } = state;
    const w = state.size.width;
    const h = state.size.height;
    camera.updateMatrixWorld();
    const s = scratch.current;
    let nPlaced = 0;
    if (showLabels) {
      for (const it of items) {
        const node = reg.nodes.get(it.id);
        if (!node) continue;
        if (!project(it.box, camera, w, h)) {
          node.style.visibility = 'hidden';
          continue;
        }
        const sz = sizeOf(node);
        const lw = sz[0];
        const lh = sz[1];
        const x = Math.min(Math.max((s.rect[0] + s.rect[2]) / 2 - lw / 2, 2), w - lw - 2);
        let y = s.rect[1] - lh - 3;
        // Push up past already placed labels that overlap.
        for (let pass = 0; pass < 4; pass++) {
          let moved = false;
          for (let k = 0; k < nPlaced; k++) {
            const o = 4 * k;
            if (
              x < s.placed[o + 2] &&
              x + lw > s.placed[o] &&
              y < s.placed[o + 3] &&
              y + lh > s.placed[o + 1]
            ) {
              y = s.placed[o + 1] - lh - 2;
              moved = true;
            }
          }
          if (!moved) break;
        }
        if (s.rect[2] < 0 || s.rect[0] > w || y + lh < 0 || y > h) {
          node.style.visibility = 'hidden';
          continue;
        }
        if (nPlaced < MAX_LABELS) {
          const o = 4 * nPlaced++;
          s.placed[o] = x;
          s.placed[o + 1] = y;
          s.placed[o + 2] = x + lw;
          s.placed[o + 3] = y + lh;
        }
        place(node, x, y);
      }
    }
    const hoverNode = reg.hover;
    if (hoverNode && hovered) {
      let it: LabelItem | null = null;
      for (const i of items) if (i.id === hovered) it = i;
      const lw = hoverNode.offsetWidth;
      const lh = hoverNode.offsetHeight;
      if (it && project(it.box, camera, w, h)) {
        const x = Math.min(Math.max((s.rect[0] + s.rect[2]) / 2 - lw / 2, 4), w - lw - 4);
        let y = s.rect[1] - lh - 8;
        if (y < TOP_RESERVED) y = Math.min(s.rect[3] + 8, h - lh - 4);
        if (y < TOP_RESERVED) y = TOP_RESERVED;
        place(hoverNode, x, y);
      } else {
        // Element partly behind the camera: show the label in a fixed corner.
        place(hoverNode, 8, TOP_RESERVED);
      }
    }
  });
  return null;
}
