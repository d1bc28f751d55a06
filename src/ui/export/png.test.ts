import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { pngDimensions } from './png.ts';

/** A minimal valid PNG (IHDR, IDAT, IEND; CRCs zero, which the size reader does not check). */
function png(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    const view = new DataView(out.buffer);
    view.setUint32(0, data.length);
    out.set([...type].map((c) => c.charCodeAt(0)), 4);
    out.set(data, 8);
    return out;
  };
  const ihdr = new Uint8Array(13);
  new DataView(ihdr.buffer).setUint32(0, width);
  new DataView(ihdr.buffer).setUint32(4, height);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = new Uint8Array((width * 4 + 1) * height);
  const parts = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())];
  const total = parts.reduce((n, p) => n + p.length, 0);
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    bytes.set(p, at);
    at += p.length;
  }
  return bytes;
}

describe('pngDimensions', () => {
  it('reads width and height from IHDR, as big-endian 32-bit numbers', () => {
    expect(pngDimensions(png(1720, 998))).toEqual({ width: 1720, height: 998 });
    expect(pngDimensions(png(70000, 3))).toEqual({ width: 70000, height: 3 });
  });
  it('reads from a view into a larger buffer', () => {
    const bytes = png(12, 34);
    const padded = new Uint8Array(bytes.length + 5);
    padded.set(bytes, 5);
    expect(pngDimensions(padded.subarray(5))).toEqual({ width: 12, height: 34 });
  });
  it('rejects what is not a PNG', () => {
    const bytes = png(2, 2);
    bytes[1] = 0x51;
    expect(pngDimensions(bytes)).toBeNull();
    expect(pngDimensions(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(pngDimensions(new Uint8Array(8))).toBeNull();
  });
});
