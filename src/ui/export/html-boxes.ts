/**
 * The boxes and form controls of a panel as SVG shapes: backgrounds, borders (rounded as laid out),
 * and a flat drawing of each control's state (a ticked checkbox, a slider's thumb where its value is,
 * the text of a field or the chosen option of a select), so an exported figure shows the settings.
 */
import { svgElement } from './frame.ts';
import type { Frame } from './frame.ts';
import { isTransparent, portableFontFamily, px } from './style-inline.ts';

type Side = 'Top' | 'Right' | 'Bottom' | 'Left';
const SIDES: readonly Side[] = ['Top', 'Right', 'Bottom', 'Left'];

function border(style: CSSStyleDeclaration, side: Side): { width: number; colour: string } | null {
  const width = px(style.getPropertyValue(`border-${side.toLowerCase()}-width`));
  const kind = style.getPropertyValue(`border-${side.toLowerCase()}-style`);
  const colour = style.getPropertyValue(`border-${side.toLowerCase()}-color`);
  if (width <= 0 || kind === 'none' || kind === 'hidden' || isTransparent(colour)) return null;
  return { width, colour };
}

export function emitBox(frame: Frame, el: HTMLElement, style: CSSStyleDeclaration, opacity: number): void {
  const r = el.getBoundingClientRect();
  if (r.width <= 0 || r.height <= 0) return;
  const x = r.left - frame.originX;
  const y = r.top - frame.originY;
  const radius = Math.min(px(style.borderTopLeftRadius), r.width / 2, r.height / 2);
  const opacityAttr: Record<string, string | number> = opacity < 1 ? { opacity } : {};
  if (!isTransparent(style.backgroundColor)) {
    svgElement(frame, 'rect', { x, y, width: r.width, height: r.height, rx: radius, fill: style.backgroundColor, ...opacityAttr });
  }
  const sides = SIDES.map((s) => border(style, s));
  const [top] = sides;
  const uniform = top !== null && sides.every((s) => s !== null && s.width === top.width && s.colour === top.colour);
  if (uniform) {
    const w = top.width;
    svgElement(frame, 'rect', {
      x: x + w / 2,
      y: y + w / 2,
      width: Math.max(0, r.width - w),
      height: Math.max(0, r.height - w),
      rx: Math.max(0, radius - w / 2),
      fill: 'none',
      stroke: top.colour,
      'stroke-width': w,
      ...opacityAttr,
    });
    return;
  }
  // Uneven borders (a rule under a heading, a bar on one side) as one line per side.
  const lines: Record<Side, [number, number, number, number]> = {
    Top: [x, y, x + r.width, y],
    Right: [x + r.width, y, x + r.width, y + r.height],
    Bottom: [x, y + r.height, x + r.width, y + r.height],
    Left: [x, y, x, y + r.height],
  };
  SIDES.forEach((side, i) => {
    const b = sides[i];
    if (!b) return;
    const [x1, y1, x2, y2] = lines[side];
    const inset = b.width / 2;
    const dx = side === 'Left' ? inset : side === 'Right' ? -inset : 0;
    const dy = side === 'Top' ? inset : side === 'Bottom' ? -inset : 0;
    svgElement(frame, 'line', { x1: x1 + dx, y1: y1 + dy, x2: x2 + dx, y2: y2 + dy, stroke: b.colour, 'stroke-width': b.width, ...opacityAttr });
  });
}

let measureContext: CanvasRenderingContext2D | null | undefined;

/** The text cut with an ellipsis to fit `width` pixels in the control's font, as the control shows it clipped. */
function fitText(text: string, style: CSSStyleDeclaration, width: number): string {
  if (measureContext === undefined) measureContext = document.createElement('canvas').getContext('2d');
  const ctx = measureContext;
  if (!ctx || width <= 0) return text;
  ctx.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  if (ctx.measureText(text).width <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

function controlText(frame: Frame, el: HTMLElement, style: CSSStyleDeclaration, text: string, opacity: number, extraRight = 0): void {
  if (!text) return;
  const r = el.getBoundingClientRect();
  const left = r.left - frame.originX + px(style.borderLeftWidth) + px(style.paddingLeft);
  const right = r.right - frame.originX - px(style.borderRightWidth) - px(style.paddingRight) - extraRight;
  const alignEnd = style.textAlign === 'right' || style.textAlign === 'end';
  const size = px(style.fontSize) || 13;
  const t = svgElement(frame, 'text', {
    x: alignEnd ? right : left,
    // Centred vertically like the browser does for single-line controls (cap height ≈ 0.7 em).
    y: r.top - frame.originY + r.height / 2 + size * 0.35,
    'font-family': portableFontFamily(style.fontFamily),
    'font-size': style.fontSize,
    fill: style.color,
    ...(alignEnd ? { 'text-anchor': 'end' } : {}),
    ...(opacity < 1 ? { opacity } : {}),
  });
  t.textContent = fitText(text, style, right - left);
}

function emitCheck(frame: Frame, input: HTMLInputElement, style: CSSStyleDeclaration, opacity: number): void {
  const r = input.getBoundingClientRect();
  const x = r.left - frame.originX;
  const y = r.top - frame.originY;
  const size = Math.min(r.width, r.height);
  const accent = style.accentColor && style.accentColor !== 'auto' ? style.accentColor : '#0b57d0';
  const round = input.type === 'radio';
  const o: Record<string, number> = opacity < 1 ? { opacity } : {};
  svgElement(frame, 'rect', {
    x: x + 0.5,
    y: y + 0.5,
    width: size - 1,
    height: size - 1,
    rx: round ? size / 2 : 2,
    fill: input.checked ? accent : '#ffffff',
    stroke: input.checked ? accent : '#767676',
    ...o,
  });
  if (!input.checked) return;
  if (round) svgElement(frame, 'circle', { cx: x + size / 2, cy: y + size / 2, r: size / 5, fill: '#ffffff', ...o });
  else {
    const d = `M${x + size * 0.22},${y + size * 0.52} L${x + size * 0.42},${y + size * 0.72} L${x + size * 0.78},${y + size * 0.3}`;
    svgElement(frame, 'path', { d, fill: 'none', stroke: '#ffffff', 'stroke-width': 2, 'stroke-linecap': 'round', ...o });
  }
}

function emitRange(frame: Frame, input: HTMLInputElement, style: CSSStyleDeclaration, opacity: number): void {
  const r = input.getBoundingClientRect();
  const min = Number(input.min || 0);
  const max = Number(input.max || 100);
  const fraction = max > min ? Math.min(1, Math.max(0, (Number(input.value) - min) / (max - min))) : 0;
  const accent = style.accentColor && style.accentColor !== 'auto' ? style.accentColor : '#0b57d0';
  const thumb = 7;
  const x0 = r.left - frame.originX + thumb;
  const x1 = r.right - frame.originX - thumb;
  const cy = r.top - frame.originY + r.height / 2;
  const cx = x0 + (x1 - x0) * fraction;
  const o: Record<string, number> = opacity < 1 ? { opacity } : {};
  svgElement(frame, 'line', { x1: x0, y1: cy, x2: x1, y2: cy, stroke: '#c4c9d0', 'stroke-width': 4, 'stroke-linecap': 'round', ...o });
  svgElement(frame, 'line', { x1: x0, y1: cy, x2: cx, y2: cy, stroke: accent, 'stroke-width': 4, 'stroke-linecap': 'round', ...o });
  svgElement(frame, 'circle', { cx, cy, r: thumb, fill: accent, ...o });
}

/** The state of a form control; other elements draw nothing here. */
export function emitControl(frame: Frame, el: HTMLElement, style: CSSStyleDeclaration, opacity: number): void {
  if (el instanceof HTMLInputElement) {
    if (el.type === 'checkbox' || el.type === 'radio') emitCheck(frame, el, style, opacity);
    else if (el.type === 'range') emitRange(frame, el, style, opacity);
    else if (el.type !== 'hidden') controlText(frame, el, style, el.value, opacity);
  } else if (el instanceof HTMLTextAreaElement) {
    controlText(frame, el, style, el.value.split('\n')[0] ?? '', opacity);
  } else if (el instanceof HTMLSelectElement) {
    const chosen = el.selectedOptions[0]?.textContent?.trim() ?? '';
    controlText(frame, el, style, chosen, opacity, 14);
    const r = el.getBoundingClientRect();
    const cx = r.right - frame.originX - 10;
    const cy = r.top - frame.originY + r.height / 2;
    svgElement(frame, 'path', { d: `M${cx - 4},${cy - 2} L${cx},${cy + 2} L${cx + 4},${cy - 2}`, fill: 'none', stroke: style.color, 'stroke-width': 1.5 });
  }
}
