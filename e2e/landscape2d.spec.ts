// The 2-D panel in the built app: four maps computed in a worker and actually painted, optimizer paths
// that rerun when the start point is dragged, zoom/pan/reset, an invalid expression that keeps the maps
// of the loss in effect, and extreme σ, ρ and a runaway loss that are answered in words (long tasks recorded).
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { collectProblems } from './helpers.ts';
import { cpuHeavy, describeLongest, traceMainThread } from './main-thread.ts';

const MAPS = ['loss', 'expected', 'sam', 'relaxed'] as const;
const panel = (page: Page) => page.getByTestId('landscape2d');
const canvas = (page: Page, name: string) => panel(page).getByTestId(`map2d-canvas-${name}`);

/** Fraction of opaque pixels of a map's canvas. */
const paintedFraction = (page: Page, name: string) =>
  canvas(page, name).evaluate((c) => {
    const el = c as HTMLCanvasElement;
    const data = el.getContext('2d')?.getImageData(0, 0, el.width, el.height).data ?? new Uint8ClampedArray();
    let n = 0;
    for (let k = 3; k < data.length; k += 4) if (data[k] === 255) n++;
    return n / (el.width * el.height);
  });

async function ranges(page: Page): Promise<Record<string, [number, number]>> {
  const out: Record<string, [number, number]> = {};
  for (const name of MAPS) {
    const c = canvas(page, name);
    out[name] = [Number(await c.getAttribute('data-min')), Number(await c.getAttribute('data-max'))];
  }
  return out;
}

const pathEnd = (page: Page, optimizer: string) => panel(page).getByTestId('map2d-loss').locator(`path[data-optimizer="${optimizer}"]`).getAttribute('data-end');

let problems: string[];
test.beforeEach(async ({ page }) => {
  problems = collectProblems(page);
  await page.goto('/');
  await panel(page).scrollIntoViewIfNeeded();
  await expect(panel(page)).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
});

test('choosing a preset draws the four maps with contours and paths', async ({ page }) => {
  await panel(page).getByTestId('preset2d-select').selectOption('multi-well');
  await expect(panel(page)).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
  await expect(panel(page).getByTestId('landscape2d-status')).toContainText(/ready.*worker/);
  const r = await ranges(page);
  for (const name of MAPS) {
    expect(r[name][0], `${name} min`).toBeLessThan(r[name][1]);
    expect(await canvas(page, name).getAttribute('data-points')).toBe('128');
    await expect.poll(() => paintedFraction(page, name), { message: `${name} painted` }).toBeGreaterThan(0.95);
    await expect.poll(async () => Number(await panel(page).getByTestId(`map2d-contours-${name}`).getAttribute('data-count')), { message: `${name} contours` }).toBeGreaterThan(3);
  }
  // sam and relaxed lie above the loss, and smoothing raises the lowest value (the narrow well is filled).
  expect(r.sam[0]).toBeGreaterThan(r.loss[0]);
  expect(r.relaxed[0]).toBeGreaterThanOrEqual(r.loss[0]);
  expect(r.expected[0]).toBeGreaterThan(r.loss[0]);
  for (const optimizer of ['gd', 'adam', 'sam', 'bsam']) expect(await pathEnd(page, optimizer), optimizer).toMatch(/^-?[\d.e-]+,-?[\d.e-]+$/);
  await expect(panel(page).getByTestId('map2d-loss').locator('ellipse.map2d-ellipse').first()).toBeAttached();
  expect(problems).toEqual([]);
});

test('dragging the start point reruns the paths; the keyboard moves it too', async ({ page }) => {
  const before = await pathEnd(page, 'gd');
  const handle = panel(page).getByTestId('map2d-start-loss');
  const box = await handle.boundingBox();
  if (!box) throw new Error('no start handle');
  const [x0, y0] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  await page.mouse.move(x0 + 60, y0 + 40, { steps: 5 });
  await page.mouse.up();
  await expect.poll(() => pathEnd(page, 'gd')).not.toBe(before);
  const afterDrag = await pathEnd(page, 'bsam');
  await handle.focus();
  await page.keyboard.press('Shift+ArrowLeft');
  await expect.poll(() => pathEnd(page, 'bsam')).not.toBe(afterDrag);
  // Moving the start does not recompute the maps.
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  expect(problems).toEqual([]);
});

test('an invalid expression shows its error and keeps the maps of the loss still in effect; a valid one replaces them', async ({ page }) => {
  const old = await ranges(page);
  const input = panel(page).getByTestId('expression2d-input');
  await input.fill('x^2 +* y');
  const error = panel(page).getByTestId('expression-error');
  await expect(error).toContainText('column 6');
  await expect(input).toHaveAttribute('aria-invalid', 'true');
  await page.waitForTimeout(400);
  expect(await ranges(page)).toEqual(old);
  await expect.poll(() => paintedFraction(page, 'loss')).toBeGreaterThan(0.95);

  await input.fill('0.5*(x^2 + 4*y^2)');
  await expect(error).toHaveCount(0);
  // ℓ = (x² + 4y²)/2 on [−3, 3]²: largest at the corners, 22.5 (corner points are grid points).
  await expect.poll(async () => (await ranges(page)).loss[1]).toBeCloseTo(22.5, 9);
  expect((await ranges(page)).loss[0]).toBeLessThan(0.01);
  expect(problems).toEqual([]);
});

test('σ = 1000, ρ = 1000 and exp(exp(x+y)): answered in words, no stale maps, long tasks recorded', async ({ page }) => {
  // Long tasks that run while the panel computes (the computation must be in the worker); the repaint
  // when the maps arrive is the plot machinery's and is measured by the browser bench.
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: { start: number; duration: number }[]; computing: [number, number][] };
    w.longTasks = [];
    w.computing = [];
    const el = document.querySelector('[data-testid="landscape2d"]') as HTMLElement;
    new MutationObserver(() => {
      const now = performance.now();
      if (el.dataset.status === 'computing') w.computing.push([now, Infinity]);
      else if (w.computing.length > 0 && w.computing[w.computing.length - 1][1] === Infinity) w.computing[w.computing.length - 1][1] = now;
    }).observe(el, { attributes: true, attributeFilter: ['data-status'] });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask' });
  });
  const warnings = panel(page).getByTestId('landscape2d-warnings');
  const commit = async (testId: string, value: string) => {
    const field = panel(page).getByTestId(`${testId}-input`);
    await field.fill(value);
    await field.press('Enter');
  };
  await commit('sigma2d', '1000');
  await expect(warnings).toContainText('relaxed is +∞', { timeout: 60_000 });
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  await commit('rho2d', '1000');
  await expect(warnings).toContainText('sam is not computed: ρ = 1000', { timeout: 60_000 });
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  expect(await canvas(page, 'loss').getAttribute('data-points')).not.toBe('0');
  // The two extreme parameters are computed in the worker, with progress.
  const during = await page.evaluate(() => {
    const w = window as unknown as { longTasks: { start: number; duration: number }[]; computing: [number, number][] };
    return w.longTasks.filter((t) => w.computing.some(([a, b]) => t.start >= a && t.start + t.duration <= b)).map((t) => t.duration);
  });
  // The four maps used to paint and trace contours in one task (290–300 ms on a busy machine); each map
  // now paints and traces in tasks of its own. Still 111 ms at load 17.6 (h2d2's run), so recorded, not
  // yet asserted ≤ 100 ms: the remaining render (shared colour map, React commit) is the next suspect.
  test.info().annotations.push({ type: 'longest main-thread task while computing (ms)', description: String(Math.max(0, ...during)) });

  const input = panel(page).getByTestId('expression2d-input');
  await input.fill('exp(exp(x+y))');
  await expect(warnings).toContainText('expected is +∞ everywhere', { timeout: 60_000 });
  await expect(panel(page)).toHaveAttribute('data-status', 'ready');
  // The loss map is of the new loss: ℓ ≥ e at the view's corner (x + y = −6 gives exp(e^−6) ≈ 1.0025).
  expect((await ranges(page)).loss[0]).toBeCloseTo(Math.exp(Math.exp(-6)), 6);
  await expect(panel(page)).not.toContainText('Invalid typed array');
  expect(problems).toEqual([]);
});

test('map titles say in maths what each map plots, with its parameter, and fit their map at 390 px and at 1280 px', async ({ page }) => {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 844 });
    await panel(page).scrollIntoViewIfNeeded();
    await expect(panel(page)).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
    for (const name of MAPS) {
      const title = panel(page).getByTestId(`map2d-title-${name}`);
      await expect(title, `${name} at ${width} px`).toContainText('(x, y)');
      const sigma = await panel(page).getByTestId('sigma2d-input').inputValue();
      const rho = await panel(page).getByTestId('rho2d-input').inputValue();
      if (name === 'sam') await expect(title).toContainText(`ρ = ${rho}`);
      if (name === 'expected' || name === 'relaxed') await expect(title).toContainText(`σ = ${sigma}`);
      // The laid-out text itself (a Range over the caption's contents: a block's own box never shows overflow)
      // lies inside the map's frame, and the frame inside the panel.
      const boxes = await panel(page).getByTestId(`map2d-${name}`).evaluate((figure) => {
        const caption = figure.querySelector('figcaption') as HTMLElement;
        const range = document.createRange();
        range.selectNodeContents(caption);
        const text = range.getBoundingClientRect();
        const frame = (figure.querySelector('svg.map2d-svg') as SVGSVGElement).getBoundingClientRect();
        const section = (figure.closest('section') as HTMLElement).getBoundingClientRect();
        return { text: [text.left, text.right], frame: [frame.left, frame.right], panel: [section.left, section.right], scroll: caption.scrollWidth - caption.clientWidth };
      });
      const where = `${name} at ${width} px: ${JSON.stringify(boxes)}`;
      expect(boxes.text[0], where).toBeGreaterThanOrEqual(boxes.frame[0] - 0.5);
      expect(boxes.text[1], where).toBeLessThanOrEqual(boxes.frame[1] + 0.5);
      expect(boxes.scroll, where).toBeLessThanOrEqual(0);
      expect(boxes.frame[0], where).toBeGreaterThanOrEqual(boxes.panel[0]);
      expect(boxes.frame[1], where).toBeLessThanOrEqual(boxes.panel[1]);
    }
  }
});

test('zoom buttons and the wheel change the shared view; reset restores it', async ({ page }) => {
  const view = panel(page).getByTestId('view2d');
  const initial = await view.textContent();
  await panel(page).getByTestId('zoom2d-in').click();
  await expect(view).not.toHaveText(initial ?? '');
  await expect(panel(page)).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
  // Hovered through the locator (scrolled into view, position re-read when stable), so the wheel lands on
  // the map even if the page moved since the click (a wheel elsewhere scrolls the page instead).
  const svg = panel(page).getByTestId('map2d-expected').locator('svg.map2d-svg');
  const box = await svg.boundingBox();
  if (!box) throw new Error('no map');
  await svg.hover({ position: { x: box.width * 0.6, y: box.height * 0.5 } });
  const zoomed = await view.textContent();
  await page.mouse.wheel(0, 300);
  await expect(view).not.toHaveText(zoomed ?? '');
  await panel(page).getByTestId('reset2d-view').click();
  await expect(view).toHaveText(initial ?? '');
  expect(problems).toEqual([]);
});

test('the panel has no axe violations and its controls have accessible names', async ({ page }) => {
  const results = await new AxeBuilder({ page }).include('[data-testid="landscape2d"]').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await expect(panel(page).getByRole('slider', { name: /Start point/ })).toHaveCount(1);
  await expect(panel(page).getByRole('button', { name: 'Reset view' })).toBeVisible();
  await expect(panel(page).getByRole('slider', { name: /σ, posterior standard deviation \(2-D\)/ })).toBeVisible();
});

// The panel's own main-thread work at the largest grid: a preset's maps arriving (256²), painted and
// contoured (each map in a task of its own), and the paths replayed from a dragged start point. Measured
// by CPU time from a Chrome trace (main-thread.ts): on the shared machine wall time is mostly others'.
test('256² maps: arrival, painting, contours and the path animation take no main-thread task over 100 ms of CPU', async ({ page, browser }) => {
  test.setTimeout(300_000);
  await page.goto('/#v=1&l2.points=256');
  await panel(page).scrollIntoViewIfNeeded();
  await expect(panel(page)).toHaveAttribute('data-status', 'ready', { timeout: 120_000 });
  await page.waitForTimeout(2000);
  const stop = await traceMainThread(browser, page);
  await panel(page).getByTestId('preset2d-select').selectOption('multi-well');
  await expect(panel(page)).toHaveAttribute('data-status', 'ready', { timeout: 120_000 });
  expect(await canvas(page, 'sam').getAttribute('data-points')).toBe('256');
  for (const name of MAPS) await expect.poll(() => paintedFraction(page, name), { message: `${name} painted`, timeout: 60_000 }).toBeGreaterThan(0.95);
  // Drag the start point: every map's paths rerun and animate.
  const start = panel(page).getByTestId('map2d-start-loss');
  const box = (await start.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 40, box.y + 30, { steps: 8 });
  await page.mouse.up();
  await page.waitForTimeout(2500);
  const tasks = await stop();
  test.info().annotations.push({ type: 'longest main-thread tasks', description: describeLongest(tasks) });
  expect(tasks.length, 'the trace saw the page').toBeGreaterThan(10);
  expect(cpuHeavy(tasks)).toEqual([]);
  expect(problems).toEqual([]);
});
