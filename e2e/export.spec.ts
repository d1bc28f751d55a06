// Export from the built app: each panel's SVG download is well-formed XML (checked by the browser's own
// XML parser) holding the panel's charts, its PNG is exactly twice the panel's CSS size, and after a few
// training steps the metric history downloads as CSV and JSON that parse and agree.
// Needs the ExportMenu wiring in the three panels (see the report).
import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import type { Download, Page } from '@playwright/test';
import { pngDimensions } from '../src/ui/export/png.ts';

const BUILD_TIMEOUT = 180_000;
// Computing the (m, σ) grid and building a run share 2 cores with everything else: allow for a slow machine.
test.describe.configure({ timeout: 300_000 });

interface PanelCase {
  testId: string;
  name: string;
  /** Selectors that must match in the exported SVG: the panel's charts. */
  expect: { selector: string; min: number }[];
}

const PANELS: PanelCase[] = [
  {
    testId: 'landscape1d',
    name: 'landscape-1d',
    expect: [
      { selector: 'svg[data-testid="landscape-svg"]', min: 1 },
      // One path per visible objective, with its data kept.
      { selector: 'path[data-objective]', min: 5 },
    ],
  },
  {
    testId: 'msigma-panel',
    name: 'msigma',
    expect: [
      { selector: 'image[data-testid="msigma-heatmap"]', min: 1 },
      { selector: 'g[data-testid="msigma-contours"] path', min: 1 },
    ],
  },
  {
    testId: 'training-panel',
    name: 'training',
    expect: [
      { selector: 'image[data-testid="train-metrics"]', min: 1 },
      { selector: 'image', min: 2 },
    ],
  },
];

async function openReady(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByTestId('train-backend-select').selectOption('cpu', { force: true });
  await expect(page.getByTestId('msigma-panel')).toHaveAttribute('data-status', 'ready', { timeout: BUILD_TIMEOUT });
  await expect(page.getByTestId('training-panel')).toHaveAttribute('data-status', 'paused', { timeout: BUILD_TIMEOUT });
}

async function download(page: Page, testId: string): Promise<{ download: Download; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await dl.path();
  expect(path, `${testId} saved a file`).toBeTruthy();
  return { download: dl, bytes: await readFile(path!) };
}

/** The panel's size in whole CSS pixels, as the exporter rounds it. */
async function cssSize(page: Page, testId: string): Promise<{ width: number; height: number }> {
  return page.getByTestId(testId).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { width: Math.round(r.width), height: Math.round(r.height) };
  });
}

test('every panel exports a well-formed, standalone SVG with its charts, and a PNG at 2×', async ({ page }) => {
  await openReady(page);
  for (const panel of PANELS) {
    await page.getByTestId(panel.testId).scrollIntoViewIfNeeded();
    const size = await cssSize(page, panel.testId);

    const svg = await download(page, `export-svg-${panel.name}`);
    expect(svg.download.suggestedFilename()).toMatch(new RegExp(`^sam-bayes-lab_${panel.name}_\\d{4}-\\d{2}-\\d{2}_\\d{2}-\\d{2}-\\d{2}\\.svg$`));
    const text = svg.bytes.toString('utf8');
    expect(text.startsWith('<?xml')).toBe(true);
    const report = await page.evaluate(
      ({ text, checks }) => {
        const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
        const error = doc.getElementsByTagName('parsererror')[0]?.textContent ?? null;
        const root = doc.documentElement;
        return {
          error,
          rootName: root.localName,
          namespace: root.namespaceURI,
          width: root.getAttribute('width'),
          height: root.getAttribute('height'),
          rootStyle: root.getAttribute('style') ?? '',
          foreignObjects: doc.getElementsByTagName('foreignObject').length,
          texts: Array.from(doc.getElementsByTagName('text')).map((t) => t.textContent ?? ''),
          counts: checks.map((c) => doc.querySelectorAll(c).length),
          images: Array.from(doc.getElementsByTagName('image')).map((i) => (i.getAttribute('href') ?? '').slice(0, 22)),
        };
      },
      { text, checks: panel.expect.map((e) => e.selector) },
    );
    expect(report.error, `${panel.name}: XML parse error`).toBeNull();
    expect(report.rootName).toBe('svg');
    expect(report.namespace).toBe('http://www.w3.org/2000/svg');
    expect([Number(report.width), Number(report.height)]).toEqual([size.width, size.height]);
    // Readable without the page's CSS: explicit fonts, no HTML islands.
    expect(report.rootStyle).toMatch(/font-family: [^;]*(sans-serif|system-ui)/);
    expect(report.rootStyle).toMatch(/font-size: \d+(\.\d+)?px/);
    expect(report.foreignObjects).toBe(0);
    // The heading is there as SVG text.
    const heading = ((await page.getByTestId(panel.testId).locator('h2').first().textContent()) ?? '').trim();
    expect(report.texts.join(' ')).toContain(heading.split(' ').slice(0, 3).join(' '));
    panel.expect.forEach((e, i) => expect(report.counts[i], `${panel.name}: ${e.selector}`).toBeGreaterThanOrEqual(e.min));
    // The figure alone: no status line ("ready (860 ms, worker)") and no button labels.
    expect(report.texts.join(' '), `${panel.name}: UI chrome in the export`).not.toMatch(/\bready \(|Compute slice|Export SVG|Copy link/);
    // Gradients and patterns referenced inside the file (a page-absolute url() exported them blank).
    expect(text, `${panel.name}: url() pointing outside the file`).not.toMatch(/url\(\s*["']?https?:/);
    for (const href of report.images) expect(href).toBe('data:image/png;base64,');

    const png = await download(page, `export-png-${panel.name}`);
    expect(png.download.suggestedFilename()).toMatch(new RegExp(`^sam-bayes-lab_${panel.name}_.*\\.png$`));
    expect(pngDimensions(new Uint8Array(png.bytes)), `${panel.name} PNG size`).toEqual({ width: 2 * size.width, height: 2 * size.height });
  }
});

test('the metric history exports as CSV and JSON that parse and agree', async ({ page }) => {
  await openReady(page);
  const training = page.getByTestId('training-panel');
  await training.scrollIntoViewIfNeeded();
  await expect(page.getByTestId('export-metrics-csv')).toBeDisabled();
  await page.getByTestId('train-play').click();
  await expect.poll(async () => Number(await page.getByTestId('train-metrics').getAttribute('data-points')), { timeout: BUILD_TIMEOUT }).toBeGreaterThanOrEqual(3);
  await page.getByTestId('train-play').click();
  await expect(training).toHaveAttribute('data-status', 'paused');
  // Let the steps already under way land, so both files see the same history.
  await page.waitForTimeout(1500);

  const csv = (await download(page, 'export-metrics-csv')).bytes.toString('utf8');
  const lines = csv.trimEnd().split('\n');
  expect(lines[0]).toBe('run,optimizer,epoch,step,trainLoss,testAccuracy,nll,ece');
  const rows = lines.slice(1).map((l) => l.split(','));
  expect(rows.length).toBeGreaterThanOrEqual(3);
  for (const r of rows) {
    expect(r).toHaveLength(8);
    expect(r[1]).toBe('bsam');
    for (const cell of r.slice(2)) expect(Number.isNaN(Number(cell)) && cell !== 'NaN', `cell ${cell}`).toBe(false);
  }
  const losses = rows.map((r) => Number(r[4]));
  expect(losses.every(Number.isFinite)).toBe(true);

  const jsonDownload = await download(page, 'export-metrics-json');
  expect(jsonDownload.download.suggestedFilename()).toMatch(/^sam-bayes-lab_training-metrics_.*\.json$/);
  const json = JSON.parse(jsonDownload.bytes.toString('utf8'));
  expect(json.format).toBe('sam-bayes-lab/metrics');
  expect(json.config.optimizer.kind).toBe('bsam');
  expect(json.runs).toHaveLength(1);
  expect(json.runs[0].rows.length).toBe(rows.length);
  expect(json.runs[0].rows.map((r: { trainLoss: number }) => r.trainLoss)).toEqual(losses);
});
