/**
 * The HTML controls over the 3D view (DetectorScene.tsx): the camera preset toolbar, the transverse
 * exaggeration selector, the track key and the cell energy legend (or the "no event" note).
 */
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { CellEnergyLegend } from './CaloCells';
import type { CameraPreset } from './cameraPresets';
import { TRACK_STYLES, type TrackStyleId } from './EventTracks';
import { TRANSVERSE_SCALES } from './units';

/** Camera presets; texts and titles are i18n keys scene.preset.<id>.text / .title. */
const PRESETS: { id: CameraPreset }[] = [
  { id: 'side' },
  { id: 'top' },
  { id: 'beam' },
  { id: 'overview' },
  { id: 'ecal' },
];

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

/** The overlay controls; `choosePreset` / `chooseScale` are called when the user picks one. */
export function SceneOverlay({
  preset,
  scale,
  hasEvent,
  choosePreset,
  chooseScale,
}: {
  preset: CameraPreset;
  scale: number;
  hasEvent: boolean;
  choosePreset(p: CameraPreset): void;
  chooseScale(s: number): void;
}) {
  const { t } = useTranslation();
  return (
    <>
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

      <div style={{ ...overlayBox, bottom: 8, left: 8 }}>{hasEvent && <TrackKey />}</div>
      <div style={{ ...overlayBox, bottom: 8, right: 8 }}>
        {hasEvent ? (
          <CellEnergyLegend />
        ) : (
          <span style={{ background: 'rgba(10,14,22,0.8)', padding: '3px 6px', borderRadius: 4 }}>
            {t('scene.noEvent')}
          </span>
        )}
      </div>
    </>
  );
}
