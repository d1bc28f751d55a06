// The training lab's visuals in the built app, on the CPU backend: the entropy heatmap, the reliability
// diagram, bSAM's posterior-std histograms, editing the data by clicking, CSV import (a malformed file is
// refused naming its line, a good one trains), two runs side by side, and pausing at an exact step.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

const TRAIN_TIMEOUT = 120_000;
const panel = (page: Page) => page.getByTestId('training-panel');

async function attr(page: Page, testId: string, name: string): Promise<string> {
  return (await page.getByTestId(testId).getAttribute(name)) ?? '';
}

/** The app on the CPU backend, the run built and paused at step 0 (the official bSAM demo). */
async function open(page: Page): Promise<void> {
  await page.goto('/');
  await panel(page).scrollIntoViewIfNeeded();
  await page.getByTestId('train-backend-select').selectOption('cpu');
  await expect(page.getByTestId('train-backend')).toHaveAttribute('data-active', 'cpu', { timeout: TRAIN_TIMEOUT });
  await waitRebuilt(page);
}

/** After a change that rebuilds the run: paused at step 0 with a decision grid. */
async function waitRebuilt(page: Page): Promise<void> {
  await expect(panel(page)).toHaveAttribute('data-status', 'paused', { timeout: TRAIN_TIMEOUT });
  await expect(panel(page)).toHaveAttribute('data-step', '0');
  await expect(page.getByTestId('train-boundary')).toHaveAttribute('data-ready', 'true');
}

async function trainCount(page: Page): Promise<number> {
  return Number(await attr(page, 'train-point-count', 'data-train'));
}

let errors: string[] = [];
test.beforeEach(async ({ page }) => {
  errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
});

test.afterEach(() => {
  expect(errors).toEqual([]);
});

test('the entropy view draws the predictive entropy with a legend in nats; mean weights are selectable for bSAM', async ({ page }) => {
  await open(page);
  await page.getByTestId('train-step').click();
  await expect(panel(page)).toHaveAttribute('data-step', '1');
  await page.getByTestId('train-heatmap-entropy').check();
  const boundary = page.getByTestId('train-boundary');
  await expect(boundary).toHaveAttribute('data-view', 'entropy');
  // Entropy of a two-class prediction: somewhere above 0, never above ln 2.
  const max = Number(await boundary.getAttribute('data-max-entropy'));
  expect(max).toBeGreaterThan(0);
  expect(max).toBeLessThanOrEqual(Math.LN2 + 1e-4);
  await expect(page.getByTestId('train-entropy-legend')).toContainText('0.69 nats');
  // The keyboard works the radio group too.
  await page.getByTestId('train-prediction-averaged').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('train-prediction-mean')).toBeChecked();
  await expect(boundary).toHaveAttribute('data-source', 'mean');
  await expect(page.getByTestId('train-boundary-legend')).toContainText('mean-weights boundary');
});

test('the reliability diagram shows the latest evaluation in 20 bins with its ECE', async ({ page }) => {
  await open(page);
  const diagram = page.getByTestId('train-reliability');
  await expect(diagram).toHaveAttribute('data-bins', '20');
  // The official demo has 3 steps an epoch: after 3 steps the epoch's evaluation replaces step 0's.
  for (let k = 1; k <= 3; k++) {
    await page.getByTestId('train-step').click();
    await expect(panel(page)).toHaveAttribute('data-step', String(k));
  }
  await expect.poll(async () => Number(await diagram.getAttribute('data-filled-bins'))).toBeGreaterThan(0);
  const ece = Number(await diagram.getAttribute('data-ece'));
  expect(ece).toBeGreaterThanOrEqual(0);
  expect(ece).toBeLessThanOrEqual(1);
  await expect(diagram).toHaveAttribute('aria-label', /at step 3 .*ECE \d\.\d{3}/);
  await expect(diagram.locator('text').first()).toContainText(`ECE ${ece.toFixed(3)}`);
});

test('bSAM shows per-layer histograms of its posterior std', async ({ page }) => {
  await open(page);
  const std = page.getByTestId('train-std');
  await expect(std).toBeVisible();
  // The official network has 5 weight matrices and 5 bias vectors.
  await expect.poll(async () => Number(await std.getAttribute('data-layers')), { timeout: TRAIN_TIMEOUT }).toBeGreaterThan(0);
  expect(Number(await std.getAttribute('data-counted'))).toBeGreaterThan(1000);
  // Other optimizers have no posterior: no histograms.
  await page.getByTestId('train-optimizer').selectOption('sam-sgd');
  await waitRebuilt(page);
  await expect(std).toHaveCount(0);
});

test('clicking empty space adds a point of the chosen class, clicking it again removes it; edits survive reset', async ({ page }) => {
  await open(page);
  const boundary = page.getByTestId('train-boundary');
  const before = await trainCount(page);
  expect(before).toBe(100);
  await page.getByTestId('train-add-class-1').check();
  // Near the top-left corner of the plot: inside the margin around the data, so no point is there.
  await boundary.click({ position: { x: 50, y: 24 } });
  await expect.poll(() => trainCount(page), { timeout: TRAIN_TIMEOUT }).toBe(before + 1);
  await waitRebuilt(page);
  await expect(page.getByTestId('train-point-count')).toContainText('1 added');
  // Reset keeps the data edits (they live in the experiment state).
  await page.getByTestId('train-reset').click();
  await waitRebuilt(page);
  expect(await trainCount(page)).toBe(before + 1);
  // The added point's position on the canvas (the plot rescaled to include it).
  const [px, py] = (await boundary.getAttribute('data-added-px'))!.split(';')[0].split(',').map(Number);
  await boundary.click({ position: { x: px, y: py } });
  await expect.poll(() => trainCount(page), { timeout: TRAIN_TIMEOUT }).toBe(before);
  await waitRebuilt(page);
  await expect(page.getByTestId('train-clear-edits')).toBeDisabled();
});

test('from the keyboard: Enter adds a point at the cross, Delete removes it', async ({ page }) => {
  await open(page);
  const boundary = page.getByTestId('train-boundary');
  await boundary.focus();
  // From the centre of the moons plot, up and left into empty space.
  for (let k = 0; k < 3; k++) await page.keyboard.press('Shift+ArrowUp');
  await page.keyboard.press('Enter');
  await expect.poll(() => trainCount(page), { timeout: TRAIN_TIMEOUT }).toBe(101);
  await waitRebuilt(page);
  await boundary.focus();
  await page.keyboard.press('Delete');
  await expect.poll(() => trainCount(page), { timeout: TRAIN_TIMEOUT }).toBe(100);
});

test('a malformed CSV is refused with a message naming the bad line; nothing changes', async ({ page }) => {
  await open(page);
  await page.getByText('Import CSV data').click();
  await page.getByTestId('train-csv-file').setInputFiles({
    name: 'broken.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('x,y,label\n0.1,0.2,0\n0.5,0.6,1\n1.0,seven,0\n'),
  });
  const message = page.getByTestId('train-csv-error');
  await expect(message).toBeVisible();
  await expect(message).toHaveAttribute('role', 'alert');
  await expect(message).toContainText('broken.csv');
  await expect(message).toContainText("line 4: y must be a finite number, got 'seven'");
  await expect(page.getByTestId('train-dataset')).toHaveValue('moons');
  expect(await trainCount(page)).toBe(100);
});

test('a CSV the state cannot hold (x = 1e300) is refused with the line and the bound, never reported as imported', async ({ page }) => {
  await open(page);
  await page.getByText('Import CSV data').click();
  await page.getByTestId('train-csv-file').setInputFiles({ name: 'far.csv', mimeType: 'text/csv', buffer: Buffer.from('x,y,label\n1e300,0,0\n1,1,1\n2,2,0\n') });
  const message = page.getByTestId('train-csv-error');
  await expect(message).toContainText('far.csv was not imported: line 2: x must be between -1000000 and 1000000');
  await expect(page.getByTestId('train-csv-ok')).toHaveCount(0);
  await expect(page.getByTestId('train-dataset')).toHaveValue('moons');
  expect(await trainCount(page)).toBe(100);
  // A file whose labels are all 0 is imported as what it is: one label, with a warning.
  await page.getByTestId('train-csv-file').setInputFiles({ name: 'zeros.csv', mimeType: 'text/csv', buffer: Buffer.from('x,y,label\n0,0,0\n1,1,0\n2,2,0\n') });
  await expect(page.getByTestId('train-csv-ok')).toHaveText('Imported 3 points with label 0 only from zeros.csv.');
  await expect(page.getByTestId('train-csv-warning')).toContainText('Every point has label 0');
  await expect(page.getByTestId('train-dataset')).toHaveValue('custom');
  await expect.poll(() => trainCount(page), { timeout: TRAIN_TIMEOUT }).toBe(3);
});

test('a good CSV becomes the dataset and trains', async ({ page }) => {
  await open(page);
  await page.getByText('Import CSV data').click();
  // Two separable clusters of 20 points each.
  const rows = Array.from({ length: 40 }, (_, i) => {
    const c = i % 2;
    const t = (i * 2.399) % (2 * Math.PI);
    return `${(c ? 1.5 : -1.5) + 0.3 * Math.cos(t)},${0.3 * Math.sin(t)},${c}`;
  });
  await page.getByTestId('train-csv-file').setInputFiles({ name: 'clusters.csv', mimeType: 'text/csv', buffer: Buffer.from(`x,y,label\n${rows.join('\n')}\n`) });
  await expect(page.getByTestId('train-csv-ok')).toContainText('Imported 40 points with labels 0 and 1');
  await expect(page.getByTestId('train-dataset')).toHaveValue('custom');
  await expect.poll(() => trainCount(page), { timeout: TRAIN_TIMEOUT }).toBe(40);
  await waitRebuilt(page);
  await page.getByTestId('train-play').click();
  await expect.poll(async () => Number(await attr(page, 'train-metrics', 'data-points')), { timeout: TRAIN_TIMEOUT }).toBeGreaterThanOrEqual(3);
  await page.getByTestId('train-play').click();
  const first = Number(await attr(page, 'train-metrics', 'data-first-loss'));
  const last = Number(await attr(page, 'train-metrics', 'data-last-loss'));
  expect(Number.isFinite(first) && Number.isFinite(last)).toBe(true);
  expect(last).toBeLessThan(first);
});

test('compare mode trains a second optimizer side by side on the same data, driven by the same controls', async ({ page }) => {
  await open(page);
  await page.getByTestId('train-compare').check();
  await expect(page.getByTestId('train-compare-kind')).toHaveValue('sam-sgd');
  await expect(panel(page)).toHaveAttribute('data-runs', '2', { timeout: TRAIN_TIMEOUT });
  await waitRebuilt(page);
  const first = page.getByTestId('train-boundary');
  const second = page.getByTestId('train-boundary-2');
  await expect(second).toHaveAttribute('data-ready', 'true');
  await expect(first).toHaveAttribute('aria-label', /bSAM/);
  await expect(second).toHaveAttribute('aria-label', /SAM \(SGD\)/);
  // Side by side: the same top, the second to the right.
  const [a, b] = [await first.boundingBox(), await second.boundingBox()];
  expect(Math.abs((a?.y ?? 0) - (b?.y ?? 1))).toBeLessThan(40);
  expect(b?.x ?? 0).toBeGreaterThan((a?.x ?? 0) + (a?.width ?? 0) - 1);
  // Same data in both.
  await expect(second).toHaveAttribute('data-train-count', (await first.getAttribute('data-train-count')) ?? '');
  // One play drives both; metrics overlaid, one reliability diagram each.
  await page.getByTestId('train-stop-at').fill('6');
  await page.getByTestId('train-play').click();
  await expect(panel(page)).toHaveAttribute('data-step', '6', { timeout: TRAIN_TIMEOUT });
  await expect(panel(page)).toHaveAttribute('data-status', 'paused');
  await expect(page.getByTestId('train-metrics')).toHaveAttribute('data-runs', '2');
  await expect(page.getByTestId('train-metrics')).toHaveAttribute('data-points', '2');
  await expect(page.getByTestId('train-reliability-2')).toHaveAttribute('aria-label', /at step 6/);
  await page.getByTestId('train-compare').uncheck();
  await expect(panel(page)).toHaveAttribute('data-runs', '1', { timeout: TRAIN_TIMEOUT });
  await expect(second).toHaveCount(0);
});

test('"pause at step" stops a playing run exactly at that step, without rebuilding it', async ({ page }) => {
  await open(page);
  await page.getByTestId('train-speed').selectOption('1000');
  await page.getByTestId('train-stop-at').fill('25');
  // Setting the stop step does not rebuild the run: still paused at step 0, and Play is enabled at once.
  await expect(page.getByTestId('train-play')).toBeEnabled();
  await page.getByTestId('train-play').click();
  await expect(page.getByTestId('train-stopped-at')).toHaveText('paused at step 25, as set in “Pause at step”', { timeout: TRAIN_TIMEOUT });
  await expect(panel(page)).toHaveAttribute('data-status', 'paused');
  await expect(panel(page)).toHaveAttribute('data-step', '25');
  // It stays there (the worker stopped, not just the button).
  await page.waitForTimeout(600);
  await expect(panel(page)).toHaveAttribute('data-step', '25');
  // A typo is refused with a message and changes nothing.
  await page.getByTestId('train-stop-at').fill('2.5');
  await expect(page.getByRole('alert').filter({ hasText: 'not a step number' })).toBeVisible();
});

test('with three classes the legend lists no posterior-sample boundaries (none are drawn) and says why', async ({ page }) => {
  await page.goto('/#v=1&tr.dataset.kind=blobs&tr.dataset.classes=3');
  await panel(page).scrollIntoViewIfNeeded();
  await page.getByTestId('train-backend-select').selectOption('cpu');
  await expect(page.getByTestId('train-backend')).toHaveAttribute('data-active', 'cpu', { timeout: TRAIN_TIMEOUT });
  await waitRebuilt(page);
  const legend = page.getByTestId('train-boundary-legend');
  await expect(page.getByTestId('train-boundary')).toHaveAttribute('data-sample-contours', '0');
  await expect(legend).not.toContainText('posterior samples');
  await expect(page.getByTestId('train-legend-no-samples')).toHaveText('posterior-sample boundaries are drawn for 2 classes only');
  await expect(legend).toContainText('averaged-predictive boundary');
});
