import { describe, expect, it } from 'vitest';
import { warmUpSliceKernels } from './slice-warm-up.ts';

describe('warmUpSliceKernels', () => {
  it('runs the slice kernels on a throwaway network and the loss it ends with is finite', () => {
    const loss = warmUpSliceKernels(5);
    expect(Number.isFinite(loss)).toBe(true);
    expect(loss).toBeGreaterThan(0);
  });
});
