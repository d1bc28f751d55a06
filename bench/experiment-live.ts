/**
 * `npx tsx bench/experiment-live.ts`: the Fashion-MNIST experiment panel as a user sees it, in headless
 * Chromium against the built app (the same build and server as bench/browser.ts).
 *  1. Time to ≥ 80% test accuracy: the live preset (784-100-10 ELU, 10,000 images, batch 100, the panel's
 *     bSAM: α 0.5, ρ 0.01, K 4; M = 16) on the fused engine, 3 epochs. After each epoch the runs table shows
 *     the test accuracy and the training seconds so far (steps alone, no evaluation); a MutationObserver in the
 *     page notes each epoch's row as it appears, with the wall time since Run was clicked (evaluations included).
 *  2. Steps/s per engine on the same setting: one epoch of bSAM per engine, steps of the epoch / its training
 *     seconds from the table. The slow engines (tfjs cpu, webgl and webgpu: SwiftShader here) train the first
 *     1,000 images (10 steps) rather than 10,000, with M = 1 so that the untimed evaluation stays short.
 * Env: BENCH_PORT (default 4191), BENCH_OUT (default /tmp/dist-bench-experiment), BENCH_SKIP_BUILD=1,
 * BENCH_ENGINES (comma list; default fused,wasm,cpu,webgl,webgpu), BENCH_PARTS (live,engines; default both).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { serve, stop } from './browser.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONFIG = 'bench/vite.bench.config.ts';
const BSAM_ONLY = 'ex.optimizers.sgd=false&ex.optimizers.sam-sgd=false';

interface EpochSeen {
  epoch: number;
  accuracy: number;
  trainSeconds: number;
  wallSeconds: number;
}

/**
 * Opens the panel at `fragment`, waits for the dataset, clicks Run, and returns each epoch of bSAM's
 * mean-weights row as it appeared, and the engine that ran.
 */
async function runPanel(browser: Browser, base: string, fragment: string): Promise<{ epochs: EpochSeen[]; engine: string; reason: string }> {
  // A fresh page each time (a new fragment alone would not reload the app); the files come from Cache Storage after the first.
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.setDefaultTimeout(900_000);
  try {
    return await runOnPage(page, base, fragment);
  } finally {
    await page.close();
  }
}

async function runOnPage(page: Page, base: string, fragment: string): Promise<{ epochs: EpochSeen[]; engine: string; reason: string }> {
  await page.goto(`${base}/#v=1&${fragment}`);
  const section = page.locator('section.experiment');
  await section.getByTestId('ex-open').click();
  await section.getByTestId('ex-load-done').waitFor({ timeout: 600_000 });
  const seen = page.evaluate(
    // No named functions inside (a const arrow is named too): tsx wraps them in a __name the page does not have.
    () =>
      new Promise<EpochSeen[]>((resolve) => {
        const epochs: EpochSeen[] = [];
        let t0 = 0;
        const observer = new MutationObserver(() => {
          const row = document.querySelector('[data-testid=ex-run-bsam-0-mean]');
          if (row) {
            const epoch = Number(row.querySelectorAll('td')[1]?.textContent?.replace('…', '').trim());
            if (epochs.length === 0 || epochs[epochs.length - 1].epoch !== epoch)
              epochs.push({
                epoch,
                accuracy: Number(row.querySelector('[data-metric=accuracy]')?.getAttribute('data-value')),
                trainSeconds: Number(row.querySelector('[data-metric=trainSeconds]')?.getAttribute('data-value')),
                wallSeconds: (performance.now() - t0) / 1000,
              });
          }
          const status = document.querySelector('[data-testid=ex-status]')?.textContent ?? '';
          if (status.startsWith('Finished') || status.startsWith('Cancelled') || document.querySelector('section.experiment [role=alert]')) {
            observer.disconnect();
            resolve(epochs);
          }
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
        t0 = performance.now();
        (document.querySelector('[data-testid=ex-run]') as HTMLButtonElement).click();
      }),
  );
  const epochs = await seen;
  const active = section.getByTestId('ex-engine-active');
  return { epochs, engine: (await active.getAttribute('data-active')) ?? '?', reason: (await active.textContent()) ?? '' };
}

const fmt = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '—');

/** Both tables as Markdown lines (also part of `npm run bench`, with the browser rows). */
export async function experimentLiveLines(): Promise<string[]> {
  const lines: string[] = [];
  const log = (line: string) => {
    lines.push(line);
  };
  const port = Number(process.env.BENCH_PORT ?? 4191);
  const outDir = process.env.BENCH_OUT ?? '/tmp/dist-bench-experiment';
  const parts = new Set((process.env.BENCH_PARTS ?? 'live,engines').split(','));
  const engines = (process.env.BENCH_ENGINES ?? 'fused,wasm,cpu,webgl,webgpu').split(',');
  if (process.env.BENCH_SKIP_BUILD !== '1') execFileSync('npx', ['vite', 'build', '--config', CONFIG, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  const server = await serve(port, outDir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--enable-unsafe-webgpu'],
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    if (parts.has('live')) {
      const live = await runPanel(browser, base, `${BSAM_ONLY}&ex.engine=fused`);
      console.error(`live: ${JSON.stringify(live)}`);
      const first = live.epochs.find((e) => e.accuracy >= 0.8);
      const last = live.epochs[live.epochs.length - 1];
      log('| live preset, bSAM, fused engine (app) | epoch | test accuracy (mean weights) | training s so far | wall s since Run |');
      log('|---|---:|---:|---:|---:|');
      for (const e of live.epochs) log(`| ${e === first ? '**first ≥ 80%**' : ''} | ${e.epoch} | ${fmt(e.accuracy, 4)} | ${fmt(e.trainSeconds)} | ${fmt(e.wallSeconds)} |`);
      log('');
      log(first ? `≥ 80% after epoch ${first.epoch}: ${fmt(first.trainSeconds)} s of training (${fmt(first.wallSeconds)} s wall); final accuracy ${fmt(last.accuracy, 4)}` : `80% not reached in ${live.epochs.length} epochs (final ${fmt(last?.accuracy ?? NaN, 4)})`);
    }
    if (parts.has('engines')) {
      log('');
      log('| engine (requested → ran) | images (steps) | training s | steps/s |');
      log('|---|---:|---:|---:|');
      for (const engine of engines) {
        const size = engine === 'fused' || engine === 'wasm' ? 10_000 : 1000;
        const r = await runPanel(browser, base, `${BSAM_ONLY}&ex.epochs=1&ex.size=${size}&ex.predictiveSamples=1&ex.engine=${engine}`);
        console.error(`${engine}: ${JSON.stringify(r)}`);
        const e = r.epochs[r.epochs.length - 1];
        const steps = size / 100;
        log(`| ${engine} → ${r.engine} | ${size} (${steps}) | ${fmt(e?.trainSeconds ?? NaN)} | ${fmt(steps / (e?.trainSeconds ?? NaN), 1)} |`);
      }
    }
  } finally {
    await browser.close();
    stop(server);
  }
  return lines;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const line of await experimentLiveLines()) console.log(line);
}
