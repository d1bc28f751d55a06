// The training lab in the built app: the official bSAM demo trains on WebGPU and on the CPU (loss falls,
// posterior-sample boundaries drawn), a softmax network on WebGPU takes the fused engine's steps, a huge learning rate diverges with a banner that one click
// recovers from, and nothing is logged as an error on the way.
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { decodeFragment } from '../src/state/permalink/index.ts';
import { FusedTrainingRun } from '../src/train/fused/fused-run.ts';

const panel = (page: Page) => page.getByTestId('training-panel');

// WebGPU in headless Chromium runs on SwiftShader (a CPU rasteriser): slow, but it must work.
const TRAIN_TIMEOUT = 240_000;

async function attrNumber(page: Page, testId: string, name: string): Promise<number> {
  const v = await page.getByTestId(testId).getAttribute(name);
  return v === null || v === '' ? Number.NaN : Number(v);
}

/** Opens the app with the chosen backend and waits until the run is built (paused at step 0). */
async function openWithBackend(page: Page, backend: 'webgpu' | 'cpu' | 'auto', fragment = ''): Promise<void> {
  await page.goto(`/${fragment ? `#${fragment}` : ''}`);
  await panel(page).scrollIntoViewIfNeeded();
  if (backend !== 'auto') await page.getByTestId('train-backend-select').selectOption(backend);
  await expect(page.getByTestId('train-backend')).toHaveAttribute('data-active', backend === 'auto' ? /^(fused|webgpu|webgl|wasm|cpu)$/ : backend, {
    timeout: TRAIN_TIMEOUT,
  });
  await expect(panel(page)).toHaveAttribute('data-status', 'paused', { timeout: TRAIN_TIMEOUT });
  await expect(panel(page)).toHaveAttribute('data-step', '0');
}

/** Plays until at least `steps` steps, then pauses. */
async function trainFor(page: Page, steps: number): Promise<void> {
  await page.getByTestId('train-play').click();
  await expect
    .poll(async () => Number(await panel(page).getAttribute('data-step')), { timeout: TRAIN_TIMEOUT, intervals: [250, 500, 1000] })
    .toBeGreaterThanOrEqual(steps);
  await page.getByTestId('train-play').click(); // pause
  await expect(panel(page)).toHaveAttribute('data-status', 'paused');
  // The button pauses at once, but the worker finishes the steps already under way: wait until the
  // step count has settled before reading it.
  let last = -1;
  await expect
    .poll(
      async () => {
        const now = Number(await panel(page).getAttribute('data-step'));
        const settled = now === last;
        last = now;
        return settled;
      },
      { timeout: TRAIN_TIMEOUT, intervals: [1500] },
    )
    .toBe(true);
}

async function expectLearned(page: Page): Promise<void> {
  // At 3 steps an epoch, 30 steps are 10 metric rows.
  await expect.poll(() => attrNumber(page, 'train-metrics', 'data-points')).toBeGreaterThanOrEqual(2);
  const first = await attrNumber(page, 'train-metrics', 'data-first-loss');
  const last = await attrNumber(page, 'train-metrics', 'data-last-loss');
  expect(Number.isFinite(first) && Number.isFinite(last), `losses ${first} → ${last}`).toBe(true);
  expect(last).toBeLessThan(first);
  // The official demo is bSAM: the thin posterior-sample boundaries are drawn.
  await expect.poll(() => attrNumber(page, 'train-boundary', 'data-sample-contours')).toBeGreaterThan(0);
}

/** Chooses the fused engine and waits for the run rebuilt on it (auto may already be on fused: wait for "as chosen"). */
async function useFused(page: Page): Promise<void> {
  await page.getByTestId('train-backend-select').selectOption('fused');
  await expect(page.getByTestId('train-backend-active')).toContainText('as chosen', { timeout: TRAIN_TIMEOUT });
  await expect(panel(page)).toHaveAttribute('data-status', 'paused', { timeout: TRAIN_TIMEOUT });
}

let errors: string[] = [];
test.beforeEach(async ({ page }) => {
  errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
});

test('the WebGPU backend starts in headless Chromium and is reported as active', async ({ page }) => {
  test.setTimeout(2 * TRAIN_TIMEOUT);
  await openWithBackend(page, 'webgpu');
  await expect(page.getByTestId('train-backend')).toHaveAttribute('data-active', 'webgpu', { timeout: TRAIN_TIMEOUT });
  expect(errors).toEqual([]);
});

// On SwiftShader's WebGPU every read from the device is asynchronous (src/train/device-reads.ts): tfjs's
// synchronous dataSync there copies through OffscreenCanvases and returned zeros in a worker.
test('trains the official bSAM demo on WebGPU', async ({ page }) => {
  test.setTimeout(3 * TRAIN_TIMEOUT);
  await openWithBackend(page, 'webgpu');
  // 12 steps are 4 epochs (4 metric rows): enough for the loss to fall, few enough for SwiftShader.
  await trainFor(page, 12);
  await expect(page.getByTestId('train-backend')).toHaveAttribute('data-active', 'webgpu');
  await expect(page.getByText(/training stopped|createBuffer/)).toHaveCount(0);
  await expectLearned(page);
  if (process.env.UI_SCREENSHOT) {
    await panel(page).scrollIntoViewIfNeeded();
    await page.screenshot({ path: process.env.UI_SCREENSHOT });
  }
  expect(errors).toEqual([]);
});

// The tfjs engine on WebGPU and the fused CPU engine are one core with two back ends: the same seeded data,
// weights, shuffles and noise, so a softmax network's steps agree to float32 rounding (here: 2 epochs of bSAM,
// K = 2, on 3 spiral classes, against the fused engine run in Node).
test('WebGPU trains a small softmax MLP (3 classes, bSAM) as the fused engine does, to float32 accuracy', async ({ page }) => {
  test.setTimeout(2 * TRAIN_TIMEOUT);
  const fragment =
    'v=1&tr.dataset.kind=spiral&tr.dataset.classes=3&tr.dataset.size=60&tr.dataset.testFraction=0.2&tr.model.hidden=8&tr.optimizer.kind=bsam&tr.optimizer.msharpness=2&tr.batchSize=16&tr.epochs=5&tr.predictiveSamples=2&tr.stopAt=6';
  const { state, notices } = decodeFragment(fragment);
  expect(notices).toEqual([]);
  const fused = new FusedTrainingRun(state.training);
  expect(fused.stepsPerEpoch).toBe(3);
  const expected = [fused.trainEpoch(), fused.trainEpoch()];
  await openWithBackend(page, 'webgpu', fragment);
  await page.getByTestId('train-play').click();
  await expect(page.getByTestId('train-stopped-at')).toHaveText('paused at step 6, as set in “Pause at step”', { timeout: TRAIN_TIMEOUT });
  await expect(page.getByTestId('train-backend')).toHaveAttribute('data-active', 'webgpu');
  const got = [await attrNumber(page, 'train-metrics', 'data-first-loss'), await attrNumber(page, 'train-metrics', 'data-last-loss')];
  got.forEach((loss, e) => expect(Math.abs(loss - expected[e]), `epoch ${e + 1}: webgpu ${loss}, fused ${expected[e]}`).toBeLessThan(2e-5 * Math.max(1, expected[e])));
  expect(got[1]).not.toBe(got[0]);
  expect(errors).toEqual([]);
});

// SAM's m-sharpness on WebGPU: K = 2 sub-batches, each with its own perturbation, stacked on the device (its own
// kernels: the tiled w, one norm per sub-batch), against the fused engine, which takes them one at a time.
test('WebGPU trains SAM-SGD with m-sharpness K = 2 as the fused engine does, and shows its K field', async ({ page }) => {
  test.setTimeout(2 * TRAIN_TIMEOUT);
  const fragment =
    'v=1&tr.dataset.kind=spiral&tr.dataset.classes=3&tr.dataset.size=60&tr.dataset.testFraction=0.2&tr.model.hidden=8&tr.optimizer.kind=sam-sgd&tr.optimizer.learningRate=0.1&tr.optimizer.momentum=0.9&tr.optimizer.msharpness=2&tr.batchSize=16&tr.epochs=5&tr.stopAt=6';
  const { state, notices } = decodeFragment(fragment);
  expect(notices).toEqual([]);
  const fused = new FusedTrainingRun(state.training);
  const expected = [fused.trainEpoch(), fused.trainEpoch()];
  // K changes SAM's trajectory: the same run with K = 1 ends its second epoch elsewhere.
  const one = new FusedTrainingRun({ ...state.training, optimizer: { ...state.training.optimizer, msharpness: 1 } });
  one.trainEpoch();
  expect(Math.abs(one.trainEpoch() - expected[1])).toBeGreaterThan(1e-4);
  await openWithBackend(page, 'webgpu', fragment);
  await expect(page.getByTestId('train-msharpness-input')).toHaveValue('2');
  await page.getByTestId('train-play').click();
  await expect(page.getByTestId('train-stopped-at')).toHaveText('paused at step 6, as set in “Pause at step”', { timeout: TRAIN_TIMEOUT });
  const got = [await attrNumber(page, 'train-metrics', 'data-first-loss'), await attrNumber(page, 'train-metrics', 'data-last-loss')];
  got.forEach((loss, e) => expect(Math.abs(loss - expected[e]), `epoch ${e + 1}: webgpu ${loss}, fused ${expected[e]}`).toBeLessThan(2e-5 * Math.max(1, expected[e])));
  expect(errors).toEqual([]);
});

test('trains the official bSAM demo on the CPU', async ({ page }) => {
  test.setTimeout(2 * TRAIN_TIMEOUT);
  await openWithBackend(page, 'cpu');
  await trainFor(page, 30);
  await expect(page.getByTestId('train-backend')).toHaveAttribute('data-active', 'cpu');
  await expectLearned(page);
  // One step while paused advances by exactly one.
  const before = Number(await panel(page).getAttribute('data-step'));
  await page.getByTestId('train-step').click();
  await expect(panel(page)).toHaveAttribute('data-step', String(before + 1));
  expect(errors).toEqual([]);
});

test('a learning rate of 1e3 diverges, and one click on Reset run recovers', async ({ page }) => {
  test.setTimeout(2 * TRAIN_TIMEOUT);
  await openWithBackend(page, 'cpu');
  await page.getByTestId('train-lr-input').fill('1e3');
  // The config change rebuilds the run (debounced): wait for the rebuilt run at step 0.
  await expect(panel(page)).toHaveAttribute('data-status', 'paused', { timeout: TRAIN_TIMEOUT });
  await page.getByTestId('train-play').click();
  const banner = page.getByTestId('train-diverged');
  await expect(banner).toBeVisible({ timeout: TRAIN_TIMEOUT });
  await expect(panel(page)).toHaveAttribute('data-status', 'diverged');
  await expect(banner).toContainText(/diverged at step \d+/);
  await expect(page.getByTestId('train-play')).toBeDisabled();
  await page.getByTestId('train-diverged-reset').click();
  await expect(panel(page)).toHaveAttribute('data-status', 'paused');
  await expect(panel(page)).toHaveAttribute('data-step', '0');
  await expect(banner).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('auto offers Play at once on the fused engine while it measures the others, then reports the measurement', async ({ page }) => {
  test.setTimeout(2 * TRAIN_TIMEOUT);
  await page.goto('/');
  await panel(page).scrollIntoViewIfNeeded();
  // The run is built on the fused engine before any measurement (Play was disabled ~12.6 s while auto measured).
  await expect(page.getByTestId('train-play')).toBeEnabled({ timeout: TRAIN_TIMEOUT });
  const reasonAtPlay = await page.getByTestId('train-backend-active').textContent();
  expect(reasonAtPlay).toContain('while the other engines are measured');
  await expect(page.getByTestId('train-backend')).toHaveAttribute('data-active', 'fused');
  // The measurement ends in a report naming each engine's time and the choice.
  await expect(page.getByTestId('train-backend-active')).toContainText(/auto: measured fused [\d.]+ ms\/step/, { timeout: TRAIN_TIMEOUT });
  await expect(panel(page)).toHaveAttribute('data-status', 'paused');
  expect(errors).toEqual([]);
});

test('the default (auto) backend trains with no console errors', async ({ page }) => {
  test.setTimeout(2 * TRAIN_TIMEOUT);
  await openWithBackend(page, 'auto');
  await expect(page.getByTestId('train-backend-active')).toContainText(/using/);
  await trainFor(page, 6);
  await page.getByTestId('train-reset').click();
  await expect(panel(page)).toHaveAttribute('data-step', '0');
  await expect(panel(page)).toHaveAttribute('data-status', 'paused');
  await page.getByTestId('train-preset-official').click();
  expect(errors).toEqual([]);
});

test('a finished run says so and never re-warms: Play and Space do nothing, extra epochs train at the final rate, Restart goes back to 0', async ({ page }) => {
  test.setTimeout(2 * TRAIN_TIMEOUT);
  // 20 epochs of the official demo (3 steps each), on the fused engine.
  await page.goto('/#v=1&tr.epochs=20');
  await panel(page).scrollIntoViewIfNeeded();
  await useFused(page);
  await page.getByTestId('train-play').click();
  await expect(panel(page)).toHaveAttribute('data-status', 'finished', { timeout: TRAIN_TIMEOUT });
  await expect(panel(page)).toHaveAttribute('data-step', '60');
  const finished = page.getByTestId('train-finished');
  await expect(finished).toContainText('Run finished at epoch 20 (step 60)');
  // Why it stopped, in words: the end of the run, not "as asked" (nobody set "Pause at step").
  await expect(page.getByTestId('train-stopped-at')).toHaveText("stopped at step 60: the run's 20 epochs are done");
  await expect(page.getByTestId('train-stopped-at')).toHaveAttribute('data-reason', 'end-of-run');
  // One metric row per epoch, not per wall-clock tick.
  await expect(page.getByTestId('train-metrics')).toHaveAttribute('data-points', '20');
  await expect(page.getByTestId('train-play')).toBeDisabled();
  await expect(page.getByTestId('train-step')).toBeDisabled();
  // Space in classroom mode on a finished run: still finished at step 60 (it used to play on and diverge).
  await page.getByRole('button', { name: 'Classroom mode' }).click();
  await expect(page.getByRole('button', { name: 'Classroom mode' })).toHaveAttribute('aria-pressed', 'true');
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Space');
  // Long enough for a played run to take hundreds of steps on the fused engine.
  await page.waitForTimeout(1000);
  await expect(panel(page)).toHaveAttribute('data-status', 'finished');
  await expect(panel(page)).toHaveAttribute('data-step', '60');
  await page.getByRole('button', { name: 'Classroom mode' }).click();
  // Extra epochs at the final rate: 40 more. The old cosine climbed back to its peak rate over them (and the
  // loss moved a long way); at the final rate (α·0.006 here) the loss stays where the schedule left it.
  const lossAtEnd = await attrNumber(page, 'train-metrics', 'data-last-loss');
  await page.getByTestId('train-extend-epochs').fill('40');
  await page.getByTestId('train-extend').click();
  await expect(page.getByTestId('train-stopped-at')).toHaveAttribute('data-reason', 'extra-epochs-done', { timeout: TRAIN_TIMEOUT });
  await expect(panel(page)).toHaveAttribute('data-status', 'finished');
  await expect(panel(page)).toHaveAttribute('data-step', '180');
  await expect(page.getByTestId('train-status')).toContainText('epoch 60 / 60');
  await expect(page.getByTestId('train-diverged')).toHaveCount(0);
  await expect(page.getByTestId('train-metrics')).toHaveAttribute('data-points', '60');
  const lastLoss = await attrNumber(page, 'train-metrics', 'data-last-loss');
  expect(Number.isFinite(lastLoss) && Math.abs(lastLoss - lossAtEnd) < 0.25 * lossAtEnd, `loss ${lossAtEnd} → ${lastLoss}`).toBe(true);
  // A bad number of extra epochs is refused with the schema's bounds.
  await page.getByTestId('train-extend-epochs').fill('0');
  await expect(page.getByTestId('train-extend')).toBeDisabled();
  await expect(finished).toContainText('must be at least 1 and at most 100000');
  await page.getByTestId('train-restart').click();
  await expect(panel(page)).toHaveAttribute('data-status', 'paused', { timeout: TRAIN_TIMEOUT });
  await expect(panel(page)).toHaveAttribute('data-step', '0');
  await expect(finished).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the diverged banner and the status line show the same step', async ({ page }) => {
  test.setTimeout(2 * TRAIN_TIMEOUT);
  await page.goto('/#v=1&tr.optimizer.learningRate=1000');
  await panel(page).scrollIntoViewIfNeeded();
  await useFused(page);
  await page.getByTestId('train-play').click();
  const banner = page.getByTestId('train-diverged');
  await expect(banner).toBeVisible({ timeout: TRAIN_TIMEOUT });
  const step = await banner.getAttribute('data-step');
  await expect(banner).toContainText(`diverged at step ${step}.`);
  await expect(page.getByTestId('train-status')).toContainText(`step ${step}`);
  await expect(panel(page)).toHaveAttribute('data-step', String(step));
});
