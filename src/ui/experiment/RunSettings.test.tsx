import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DEFAULT_EXPERIMENT_PANEL } from '../../state/fashion-experiment.ts';
import { RunSettings } from './RunSettings.tsx';

describe('RunSettings', () => {
  it('states K as the engines run it: bSAM K 4; SAM asked for K 4 runs K 1 and says why', () => {
    const html = renderToStaticMarkup(<RunSettings ex={DEFAULT_EXPERIMENT_PANEL} />);
    expect(html).toContain('ρ 0.01, K 4,');
    expect(html).toContain("K 1 (K 4 asked: SAM&#x27;s m-sharpness is not implemented yet)");
  });
});
