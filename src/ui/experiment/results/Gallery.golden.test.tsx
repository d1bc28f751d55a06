import { describe, expect, it } from 'vitest';
import { Gallery } from './Gallery.tsx';
import { renderHtml } from './html-golden.ts';
import type { TestPredictions } from './run-result.ts';

const NAMES = ['T-shirt/top', 'Trouser', 'Pullover'];
/** Four 2×2 images; labels 0, 1, 2, 0. Image 1 is a confident mistake; image 2 is uncertain under the model average. */
const x = Float32Array.from({ length: 16 }, (_, i) => i / 15);
const labels = [0, 1, 2, 0];
const predictions: TestPredictions = {
  optimizer: 'bsam',
  seed: 0,
  classes: 3,
  mean: Float32Array.from([0.8, 0.1, 0.1, 0.9, 0.05, 0.05, 0.1, 0.2, 0.7, 0.6, 0.3, 0.1]),
  bayes: Float32Array.from([0.7, 0.2, 0.1, 0.6, 0.3, 0.1, 0.3, 0.35, 0.35, 0.5, 0.3, 0.2]),
};

describe('the gallery, golden markup', () => {
  it('shows the confident mistake and the uncertain images with class names and both predictives', async () => {
    const html = renderHtml(<Gallery predictions={predictions} x={x} rows={2} cols={2} labels={labels} classNames={NAMES} k={2} runLabel="bSAM, seed 0" />);
    await expect(html).toMatchFileSnapshot('goldens/gallery-bsam.html');
    const mistakes = html.slice(html.indexOf('data-testid="gallery-mistakes"'), html.indexOf('data-testid="gallery-uncertain"'));
    expect(mistakes.match(/data-testid="gallery-item"/g)).toHaveLength(1);
    expect(mistakes).toContain('True: <strong>Trouser</strong>');
    expect(mistakes).toContain('Mean weights say: T-shirt/top');
    expect(html).toContain('model average: 35%');
    expect(html).toContain('Highest predictive entropy under the model average.');
  });

  it('without a model average draws mean-weight bars only, and says why not more', () => {
    const html = renderHtml(<Gallery predictions={{ ...predictions, bayes: null }} x={x} rows={2} cols={2} labels={labels} classNames={NAMES} k={2} />);
    expect(html).not.toContain('gallery-bar-bayes');
    expect(html).toContain('this run has no model average');
    expect(html).toContain('Highest predictive entropy under the mean weights.');
  });

  it('says plainly when the images do not match the labels', () => {
    const html = renderHtml(<Gallery predictions={predictions} x={x.subarray(0, 12)} rows={2} cols={2} labels={labels} classNames={NAMES} />);
    expect(html).toContain('role="alert"');
    expect(html).toContain('do not match 4 labels of 2 × 2 pixels');
  });
});
