import { describe, expect, it } from 'vitest';
import { ExportTableButtons } from './ExportTableButtons.tsx';
import { renderHtml } from './html-golden.ts';
import { SAMPLE_RUNS } from './test-runs.ts';

describe('the table export buttons', () => {
  it('offers CSV, JSON and Markdown, disabled until a run has finished', async () => {
    const ready = renderHtml(<ExportTableButtons runs={SAMPLE_RUNS} />);
    await expect(ready).toMatchFileSnapshot('goldens/export-table-buttons.html');
    expect(ready).not.toContain('disabled');
    const empty = renderHtml(<ExportTableButtons runs={[]} />);
    expect(empty.match(/disabled=""/g)).toHaveLength(3);
  });
});
