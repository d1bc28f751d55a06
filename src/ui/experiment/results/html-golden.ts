/**
 * Golden markup for the results views (tests only). The kit's SVG goldens round every decimal to two
 * places, which is right for pixel coordinates but would hide the table's own three-decimal text; here
 * the markup is kept as rendered, one element per line, and compared with vitest's file snapshots.
 */
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';

export function renderHtml(element: ReactElement): string {
  return renderToStaticMarkup(element).replace(/></g, '>\n<') + '\n';
}
