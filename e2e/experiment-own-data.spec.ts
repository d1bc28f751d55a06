/**
 * "Load your own IDX files" and the per-figure exports, in the built app: a small MNIST-format set cut from the
 * real Fashion-MNIST files (300 training and 100 test images, so an epoch takes a moment), picked with the file
 * input or dropped on the drop zone.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { collectProblems } from './helpers.ts';

const DIR = new URL('../public/data/fashion-mnist/', import.meta.url);
const read = (name: string) => gunzipSync(readFileSync(new URL(name, DIR)));

/** The first `count` items of an IDX file: its header with the count rewritten, then count × item bytes. */
function firstItems(idx: Buffer, count: number): Buffer {
  const dims = idx[3];
  const header = 4 + 4 * dims;
  let item = 1;
  for (let d = 1; d < dims; d++) item *= idx.readUInt32BE(4 + 4 * d);
  const out = Buffer.from(idx.subarray(0, header + count * item));
  out.writeUInt32BE(count, 4);
  return out;
}

interface NamedFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}
const file = (name: string, buffer: Buffer): NamedFile => ({ name, mimeType: 'application/octet-stream', buffer });
const SMALL: NamedFile[] = [
  // One of them gzip-compressed, as the files are usually downloaded: the worker decompresses it.
  file('mini-train-images-idx3-ubyte.gz', gzipSync(firstItems(read('train-images-idx3-ubyte.gz'), 300))),
  file('mini-train-labels-idx1-ubyte', firstItems(read('train-labels-idx1-ubyte.gz'), 300)),
  file('mini-t10k-images-idx3-ubyte', firstItems(read('t10k-images-idx3-ubyte.gz'), 100)),
  file('mini-t10k-labels-idx1-ubyte', firstItems(read('t10k-labels-idx1-ubyte.gz'), 100)),
];
const SUMMARY = '300 train / 100 test images, 28×28, 10 classes';
// 15 steps an epoch (batch 20), 2 epochs: enough to be well above chance (0.1), quick even on a busy machine.
const LINK = '/#v=1&ex.optimizers.sam-sgd=false&ex.size=2000&ex.epochs=2&ex.batchSize=20&ex.predictiveSamples=2';

async function open(page: Page, link = LINK) {
  await page.goto(link);
  await page.getByTestId('ex-open').click();
  // The panel is its own chunk: on a loaded machine it may take a while to arrive.
  await expect(page.getByTestId('ex-own-files')).toBeVisible({ timeout: 60_000 });
}

/** Drops files on the drop zone as a browser would: a drop event carrying a DataTransfer of File objects. */
async function drop(page: Page, files: NamedFile[]) {
  const payload = files.map((f) => ({ name: f.name, base64: f.buffer.toString('base64') }));
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name));
    return dt;
  }, payload);
  await page.getByTestId('ex-own-drop').dispatchEvent('drop', { dataTransfer });
}

test('own IDX files picked with the file input train; a figure exports alone; a bad file says why and loses nothing', async ({ page }) => {
  test.setTimeout(240_000);
  const problems = collectProblems(page);
  await open(page);
  await page.getByTestId('ex-own-files').setInputFiles(SMALL);
  await expect(page.getByTestId('ex-own-status')).toHaveText(`Your files: ${SUMMARY}.`, { timeout: 30_000 });
  // The state records own data (the link names the files) and the size comes within the 300 images.
  await expect(page.getByTestId('ex-data-own')).toBeChecked();
  await expect(page.getByTestId('ex-size-input')).toHaveValue('300');
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('ex.data.kind=own');
  expect(await page.evaluate(() => location.hash)).toContain('ex.data.name=mini-train-images-idx3-ubyte.gz');

  await page.getByTestId('ex-run').click();
  await expect(page.getByTestId('ex-status')).toContainText('Finished: 2 runs', { timeout: 90_000 });
  const rows = page.getByTestId('ex-runs-table').locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(page.getByTestId('ex-runs-table').locator('caption')).toContainText('100 images');
  for (const accuracy of await rows.locator('td[data-metric="accuracy"]').allTextContents()) expect(Number(accuracy)).toBeGreaterThan(0.2);
  // Own data has no class names: the gallery says "class 3".
  await expect(page.getByTestId('ex-gallery')).toContainText(/class \d/);
  await expect(page.getByTestId('ex-gallery')).not.toContainText(/T-shirt|Trouser|Sneaker/);

  // One figure's SVG: the curves, their titles and ticks, and nothing of the page's chrome.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-svg-experiment-curves').click()]);
  expect(download.suggestedFilename()).toMatch(/^sam-bayes-lab_experiment-curves_.*\.svg$/);
  const svg = await readFile((await download.path()) as string, 'utf8');
  expect(svg).toMatch(/^<\?xml[^>]*>\s*<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(await page.evaluate((text) => new DOMParser().parseFromString(text, 'image/svg+xml').querySelector('parsererror') === null, svg)).toBe(true);
  expect(svg).toContain('<title>the per-epoch curves</title>');
  for (const title of ['train loss', 'test accuracy', 'test NLL', 'test ECE']) expect(svg).toContain(title);
  expect((svg.match(/<path /g) ?? []).length).toBeGreaterThanOrEqual(4);
  expect(svg).not.toMatch(/<button|>SVG<|>PNG<|>Export<|reliability diagram|Run it at scale/);
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png-experiment-reliability').click()]);
  expect(png.suggestedFilename()).toMatch(/^sam-bayes-lab_experiment-reliability_.*\.png$/);
  expect((await readFile((await png.path()) as string)).subarray(1, 4).toString('latin1')).toBe('PNG');

  // A set with a bad file: its message, and the files loaded before stay in use.
  await page.getByTestId('ex-own-files').setInputFiles([...SMALL.slice(0, 3), file('notes.txt', Buffer.from('not an IDX file'))]);
  await expect(page.getByTestId('ex-own-error')).toContainText('notes.txt: wrong magic number 0x6e6f7420');
  await expect(page.getByTestId('ex-own-error')).toContainText('still in use');
  await expect(page.getByTestId('ex-own-status')).toHaveText(`Your files: ${SUMMARY}.`);
  await expect(page.getByTestId('ex-run')).toBeEnabled();
  // Fashion-MNIST is still there to choose.
  await expect(page.getByTestId('ex-load-done')).toContainText('60,000 training', { timeout: 60_000 });
  await page.getByTestId('ex-data-fashion').check();
  await expect(page.getByTestId('ex-size-input')).toHaveValue('300');
  await expect(page.getByTestId('ex-run')).toBeEnabled();
  expect(problems).toEqual([]);
});

test('own IDX files dropped on the page load the same way; a truncated one is named', async ({ page }) => {
  await open(page);
  await drop(page, [...SMALL.slice(0, 2), file('mini-t10k-images-idx3-ubyte', SMALL[2].buffer.subarray(0, 5000)), SMALL[3]]);
  await expect(page.getByTestId('ex-own-error')).toContainText('mini-t10k-images-idx3-ubyte: truncated data: the header announces 100 images of 28 × 28 (78400 bytes), the file holds 4984');
  await drop(page, SMALL);
  await expect(page.getByTestId('ex-own-status')).toHaveText(`Your files: ${SUMMARY}.`, { timeout: 30_000 });
  await expect(page.getByTestId('ex-own-error')).toHaveCount(0);
  await expect(page.getByTestId('ex-data-own')).toBeChecked();
});

test('a link that trains on own files asks for them again, and never trains on Fashion-MNIST instead', async ({ page }) => {
  await open(page, '/#v=1&ex.data.kind=own&ex.data.name=emnist-letters-train-images-idx3-ubyte.gz');
  await expect(page.getByTestId('ex-own-missing')).toContainText('emnist-letters-train-images-idx3-ubyte.gz');
  await expect(page.getByTestId('ex-own-missing')).toContainText('A link cannot carry files: load the same four files again');
  await expect(page.getByTestId('ex-load-done')).toContainText('60,000 training', { timeout: 60_000 });
  // Fashion-MNIST is loaded, but the link asks for own data: Run stays off until the files come.
  await expect(page.getByTestId('ex-run')).toBeDisabled();
  await page.getByTestId('ex-own-files').setInputFiles(SMALL);
  await expect(page.getByTestId('ex-own-missing')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId('ex-run')).toBeEnabled();
});
