/**
 * HTML text as SVG <text>: each laid-out line of a text node becomes one <text> at the position and in
 * the font the browser used, so headings, legends, readouts and KaTeX formulas (whose glyph runs are
 * ordinary text nodes in positioned spans) read the same in the exported file.
 */
import { fmt, fractionInside, svgElement } from './frame.ts';
import type { Box, Frame } from './frame.ts';
import { isTransparent, portableFontFamily } from './style-inline.ts';

interface Run {
  text: string;
  left: number;
  top: number;
  height: number;
  right: number;
}

const ascentCache = new Map<string, number>();

/** Fraction of a line box's content height above the baseline, measured for the font (cached). */
function ascentFraction(style: CSSStyleDeclaration): number {
  const font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const cached = ascentCache.get(font);
  if (cached !== undefined) return cached;
  let fraction = 0.8;
  const ctx = document.createElement('canvas').getContext('2d');
  if (ctx) {
    ctx.font = font;
    const m = ctx.measureText('Hg');
    const total = m.fontBoundingBoxAscent + m.fontBoundingBoxDescent;
    if (total > 0) fraction = m.fontBoundingBoxAscent / total;
  }
  ascentCache.set(font, fraction);
  return fraction;
}

function firstRect(range: Range): DOMRect | null {
  for (const r of Array.from(range.getClientRects())) if (r.width > 0 && r.height > 0) return r;
  return null;
}

/** Lines of a text node: one rect if it fits on a line, else word by word grouped by line. */
function layoutRuns(node: Text, text: string): Run[] {
  const range = document.createRange();
  range.selectNodeContents(node);
  const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
  if (rects.length === 0) return [];
  if (rects.length === 1) {
    const r = rects[0];
    return [{ text: text.trim(), left: r.left, top: r.top, height: r.height, right: r.right }];
  }
  const runs: Run[] = [];
  for (const match of text.matchAll(/\S+/g)) {
    const start = match.index ?? 0;
    range.setStart(node, start);
    range.setEnd(node, start + match[0].length);
    const r = firstRect(range);
    if (!r) continue;
    const last = runs[runs.length - 1];
    if (last && Math.abs(last.top - r.top) < 1 && r.left >= last.right - 1) {
      last.text += ` ${match[0]}`;
      last.right = r.right;
    } else runs.push({ text: match[0], left: r.left, top: r.top, height: r.height, right: r.right });
  }
  return runs;
}

function transformText(text: string, transform: string): string {
  if (transform === 'uppercase') return text.toUpperCase();
  if (transform === 'lowercase') return text.toLowerCase();
  return text;
}

/**
 * `clip` is the visible area left by ancestors that clip their overflow: a line mostly outside it
 * (scrolled away, or inside a one-pixel screen-reader-only box) is not drawn.
 */
export function emitTextNode(frame: Frame, node: Text, opacity: number, clip: Box | null): void {
  const parent = node.parentElement;
  if (!parent || !node.data.trim()) return;
  const style = getComputedStyle(parent);
  if (isTransparent(style.color)) return;
  const preserve = style.whiteSpace.startsWith('pre');
  const text = preserve ? node.data : node.data.replace(/\s+/g, ' ');
  const ascent = ascentFraction(style);
  for (const run of layoutRuns(node, text)) {
    if (clip && fractionInside({ left: run.left, top: run.top, right: run.right, bottom: run.top + run.height }, clip) < 0.5) continue;
    const attributes: Record<string, string | number> = {
      x: run.left - frame.originX,
      y: run.top - frame.originY + run.height * ascent,
      'font-family': portableFontFamily(style.fontFamily),
      'font-size': style.fontSize,
      fill: style.color,
    };
    if (style.fontWeight !== '400' && style.fontWeight !== 'normal') attributes['font-weight'] = style.fontWeight;
    if (style.fontStyle !== 'normal') attributes['font-style'] = style.fontStyle;
    if (style.letterSpacing !== 'normal') attributes['letter-spacing'] = style.letterSpacing;
    if (opacity < 1) attributes.opacity = fmt(opacity);
    if (preserve) attributes['xml:space'] = 'preserve';
    svgElement(frame, 'text', attributes).textContent = transformText(run.text, style.textTransform);
  }
}
