import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { OFFICIAL_BSAM_DEMO, OPTIMIZER_KINDS } from '../../state/training.ts';
import { TrainingControls } from './TrainingControls.tsx';

describe('TrainingControls', () => {
  it.each(OPTIMIZER_KINDS)("%s: the m-sharpness K field shows exactly for the optimizers that perturb (SAM and bSAM), with ρ", (kind) => {
    const config = { ...OFFICIAL_BSAM_DEMO, optimizer: { ...OFFICIAL_BSAM_DEMO.optimizer, kind, msharpness: 3 } };
    const html = renderToStaticMarkup(<TrainingControls config={config} onPatch={() => {}} onOfficialPreset={() => {}} />);
    const perturbs = kind === 'sam-sgd' || kind === 'sam-adam' || kind === 'bsam';
    expect(html.includes('data-testid="train-msharpness-input"')).toBe(perturbs);
    expect(html.includes('data-testid="train-rho-input"')).toBe(perturbs);
  });
});
