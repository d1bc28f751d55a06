import katex from 'katex';
import { useMemo } from 'react';

/** Inline KaTeX. The formulas are fixed strings, so rendering them to HTML here is safe. */
export function Tex({ tex, className }: { tex: string; className?: string }) {
  const html = useMemo(() => katex.renderToString(tex, { throwOnError: false, output: 'htmlAndMathml' }), [tex]);
  return <span className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}
