/**
 * A curve of many points as an SVG path no longer than a few points per pixel column, as uPlot does:
 * within each column keep the first and last point and the minimum and maximum (in the order they
 * occur), so the drawn envelope is exactly that of the full curve. A million-point curve then draws like
 * a thousand-point one. Points whose pixel position is not finite break the line (a value that is not
 * finite, or beyond what the plot can place); nothing non-finite ever reaches the path.
 */

/** Pixel position of point i, or NaN to leave it out (the line breaks there). */
export type PixelOf = (i: number) => number;

/** Path `d` of points 0..n−1; columns are 1 px wide. Below `2 × columns` points nothing is dropped. */
export function decimatedPath(n: number, xOf: PixelOf, yOf: PixelOf, columns: number): string {
  const parts: string[] = [];
  const decimate = n > 2 * Math.max(1, columns);
  let pen = false;
  const emit = (x: number, y: number) => {
    parts.push(`${pen ? 'L' : 'M'}${x.toFixed(2)},${y.toFixed(2)}`);
    pen = true;
  };
  // The open column: its index, first/last/min/max points (x, y, and the order of min and max).
  let col = NaN;
  let fx = 0, fy = 0, lx = 0, ly = 0, minX = 0, minY = 0, maxX = 0, maxY = 0, minI = 0, maxI = 0, count = 0;
  const flush = () => {
    if (count === 0) return;
    emit(fx, fy);
    const inner: [number, number, number][] = [];
    if (minI !== 0 && minI !== count - 1) inner.push([minI, minX, minY]);
    if (maxI !== 0 && maxI !== count - 1 && maxI !== minI) inner.push([maxI, maxX, maxY]);
    inner.sort((a, b) => a[0] - b[0]);
    for (const [, x, y] of inner) emit(x, y);
    if (count > 1) emit(lx, ly);
    count = 0;
  };
  for (let i = 0; i < n; i++) {
    const x = xOf(i);
    const y = yOf(i);
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      flush();
      pen = false;
      col = NaN;
      continue;
    }
    if (!decimate) {
      emit(x, y);
      continue;
    }
    const c = Math.floor(x);
    if (c !== col) {
      flush();
      col = c;
      fx = lx = minX = maxX = x;
      fy = ly = minY = maxY = y;
      minI = maxI = 0;
      count = 1;
      continue;
    }
    if (y < minY) { minY = y; minX = x; minI = count; }
    if (y > maxY) { maxY = y; maxX = x; maxI = count; }
    lx = x;
    ly = y;
    count++;
  }
  flush();
  return parts.join('');
}
