/**
 * A panel as one standalone SVG: what the reader sees, as vectors where it is vector. The panel is
 * walked in document (= paint) order; inline SVG charts are cloned with their computed styles inlined,
 * canvases (heatmaps, boundary and metric plots) become <image> elements holding their PNG, and HTML
 * text (headings, legends, KaTeX, readouts) becomes SVG <text> at the position the browser laid it out,
 * so the file needs neither the page's CSS nor foreignObject and stays plain, well-formed XML.
 * Elements marked data-export-ignore and the page's controls (CHROME) are left out.
 */
import { emitBox, emitControl } from './html-boxes.ts';
import { emitTextNode } from './html-text.ts';
import { fmt, SVG_NS } from './frame.ts';
import type { Box, Frame } from './frame.ts';
import { inlineStyleText } from './style-inline.ts';

export interface PanelSvg {
  markup: string;
  /** CSS pixels, rounded: the PNG export is exactly twice these. */
  width: number;
  height: number;
}

/** The panel's size in whole CSS pixels, the size of its SVG and half that of its PNG. */
export function exportSize(panel: Element): { width: number; height: number } {
  const r = panel.getBoundingClientRect();
  return { width: Math.max(1, Math.round(r.width)), height: Math.max(1, Math.round(r.height)) };
}

export function buildPanelSvg(panel: HTMLElement): PanelSvg {
  const { width, height } = exportSize(panel);
  const origin = panel.getBoundingClientRect();
  const root = document.createElementNS(SVG_NS, 'svg');
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const panelStyle = getComputedStyle(panel);
  // Explicit, portable type for everything that does not set its own.
  root.setAttribute('style', inlineStyleText((p) => panelStyle.getPropertyValue(p), null));
  // A figure exported alone may have no heading: its accessible name titles it.
  const heading = panel.querySelector('h1, h2, h3')?.textContent?.trim() || panel.getAttribute('aria-label')?.trim();
  if (heading) {
    const title = document.createElementNS(SVG_NS, 'title');
    title.textContent = heading;
    root.append(title);
  }
  const frame: Frame = { root, originX: origin.left, originY: origin.top };
  emitBox(frame, panel, panelStyle, 1);
  walk(frame, panel, 1, null);
  const markup = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}\n`;
  return { markup, width, height };
}

/** The panel as a standalone SVG document (a string ready to save as .svg). */
export function exportPanelSvg(panel: HTMLElement): string {
  return buildPanelSvg(panel).markup;
}

/**
 * The page's controls and status lines are not part of the figure (buttons, fields, "ready (860 ms,
 * worker)"): an export is the figure alone, its titles, legends, readouts and notes.
 */
const CHROME = 'button, input, select, textarea, progress, label:has(input, select, textarea), [role="status"]';

function isHiddenElement(el: Element, style: CSSStyleDeclaration): boolean {
  if (el.hasAttribute('data-export-ignore') || el.matches(CHROME)) return true;
  if (style.display === 'none' || style.visibility === 'hidden' || style.visibility === 'collapse') return true;
  // Visually hidden text (screen-reader labels, KaTeX's MathML copy) is clipped away or to one pixel.
  if (style.clipPath.startsWith('inset(50%') || /^rect\(/.test(style.clip)) return true;
  const r = el.getBoundingClientRect();
  return r.width <= 1 && r.height <= 1;
}

/** The visible area inside an element that clips its overflow, intersected with the outer clip. */
function clipFor(el: Element, style: CSSStyleDeclaration, outer: Box | null): Box | null {
  if (style.overflowX === 'visible' && style.overflowY === 'visible') return outer;
  const r = el.getBoundingClientRect();
  const own: Box = { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
  if (!outer) return own;
  return { left: Math.max(own.left, outer.left), top: Math.max(own.top, outer.top), right: Math.min(own.right, outer.right), bottom: Math.min(own.bottom, outer.bottom) };
}

function walk(frame: Frame, parent: Element, opacity: number, clip: Box | null): void {
  for (const node of Array.from(parent.childNodes)) {
    if (node.nodeType === Node.TEXT_NODE) {
      emitTextNode(frame, node as Text, opacity, clip);
      continue;
    }
    if (!(node instanceof Element)) continue;
    const style = getComputedStyle(node);
    // display: contents has no box of its own (a rect of 0 × 0) but its children are laid out.
    if (style.display === 'contents' && !node.hasAttribute('data-export-ignore')) {
      walk(frame, node, opacity, clip);
      continue;
    }
    if (isHiddenElement(node, style)) continue;
    const alpha = opacity * Number(style.opacity || '1');
    if (alpha <= 0) continue;
    if (node instanceof SVGSVGElement) emitSvg(frame, node, alpha);
    else if (node instanceof HTMLCanvasElement) emitCanvas(frame, node, alpha);
    else if (node instanceof HTMLElement) {
      emitBox(frame, node, style, alpha);
      emitControl(frame, node, style, alpha);
      // Form controls draw their own content; a select's options are not laid out.
      if (!(node instanceof HTMLSelectElement || node instanceof HTMLInputElement || node instanceof HTMLTextAreaElement)) {
        walk(frame, node, alpha, clipFor(node, style, clip));
      }
    }
  }
}

function emitSvg(frame: Frame, svg: SVGSVGElement, opacity: number): void {
  const r = svg.getBoundingClientRect();
  if (r.width <= 0 || r.height <= 0) return;
  const clone = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, clone, null);
  for (const fo of Array.from(clone.querySelectorAll('foreignObject'))) fo.remove();
  clone.removeAttribute('tabindex');
  clone.removeAttribute('class');
  clone.setAttribute('x', fmt(r.left - frame.originX));
  clone.setAttribute('y', fmt(r.top - frame.originY));
  clone.setAttribute('width', fmt(r.width));
  clone.setAttribute('height', fmt(r.height));
  const own = getComputedStyle(svg);
  const extra = [`overflow: ${own.overflow === 'visible' ? 'visible' : 'hidden'}`];
  // The root's opacity is already in `opacity` (with its ancestors'), so it replaces the one inlined.
  const style = (clone.getAttribute('style') ?? '').replace(/(^|; )opacity: [^;]*/, '');
  if (opacity < 1) extra.push(`opacity: ${fmt(opacity)}`);
  clone.setAttribute('style', [style, ...extra].filter(Boolean).join('; '));
  frame.root.append(clone);
}

/** Replace each cloned element's style by the computed styles of its original (trees walked in step). */
function inlineStyles(src: Element, clone: Element, parentStyle: CSSStyleDeclaration | null): void {
  const style = getComputedStyle(src);
  if (style.display === 'none') {
    clone.remove();
    return;
  }
  const text = inlineStyleText(
    (p) => style.getPropertyValue(p),
    parentStyle ? (p) => parentStyle.getPropertyValue(p) : null,
  );
  if (text) clone.setAttribute('style', text);
  else clone.removeAttribute('style');
  const srcChildren = Array.from(src.children);
  const cloneChildren = Array.from(clone.children);
  srcChildren.forEach((child, i) => {
    const twin = cloneChildren[i];
    if (twin) inlineStyles(child, twin, style);
  });
}

function emitCanvas(frame: Frame, canvas: HTMLCanvasElement, opacity: number): void {
  const r = canvas.getBoundingClientRect();
  if (r.width <= 0 || r.height <= 0 || canvas.width === 0 || canvas.height === 0) return;
  let href: string;
  try {
    href = canvas.toDataURL('image/png');
  } catch {
    // A tainted canvas cannot be read; say so in place rather than leave a silent hole.
    href = '';
  }
  const x = fmt(r.left - frame.originX);
  const y = fmt(r.top - frame.originY);
  if (!href.startsWith('data:image/png')) {
    const note = document.createElementNS(SVG_NS, 'text');
    note.setAttribute('x', x);
    note.setAttribute('y', fmt(r.top - frame.originY + 16));
    note.textContent = '(this canvas could not be exported)';
    frame.root.append(note);
    return;
  }
  const image = document.createElementNS(SVG_NS, 'image');
  image.setAttribute('x', x);
  image.setAttribute('y', y);
  image.setAttribute('width', fmt(r.width));
  image.setAttribute('height', fmt(r.height));
  image.setAttribute('preserveAspectRatio', 'none');
  image.setAttribute('href', href);
  const label = canvas.getAttribute('aria-label');
  if (label) image.setAttribute('aria-label', label);
  for (const [key, value] of Object.entries(canvas.dataset)) if (value !== undefined) image.setAttribute(`data-${kebab(key)}`, value);
  if (opacity < 1) image.setAttribute('opacity', fmt(opacity));
  frame.root.append(image);
}

function kebab(camel: string): string {
  return camel.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
