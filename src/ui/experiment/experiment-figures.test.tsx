import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { EpochCurves } from './EpochCurves.tsx';
import { RunsTable } from './RunsTable.tsx';
import type { RunResult } from './results/run-result.ts';

const ok = { accuracy: 0.81, nll: 0.52, ece: 0.031, auroc: 0.86 };
const diverged = { accuracy: NaN, nll: NaN, ece: NaN, auroc: NaN };
const runs: RunResult[] = [
  { optimizer: 'sgd', seed: 0, finished: true, reliability: null, epochs: [1, 2, 3].map((epoch) => ({ epoch, trainLoss: 1 / epoch, mean: ok, bayes: null, trainSeconds: 1 })) },
  {
    optimizer: 'bsam',
    seed: 0,
    finished: false,
    reliability: null,
    epochs: [
      { epoch: 1, trainLoss: 0.9, mean: ok, bayes: ok, trainSeconds: 1 },
      { epoch: 2, trainLoss: Number.POSITIVE_INFINITY, mean: diverged, bayes: diverged, trainSeconds: 1 },
    ],
  },
];

describe('the experiment’s own figures', () => {
  it('draw the curves of every run, leaving a diverged epoch out instead of drawing NaN', () => {
    const html = renderToStaticMarkup(<EpochCurves results={runs} epochs={3} />);
    expect(html.match(/<svg/g)).toHaveLength(4);
    expect(html).not.toMatch(/NaN|Infinity/);
    // SGD's three epochs draw a line; bSAM's one finite epoch a dot; its model average is dashed.
    expect(html).toContain('stroke-dasharray="4 3"');
    expect(html).toContain('<circle');
  });

  it('each have their own SVG and PNG export, whose buttons lie outside what is exported', () => {
    const html = renderToStaticMarkup(<EpochCurves results={runs} epochs={3} />);
    expect(html).toContain('data-testid="export-svg-experiment-curves"');
    expect(html).toContain('data-testid="export-png-experiment-curves"');
    const body = html.slice(html.indexOf('<div class="experiment-figure-body" role="group" aria-label="the per-epoch curves">'));
    expect(body).toContain('data-testid="ex-curves"');
    expect(body).not.toContain('<button');
  });

  it('tabulate each run’s latest epoch, with a dash and a reason for what could not be computed', () => {
    const html = renderToStaticMarkup(<RunsTable results={runs} />);
    expect(html).toContain('0.8100');
    expect(html).toContain('data-testid="ex-run-bsam-0-bayes"');
    expect(html).toContain('title="not computable');
    expect(html).not.toContain('NaN');
    // The caption counts the test images the runs were evaluated on (own files need not have 10,000), or none.
    expect(html).toContain('Each run, latest epoch (test set)');
    expect(renderToStaticMarkup(<RunsTable results={runs} testImages={20_800} />)).toContain('(test set, 20,800 images)');
  });
});
