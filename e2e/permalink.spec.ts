/** Permalinks end to end, against the built app (src/ui/permalink). */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { collectProblems, panel } from './helpers.ts';

/** Counts history writes (with their times) from before the app's first script runs. */
async function recordHistoryWrites(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __writes: { kind: string; at: number; url: string }[] };
    w.__writes = [];
    for (const kind of ['pushState', 'replaceState'] as const) {
      const original = history[kind].bind(history);
      history[kind] = (data: unknown, unused: string, url?: string | URL | null) => {
        w.__writes.push({ kind, at: performance.now(), url: String(url ?? '') });
        original(data, unused, url);
      };
    }
  });
}

const writes = (page: Page) => page.evaluate(() => (window as unknown as { __writes: { kind: string; at: number; url: string }[] }).__writes);
const hash = (page: Page) => page.evaluate(() => decodeURIComponent(location.hash));
const noticeKeys = (page: Page) => page.getByTestId('link-notices').locator('li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-key')));

/** Fragments a hand-edited, truncated or hostile link might carry, and the keys their notices must name. */
const FUZZED: { name: string; fragment: string; keys: string[] }[] = [
  { name: 'truncated key and value', fragment: 'v=1&l1.sigma=0.&l1.rh', keys: ['l1.sigma', 'l1.rh'] },
  { name: 'truncated escape', fragment: 'v=1&l1.loss.kind=expression&l1.loss.text=theta%5', keys: ['l1.loss.text', 'l1.loss.kind'] },
  { name: 'wrong types', fragment: 'v=1&l1.sigma=abc&l1.visible.sam=maybe&tr.model.hidden=a,b&ms.surface=42&tr.model=5', keys: ['l1.sigma', 'l1.visible.sam', 'ms.surface', 'tr.model.hidden', 'tr.model'] },
  { name: 'huge numbers', fragment: 'v=1&l1.sigma=1e308&l1.rho=-1e999&l1.m=1e400&tr.seeds.noise=1e30&tr.epochs=1e12&ms.sigmaTo=1e308', keys: ['l1.sigma', 'l1.rho', 'l1.m', 'tr.epochs', 'tr.seeds.noise'] },
  { name: 'a huge domain', fragment: 'v=1&l1.from=-1e308&l1.to=1e308', keys: ['l1.from'] },
  { name: 'the widest and the narrowest drawable domains', fragment: 'v=1&l1.from=-1e6&l1.to=1e6&ms.sigmaFrom=1e-300&ms.sigmaTo=1e3', keys: [] },
  // σ to past the schema's 1000 is clamped with a notice (issue 11: it was accepted silently).
  { name: 'a σ range past its bound', fragment: 'v=1&ms.sigmaFrom=1e-300&ms.sigmaTo=1e300', keys: ['ms.sigmaTo'] },
  { name: 'a tiny domain', fragment: 'v=1&l1.from=0&l1.to=1e-300', keys: ['l1.from'] },
  { name: 'NaN and Infinity', fragment: 'v=1&l1.sigma=NaN&l1.rho=Infinity&l1.m=-Infinity', keys: ['l1.sigma', 'l1.rho', 'l1.m'] },
  { name: 'unknown keys', fragment: 'v=1&zoom=3&l9.x=1&__proto__=1&constructor.prototype=1', keys: ['zoom', 'l9.x', '__proto__', 'constructor.prototype'] },
  { name: 'unknown version', fragment: 'v=99&l1.sigma=0.7&l1.future=1', keys: ['v', 'l1.future'] },
  { name: 'version that is not a number', fragment: 'v=abc&l1.sigma=0.7', keys: ['v'] },
  { name: 'non-UTF-8 escapes', fragment: 'v=1&l1.sigma=%C3%28&%&l1.rho=%&%E2%82=1', keys: ['l1.sigma', '%', 'l1.rho', '%E2%82'] },
  { name: 'duplicate keys', fragment: 'v=1&l1.sigma=0.2&l1.sigma=0.9', keys: ['l1.sigma'] },
  { name: 'no values', fragment: '&&=&==&l1.sigma', keys: ['(empty)', 'l1.sigma'] },
];

test.describe('permalinks', () => {
  let problems: string[];

  test.beforeEach(async ({ page }) => {
    problems = collectProblems(page);
    await recordHistoryWrites(page);
  });

  for (const { name, fragment, keys } of FUZZED) {
    test(`fuzzed fragment (${name}) opens the page with no error, no NaN, and a notice naming each problem`, async ({ page }) => {
      await page.goto(`/#${fragment}`);
      await expect(panel(page)).toBeVisible();
      await expect(page.getByTestId('training-panel')).toBeVisible();
      const notices = page.getByTestId('link-notices');
      if (keys.length === 0) await expect(notices).toHaveCount(0);
      else await expect.poll(() => noticeKeys(page)).toEqual(expect.arrayContaining(keys));
      // Let the curves, the heatmap worker and the training worker settle before reading the page.
      await page.waitForTimeout(400);
      // Every text node (SVG labels and aria-hidden ones too), outside scripts and styles; the notice list
      // is left out because it quotes the link (“NaN” is not a number): what the panels show is checked.
      const text = await page.evaluate(() => {
        const out: string[] = [];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const parent = n.parentElement;
          if (parent && !parent.closest('[data-testid="link-notices"], script, style')) out.push(n.textContent ?? '');
        }
        return out.join(' ');
      });
      expect(text, 'no NaN on the page').not.toMatch(/NaN/);
      const paths = await page.locator('path[d]').evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? ''));
      expect(paths.filter((d) => /NaN/.test(d)), 'no NaN in any path').toEqual([]);
      expect(problems).toEqual([]);
    });
  }

  test('a valid link restores σ and ρ exactly, shows no notices, and is kept as is', async ({ page }) => {
    await page.goto('/#v=1&l1.sigma=0.37&l1.rho=0.0425&ms.surface=expected');
    await expect(page.getByTestId('sigma-input')).toHaveValue('0.37');
    await expect(page.getByTestId('rho-input')).toHaveValue('0.0425');
    await expect(page.getByTestId('link-notices')).toHaveCount(0);
    expect(await hash(page)).toBe('#v=1&l1.sigma=0.37&l1.rho=0.0425&ms.surface=expected');
    expect(problems).toEqual([]);
  });

  test('a link with problems is corrected in place (replace, not a new entry) and the notice can be dismissed', async ({ page }) => {
    await page.goto('/#v=1&l1.sigma=0.37&l1.rho=5000&zoom=2');
    await expect(page.getByTestId('rho-input')).toHaveValue('1000');
    await expect.poll(() => hash(page)).toBe('#v=1&l1.sigma=0.37&l1.rho=1000');
    expect((await writes(page)).map((w) => w.kind)).toEqual(['replaceState']);
    await expect(page.getByTestId('link-notices')).toContainText('l1.rho: 5000 is above the maximum 1000 (adjusted)');
    await expect(page.getByTestId('link-notices')).toContainText('zoom: unknown key (ignored)');
    await page.getByTestId('link-notices-dismiss').click();
    await expect(page.getByTestId('link-notices')).toHaveCount(0);
    expect(problems).toEqual([]);
  });

  test('editing σ rewrites the hash within a second, at most about twice a second, without history entries', async ({ page }) => {
    await page.goto('/');
    await expect(panel(page)).toBeVisible();
    const range = page.getByTestId('sigma-range');
    await range.focus();
    const start = await page.evaluate(() => performance.now());
    // 40 slider steps over ~2 s: a naive sync would write 40 times.
    for (let i = 0; i < 40; i++) {
      await range.press('ArrowRight');
      await page.waitForTimeout(50);
    }
    const sigma = await page.getByTestId('sigma-input').inputValue();
    await expect.poll(() => hash(page), { timeout: 1000 }).toContain(`l1.sigma=${sigma}`);
    const log = (await writes(page)).filter((w) => w.at >= start);
    expect(log.every((w) => w.kind === 'replaceState')).toBe(true);
    const elapsed = (log[log.length - 1].at - start) / 1000;
    expect(log.length, `${log.length} writes in ${elapsed.toFixed(1)} s`).toBeLessThanOrEqual(Math.ceil(elapsed * 2) + 1);
    for (let i = 1; i < log.length; i++) expect(log[i].at - log[i - 1].at).toBeGreaterThanOrEqual(450);
    expect(await page.evaluate(() => history.length)).toBe(2); // about:blank + the app
    expect(problems).toEqual([]);
  });

  test('choosing a preset pushes a history entry and Back restores the state before it', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('sigma-input').fill('0.8');
    await expect.poll(() => hash(page)).toBe('#v=1&l1.sigma=0.8');
    await page.getByTestId('preset-select').selectOption('quadratic');
    await expect.poll(() => hash(page)).toContain('l1.loss.id=quadratic');
    const kinds = (await writes(page)).map((w) => w.kind);
    expect(kinds.filter((k) => k === 'pushState')).toHaveLength(1);
    await page.goBack();
    await expect(page.getByTestId('preset-select')).toHaveValue('sharp-flat');
    await expect(page.getByTestId('sigma-input')).toHaveValue('0.8');
    expect(await hash(page)).toBe('#v=1&l1.sigma=0.8');
    await page.goForward();
    await expect(page.getByTestId('preset-select')).toHaveValue('quadratic');
    expect(problems).toEqual([]);
  });

  test('Copy link copies the current link and says so', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/#v=1&l1.sigma=0.37');
    await page.getByTestId('copy-link').click();
    await expect(page.getByTestId('copy-status')).toHaveText('Link copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(await page.evaluate(() => location.href));
    expect(problems).toEqual([]);
  });

  test('when the clipboard is refused, the link is shown selected instead', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } });
    });
    await page.goto('/#v=1&l1.sigma=0.37');
    await page.getByTestId('copy-link').click();
    await expect(page.getByTestId('copy-status')).toContainText('Copying was refused');
    const field = page.getByTestId('link-text');
    await expect(field).toHaveValue(/#v=1&l1\.sigma=0\.37$/);
    await expect.poll(() => field.evaluate((el: HTMLInputElement) => (el.selectionEnd ?? 0) - (el.selectionStart ?? 0))).toBe(await field.evaluate((el: HTMLInputElement) => el.value.length));
    expect(problems).toEqual([]);
  });

  test('the QR code shows the link, with the address beneath', async ({ page }) => {
    await page.goto('/#v=1&l1.sigma=0.37');
    await page.getByTestId('qr-toggle').click();
    await expect(page.getByTestId('qr-image')).toBeVisible();
    const src = await page.getByTestId('qr-image').getAttribute('src');
    expect(src).toMatch(/^data:image\/png;base64,/);
    expect(await page.getByTestId('qr-url').textContent()).toBe(await page.evaluate(() => location.href));
    await expect(page.getByTestId('qr-toggle')).toHaveAttribute('aria-expanded', 'true');
    expect(problems).toEqual([]);
  });

  test('Save state downloads the whole state; Load state reads a file with the same checks, and Back undoes it', async ({ page }, testInfo) => {
    await page.goto('/#v=1&l1.sigma=0.37');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-state').click()]);
    expect(download.suggestedFilename()).toBe('sam-bayes-lab-state.json');
    const saved = JSON.parse(readFileSync((await download.path()) as string, 'utf8'));
    expect(saved.version).toBe(1);
    expect(saved.landscape1d.sigma).toBe(0.37);
    expect(saved.training.seeds).toEqual({ data: 0, init: 0, noise: 0 });

    const edited = { ...saved, landscape1d: { ...saved.landscape1d, sigma: 0.55, rho: 5e9 }, extra: true };
    const path = testInfo.outputPath('edited.json');
    writeFileSync(path, JSON.stringify(edited));
    await page.getByTestId('load-state').setInputFiles(path);
    await expect(page.getByTestId('sigma-input')).toHaveValue('0.55');
    await expect(page.getByTestId('rho-input')).toHaveValue('1000');
    await expect(page.getByTestId('link-notices')).toContainText('edited.json');
    await expect.poll(() => noticeKeys(page)).toEqual(['l1.rho', 'extra']);
    await expect.poll(() => hash(page)).toBe('#v=1&l1.sigma=0.55&l1.rho=1000');
    await page.goBack();
    await expect(page.getByTestId('sigma-input')).toHaveValue('0.37');
    expect(problems).toEqual([]);
  });

  test('Load state with a file that is not a state file changes nothing and says so', async ({ page }, testInfo) => {
    await page.goto('/#v=1&l1.sigma=0.37');
    await expect(page.getByTestId('sigma-input')).toHaveValue('0.37');
    const path = testInfo.outputPath('points.csv');
    writeFileSync(path, 'x,y,label\n0,0,0\n1,1,1\n');
    await page.getByTestId('load-state').setInputFiles(path);
    await expect(page.getByTestId('load-state-error')).toHaveText('points.csv was not loaded, and nothing changed: it is not JSON (a state file is what “Save state” writes).');
    // σ is not back at its default (0.5): every setting is kept, and no notice speaks of an ignored setting.
    await expect(page.getByTestId('sigma-input')).toHaveValue('0.37');
    await expect(page.getByTestId('link-notices')).toHaveCount(0);
    expect(await hash(page)).toBe('#v=1&l1.sigma=0.37');
    expect(problems).toEqual([]);
  });

  test('a link too long to share (an imported dataset) says so, offers the state file, and is not printed whole', async ({ page }) => {
    // 800 imported points: a link of about 11,000 characters.
    const points = Array.from({ length: 800 }, (_, i) => `${(Math.cos(i) * 1.2345).toFixed(4)},${(Math.sin(i) * 2.3456).toFixed(4)},${i % 2}`).join(';');
    await page.goto(`/#v=1&tr.dataset.kind=custom&tr.dataset.points=${points}`);
    await expect(page.getByTestId('train-dataset')).toHaveValue('custom');
    const warning = page.getByTestId('link-too-long');
    await expect(warning).toContainText('This link is too long to share');
    await expect(warning).toContainText('beyond the 8,000');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save-state-instead').click()]);
    expect(download.suggestedFilename()).toBe('sam-bayes-lab-state.json');
    await page.getByTestId('qr-toggle').click();
    await expect(page.getByTestId('qr-too-long')).toContainText('a QR code holds at most 2,953');
    await expect(page.getByTestId('qr-url')).toContainText('characters)');
    // The share bar stays a bar: the whole link printed in it made the header 13,060 px tall.
    const height = await page.getByTestId('share-bar').evaluate((el) => el.getBoundingClientRect().height);
    expect(height).toBeLessThan(400);
    expect(problems).toEqual([]);
  });

  test('exact replay: a link that says "train to step 5, then pause" gives, on cpu, the numbers cli train prints', async ({ page }) => {
    const fragment = 'v=1&tr.epochs=3&tr.predictiveSamples=4&tr.stopAt=5';
    const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'train', '--link', fragment], { encoding: 'utf8', timeout: 120_000 });
    expect(cli.status, cli.stderr).toBe(0);
    const [epoch1, stop] = cli.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(stop.stopped.step).toBe(5);

    await page.goto(`/#${fragment}`);
    await page.getByTestId('train-backend-select').selectOption('cpu');
    await page.getByTestId('train-play').click();
    await expect(page.getByTestId('train-stopped-at')).toHaveText('paused at step 5, as set in “Pause at step”', { timeout: 60_000 });
    await expect(page.getByTestId('training-panel')).toHaveAttribute('data-step', '5');
    // The epoch-1 training loss the app plots is the CLI's, to the last bit.
    expect(Number(await page.getByTestId('train-metrics').getAttribute('data-first-loss'))).toBe(epoch1.train_loss);
    // Playing and stopping never wrote the URL: the link is still the one opened.
    expect(await hash(page)).toBe(`#${fragment}`);
    expect((await writes(page)).filter((w) => w.kind === 'pushState')).toEqual([]);
    expect(problems).toEqual([]);
  });
});
