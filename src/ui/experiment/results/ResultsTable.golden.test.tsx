/** What the results table shows for hand-made runs, as golden markup files (reviewed diffs). */
import { describe, expect, it } from 'vitest';
import { renderHtml } from './html-golden.ts';
import { ResultsTable } from './ResultsTable.tsx';
import { metrics, run, SAMPLE_RUNS } from './test-runs.ts';

describe('the results table, golden markup', () => {
  it.each([
    ['sgd-bsam', SAMPLE_RUNS],
    ['auroc-not-computable', [run('sgd', 0, metrics(1, 0.01, 0.005, NaN)), run('adam', 0, metrics(0.9, 0.3, 0.02, 0.7))]],
    ['empty', []],
  ] as const)('%s', async (name, runs) => {
    await expect(renderHtml(<ResultsTable runs={runs} />)).toMatchFileSnapshot(`goldens/results-table-${name}.html`);
  });

  it('marks the best cell visibly and for screen readers, and shows ± with three decimals', () => {
    const html = renderHtml(<ResultsTable runs={SAMPLE_RUNS} />);
    expect(html).toContain('<strong>0.820 ± 0.014</strong>'); // bSAM model average: 0.81, 0.83
    expect(html).toContain('(best)');
    expect(html).toMatch(/<th scope="row">bSAM \(model average\)<\/th>/);
    expect(html).not.toContain('NaN');
    const absent = renderHtml(<ResultsTable runs={[run('sgd', 0, metrics(1, 0.01, 0.005, NaN))]} />);
    expect(absent).toContain('not computable for seed 0');
    expect(absent).toContain('<strong>0.005</strong>');
  });
});
