// Accessibility, keyboard and layout of the built app: axe-core (WCAG 2 A and AA) finds no serious or
// critical violation on the page, in classroom mode and with the help dialog open; Tab reaches the main
// controls with a visible focus ring and an accessible name; the shortcuts drive the tour, the help and
// training; and at a projector's 1280 × 720 and a phone's 390 × 844 nothing overflows sideways.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';

const PANELS = ['landscape1d', 'msigma-panel', 'training-panel'] as const;
const BUILD_TIMEOUT = 180_000;
// Computing the (m, σ) grid and building a run share 2 cores with everything else: allow for a slow machine.
test.describe.configure({ timeout: 300_000 });

/** Until the heatmap is computed and the training run built, the page is still changing under axe. */
async function openReady(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  // The CPU backend builds the run in seconds; headless WebGPU (SwiftShader) takes much longer. Forced:
  // classroom mode hides the backend row as an advanced control.
  await page.getByTestId('train-backend-select').selectOption('cpu', { force: true });
  await expect(page.getByTestId('msigma-panel')).toHaveAttribute('data-status', 'ready', { timeout: BUILD_TIMEOUT });
  await expect(page.getByTestId('training-panel')).toHaveAttribute('data-status', /^(paused|running)$/, { timeout: BUILD_TIMEOUT });
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.slice(0, 6).map((n) => n.target.join(' ')).join('\n    ')}`);
}

test.describe('axe-core', () => {
  test('the main page has no serious or critical violations', async ({ page }) => {
    await openReady(page);
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('classroom mode, opened by its link parameter, has none either', async ({ page }) => {
    await openReady(page, '/?classroom=1');
    await expect(page.locator('html')).toHaveClass(/\bclassroom\b/);
    await expect(page.getByTestId('classroom-toggle')).toHaveAttribute('aria-pressed', 'true');
    // Advanced controls are hidden, the essential ones are not.
    await expect(page.getByTestId('expression-input')).toBeHidden();
    await expect(page.getByTestId('train-seed-data-input')).toBeHidden();
    await expect(page.getByTestId('preset-select')).toBeVisible();
    await expect(page.getByTestId('train-optimizer')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });

  test('the help overlay is an accessible modal dialog: no violations, focus trapped, Esc closes', async ({ page }) => {
    await openReady(page);
    const opener = page.getByTestId('help-open');
    await opener.focus();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toBeVisible();
    await expect(page.getByTestId('help-close')).toBeFocused();
    expect(await seriousViolations(page)).toEqual([]);
    // Twice round the dialog's controls forwards and once backwards: focus never leaves it.
    const count = await dialog.locator('button').count();
    for (let i = 0; i < 2 * count; i++) {
      await page.keyboard.press('Tab');
      expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    }
    for (let i = 0; i < count; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
  });
});

interface Focused {
  id: string;
  name: string;
  outline: string;
  ring: boolean;
}

/** What has focus: a test id (or tag), an accessible-name approximation and whether a focus ring shows. */
async function focused(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const labelled = el.getAttribute('aria-labelledby');
    const byIds = labelled
      ? labelled
          .split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ')
      : '';
    const labels = 'labels' in el ? Array.from((el as HTMLInputElement).labels ?? []).map((l) => l.textContent ?? '') : [];
    const name = [el.getAttribute('aria-label') ?? '', byIds, ...labels, el.getAttribute('title') ?? '', el.textContent ?? ''].join(' ').trim();
    const style = getComputedStyle(el);
    const outlineWidth = parseFloat(style.outlineWidth);
    const outlined = style.outlineStyle !== 'none' && outlineWidth >= 2;
    // The SVG m handle draws its ring as a stroke (an outline on a <g> would not show).
    const ringEl = el.querySelector('.m-handle-ring');
    const stroked = ringEl ? getComputedStyle(ringEl).stroke !== 'none' && getComputedStyle(ringEl).stroke !== 'transparent' && !/rgba\(.*, 0\)/.test(getComputedStyle(ringEl).stroke) : false;
    return {
      id: el.getAttribute('data-testid') ?? `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}`,
      name,
      outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
      ring: outlined || stroked,
    };
  });
}

test('Tab reaches the main controls, each with a visible focus ring and a name', async ({ page }) => {
  await openReady(page);
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  const seen = new Map<string, Focused>();
  for (let i = 0; i < 220; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page);
    if (!f) continue;
    if (!seen.has(f.id)) seen.set(f.id, f);
  }
  const mustReach = [
    'classroom-toggle',
    'tour-start',
    'help-open',
    'export-svg-landscape-1d',
    'preset-select',
    'expression-input',
    'sigma-range',
    'sigma-input',
    'rho-range',
    'm-input',
    'toggle-expected',
    'msigma-surface',
    'msigma-coords',
    'export-png-msigma',
    'train-optimizer',
    'train-play',
    'export-svg-training',
  ];
  const reached = [...seen.keys()];
  for (const id of mustReach) expect(reached, `Tab reaches ${id}`).toContain(id);
  // The (m, σ) map is a focusable application.
  expect(await page.locator('[data-testid="msigma-panel"] svg[role="application"]').getAttribute('tabindex')).toBe('0');
  const noRing = [...seen.values()].filter((f) => !f.ring).map((f) => `${f.id}: ${f.outline}`);
  expect(noRing, 'focused elements without a visible focus ring').toEqual([]);
  const unnamed = [...seen.values()].filter((f) => f.name.length === 0).map((f) => f.id);
  expect(unnamed, 'focused elements without a name').toEqual([]);
});

test.describe('keyboard shortcuts', () => {
  test('? opens the help, but not while typing; in classroom mode digits jump to tour steps and load their state', async ({ page }) => {
    await openReady(page);
    const expression = page.getByTestId('expression-input');
    await expression.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' ?');
    await expect(page.getByTestId('help-overlay')).toHaveCount(0);
    await expression.blur();
    await page.keyboard.press('?');
    await expect(page.getByTestId('help-overlay')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('help-overlay')).toHaveCount(0);

    // Outside classroom mode a digit is not a shortcut; in it (and with focus on no control) it is.
    await page.keyboard.press('2');
    await expect(page.getByTestId('tour-bar')).toHaveCount(0);
    await page.getByTestId('classroom-toggle').click();
    await page.getByRole('heading', { name: /five objectives/ }).click();
    await page.keyboard.press('2');
    const bar = page.getByTestId('tour-bar');
    await expect(bar).toBeVisible();
    await expect(bar).toHaveAttribute('data-step', '2');
    await expect(page.getByTestId('sigma-input')).toHaveValue('0.12');
    await expect(page.getByTestId('landscape1d')).toHaveAttribute('data-tour-focus', '');
    await page.getByTestId('tour-next').click();
    await expect(bar).toHaveAttribute('data-step', '3');
    await expect(page.getByTestId('sigma-input')).toHaveValue('0.6');
    // The Next button has focus, and a digit at a focused control is the control's: nothing happens.
    await page.keyboard.press('8');
    await expect(bar).toHaveAttribute('data-step', '3');
    await page.getByTestId('tour-caption').click();
    await page.keyboard.press('8');
    await expect(page.getByTestId('msigma-surface')).toHaveValue('gap');
    await expect(page.getByTestId('msigma-panel')).toHaveAttribute('data-tour-focus', '');
    await page.getByTestId('tour-end').click();
    await expect(bar).toHaveCount(0);
  });

  test('the tour has at least 8 steps with captions, from the first to the last', async ({ page }) => {
    await openReady(page);
    await page.getByTestId('tour-start').click();
    const bar = page.getByTestId('tour-bar');
    const captions = new Set<string>();
    for (let i = 0; i < 20; i++) {
      captions.add((await page.getByTestId('tour-caption').textContent()) ?? '');
      if ((await page.getByTestId('tour-next').count()) === 0) break;
      await page.getByTestId('tour-next').click();
    }
    expect(captions.size).toBeGreaterThanOrEqual(8);
    await expect(bar).toContainText(`Step ${captions.size} of ${captions.size}`);
    await page.getByTestId('tour-finish').click();
    await expect(bar).toHaveCount(0);
  });

  test('a training step of the tour starts training once its run is built; a step without training pauses it', async ({ page }) => {
    await openReady(page, '/?classroom=1');
    const training = page.getByTestId('training-panel');
    await expect(training).toHaveAttribute('data-status', 'paused');
    await page.getByRole('heading', { name: /Training/ }).click();
    await page.keyboard.press('9');
    await expect(page.getByTestId('tour-bar')).toHaveAttribute('data-step-id', 'sam-vs-bsam');
    await expect(training).toHaveAttribute('data-tour-focus', '');
    await expect(training).toHaveAttribute('data-status', 'running', { timeout: BUILD_TIMEOUT });
    await page.keyboard.press('1');
    await expect(page.getByTestId('tour-bar')).toHaveAttribute('data-step', '1');
    await expect(training).toHaveAttribute('data-status', 'paused');
    await expect(page.getByTestId('landscape1d')).toHaveAttribute('data-tour-focus', '');
  });

  test('in classroom mode Space plays and pauses training, R resets it, F maximises the panel last clicked', async ({ page }) => {
    await page.goto('/?classroom=1');
    const training = page.getByTestId('training-panel');
    await page.getByTestId('train-backend-select').selectOption('cpu', { force: true });
    await expect(training).toHaveAttribute('data-status', 'paused', { timeout: BUILD_TIMEOUT });
    // Focus on nothing interactive, as when a teacher has clicked on the page.
    await page.getByRole('heading', { name: /Training/ }).click();
    await page.keyboard.press('Space');
    await expect(training).toHaveAttribute('data-status', 'running');
    await expect.poll(async () => Number(await training.getAttribute('data-step')), { timeout: BUILD_TIMEOUT }).toBeGreaterThan(3);
    await page.keyboard.press('Space');
    await expect(training).toHaveAttribute('data-status', 'paused');
    await page.keyboard.press('r');
    await expect(training).toHaveAttribute('data-step', '0', { timeout: BUILD_TIMEOUT });

    // F after a click on the (m, σ) panel's heading takes that panel full screen (API or CSS fallback).
    await page.getByTestId('msigma-panel').getByRole('heading').first().click();
    await page.keyboard.press('f');
    const full = () =>
      page.evaluate(() => {
        const el = document.fullscreenElement ?? document.querySelector('[data-maximised]');
        return el?.getAttribute('data-testid') ?? null;
      });
    await expect.poll(full).toBe('msigma-panel');
    await page.keyboard.press('f');
    await expect.poll(full).toBeNull();
  });
});

for (const size of [
  { name: 'projector', width: 1280, height: 720 },
  { name: 'phone', width: 390, height: 844 },
]) {
  for (const classroom of [false, true]) {
    test(`layout at ${size.width} × ${size.height} (${size.name}${classroom ? ', classroom' : ''}): no sideways overflow, panels visible`, async ({ page }, testInfo) => {
      await page.setViewportSize({ width: size.width, height: size.height });
      await openReady(page, classroom ? '/?classroom=1' : '/');
      const overflow = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
      expect(overflow.scroll, 'document.scrollWidth ≤ innerWidth').toBeLessThanOrEqual(overflow.inner);
      for (const id of PANELS) {
        const panel = page.getByTestId(id);
        await panel.scrollIntoViewIfNeeded();
        await expect(panel).toBeVisible();
        const box = await panel.boundingBox();
        expect(box, id).not.toBeNull();
        expect(box!.x, `${id} left edge`).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width, `${id} right edge`).toBeLessThanOrEqual(size.width + 0.5);
        expect(box!.height, `${id} height`).toBeGreaterThan(100);
      }
      // Every chart fits the width of the screen.
      const wide = await page.evaluate((w) => {
        return Array.from(document.querySelectorAll('.panel svg, .panel canvas'))
          .map((el) => ({ el, r: el.getBoundingClientRect() }))
          .filter(({ r }) => r.width > 0 && (r.left < -0.5 || r.right > w + 0.5))
          .map(({ el, r }) => `${el.tagName} ${el.getAttribute('data-testid') ?? el.getAttribute('class') ?? ''}: ${Math.round(r.left)}..${Math.round(r.right)}`);
      }, size.width);
      expect(wide, 'charts wider than the screen').toEqual([]);
      await page.evaluate(() => window.scrollTo(0, 0));
      const file = testInfo.outputPath(`layout-${size.width}x${size.height}${classroom ? '-classroom' : ''}.png`);
      await page.screenshot({ path: file, fullPage: true });
      await testInfo.attach(`layout ${size.width}×${size.height}${classroom ? ' classroom' : ''}`, { path: file, contentType: 'image/png' });
    });
  }
}
