/**
 * `npx tsx bench/browser.ts`: training speed and page smoothness in real headless Chromium, printed as a
 * Markdown table of medians. It builds the app plus a bench-only page (bench/vite.bench.config.ts) into its own
 * outDir, serves it with `vite preview` on 127.0.0.1:$BENCH_PORT (default 4190), and measures:
 *  - the app (real training worker, driven through the UI): the official bSAM demo on cpu, webgl and webgpu,
 *    reading the steps/s the app itself shows; the time from pressing play to the first step on screen; the
 *    page's frames per second (requestAnimationFrame) and its longest main-thread task ('longtask') while training;
 *  - the bench page (a bench-only worker stepping TrainingRun, nothing drawn): the same demo and the 2-16-16-1
 *    SGD case on cpu, webgl, webgpu and the tfjs wasm backend, which the app does not offer;
 *  - Node cpu (bench/train.ts), for comparison.
 * Env: BENCH_PORT, BENCH_OUT (default /tmp/dist-bench), BENCH_SECONDS (app seconds per backend, default 8),
 * BENCH_REPEATS (default 3), BENCH_SKIP_BUILD=1 to reuse an existing build, BENCH_APP_BACKENDS (a comma list of
 * the app backends to measure, default all), BENCH_PARTS (a comma list of app, slice, page, node; default all).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { get } from 'node:http';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { BenchBackend, BenchCase, BenchRequest, BenchResponse } from './browser/bench-protocol.ts';
import { OFFICIAL_BSAM_DEMO } from '../src/state/training.ts';
import { tf } from '../src/train/tf.ts';
import { SMALL_MLP, stepsPerSecond } from './train.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONFIG = 'bench/vite.bench.config.ts';
// 'fused' is the app's hand-fused CPU engine (no tfjs); the others are tfjs backends.
const APP_BACKENDS = ['fused', 'cpu', 'webgl', 'webgpu'] as const;
const PAGE_BACKENDS: BenchBackend[] = ['cpu', 'wasm', 'webgl', 'webgpu'];

export interface BrowserBenchOptions {
  port?: number;
  outDir?: string;
  /** Seconds of training per app measurement. */
  appSeconds?: number;
  repeats?: number;
  skipBuild?: boolean;
}

export function median(values: number[]): number {
  const finite = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!finite.length) return Number.NaN;
  const mid = Math.floor(finite.length / 2);
  return finite.length % 2 ? finite[mid] : (finite[mid - 1] + finite[mid]) / 2;
}

export async function serve(port: number, outDir: string): Promise<ChildProcess> {
  const server = spawn('npx', ['vite', 'preview', '--config', CONFIG, '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', outDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so stopping it also stops the node process npx starts.
    detached: true,
  });
  let log = '';
  server.stdout?.on('data', (d: Buffer) => (log += String(d)));
  server.stderr?.on('data', (d: Buffer) => (log += String(d)));
  let exited: number | null = null;
  server.on('exit', (code) => (exited = code ?? -1));
  // Generous: on a loaded 2-core machine vite takes a while to load its config and start.
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline && exited === null) {
    if (await answers(port)) return server;
    await new Promise((r) => setTimeout(r, 300));
  }
  stop(server);
  throw new Error(`vite preview did not answer on port ${port}${exited !== null ? ` (it exited with ${exited}: port taken?)` : ''}\n${log}`);
}

/** Whether the preview server answers (node:http: Node's fetch failed here against a listening server). */
function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = get({ host: '127.0.0.1', port, path: '/', timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
  });
}

export function stop(server: ChildProcess): void {
  if (server.pid !== undefined) {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
}

/** Observers installed before the app's scripts: long tasks and animation frames, kept on `window.__bench`. */
const OBSERVERS = `
  window.__bench = { longtasks: [], frames: [], recording: false };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (window.__bench.recording) window.__bench.longtasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: false });
  const tick = (t) => { if (window.__bench.recording) window.__bench.frames.push(t); requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
`;

interface AppMeasurement {
  /** The panel's status at the end: 'running' unless the run failed or diverged. */
  status: string;
  stepsPerSecond: number;
  playToFirstStepMs: number;
  fps: number;
  longestTaskMs: number;
  longTasks: number;
}

/**
 * Clicks `button` and times, in the page, until an element matches `done` (a MutationObserver, so there is no
 * polling gap: Playwright's waitFor polls at up to 500 ms intervals). NaN when `done` already matched before the
 * click or never matched within `timeoutMs`. (No named helper functions inside: tsx would wrap them in a __name
 * the page does not have.)
 */
function clickAndTime(page: Page, button: string, done: string, timeoutMs: number): Promise<number> {
  return page.evaluate(
    ({ button, done, timeoutMs }) =>
      new Promise<number>((resolve) => {
        if (document.querySelector(done)) return resolve(Number.NaN);
        const observer = new MutationObserver(() => {
          if (!document.querySelector(done)) return;
          observer.disconnect();
          resolve(performance.now() - t0);
        });
        observer.observe(document.body, { attributes: true, childList: true, subtree: true });
        setTimeout(() => {
          observer.disconnect();
          resolve(Number.NaN);
        }, timeoutMs);
        const t0 = performance.now();
        (document.querySelector(button) as HTMLButtonElement).click();
      }),
    { button, done, timeoutMs },
  );
}

/** Stops recording frames and long tasks; the page's fps and its long tasks since recording began. */
function stopRecording(page: Page): Promise<{ fps: number; longest: number; count: number }> {
  return page.evaluate(() => {
    const b = (window as unknown as { __bench: { longtasks: number[]; frames: number[]; recording: boolean } }).__bench;
    b.recording = false;
    const f = b.frames;
    const fps = f.length > 1 ? ((f.length - 1) * 1000) / (f[f.length - 1] - f[0]) : 0;
    return { fps, longest: b.longtasks.length ? Math.max(...b.longtasks) : 0, count: b.longtasks.length };
  });
}

/** One app run: open, choose the backend, press play, watch for `seconds`, pause. */
async function measureApp(browser: Browser, base: string, backend: (typeof APP_BACKENDS)[number], seconds: number): Promise<AppMeasurement> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  try {
    await page.addInitScript(OBSERVERS);
    // The demo's 250 epochs (750 steps) end in under a second on the fused engine, and the run pauses at its
    // last epoch; with many more epochs its cosine schedule keeps α near 0.5, which diverges after a few
    // thousand steps; so does α = 0.05 (after about 5,000) and 0.02 (about 10,000), which would end the
    // measurement early. So: the demo's data, network, batch and K, with 100,000 epochs and α = 0.01, which
    // stays finite past 30,000 steps (a step costs the same whatever α is).
    await page.goto(base + '/#v=1&tr.epochs=100000&tr.optimizer.learningRate=0.01');
    const panel = page.getByTestId('training-panel');
    await panel.scrollIntoViewIfNeeded();
    await page.getByTestId('train-backend-select').selectOption(backend);
    await page.waitForFunction(
      (b) =>
        document.querySelector('[data-testid=train-backend]')?.getAttribute('data-active') === b &&
        document.querySelector('[data-testid=training-panel]')?.getAttribute('data-status') === 'paused',
      backend,
      { timeout: 300_000 },
    );
    // Press play and time until the step shown leaves 0; a run that fails before its first step (the status says why) gives NaN.
    const playToFirstStepMs = await clickAndTime(page, '[data-testid=train-play]', '[data-testid=training-panel]:not([data-step="0"])', 120_000);
    await page.evaluate(() => ((window as unknown as { __bench: { recording: boolean } }).__bench.recording = true));
    // The app shows a cumulative rate since play; sample it each second and keep the second half.
    const rates: number[] = [];
    for (let s = 0; s < seconds; s++) {
      await page.waitForTimeout(1000);
      // The rate is the status line's last span ("12 steps/s"); the whole line's text runs "epoch 3 / 250"
      // straight into it.
      const text = (await page.locator('[data-testid=train-status] > span:last-child').textContent()) ?? '';
      const m = /^([\d.]+)\s*steps\/s/.exec(text.trim());
      rates.push(m ? Number(m[1]) : Number.NaN);
    }
    const stats = await stopRecording(page);
    const status = await page.getByTestId('training-panel').getAttribute('data-status');
    if (status === 'running') await page.getByTestId('train-play').click();
    return {
      status: status ?? '',
      stepsPerSecond: median(rates.slice(Math.floor(rates.length / 2))),
      playToFirstStepMs,
      fps: stats.fps,
      longestTaskMs: stats.longest,
      longTasks: stats.count,
    };
  } finally {
    await page.close();
  }
}

/**
 * The network-slice panel (issue 4): after 30 fused bSAM steps of the official demo, a 41 × 41 slice with 16
 * posterior samples per point; the time from the click to the drawn maps, and the page's fps and long tasks
 * meanwhile (the slice runs in its own worker).
 */
async function measureSlice(browser: Browser, base: string): Promise<{ ms: number; fps: number; longestTaskMs: number }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  try {
    await page.addInitScript(OBSERVERS);
    await page.goto(base + '/');
    await page.getByTestId('training-panel').scrollIntoViewIfNeeded();
    await page.getByTestId('train-backend-select').selectOption('fused');
    await page.waitForFunction(() => document.querySelector('[data-testid=training-panel]')?.getAttribute('data-status') === 'paused', undefined, { timeout: 120_000 });
    for (let k = 0; k < 30; k++) await page.getByTestId('train-step').click();
    await page.getByTestId('slice-panel').scrollIntoViewIfNeeded();
    await page.evaluate(() => ((window as unknown as { __bench: { recording: boolean } }).__bench.recording = true));
    // From the click to the caption of the drawn maps (a fresh page has no slice yet).
    const ms = await clickAndTime(page, '[data-testid=slice-compute]', '[data-testid=slice-caption]', 300_000);
    const stats = await stopRecording(page);
    return { ms, fps: stats.fps, longestTaskMs: stats.longest };
  } finally {
    await page.close();
  }
}

async function measurePage(page: Page, backend: BenchBackend, which: BenchCase, repeats: number): Promise<BenchResponse> {
  const request: BenchRequest = { backend, case: which, seconds: backend === 'webgpu' ? 6 : 3, repeats: backend === 'webgpu' ? 1 : repeats };
  return page.evaluate((r) => (window as unknown as { trainBench(r: BenchRequest): Promise<BenchResponse> }).trainBench(r), request);
}

const fmt = (x: number, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : '—');

/** All rows: [case, backend, median steps/s, notes]. */
export async function browserRows(options: BrowserBenchOptions = {}): Promise<string[][]> {
  const port = options.port ?? Number(process.env.BENCH_PORT ?? 4190);
  const outDir = options.outDir ?? process.env.BENCH_OUT ?? '/tmp/dist-bench';
  const seconds = options.appSeconds ?? Number(process.env.BENCH_SECONDS ?? 8);
  const repeats = options.repeats ?? Number(process.env.BENCH_REPEATS ?? 3);
  if (!(options.skipBuild ?? process.env.BENCH_SKIP_BUILD === '1')) {
    execFileSync('npx', ['vite', 'build', '--config', CONFIG, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  }
  const server = await serve(port, outDir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--enable-unsafe-webgpu'],
  });
  const base = `http://127.0.0.1:${port}`;
  const rows: string[][] = [];
  const parts = new Set((process.env.BENCH_PARTS ?? 'app,slice,page,node').split(','));
  const appBackends = APP_BACKENDS.filter((b) => !process.env.BENCH_APP_BACKENDS || process.env.BENCH_APP_BACKENDS.split(',').includes(b));
  try {
    for (const backend of parts.has('app') ? appBackends : []) {
      const runs: AppMeasurement[] = [];
      // WebGPU here is SwiftShader (minutes per run on a loaded machine): measured once, at twice the length.
      const n = backend === 'webgpu' ? 1 : repeats;
      for (let r = 0; r < n; r++) runs.push(await measureApp(browser, base, backend, backend === 'webgpu' ? 2 * seconds : seconds));
      const pick = (f: (m: AppMeasurement) => number) => median(runs.map(f));
      console.error(`app ${backend}: ${JSON.stringify(runs)}`);
      rows.push([
        'bSAM official demo, app (worker + grid + UI)',
        `Chromium ${backend} (n = ${runs.length})`,
        fmt(pick((m) => m.stepsPerSecond), 1),
        `${runs.every((m) => m.status === 'running') ? '' : `status ${runs.map((m) => m.status).join('/')}; `}play→first step ${fmt(pick((m) => m.playToFirstStepMs))} ms; ${fmt(pick((m) => m.fps))} fps; longest task ${fmt(pick((m) => m.longestTaskMs))} ms (${fmt(pick((m) => m.longTasks))} long tasks)`,
      ]);
    }
    const slices = [];
    for (let r = 0; r < (parts.has('slice') ? repeats : 0); r++) slices.push(await measureSlice(browser, base));
    console.error(`slice: ${JSON.stringify(slices)}`);
    if (slices.length) rows.push([
      'network slice 41×41, 16 posterior samples, official demo net (app, two slice workers)',
      'Chromium (WebAssembly SIMD)',
      '—',
      `${fmt(median(slices.map((x) => x.ms)))} ms (target ≤ 2,000); ${fmt(median(slices.map((x) => x.fps)))} fps; longest task ${fmt(median(slices.map((x) => x.longestTaskMs)))} ms`,
    ]);
    const page = await browser.newPage();
    await page.goto(`${base}/bench/browser/bench.html`);
    for (const which of parts.has('page') ? (['bsam-demo', 'sgd-small'] as const) : []) {
      for (const backend of PAGE_BACKENDS) {
        const r = await measurePage(page, backend, which, repeats);
        console.error(`page ${which} ${backend}: ${JSON.stringify(r)}`);
        const name = which === 'bsam-demo' ? 'bSAM official demo, bench worker (steps only)' : 'SGD 2-16-16-1 tanh, 256 points, bench worker';
        if (r.ok) rows.push([name, `Chromium ${r.backend}`, fmt(median(r.rates), 1), `first step ${fmt(r.firstStepMs)} ms; tensors ${r.tensorsBefore}→${r.tensorsAfter}`]);
        else rows.push([name, `Chromium ${backend}`, '—', r.message]);
      }
    }
    await page.close();
  } finally {
    await browser.close();
    stop(server);
  }
  if (!parts.has('node')) return rows;
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  rows.push(['bSAM official demo, Node (steps only)', 'Node cpu', fmt(median(Array.from({ length: repeats }, () => stepsPerSecond(OFFICIAL_BSAM_DEMO, 3))), 1), '']);
  rows.push(['SGD 2-16-16-1 tanh, 256 points, Node', 'Node cpu', fmt(median(Array.from({ length: repeats }, () => stepsPerSecond(SMALL_MLP, 3))), 1), '']);
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const rows = await browserRows();
  console.log('| case | backend | median steps/s | notes (medians) |');
  console.log('|---|---|---:|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
}
