/**
 * The Fashion-MNIST experiment on tfjs's WebGPU backend (SwiftShader in headless Chromium: correct, slow)
 * against the fused engine: the same bSAM run — 100 real images, batches of 50, so 2 steps of K = 4 — gives
 * the same records to float32 accuracy. The numbers compared are the runs table's cells, read unrounded from
 * their `data-value`.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { collectProblems } from './helpers.ts';

const LINK = '/#v=1&ex.optimizers.sgd=false&ex.optimizers.sam-sgd=false&ex.size=100&ex.batchSize=50&ex.epochs=1&ex.predictiveSamples=1';

/** Runs the experiment on `engine` and returns the engine that ran and bSAM's mean-weights row, unrounded. */
async function runOn(page: Page, engine: 'fused' | 'webgpu') {
  const section = page.locator('section.experiment');
  await section.getByTestId('ex-engine').selectOption(engine);
  await section.getByTestId('ex-run').click();
  await expect(section.getByTestId('ex-status')).toContainText('Finished: 1 runs', { timeout: 240_000 });
  const active = await section.getByTestId('ex-engine-active').getAttribute('data-active');
  const row = section.getByTestId('ex-run-bsam-0-mean');
  const values = await row.locator('td[data-metric]').evaluateAll((tds) => Object.fromEntries(tds.map((td) => [td.getAttribute('data-metric'), Number(td.getAttribute('data-value'))])));
  return { active, reason: await section.getByTestId('ex-engine-active').textContent(), values };
}

test('a bSAM run on WebGPU (SwiftShader) takes the same steps as on the fused engine, to float32 accuracy', async ({ page }) => {
  // SwiftShader and a shared 2-core machine: generous limits (the run itself is 2 steps and 2 evaluations).
  test.setTimeout(600_000);
  const problems = collectProblems(page);
  await page.goto(LINK);
  const section = page.locator('section.experiment');
  await section.getByTestId('ex-open').click();
  await expect(section.getByTestId('ex-load-done')).toContainText('60,000 training and 10,000 test images', { timeout: 240_000 });
  await expect(section.getByTestId('ex-engine')).toHaveValue('fused');

  const fused = await runOn(page, 'fused');
  expect(fused.active).toBe('fused');
  const gpu = await runOn(page, 'webgpu');
  expect(gpu.active, gpu.reason ?? '').toBe('webgpu');
  expect(gpu.reason).toContain('webgpu, as chosen');
  // The choice is in the link.
  expect(page.url()).toContain('ex.engine=webgpu');

  const { trainLoss, accuracy, nll, ece } = fused.values;
  expect(Number.isFinite(trainLoss) && trainLoss > 0).toBe(true);
  // The mean training loss of the 2 steps: float32 rounding apart.
  expect(Math.abs(gpu.values.trainLoss - trainLoss)).toBeLessThanOrEqual(1e-5 * trainLoss);
  // Test metrics on 10,000 images: at most one image may flip on a float32 tie.
  expect(Math.abs(gpu.values.accuracy - accuracy)).toBeLessThanOrEqual(1e-4);
  expect(Math.abs(gpu.values.nll - nll)).toBeLessThanOrEqual(1e-4 * nll);
  expect(Math.abs(gpu.values.ece - ece)).toBeLessThanOrEqual(2e-4);
  expect(problems).toEqual([]);
});
