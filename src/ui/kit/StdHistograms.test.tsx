import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { StdHistogramGrid } from './StdHistograms.tsx';

const layer = (name: string, counts: number[], median: number) => ({ layer: name, counts, total: counts.reduce((a, b) => a + b, 0), min: 0.01, median, max: 1 });

describe('the posterior-std histograms', () => {
  it('draw one plot per layer, with a bar per non-empty bin and the reference std dashed', () => {
    const html = renderToStaticMarkup(
      <StdHistogramGrid histograms={{ log10From: -3, log10To: 0, layers: [layer('W1', [0, 4, 2, 0], 0.02), layer('b1', [1, 0, 0, 0], 0.001)] }} cellWidth={200} cellHeight={90} colour="#000" referenceStd={0.1} />,
    );
    expect(html.match(/<svg/g)).toHaveLength(2);
    expect(html.match(/fill="#000"/g)).toHaveLength(3);
    expect(html.match(/stroke-dasharray="3 2"/g)).toHaveLength(2);
    expect(html).toContain('1e-3');
  });

  it('say "none" for the median of a layer without finite values, never NaN', () => {
    const html = renderToStaticMarkup(<StdHistogramGrid histograms={{ log10From: -2, log10To: -1, layers: [layer('W1', [0, 0], Number.NaN)] }} cellWidth={200} cellHeight={90} colour="#000" />);
    expect(html).toContain('median none');
    expect(html).not.toContain('NaN');
  });
});
