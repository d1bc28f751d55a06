/** Shared helpers for the end-to-end tests of the SAM–Bayes Lab page. */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';

export const OBJECTIVE_NAMES = ['loss', 'expected', 'sam', 'relaxed', 'biconjugate'] as const;
export type Objective = (typeof OBJECTIVE_NAMES)[number];

/** Console errors and warnings and uncaught page errors, collected from before the first load. */
export function collectProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console.${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  return problems;
}

export function panel(page: Page): Locator {
  return page.getByTestId('landscape1d');
}

export function curve(page: Page, name: Objective): Locator {
  return panel(page).locator(`path[data-objective="${name}"]`);
}

/** The raw `data-values` attribute of a curve. */
export async function rawValues(page: Page, name: Objective): Promise<string> {
  return (await curve(page, name).getAttribute('data-values')) ?? '';
}

/** The plotted values of a curve; non-finite entries (empty in the attribute) come back as NaN. */
export async function curveValues(page: Page, name: Objective): Promise<number[]> {
  const raw = await rawValues(page, name);
  return raw.split(',').map((s) => (s === '' ? NaN : Number(s)));
}

/** x of the centre of an element's bounding box, in page pixels. */
export async function centerX(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  expect(box, 'element has a bounding box').not.toBeNull();
  return box!.x + box!.width / 2;
}

/**
 * E_σ ≤ B_σ at every grid point where both are finite. The tolerance allows the 12-digit rounding of
 * the attribute (≤ 5e-12 relative per value) on top of the 1e-9 asked for.
 */
export function expectExpectedBelowBiconjugate(expected: number[], biconjugate: number[]): void {
  expect(biconjugate.length).toBe(expected.length);
  let compared = 0;
  const bad: string[] = [];
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i];
    const b = biconjugate[i];
    if (!Number.isFinite(e) || !Number.isFinite(b)) continue;
    compared++;
    if (e > b + 1e-9 + 1e-11 * Math.abs(b)) bad.push(`i=${i}: E=${e} > B=${b}`);
  }
  expect(compared, 'points where both are finite').toBeGreaterThan(expected.length / 2);
  expect(bad.slice(0, 5), `${bad.length} points with E > B`).toEqual([]);
}

/** Clicks a download button (once enabled) and returns the saved file's name and text. */
export async function download(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const button = page.getByTestId(testId);
  await expect(button).toBeEnabled({ timeout: 120_000 });
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), button.click()]);
  const path = await dl.path();
  expect(path, `${testId} saved a file`).toBeTruthy();
  return { name: dl.suggestedFilename(), text: await readFile(path!, 'utf8') };
}

/** A CSV as its header and rows of numbers ('Infinity', 'NaN' read as such). */
export function parseCsv(text: string): { header: string[]; rows: number[][] } {
  expect(text.endsWith('\n')).toBe(true);
  const [head, ...lines] = text.trimEnd().split('\n');
  return { header: head.split(','), rows: lines.map((l) => l.split(',').map(Number)) };
}
