/** What every part of the SVG exporter writes into: the SVG root and the panel's page offset. */

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** A rectangle in page coordinates. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The part of a's area that lies inside b, from 0 to 1 (0 for an empty a). */
export function fractionInside(a: Box, b: Box): number {
  const area = (a.right - a.left) * (a.bottom - a.top);
  if (area <= 0) return 0;
  const w = Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left));
  const h = Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
  return (w * h) / area;
}

export interface Frame {
  root: SVGSVGElement;
  /** Page position of the panel's top-left corner: element rects minus these are SVG coordinates. */
  originX: number;
  originY: number;
}

/** Coordinates with at most two decimals: sub-pixel layout, short files. */
export function fmt(x: number): string {
  return String(Math.round(x * 100) / 100);
}

export function svgElement(frame: Frame, tag: string, attributes: Record<string, string | number>): SVGElement {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, typeof v === 'number' ? fmt(v) : v);
  frame.root.append(el);
  return el;
}
