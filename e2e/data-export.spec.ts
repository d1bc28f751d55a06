// Data export from the built app (issue 11): each panel's Data CSV and JSON download, parse, hold one row
// per computed point, and agree with what the panel shows (the 1-D readout under the pointer, the 2-D
// maps' value ranges). A million-point 1-D landscape offers no file: the page holds only its plotted points.
import { expect, test } from '@playwright/test';
import { collectProblems, download, OBJECTIVE_NAMES, parseCsv } from './helpers.ts';

/** The readout's formatting (src/ui/kit/format.ts formatValue), to compare a file's value with the screen. */
function asShown(v: number): string {
  if (v === Infinity) return '+∞';
  if (Number.isNaN(v)) return 'n/a';
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(2).replace('-', '−');
  return String(Number(v.toPrecision(4))).replace('-', '−');
}

const fromJson = (v: number | null, csv: number) => (v === null ? !Number.isFinite(csv) : v === csv);

test('1-D panel: Data CSV and JSON hold every grid point, and the value under the pointer is the readout’s', async ({ page }) => {
  const problems = collectProblems(page);
  await page.goto('/#v=1&l1.from=-2&l1.to=2&l1.points=401&l1.sigma=0.25');
  const status = page.getByTestId('landscape1d-status');
  await expect(status).toHaveAttribute('data-status', 'ready', { timeout: 120_000 });
  await expect(page.locator('path[data-objective="loss"]')).toHaveAttribute('data-points', '401');

  const box = (await page.getByTestId('plot-area').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.5);
  await expect(page.getByTestId('readout')).toHaveAttribute('data-hover', 'true');
  const shownM = Number((await page.getByTestId('readout-m').textContent())!.replace('m = ', '').replace('−', '-'));
  const shown = Object.fromEntries(await Promise.all(OBJECTIVE_NAMES.map(async (n) => [n, await page.getByTestId(`readout-${n}`).textContent()] as const)));
  await page.mouse.move(0, 0);

  const csvFile = await download(page, 'export-csv-landscape-1d');
  expect(csvFile.name).toMatch(/^sam-bayes-lab_landscape-1d-data_[\d_-]+\.csv$/);
  const csv = parseCsv(csvFile.text);
  expect(csv.header).toEqual(['m', ...OBJECTIVE_NAMES]);
  expect(csv.rows).toHaveLength(401);
  expect(csv.rows[0][0]).toBe(-2);
  expect(csv.rows[400][0]).toBe(2);
  // The grid row under the pointer: the one nearest the m shown (4 digits are enough on a 0.01 grid).
  const i = csv.rows.reduce((best, r, k) => (Math.abs(r[0] - shownM) < Math.abs(csv.rows[best][0] - shownM) ? k : best), 0);
  OBJECTIVE_NAMES.forEach((name, c) => expect(asShown(csv.rows[i][c + 1]), `${name} at m = ${csv.rows[i][0]}`).toBe(shown[name]));

  const jsonFile = await download(page, 'export-json-landscape-1d');
  expect(jsonFile.name).toMatch(/\.json$/);
  const json = JSON.parse(jsonFile.text);
  expect(json.format).toBe('sam-bayes-lab/landscape-1d');
  expect(json.rows).toBe(401);
  expect(json.metadata).toMatchObject({ sigma: 0.25, rho: 0.3, domain: { from: -2, to: 2, points: 401 }, loss: { preset: 'sharp-flat' } });
  for (const [c, name] of ['m', ...OBJECTIVE_NAMES].entries()) {
    expect(json.data[name], name).toHaveLength(401);
    const differing = csv.rows.filter((r, k) => !fromJson(json.data[name][k], r[c]));
    expect(differing, `${name}: JSON and CSV agree`).toEqual([]);
  }
  await expect(page.getByTestId('export-data-status-landscape-1d')).toHaveText('Data JSON saved (401 rows).');
  expect(problems).toEqual([]);
});

test('2-D panel: Data CSV and JSON hold every map point, with the ranges the maps show', async ({ page }) => {
  const problems = collectProblems(page);
  await page.goto('/');
  const panel = page.getByTestId('landscape2d');
  await panel.scrollIntoViewIfNeeded();
  await expect(panel).toHaveAttribute('data-status', 'ready', { timeout: 120_000 });
  const maps = ['loss', 'expected', 'sam', 'relaxed'];

  const csv = parseCsv((await download(page, 'export-csv-landscape-2d')).text);
  expect(csv.header).toEqual(['x', 'y', ...maps]);
  expect(csv.rows).toHaveLength(128 * 128);
  expect(csv.rows[0].slice(0, 2)).toEqual([-3, -3]);
  expect(csv.rows[128 * 128 - 1].slice(0, 2)).toEqual([3, 3]);
  for (const [k, name] of maps.entries()) {
    const values = csv.rows.map((r) => r[k + 2]).filter(Number.isFinite);
    const canvas = panel.getByTestId(`map2d-canvas-${name}`);
    expect(Math.min(...values), `${name} min`).toBe(Number(await canvas.getAttribute('data-min')));
    expect(Math.max(...values), `${name} max`).toBe(Number(await canvas.getAttribute('data-max')));
  }

  const json = JSON.parse((await download(page, 'export-json-landscape-2d')).text);
  expect(json.rows).toBe(128 * 128);
  expect(json.metadata).toMatchObject({ sigma: 0.4, rho: 0.3, loss: { preset: 'sharp-flat-2d' }, x: { from: -3, to: 3, points: 128 } });
  expect(json.data.loss[5000]).toBe(csv.rows[5000][2]);
  expect(problems).toEqual([]);
});

test('(m, σ) panel: the grid in long format', async ({ page }) => {
  await page.goto('/');
  const panel = page.getByTestId('msigma-panel');
  await panel.scrollIntoViewIfNeeded();
  await expect(panel).toHaveAttribute('data-status', 'ready', { timeout: 120_000 });
  const csv = parseCsv((await download(page, 'export-csv-msigma')).text);
  expect(csv.header).toEqual(['m', 'sigma', 'expected', 'biconjugate', 'gap']);
  expect(csv.rows).toHaveLength(200 * 100);
  expect(csv.rows[0].slice(0, 2)).toEqual([-3, 0.05]);
  // B ≥ E wherever both are finite, and the gap column is their difference.
  const bad = csv.rows.filter(([, , e, b, gap]) => Number.isFinite(e) && Number.isFinite(b) && (b < e - 1e-9 || Math.abs(gap - (b - e)) > 1e-9 * (1 + Math.abs(b))));
  expect(bad.slice(0, 3)).toEqual([]);
  const json = JSON.parse((await download(page, 'export-json-msigma')).text);
  expect(json.metadata.sigma).toMatchObject({ from: 0.05, to: 2, points: 100 });
});

// A million points: the worker sends the page only the points the plot draws (issue 10), so the page has no
// whole grid to save; the buttons say so instead of saving a file that would pass for the grid.
test('1-D Data at 1,000,000 grid points: refused with the reason, not a thinned file', async ({ page }) => {
  test.setTimeout(600_000);
  await page.goto('/#v=1&l1.points=1000000');
  await expect(page.getByTestId('landscape1d-status')).toHaveAttribute('data-status', 'ready', { timeout: 500_000 });
  const csv = page.getByTestId('export-csv-landscape-1d');
  await expect(csv).toBeDisabled();
  await expect(csv).toHaveAttribute('title', /1,000,000 grid points: the page holds only the [\d,]+ points the plot draws/);
});

test('minimiser path: Data CSV and JSON hold one row per swept ρ, with the minimisers the plot draws', async ({ page }) => {
  const problems = collectProblems(page);
  await page.goto('/#v=1&mn.axis=rho');
  const panel = page.getByTestId('minimisers-panel');
  await panel.scrollIntoViewIfNeeded();
  await expect(panel).toHaveAttribute('data-status', 'ready', { timeout: 120_000 });
  const rhos = ((await page.getByTestId('minimisers-plot').getAttribute('data-values')) ?? '').split(',').map(Number);
  const samShown = ((await page.getByTestId('minimisers-line-sam').getAttribute('data-values')) ?? '').split(',').map(Number);

  const csv = parseCsv((await download(page, 'export-csv-minimiser-path')).text);
  expect(csv.header).toEqual(['rho', 'argmin_expected', 'argmin_sam', 'argmin_relaxed', 'argmin_biconjugate']);
  expect(csv.rows).toHaveLength(rhos.length);
  // The plot's attributes are rounded (4 significant digits for ρ, 4 decimals for m): the file is exact.
  csv.rows.forEach((r, j) => {
    expect(Number(r[0].toPrecision(4)), `ρ row ${j}`).toBe(rhos[j]);
    expect(Math.abs(r[2] - samShown[j]), `S's minimiser row ${j}`).toBeLessThanOrEqual(5e-5);
  });
  // E, R and B do not depend on ρ: the same number in every row.
  for (const k of [1, 3, 4]) expect(new Set(csv.rows.map((r) => r[k])).size).toBe(1);

  const json = JSON.parse((await download(page, 'export-json-minimiser-path')).text);
  expect(json.rows).toBe(rhos.length);
  expect(json.metadata).toMatchObject({ axis: 'rho', held: { sigma: 0.5 }, flat: ['expected', 'relaxed', 'biconjugate'] });
  expect(json.data.argmin_sam[10]).toBe(csv.rows[10][2]);
  expect(problems).toEqual([]);
});
