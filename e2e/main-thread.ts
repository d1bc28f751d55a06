/**
 * The page's main-thread tasks with their CPU time, from a Chrome trace (RunTask events of the
 * renderer's main thread). A long task's wall time on this shared 2-core machine is mostly other
 * processes' time: at load 28 a task of 54 ms CPU lasted 802 ms (issue 10). The CPU time is the work
 * the page itself asks of its main thread, which is what a fix controls; the wall time is kept for the report.
 */
import type { Browser, Page } from '@playwright/test';

export interface MainThreadTask {
  /** ms from the start of the trace */
  start: number;
  wall: number;
  cpu: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

/** Starts a trace of the page's tasks; the returned function stops it and gives every task of the renderer's main thread. */
export async function traceMainThread(browser: Browser, page: Page): Promise<() => Promise<MainThreadTask[]>> {
  await browser.startTracing(page, { categories: ['disabled-by-default-devtools.timeline'] });
  return async () => {
    const buffer = await browser.stopTracing();
    const parsed = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
    const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
    const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
    const tasksOf = (m: TraceEvent) => events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.pid === m.pid && e.tid === m.tid);
    // The page's renderer is the busiest one (a spare renderer may be traced too).
    const tasks = mains.map(tasksOf).sort((a, b) => b.length - a.length)[0] ?? [];
    const t0 = tasks.length ? Math.min(...tasks.map((t) => t.ts)) : 0;
    return tasks.map((t) => ({ start: (t.ts - t0) / 1000, wall: (t.dur ?? 0) / 1000, cpu: (t.tdur ?? 0) / 1000 }));
  };
}

/** Tasks whose CPU time exceeds `limitMs`, described for an assertion message. */
export function cpuHeavy(tasks: readonly MainThreadTask[], limitMs = 100): string[] {
  return tasks.filter((t) => t.cpu > limitMs).map((t) => `${Math.round(t.cpu)} ms CPU (${Math.round(t.wall)} ms wall) at ${Math.round(t.start)}`);
}

/** The longest tasks, for the test's annotations. */
export function describeLongest(tasks: readonly MainThreadTask[], n = 3): string {
  return [...tasks]
    .sort((a, b) => b.cpu - a.cpu)
    .slice(0, n)
    .map((t) => `${Math.round(t.cpu)} ms CPU / ${Math.round(t.wall)} ms wall`)
    .join(', ');
}
