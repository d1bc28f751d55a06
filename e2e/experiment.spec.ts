/** The Fashion-MNIST experiment end to end: the real files, the real worker, the built app. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { collectProblems } from './helpers.ts';

// Two optimizers on 2,000 images for 2 epochs, 8 posterior samples: a few seconds of training even on a busy machine.
const LINK = '/#v=1&ex.optimizers.sam-sgd=false&ex.size=2000&ex.epochs=2&ex.predictiveSamples=8';

async function runExperiment(page: Page): Promise<string[][]> {
  const section = page.locator('section.experiment');
  await expect(section.getByRole('heading', { name: /Fashion-MNIST/ })).toBeVisible();
  await section.getByTestId('ex-open').click();
  await expect(section.getByTestId('ex-load-done')).toContainText('60,000 training and 10,000 test images', { timeout: 60_000 });
  await expect(section.getByTestId('ex-size-input')).toHaveValue('2000');
  await section.getByTestId('ex-run').click();
  await expect(section.getByTestId('ex-status')).toContainText('Finished: 2 runs', { timeout: 90_000 });
  const rows = section.getByTestId('ex-runs-table').locator('tbody tr');
  await expect(rows).toHaveCount(3); // SGD; bSAM mean weights and model average
  // Every cell but the training seconds, which are wall time and differ from run to run.
  return rows.evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('th, td:not([data-metric="trainSeconds"])'), (c) => c.textContent ?? '')));
}

/** The paper-layout table's rows as text (one seed: the means alone). */
const summaryRows = (page: Page) =>
  page
    .getByTestId('ex-results-table')
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('th, td'), (c) => c.textContent ?? '')));

test('trains SGD and bSAM on Fashion-MNIST with the paper’s metrics, and a reloaded link gives the same table', async ({ page }) => {
  const problems = collectProblems(page);
  await page.goto(LINK);
  const first = await runExperiment(page);
  expect(first.map((r) => [r[0], r[3]])).toEqual([
    ['SGD', 'mean weights'],
    ['bSAM', 'mean weights'],
    ['bSAM', 'model average'],
  ]);
  for (const row of first) {
    expect(row[2]).toBe('2');
    const [accuracy, nll, ece, auroc] = row.slice(4).map(Number);
    expect(accuracy).toBeGreaterThan(0.5);
    expect(nll).toBeGreaterThan(0);
    expect(ece).toBeGreaterThanOrEqual(0);
    expect(auroc).toBeGreaterThan(0.5);
  }
  const summary = await summaryRows(page);
  expect(summary).toHaveLength(3);
  expect(summary.map((r) => r[0])).toEqual(['SGD', expect.stringContaining('bSAM'), expect.stringContaining('bSAM')]);
  for (const row of summary) expect(Number.parseFloat(row[1])).toBeGreaterThan(0.5);
  // The gallery shows bSAM's test images with class names (mistakes and uncertain images).
  await expect(page.getByTestId('ex-gallery').locator('canvas').first()).toBeVisible();
  await expect(page.getByTestId('ex-gallery')).toContainText(/T-shirt\/top|Trouser|Pullover|Dress|Coat|Sandal|Shirt|Sneaker|Bag|Ankle boot/);
  await expect(page.getByTestId('ex-run-at-scale')).toContainText('--dataset fashion');
  await expect(page.getByTestId('ex-curves').locator('svg')).toHaveCount(4);
  // bSAM's posterior-std histograms: one per parameter tensor of 784-100-10, after its last epoch.
  await expect(page.getByTestId('ex-std').locator('svg')).toHaveCount(4);
  await expect(page.getByTestId('ex-std')).toContainText('after epoch 2');
  await expect(page.getByTestId('ex-reliability').locator('svg')).toHaveCount(3);
  // The whole experiment as an SVG file.
  const download = page.waitForEvent('download');
  await page.getByTestId('export-svg-fashion-mnist').click();
  expect((await download).suggestedFilename()).toMatch(/fashion-mnist.*\.svg$/);

  // The opened panel, results and all, has no serious or critical WCAG 2 A/AA violation.
  const axe = await new AxeBuilder({ page }).include('section.experiment').withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // The same link, a fresh page (the files now come from Cache Storage): the same numbers, digit for digit.
  await page.reload();
  const second = await runExperiment(page);
  expect(second).toEqual(first);
  expect(await summaryRows(page)).toEqual(summary);
  expect(problems).toEqual([]);
});

test('a dataset that cannot be downloaded is said plainly, and Run stays off', async ({ page }) => {
  await page.route('**/data/fashion-mnist/**', (route) => route.fulfill({ status: 404, body: 'not here' }));
  await page.goto('/');
  await page.evaluate(() => caches.delete('sam-bayes-lab-datasets-v1'));
  await page.getByTestId('ex-open').click();
  await expect(page.getByTestId('ex-load-error')).toContainText('could not be loaded', { timeout: 30_000 });
  await expect(page.getByTestId('ex-load-error')).toContainText('404');
  await expect(page.getByTestId('ex-run')).toBeDisabled();
});
