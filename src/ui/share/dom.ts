/** Browser helpers of the sharing toolbar: downloads, rasterising an SVG, the 3D canvas, clipboard. */
import { i18n } from '../../i18n';

/** Save a blob as a file (Blob + <a download>). */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // revoking at once can cancel the download in some browsers
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export function downloadText(text: string, fileName: string, type: string): void {
  downloadBlob(new Blob([text], { type }), fileName);
}

function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(i18n.t('share.pngEncode')))), 'image/png'),
  );
}

/** Render an SVG document (with its own width/height in pixels) to a PNG of width × height. */
export async function svgToPng(svg: string, width: number, height: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image(width, height);
    img.decoding = 'async';
    img.src = url;
    await img.decode();
    if (typeof OffscreenCanvas !== 'undefined') {
      const oc = new OffscreenCanvas(width, height);
      const ctx = oc.getContext('2d');
      if (!ctx) throw new Error(i18n.t('share.noCanvas'));
      ctx.drawImage(img, 0, 0, width, height);
      return await oc.convertToBlob({ type: 'image/png' });
    }
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error(i18n.t('share.noCanvas'));
    ctx.drawImage(img, 0, 0, width, height);
    return await canvasToPng(canvas);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The WebGL canvas of the 3D view as a PNG (its drawing buffer is preserved). */
export async function sceneToPng(): Promise<Blob> {
  const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="scene3d"] canvas');
  if (!canvas) throw new Error(i18n.t('share.no3d'));
  return canvasToPng(canvas);
}

/** Copy text to the clipboard; false where the clipboard is unavailable or refused. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard?.writeText || !window.isSecureContext) return false;
    // a permission prompt that never resolves counts as refused
    const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 1500));
    return await Promise.race([navigator.clipboard.writeText(text).then(() => true), timeout]);
  } catch {
    return false;
  }
}
