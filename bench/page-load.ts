/**
 * `npx tsx bench/page-load.ts`: what opening the page costs, as a visitor (and every e2e test) pays it. Fresh
 * browser contexts open the built app at 1400 × 1000; for each load: when each panel first reports a settled
 * status (`data-status` ready / paused / waiting), and the CPU seconds all of Chromium's processes spent from
 * the navigation until 3 s after the last panel settled (from /proc, so Linux only). Medians over the loads.
 * Env: BENCH_PORT (default 4192), BENCH_OUT (default /tmp/dist-bench-load), BENCH_SKIP_BUILD=1, BENCH_LOADS (5).
 */
import { execFileSync, execSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';
import { serve, stop } from './browser.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONFIG = 'bench/vite.bench.config.ts';
const PANELS = ['landscape1d-status', 'msigma-panel', 'minimisers-panel', 'training-panel', 'landscape2d'] as const;
const SETTLED = /^(ready|paused|waiting|finished)$/;

/** CPU seconds used so far by every Chromium process (user + system), summed over /proc. */
function chromiumCpuSeconds(): number {
  const ticks = execSync("for p in $(pgrep -f /usr/lib/chromium/chromium); do awk '{print $14+$15}' /proc/$p/stat 2>/dev/null; done").toString();
  return ticks.split('\n').filter(Boolean).map(Number).reduce((a, b) => a + b, 0) / 100;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function pageLoadTable(): Promise<string> {
  const port = Number(process.env.BENCH_PORT ?? 4192);
  const outDir = process.env.BENCH_OUT ?? '/tmp/dist-bench-load';
  const loads = Number(process.env.BENCH_LOADS ?? 5);
  if (process.env.BENCH_SKIP_BUILD !== '1') execFileSync('npx', ['vite', 'build', '--config', CONFIG, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  const server = await serve(port, outDir);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--no-first-run', '--enable-unsafe-webgpu'] });
  const settledAt: Record<string, number[]> = Object.fromEntries(PANELS.map((p) => [p, []]));
  const cpu: number[] = [];
  const lastSettled: number[] = [];
  const loadStart = os.loadavg()[0];
  try {
    for (let k = 0; k < loads; k++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
      const page = await context.newPage();
      const c0 = chromiumCpuSeconds();
      const t0 = Date.now();
      await page.goto(`http://127.0.0.1:${port}/`);
      const seen = new Map<string, number>();
      while (seen.size < PANELS.length && Date.now() - t0 < 120_000) {
        const statuses = await page.evaluate((ids) => ids.map((id) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute('data-status') ?? ''), [...PANELS]);
        statuses.forEach((s, i) => {
          if (SETTLED.test(s) && !seen.has(PANELS[i])) seen.set(PANELS[i], (Date.now() - t0) / 1000);
        });
        await page.waitForTimeout(100);
      }
      await page.waitForTimeout(3000);
      cpu.push(chromiumCpuSeconds() - c0);
      for (const p of PANELS) settledAt[p].push(seen.get(p) ?? NaN);
      lastSettled.push(Math.max(...PANELS.map((p) => seen.get(p) ?? NaN)));
      await context.close();
    }
  } finally {
    await browser.close();
    stop(server);
  }
  const lines = [
    `Page load, built app, 1400 × 1000, ${loads} fresh contexts; ${os.cpus().length} cores, load ${loadStart.toFixed(1)} → ${os.loadavg()[0].toFixed(1)}, ${new Date().toISOString()}`,
    '',
    '| measure (median) | value |',
    '|---|---:|',
    ...PANELS.map((p) => `| ${p} settled, s after navigation | ${median(settledAt[p]).toFixed(1)} |`),
    `| every panel settled, s | ${median(lastSettled).toFixed(1)} |`,
    `| Chromium CPU s, navigation to 3 s after the last panel settled | ${median(cpu).toFixed(1)} |`,
  ];
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log(await pageLoadTable());
