/**
 * A panel as a PNG at twice its CSS size (a 2× device pixel ratio, sharp on projectors and in print):
 * the panel's SVG export rasterised by the browser, so the PNG and the SVG always show the same thing.
 */
import { buildPanelSvg } from './panel-svg.ts';

export const PNG_SCALE = 2;

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('the panel’s SVG could not be rendered to an image'));
    img.src = url;
  });
}

function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the browser could not encode the PNG'))), 'image/png');
  });
}

/** The PNG (width and height exactly PNG_SCALE × the panel's rounded CSS size). */
export async function exportPanelPng(panel: HTMLElement): Promise<Blob> {
  const { markup, width, height } = buildPanelSvg(panel);
  const url = URL.createObjectURL(new Blob([markup], { type: 'image/svg+xml' }));
  try {
    const img = await loadImage(url);
    const canvas = document.createElement('canvas');
    canvas.width = width * PNG_SCALE;
    canvas.height = height * PNG_SCALE;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2-D canvas context for the PNG');
    // Drawn at the target size, the SVG's vectors are rasterised at 2×, not scaled up from 1×.
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await canvasToPng(canvas);
  } finally {
    URL.revokeObjectURL(url);
  }
}
