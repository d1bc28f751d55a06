// The (m, σ) panel in the built app: worker computation, selection linked to the 1-D panel,
// surface selector, mean-parameter coordinates, main-thread fallback, and no console errors.
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

const panel = (page: Page) => page.getByTestId('msigma-panel');

/** Counts grid requests posted to workers, to prove that moving the crosshair does not recompute the map. */
async function countWorkerPosts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __workerPosts: number };
    w.__workerPosts = 0;
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, ...args: Parameters<Worker['postMessage']>) {
      // Grid requests only: the current point's exact B − E is a separate small request per move.
      if ((args[0] as { kind?: unknown } | null)?.kind === 'msigma') w.__workerPosts++;
      return post.apply(this, args);
    } as Worker['postMessage'];
  });
}
const workerPosts = (page: Page) => page.evaluate(() => (window as unknown as { __workerPosts: number }).__workerPosts);

/** A cheap fingerprint of the heatmap pixels. */
const heatmapImage = (page: Page) => page.getByTestId('msigma-heatmap').evaluate((c) => (c as HTMLCanvasElement).toDataURL());

async function attr(locator: Locator, name: string): Promise<number> {
  return Number(await locator.getAttribute(name));
}

/** Screen box of the plot area, scrolled into view (mouse coordinates are viewport-relative). */
async function plotBox(page: Page) {
  const overlay = page.getByTestId('msigma-overlay');
  await overlay.scrollIntoViewIfNeeded();
  const box = await overlay.boundingBox();
  if (!box) throw new Error('no overlay');
  return box;
}

async function clickAt(page: Page, fx: number, fy: number): Promise<void> {
  const box = await plotBox(page);
  await page.mouse.click(box.x + fx * box.width, box.y + fy * box.height);
}

let errors: string[] = [];
test.beforeEach(async ({ page }) => {
  errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await countWorkerPosts(page);
});

test('reaches ready with a painted heatmap, legend and contours', async ({ page }) => {
  await page.goto('/');
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('msigma-legend')).toBeVisible();
  await expect(page.getByTestId('msigma-status')).toContainText(/ready.*worker/);
  // The canvas has opaque (painted) pixels.
  const painted = await page.getByTestId('msigma-heatmap').evaluate((c) => {
    const canvas = c as HTMLCanvasElement;
    const data = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data ?? new Uint8ClampedArray();
    let n = 0;
    for (let k = 3; k < data.length; k += 4) if (data[k] === 255) n++;
    return n / (canvas.width * canvas.height);
  });
  expect(painted).toBeGreaterThan(0.9);
  expect(errors).toEqual([]);
});

test('clicking and dragging move the crosshair and the 1-D panel, without recomputing', async ({ page }) => {
  await page.goto('/');
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  const posts = await workerPosts(page);
  const crosshair = page.getByTestId('msigma-crosshair');
  const marker = page.getByTestId('landscape1d').getByTestId('marker-m');
  const m0 = await attr(crosshair, 'data-m');

  await clickAt(page, 0.25, 0.5);
  // m is linear in x over the 1-D domain (default −3…3): a quarter across is m ≈ −1.5.
  await expect.poll(() => attr(crosshair, 'data-m')).toBeCloseTo(-1.5, 1);
  const m1 = await attr(crosshair, 'data-m');
  expect(m1).not.toBeCloseTo(m0, 3);
  await expect.poll(() => attr(marker, 'data-m')).toBeCloseTo(m1, 9);
  // σ is log-scaled: half-way up is the geometric mean of the σ range (default 0.05…2).
  expect(await attr(crosshair, 'data-sigma')).toBeCloseTo(Math.sqrt(0.05 * 2), 1);

  const box = await plotBox(page);
  await page.mouse.move(box.x + 0.25 * box.width, box.y + 0.5 * box.height);
  await page.mouse.down();
  await page.mouse.move(box.x + 0.6 * box.width, box.y + 0.2 * box.height, { steps: 8 });
  await page.mouse.move(box.x + 0.75 * box.width, box.y + 0.1 * box.height, { steps: 8 });
  await page.mouse.up();
  await expect.poll(() => attr(crosshair, 'data-m')).toBeCloseTo(1.5, 1);
  expect(await attr(marker, 'data-m')).toBeCloseTo(await attr(crosshair, 'data-m'), 9);
  // Ideally σ ≈ 1.38 (a tenth from the top). The 1-D panel above changes height with σ (its notices),
  // which can shift this plot by a few dozen pixels mid-drag, so only check that σ went up a lot.
  expect(await attr(crosshair, 'data-sigma')).toBeGreaterThan(0.6);

  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  await page.waitForTimeout(300); // longer than the debounce
  expect(await workerPosts(page)).toBe(posts);
  expect(errors).toEqual([]);
});

test('arrow keys move the crosshair when the map is focused', async ({ page }) => {
  await page.goto('/');
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  const crosshair = page.getByTestId('msigma-crosshair');
  const m0 = await attr(crosshair, 'data-m');
  const s0 = await attr(crosshair, 'data-sigma');
  await panel(page).getByRole('application').focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => attr(crosshair, 'data-m')).toBeCloseTo(m0 + 6 / 199, 6);
  await page.keyboard.press('Shift+ArrowUp');
  await expect.poll(() => attr(crosshair, 'data-sigma')).toBeCloseTo(s0 * Math.pow(2 / 0.05, 10 / 99), 6);
  expect(await attr(page.getByTestId('marker-m'), 'data-m')).toBeCloseTo(m0 + 6 / 199, 6);
  expect(errors).toEqual([]);
});

test('the surface selector changes the image and legend', async ({ page }) => {
  await page.goto('/');
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  const select = page.getByTestId('msigma-surface');
  const images = new Map<string, string>();
  for (const surface of ['expected', 'gap'] as const) {
    await select.selectOption(surface);
    await expect(page.getByTestId('msigma-heatmap')).toHaveAttribute('data-surface', surface);
    await expect(panel(page)).toHaveAttribute('data-status', 'ready');
    images.set(surface, await heatmapImage(page));
  }
  expect(images.get('expected')).not.toBe(images.get('gap'));
  await expect(page.getByTestId('msigma-legend')).toContainText('B − E');
  expect(errors).toEqual([]);
});

test('the mean-parameter toggle redraws in (μ₁, μ₂) and clicks map back to (m, σ)', async ({ page }) => {
  await page.goto('/');
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  const before = await heatmapImage(page);
  const posts = await workerPosts(page);
  await page.getByTestId('msigma-coords').check();
  await expect(page.getByTestId('msigma-heatmap')).toHaveAttribute('data-coords', 'mean');
  await expect(page.getByTestId('msigma-parabola')).toBeVisible();
  expect(await heatmapImage(page)).not.toBe(before);

  // y is linear in μ₂ from 0 to max(m²) + σ_to² = 9 + 4 = 13; x is μ₁ = m from −3 to 3.
  await clickAt(page, 0.5, 1 - 3 / 13);
  const crosshair = page.getByTestId('msigma-crosshair');
  await expect.poll(() => attr(crosshair, 'data-m')).toBeCloseTo(0, 1);
  const m = await attr(crosshair, 'data-m');
  expect(m * m + (await attr(crosshair, 'data-sigma')) ** 2).toBeCloseTo(3, 1);

  await page.getByTestId('msigma-coords').uncheck();
  await expect(page.getByTestId('msigma-parabola')).toHaveCount(0);
  expect(await workerPosts(page)).toBe(posts);
  expect(errors).toEqual([]);
});

test('changing the σ range recomputes once, debounced', async ({ page }) => {
  await page.goto('/');
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  const posts = await workerPosts(page);
  const to = page.getByTestId('msigma-sigma-to-input');
  await to.fill('3');
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  await page.waitForTimeout(300);
  expect(await workerPosts(page)).toBe(posts + 1);
  expect(errors).toEqual([]);
});

test('a new loss in the 1-D panel recomputes the map once', async ({ page }) => {
  await page.goto('/');
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  const posts = await workerPosts(page);
  const before = await heatmapImage(page);
  await page.getByTestId('expression-input').fill('0.5*theta^2 + 0.3*sin(5*theta)');
  await expect(panel(page)).toHaveAttribute('data-status', 'computing');
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  expect(await heatmapImage(page)).not.toBe(before);
  await page.waitForTimeout(300);
  expect(await workerPosts(page)).toBe(posts + 1);
  expect(errors).toEqual([]);
});

test('falls back to the main thread when the worker fails to start', async ({ page }) => {
  await page.route('**/landscape.worker*', (route) =>
    route.fulfill({ status: 200, contentType: 'text/javascript', body: 'throw new Error("worker sabotaged by the test");' }),
  );
  await page.goto('/');
  await expect(page.getByTestId('msigma-worker-failure')).toContainText('main thread');
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  await expect(page.getByTestId('msigma-status')).toContainText('main thread');
  await clickAt(page, 0.3, 0.3);
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
});

test('renders every surface and both coordinate systems without page errors (screenshots to /tmp for review)', async ({ page }) => {
  await page.goto('/');
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  await clickAt(page, 0.62, 0.55);
  await page.getByTestId('msigma-overlay').hover({ position: { x: 120, y: 80 } });
  await panel(page).screenshot({ path: '/tmp/ui-msigma.png' });
  await page.getByTestId('msigma-coords').check();
  await expect(page.getByTestId('msigma-parabola')).toBeVisible();
  await panel(page).screenshot({ path: '/tmp/ui-msigma-mean.png' });
  await page.getByTestId('msigma-surface').selectOption('expected');
  await page.getByTestId('msigma-coords').uncheck();
  await panel(page).screenshot({ path: '/tmp/ui-msigma-expected.png' });
  expect(errors).toEqual([]);
});

test('the current B − E is computed exactly at (m, σ), not read off the map (σ from 1e-300 used to give 0.2447)', async ({ page }) => {
  await page.goto('/#v=1&ms.sigmaFrom=1e-300');
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  // Default page: sharp-flat loss, m = 0.5, σ = 0.5, where B − E = 0.08575 (src/math gapAt, unit-tested).
  await expect(page.getByTestId('msigma-current')).toContainText('B − E = 0.08575');
});

test('an invalid σ range is explained in words, and a link and the field agree on the bounds', async ({ page }) => {
  await page.goto('/');
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  const to = page.getByTestId('msigma-sigma-to-input');
  await to.fill('5000');
  await expect(page.getByTestId('msigma-sigma-to-error')).toContainText('1000');
  await to.fill('0.01');
  await expect(page.getByTestId('msigma-sigma-to-error')).toContainText('greater than σ from (0.05)');
  await to.press('Escape');
  await expect(to).toHaveValue('2');
  await expect(page.getByTestId('msigma-sigma-to-error')).toHaveCount(0);

  // The link codec uses the same schema: 1e300 is refused with a notice, not taken silently.
  await page.goto('/#v=1&ms.sigmaTo=1e300');
  await expect(page.getByTestId('link-notices')).toContainText('ms.sigmaTo');
  await expect(page.getByTestId('msigma-sigma-to-input')).toHaveValue('1000');
});
