/**
 * Golden SVG snapshots of a panel's plot, as Observable Plot tests its marks: render the plot with
 * react-dom/server, normalise what is not part of the picture (float noise, React's generated ids), and
 * compare with the committed file. A change to what a person sees is then a reviewed diff of that file.
 * A mismatch writes `<name>-changed.svg` beside the golden (git-ignored) to look at or copy over; a
 * missing golden is written and reported, so a new case starts by committing what it draws.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

/** Numbers to 2 decimals (pixels: a hundredth of a pixel is below what anyone sees). */
function roundNumbers(s: string): string {
  return s.replace(/-?\d+\.\d{3,}(e[+-]?\d+)?/g, (n) => {
    const r = Number(Number(n).toFixed(2));
    return String(Object.is(r, -0) ? 0 : r);
  });
}

/** React's useId values (e.g. «r3» or :r3:) → id0, id1 … in order of first appearance. */
function renumberIds(s: string): string {
  const ids = new Map<string, string>();
  for (const m of s.matchAll(/\sid="([^"]+)"/g)) if (!ids.has(m[1])) ids.set(m[1], `id${ids.size}`);
  let out = s;
  for (const [id, n] of [...ids].sort((a, b) => b[0].length - a[0].length)) out = out.split(id).join(n);
  return out;
}

/** One element per line, empty ones self-closed, so a diff points at the element that changed. */
function oneElementPerLine(s: string): string {
  return s.replace(/<([a-zA-Z]+)([^<>]*)><\/\1>/g, '<$1$2/>').replace(/></g, '>\n<') + '\n';
}

export function normaliseSvg(markup: string): string {
  return oneElementPerLine(renumberIds(roundNumbers(markup)));
}

export function renderSvg(element: ReactElement): string {
  return normaliseSvg(renderToStaticMarkup(element));
}

export type GoldenResult = { ok: true; created: boolean } | { ok: false; message: string };

/** Compares `actual` with `<dir>/<name>.svg`; see the module comment for what it writes. */
export function compareGolden(dir: string, name: string, actual: string): GoldenResult {
  const golden = path.join(dir, `${name}.svg`);
  const changed = path.join(dir, `${name}-changed.svg`);
  if (!existsSync(golden)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(golden, actual);
    return { ok: true, created: true };
  }
  const expected = readFileSync(golden, 'utf8');
  if (expected === actual) return { ok: true, created: false };
  writeFileSync(changed, actual);
  return { ok: false, message: `${name}.svg changed: compare ${path.relative(process.cwd(), changed)} with the golden and copy it over if the change is intended` };
}
