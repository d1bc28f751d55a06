/**
 * Size a canvas for crisp drawing at the device pixel ratio and return its 2-D context, cleared, drawing in
 * CSS pixels; null when there is no canvas or context yet.
 */
export function prepareCanvas(canvas: HTMLCanvasElement | null, width: number, height: number): CanvasRenderingContext2D | null {
  const ctx = canvas?.getContext('2d');
  if (!canvas || !ctx) return null;
  const dpr = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * dpr);
  canvas.height = Math.round(height * dpr);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, width, height);
  return ctx;
}

/**
 * Size a canvas to width × height CSS pixels at the device pixel ratio and fill it pixel by pixel: `paint`
 * writes into a transparent ImageData of the canvas's device pixels (what it leaves untouched stays clear),
 * which is then put on the canvas. Returns what `paint` returns; null when there is no canvas or context yet.
 */
export function paintPixels<R>(canvas: HTMLCanvasElement | null, width: number, height: number, paint: (image: ImageData, dpr: number) => R): R | null {
  const ctx = canvas?.getContext('2d');
  if (!canvas || !ctx) return null;
  const dpr = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * dpr);
  canvas.height = Math.round(height * dpr);
  const image = ctx.createImageData(canvas.width, canvas.height);
  const result = paint(image, dpr);
  ctx.putImageData(image, 0, 0);
  return result;
}
