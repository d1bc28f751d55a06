/** Hand-made IDX files for tests: a header with the given magic and dimensions, then the data bytes. */
export function idxBytes(magic: number, dims: readonly number[], data: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(4 + 4 * dims.length + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, magic, false);
  dims.forEach((d, i) => view.setUint32(4 + 4 * i, d, false));
  out.set(Array.from(data), 4 + 4 * dims.length);
  return out;
}

export const images = (count: number, rows: number, cols: number, fill = (i: number) => i % 256) =>
  idxBytes(0x803, [count, rows, cols], Array.from({ length: count * rows * cols }, (_, i) => fill(i)));

export const labels = (values: readonly number[]) => idxBytes(0x801, [values.length], values);
