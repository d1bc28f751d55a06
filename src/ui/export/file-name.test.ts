import { describe, expect, it } from 'vitest';
import { exportFileName } from './file-name.ts';

describe('exportFileName', () => {
  const at = new Date(2026, 10, 6, 9, 5, 3);
  it('names the app, the panel and the local time, zero-padded so names sort by time', () => {
    expect(exportFileName('landscape-1d', 'svg', at)).toBe('sam-bayes-lab_landscape-1d_2026-11-06_09-05-03.svg');
  });
  it('reduces any label to a file-system-safe slug', () => {
    expect(exportFileName(' (m, σ) Landscape / Gap ', 'png', at)).toBe('sam-bayes-lab_m-landscape-gap_2026-11-06_09-05-03.png');
    expect(exportFileName('σσ', 'csv', at)).toBe('sam-bayes-lab_export_2026-11-06_09-05-03.csv');
  });
});
