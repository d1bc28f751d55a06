import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPERIMENT_PANEL } from '../../state/fashion-experiment.ts';
import { RunSettings } from './RunSettings.tsx';

describe('RunSettings', () => {
  it('states K as the engines run it: SAM-SGD and bSAM both K 4 (m-sharpness), SGD none', () => {
    const html = renderToStaticMarkup(<RunSettings ex={DEFAULT_EXPERIMENT_PANEL} />);
    expect(html).toContain('ρ 0.05, K 4,');
    expect(html).toContain('ρ 0.01, K 4,');
    expect(html).not.toContain('asked');
    expect(html).not.toContain('not implemented');
    expect(html.match(/K \d/g)).toHaveLength(2);
  });

  it('says when a batch caps K, and when rows beyond K equal sub-batches go unused', () => {
    const capped = renderToStaticMarkup(<RunSettings ex={{ ...DEFAULT_EXPERIMENT_PANEL, batchSize: 3 }} />);
    expect(capped).toContain('K 3 (K 4 asked: a batch of 3 rows has at most 3 sub-batches)');
    const uneven = renderToStaticMarkup(<RunSettings ex={{ ...DEFAULT_EXPERIMENT_PANEL, batchSize: 10 }} />);
    expect(uneven).toContain('K 4 (sub-batches of 2 rows, 2 of the batch&#x27;s 10 rows unused each step)');
  });
});
