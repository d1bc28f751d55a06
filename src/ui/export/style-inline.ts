/**
 * Which computed styles an exported SVG element carries inline. Charts are styled by class rules in
 * styles.css that a standalone file does not have, so the values the browser computed are copied onto
 * each element. To keep files small an inherited property is written only where it differs from the
 * parent's (the parent carries it and SVG inheritance does the rest), a non-inherited one only where it
 * differs from its initial value.
 */

/** Properties SVG inherits: paint, text and visibility. */
export const INHERITED_SVG_PROPERTIES = [
  'fill',
  'fill-opacity',
  'fill-rule',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-dashoffset',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'paint-order',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'font-variant-numeric',
  'letter-spacing',
  'text-anchor',
  'dominant-baseline',
  'visibility',
  'shape-rendering',
] as const;

/** Properties that do not inherit, with the initial value that need not be written. */
export const NON_INHERITED_SVG_PROPERTIES: Readonly<Record<string, string>> = {
  opacity: '1',
  'mix-blend-mode': 'normal',
};

export type StyleLookup = (property: string) => string;

/** Generic families, one of which every exported font list should end with so a viewer without the page's fonts still draws text. */
const GENERIC_FAMILIES = ['serif', 'sans-serif', 'monospace', 'cursive', 'fantasy', 'system-ui', 'math', 'ui-monospace', 'ui-sans-serif', 'ui-serif'];

/**
 * A font list that renders outside the page: KaTeX's web fonts are not available to a standalone SVG,
 * so a list without a generic family gets one (serif for KaTeX's maths fonts, sans-serif otherwise).
 */
export function portableFontFamily(family: string): string {
  const names = family
    .split(',')
    .map((s) => s.trim().replace(/^["']|["']$/g, '').toLowerCase())
    .filter(Boolean);
  if (names.some((n) => GENERIC_FAMILIES.includes(n))) return family;
  const generic = names.some((n) => n.startsWith('katex')) ? 'serif' : 'sans-serif';
  return family.trim() ? `${family}, ${generic}` : generic;
}

/**
 * The inline style text for one element given its computed style and (null for the export's root)
 * its parent's. Declarations are `name: value` joined by '; ' in a fixed order, so output is stable.
 */
export function inlineStyleText(rawOwn: StyleLookup, rawParent: StyleLookup | null): string {
  const own: StyleLookup = (p) => localUrls(rawOwn(p));
  const parent: StyleLookup | null = rawParent ? (p) => localUrls(rawParent(p)) : null;
  const declarations: string[] = [];
  for (const name of INHERITED_SVG_PROPERTIES) {
    let value = own(name);
    if (!value) continue;
    if (parent && parent(name) === value) continue;
    if (name === 'font-family') value = portableFontFamily(value);
    declarations.push(`${name}: ${value}`);
  }
  for (const [name, initial] of Object.entries(NON_INHERITED_SVG_PROPERTIES)) {
    const value = own(name);
    if (value && value !== initial) declarations.push(`${name}: ${value}`);
  }
  return declarations.join('; ');
}

/**
 * A computed `fill: url(#grad)` comes back absolute (`url("http://host/page#grad")`), which in a saved
 * file points at nothing: colour-bar gradients and hatch patterns exported blank. Make it local again.
 */
export function localUrls(value: string): string {
  return value.replace(/url\(\s*(["']?)[^"')]*#([^"'#)]+)\1\s*\)/g, 'url(#$2)');
}

/** 'rgba(0, 0, 0, 0)' and 'transparent' paint nothing: no box to draw. */
export function isTransparent(colour: string): boolean {
  const c = colour.replace(/\s+/g, '').toLowerCase();
  return c === '' || c === 'transparent' || /^rgba\([^)]*,0(\.0+)?\)$/.test(c) || /^rgb\([^)]*\/0(\.0+)?\)$/.test(c);
}

/** Pixels from a computed length ('2px' → 2); anything else (percentages, keywords) → 0. */
export function px(value: string): number {
  const m = /^(-?[\d.]+)px$/.exec(value.trim());
  return m ? Number(m[1]) : 0;
}
