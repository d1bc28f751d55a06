/** What the reliability diagram draws for fixed predictions (real binning), as golden SVG files. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { accuracy, ece, nll, reliability } from '../../train/metrics.ts';
import type { EvaluationSummary } from '../../worker/train-protocol.ts';
import { compareGolden, renderSvg } from '../kit/testing/svg-golden.ts';
import { ReliabilityDiagram } from './ReliabilityDiagram.tsx';

const GOLDENS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'goldens');

/** 60 two-class predictions of spread-out confidence, every third one wrong. */
function evaluation(): EvaluationSummary {
  const probs = Array.from({ length: 60 }, (_, i) => {
    const p = 0.5 + (0.49 * i) / 59;
    return i % 3 === 0 ? [1 - p, p] : [p, 1 - p];
  });
  const labels = probs.map(() => 0);
  return { step: 120, accuracy: accuracy(probs, labels), nll: nll(probs, labels), ece: ece(probs, labels), reliability: reliability(probs, labels), on: 'test' };
}

describe('the reliability diagram, golden SVG', () => {
  it.each([
    ['evaluated', evaluation()],
    ['no-evaluation-yet', null],
  ] as const)('%s', (name, summary) => {
    const svg = renderSvg(<ReliabilityDiagram evaluation={summary} classes={2} runLabel="bSAM" testId="reliability" />);
    const golden = compareGolden(GOLDENS, `reliability-${name}`, svg);
    expect(golden.ok ? '' : golden.message).toBe('');
  });
});
